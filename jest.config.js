/** One jest run, four projects: fast unit tests, integration through GraphQL on a real database, e2e in Chromium, the Galera cluster. */
const transform = {
  // Transpile only (tsconfig's isolatedModules; `npm run typecheck` checks types); decorator metadata is kept.
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
};
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  // Real databases, real PDFs and a browser on a small shared machine: a slow hook is not a failure.
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/server/src/**/__tests__/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
    // Against a three-node Galera cluster (scripts/cluster/galera.sh); npm test skips it when none answers.
    { ...common, displayName: 'galera', testMatch: ['<rootDir>/tests/galera/**/*.test.ts'] },
  ],
};
