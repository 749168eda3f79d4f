import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * OpenPAI v0.16's own clients (its Python SDK and VS Code extension), kept outside this repository
 * in `../shared/openpai-clients` (PAI_OPENPAI_CLIENTS overrides). They are not part of the product.
 */
export function openPaiClientsDir(): string | undefined {
  const candidates = [
    process.env.PAI_OPENPAI_CLIENTS,
    resolve(REPO_ROOT, '../shared/openpai-clients'),
    resolve(REPO_ROOT, '../../shared/openpai-clients'),
  ];
  return candidates.find((dir) => dir !== undefined && existsSync(resolve(dir, 'SOURCE.txt')));
}

/** Debian's python3 (not another one on PATH): the SDK runs on its packages, without PyPI. */
export const DEBIAN_PYTHON = '/usr/bin/python3';

// ensurepip comes with python3-venv; without it `python3 -m venv` fails.
const PYTHON_MODULES = [
  'requests',
  'requests_toolbelt',
  'yaml',
  'html2text',
  'tabulate',
  'ensurepip',
];

/** Why the Python SDK cannot run here, or undefined when it can. */
export function pythonSdkMissing(): string | undefined {
  const clients = openPaiClientsDir();
  if (!clients)
    return 'OpenPAI’s clients are not in ../shared/openpai-clients (or PAI_OPENPAI_CLIENTS)';
  if (!existsSync(DEBIAN_PYTHON)) return `${DEBIAN_PYTHON} is missing (apt-get install python3)`;
  try {
    execFileSync(DEBIAN_PYTHON, ['-c', `import ${PYTHON_MODULES.join(', ')}`], { stdio: 'pipe' });
  } catch {
    return (
      'Debian’s python3 lacks a module the SDK needs: apt-get install python3-requests ' +
      'python3-requests-toolbelt python3-yaml python3-html2text python3-tabulate python3-venv'
    );
  }
  return undefined;
}
