// Jest for the whole monorepo, as three projects picked with --selectProjects:
//
//   npx jest --selectProjects unit           # *.spec.ts next to the code, no I/O
//   npx jest --selectProjects integration    # *.int-spec.ts, against real PostgreSQL/NATS/Redis
//   npx jest --selectProjects e2e            # e2e/**/*.e2e-spec.ts, against running services
//
// Every project compiles TypeScript with the build's own SWC options (tools/build/swc-options.cjs),
// so decorator metadata, class names and the @mediation/* path aliases behave exactly as in dist/.
const fs = require('node:fs');
const path = require('node:path');
const { swcOptions, root } = require('./tools/build/swc-options.cjs');
const tsconfig = require('./tsconfig.base.json');

/** The same aliases for Jest's resolver, so `jest.mock('@mediation/platform')` finds the module too. */
const aliasMapper = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [`^${alias.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`, `<rootDir>/${target}`]),
);

/** Only directories that exist: Jest refuses a `roots` entry that is missing (e2e/ may not exist yet). */
const existing = (...dirs) => dirs.filter((dir) => fs.existsSync(path.join(root, dir))).map((dir) => `<rootDir>/${dir}`);

const IGNORED = ['/node_modules/', '<rootDir>/dist/', '<rootDir>/coverage/', '<rootDir>/tmp/', '<rootDir>/\\.nx/', '/src/generated/'];

/** @type {import('jest').Config} */
const base = {
  rootDir: root,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions()] },
  moduleNameMapper: aliasMapper,
  testPathIgnorePatterns: IGNORED,
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  coveragePathIgnorePatterns: IGNORED,
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      roots: existing('apps', 'libs', 'tools'),
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'],
    },
    {
      ...base,
      displayName: 'integration',
      roots: existing('apps', 'libs', 'tools'),
      testMatch: ['**/*.int-spec.ts'],
      // No global setup: each suite makes its own database and NATS/Redis namespace (libs/testing),
      // and tools/test/run-tests.mjs finds the servers first.
    },
    {
      ...base,
      displayName: 'e2e',
      roots: existing('e2e'),
      testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
      // globalSetup / globalTeardown for e2e tests (build and start the services, wait for health,
      // stop them afterwards) will be added here by their owner:
      // globalSetup: '<rootDir>/…',
      // globalTeardown: '<rootDir>/…',
    },
  ],
};
