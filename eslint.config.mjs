// Flat ESLint config for the whole monorepo: `npx eslint apps libs tools` from the root.
//
// - TypeScript: typescript-eslint's `recommended` set (not the type-checked one: no type
//   information is built, so a full run stays fast on two cores).
// - Architecture: @nx/enforce-module-boundaries as an error. Shared libs depend only on shared
//   libs, each service depends only on shared libs (so no app ever imports another app), and no
//   lib depends on an app.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import { createProjectGraphAsync } from '@nx/devkit';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const APP_SCOPES = ['gateway', 'intake', 'casework', 'scheduling', 'evidence', 'billing', 'reporting', 'notify', 'webhooks', 'console', 'host'];

/**
 * The shared libraries form layers, each using only those below it, so a low layer never grows a
 * dependency on a high one (e.g. the protocol imports no other lib; the calendar only the protocol).
 * Each lib's project.json carries its `layer:<name>` tag.
 */
const LAYERS = {
  protocol: [],
  calendar: ['protocol'],
  platform: ['protocol', 'calendar'],
  jobs: ['protocol', 'platform'],
  messaging: ['protocol', 'platform'],
  documents: ['protocol', 'calendar', 'platform'],
  'contract-book': ['protocol', 'platform', 'messaging'],
  testing: ['protocol', 'calendar', 'platform', 'jobs', 'messaging'],
};
const LIBRARY_LAYERS = Object.entries(LAYERS).map(([layer, below]) =>
  below.length === 0
    ? { sourceTag: `layer:${layer}`, notDependOnLibsWithTags: ['type:lib'] }
    : { sourceTag: `layer:${layer}`, onlyDependOnLibsWithTags: below.map((name) => `layer:${name}`) },
);

/** Test code and test-only harnesses (apps/<service>/src/testing/). */
const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'apps/*/src/testing/**/*.ts'];

// @nx/enforce-module-boundaries reads the project graph that Nx caches under .nx/workspace-data;
// when there is no cache it prints a warning and silently skips the rule. Refresh the cache here
// so a plain `npx eslint` (fresh clone, CI, new project added) always enforces the boundaries.
// The daemon is off unless the caller asked for it, so linting never leaves a process behind.
process.env.NX_DAEMON ??= 'false';
try {
  await createProjectGraphAsync({ exitOnError: false });
} catch (error) {
  console.warn(`eslint.config.mjs: could not compute the Nx project graph (${error?.message ?? error}); module boundaries may not be checked`);
}

/** Node's globals, for the plain .js/.cjs/.mjs scripts under tools/. */
const NODE_GLOBALS = Object.fromEntries(
  [
    'console',
    'process',
    'Buffer',
    'URL',
    'URLSearchParams',
    'AbortController',
    'TextEncoder',
    'TextDecoder',
    'structuredClone',
    'fetch',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'clearImmediate',
    'queueMicrotask',
    'global',
  ].map((name) => [name, 'readonly']),
);
const COMMONJS_GLOBALS = { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', __filename: 'readonly' };

export default defineConfig(
  {
    name: 'mediation/ignores',
    ignores: ['**/dist/', '**/node_modules/', '**/.nx/', 'apps/*/src/generated/**', '**/coverage/', '**/tmp/'],
  },

  {
    name: 'mediation/typescript',
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },

  {
    name: 'mediation/javascript',
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 'latest', globals: NODE_GLOBALS },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    name: 'mediation/commonjs',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: COMMONJS_GLOBALS },
  },

  {
    name: 'mediation/module-boundaries',
    files: ['**/*.ts', '**/*.js', '**/*.cjs', '**/*.mjs'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            ...APP_SCOPES.map((app) => ({ sourceTag: `scope:${app}`, onlyDependOnLibsWithTags: ['scope:shared'] })),
            { sourceTag: 'type:lib', notDependOnLibsWithTags: ['type:app'] },
            ...LIBRARY_LAYERS,
          ],
        },
      ],
    },
  },

  {
    // Tests may use the test helpers of any layer; the layering above still holds for the code they test.
    name: 'mediation/module-boundaries-in-tests',
    files: TEST_FILES,
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['@mediation/testing'],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            ...APP_SCOPES.map((app) => ({ sourceTag: `scope:${app}`, onlyDependOnLibsWithTags: ['scope:shared'] })),
            { sourceTag: 'type:lib', notDependOnLibsWithTags: ['type:app'] },
            ...LIBRARY_LAYERS,
          ],
        },
      ],
    },
  },

  {
    name: 'mediation/no-test-helpers-in-production',
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: [...TEST_FILES, 'libs/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@mediation/testing', message: 'Production code never imports the test helpers: move what you need into the library it belongs to.' },
          ],
        },
      ],
    },
  },
);
