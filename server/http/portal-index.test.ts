import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { portalIndex } from './portal-index.ts';

describe('index.html with the config written in', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pai-index-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'index.html');
  const page = (head: string) => `<!doctype html><html><head>${head}</head><body></body></html>`;

  it('replaces the config.json preload with a JSON data block that no string can close', () => {
    writeFileSync(
      file,
      page('<link rel="preload" href="/config.json" as="fetch" crossorigin="anonymous" />'),
    );
    const html = portalIndex(dir, () => ({ restServerUri: '', note: '</script><script>x()' }))();
    expect(html).not.toContain('rel="preload"');
    const block = /<script type="application\/json" id="pai-config">(.*?)<\/script>/.exec(html);
    expect(JSON.parse(block![1]!)).toEqual({ restServerUri: '', note: '</script><script>x()' });
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('adds the block to a page without the preload, and follows a rebuilt file', () => {
    writeFileSync(file, page('<title>one</title>'));
    const html = portalIndex(dir, () => ({ restServerUri: '' }));
    expect(html()).toContain('<title>one</title><script type="application/json" id="pai-config">');
    writeFileSync(file, page('<title>two</title>'));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(html()).toContain('<title>two</title>');
  });
});
