import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import fileNames from './eslint/file-names.js';

// Imports flow one way: app → features → components, lib. A feature imports another feature only through its
// index.ts (its public face); src/testing (test helpers) may import anything. The zones are built from the folders
// in src/features, so a new feature is covered without editing this file.
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const featureZones = features.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [
    `./${feature}`,
    ...features.filter((other) => other !== feature).map((other) => `./${other}/index.ts`),
  ],
  message: 'Import another feature only through its index.ts.',
}));

export default tseslint.config(
  {
    ignores: [
      'dist',
      '.local',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['server/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', '*.config.{ts,js}', 'eslint/**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, local: fileNames },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.json'] }),
      ],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.jsx'],
    },
    rules: {
      'local/kebab-case-files': 'error',
      // A cycle through a lazy import() is not an evaluation cycle: a route's module may use the router's paths.
      'import-x/no-cycle': [
        'error',
        { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: true },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...featureZones,
            {
              target: ['./src/features', './src/components', './src/lib'],
              from: './src/app',
              message: 'Only src/app (and src/main.tsx) imports the app shell.',
            },
            {
              target: ['./src/components', './src/lib'],
              from: './src/features',
              message: 'Shared code (src/components, src/lib) imports no feature.',
            },
            {
              target: './src/lib',
              from: './src/components',
              message: 'src/lib is pure code: no shared UI.',
            },
            {
              target: ['./src/app', './src/features', './src/components', './src/lib'],
              from: './src/testing',
              message: 'Only tests import src/testing.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests may use the shared test helpers.
    files: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...featureZones,
            {
              target: ['./src/components', './src/lib'],
              from: './src/features',
              message: 'Shared code (src/components, src/lib) imports no feature.',
            },
          ],
        },
      ],
    },
  },
);
