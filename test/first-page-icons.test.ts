import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_PAGE_ICONS } from '../src/app/first-page-icons.ts';

const lib = join(process.cwd(), 'node_modules/@fluentui/font-icons-mdl2/lib');

/** Each subset of @fluentui/font-icons-mdl2: font family, woff file and icon code points. */
function packageSubsets() {
  return readdirSync(lib)
    .filter((file) => /^fabric-icons(-\d+)?\.js$/.test(file))
    .map((file) => {
      const source = readFileSync(join(lib, file), 'utf8');
      const font = /fontFamily: "\\"([^"\\]+)\\""/.exec(source)?.[1];
      const woff = /baseUrl, "([^"']+\.woff)/.exec(source)?.[1];
      const icons = Object.fromEntries(
        [...source.matchAll(/^\s*'?([A-Za-z0-9]+)'?: '\\u([0-9A-F]{4})'/gm)].map((m) => [
          m[1],
          String.fromCharCode(parseInt(m[2]!, 16)),
        ]),
      );
      return { font, woff, icons };
    });
}

describe('first-page icons', () => {
  const subsets = packageSubsets();

  it('reads the package subsets', () => {
    expect(subsets.length).toBe(19);
  });

  it.each(FIRST_PAGE_ICONS)(
    '$font: font file and code points match @fluentui/font-icons-mdl2',
    ({ font, file, icons }) => {
      const subset = subsets.find((candidate) => candidate.font === font);
      expect(subset?.woff).toBe(file);
      for (const [name, codePoint] of Object.entries(icons))
        expect(subset?.icons[name], name).toBe(codePoint);
    },
  );

  it('serves every font file from the build (vite.config.ts copies the whole fonts folder)', () => {
    const fonts = readdirSync(join(lib, '../fonts'));
    for (const { file } of FIRST_PAGE_ICONS) expect(fonts).toContain(file);
  });
});
