import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** A feature never imports another feature; the arrows go app → features → components/lib → contract. */
const featureBoundaries = features.map((feature) => ({
  files: [`src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['**/server/**'], message: 'The portal never imports the server.' },
          { group: ['**/app/**'], message: 'Features do not import the app layer.' },
          ...features
            .filter((other) => other !== feature)
            .map((other) => ({
              group: [
                `**/features/${other}/**`,
                `**/features/${other}`,
                `../${other}/**`,
                `../../${other}/**`,
              ],
              message: `A feature never imports another feature (${feature} → ${other}).`,
            })),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.pai-data/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      'import-x/no-cycle': 'error',
      // Small modules: a file that grows past this is two modules.
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/server/**'], message: 'The portal never imports the server.' }],
        },
      ],
    },
  },
  {
    files: ['src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**'], message: 'The portal never imports the server.' },
            {
              group: ['**/features/**', '**/app/**', '**/api/**'],
              message: 'Shared code does not import features, the API layer or the app layer.',
            },
          ],
        },
      ],
    },
  },
  {
    // One file per endpoint (fetcher, queryOptions, key): features build hooks and UI on it.
    files: ['src/api/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**'], message: 'The portal never imports the server.' },
            {
              group: ['**/features/**', '**/app/**', '**/components/**'],
              message: 'src/api holds endpoints only: no features, app layer or UI.',
            },
            { group: ['react', 'react-dom'], message: 'src/api holds no hooks or components.' },
          ],
        },
      ],
    },
  },
  ...featureBoundaries,
  {
    // Page components compose; anything longer belongs in a component of its own.
    files: ['src/**/*-page.tsx'],
    rules: { 'max-lines': ['error', { max: 200, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: [
      'server/**/*.ts',
      'testing/**/*.ts',
      'bench/**/*.ts',
      'e2e/**/*.ts',
      'test/**/*.ts',
      '*.config.{ts,js}',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/**'], message: 'The server never imports the portal.' }] },
      ],
    },
  },
  {
    files: ['contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src/**', '**/server/**'], message: 'contract/ imports neither side.' },
          ],
        },
      ],
    },
  },
);
