// Jest projects by test layer (ARCHITECTURE.md "Test layers"). ESM throughout: NestJS 12 is ESM-only, so
// the test command runs Jest with --experimental-vm-modules. TypeScript is compiled by swc (types are
// checked separately by `npm run typecheck`).
import { readFileSync } from 'node:fs';

const swcrc = JSON.parse(readFileSync(new URL('./.swcrc', import.meta.url), 'utf8'));

const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleNameMapper: {
    '^@trialflow/(domain|contracts|config|event-store|read-models|notifications|demo-data)$': '<rootDir>/libs/$1/src/index.ts',
    // Source files import siblings as `./x.js` (Node ESM); Jest resolves them to the `.ts` files.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tools/', '<rootDir>/.data/'],
};

export default {
  testTimeout: 120_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows}/**/*.spec.ts', '<rootDir>/test/architecture/**/*.spec.ts', '<rootDir>/test/infra/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/fixtures/'],
    },
    {
      ...shared,
      displayName: 'workflow',
      setupFiles: ['<rootDir>/test/support/quiet-temporal-logs.ts'],
      testMatch: ['<rootDir>/test/workflow/**/*.workflow-spec.ts'],
    },
    {
      ...shared,
      displayName: 'replay',
      testMatch: ['<rootDir>/test/replay/**/*.replay-spec.ts'],
      setupFiles: ['<rootDir>/test/support/quiet-temporal-logs.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      setupFiles: ['<rootDir>/test/support/quiet-temporal-logs.ts'],
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/servers.global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/servers.global-teardown.mjs',
    },
    {
      ...shared,
      displayName: 'e2e',
      setupFiles: ['<rootDir>/test/support/quiet-temporal-logs.ts'],
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/servers.global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/servers.global-teardown.mjs',
    },
    {
      ...shared,
      // The web app in Debian's Chromium (playwright-core) against the real system, as e2e.
      displayName: 'browser',
      setupFiles: ['<rootDir>/test/support/quiet-temporal-logs.ts'],
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/servers.global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/servers.global-teardown.mjs',
    },
  ],
};
