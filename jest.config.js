/**
 * One jest run, five projects: fast unit tests of the server and of the client's composables,
 * integration through GraphQL on a real database, e2e in Chromium, the Galera cluster.
 */
const transform = {
  // Transpile only (tsconfig's isolatedModules; `npm run typecheck` checks types); decorator metadata is kept.
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
};
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  // Real databases, real PDFs and a browser on a small shared machine: a slow hook is not a failure.
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/server/src/**/__tests__/**/*.test.ts', '<rootDir>/scripts/**/__tests__/**/*.test.ts'],
    },
    {
      // Composables mounted in a throwaway component (@vue/test-utils) in jsdom; CommonJS builds of Vue and Apollo.
      displayName: 'client',
      testEnvironment: 'jsdom',
      testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
      testMatch: ['<rootDir>/client/src/**/__tests__/**/*.test.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      moduleNameMapper: {
        '^@/(.*)$': '<rootDir>/client/src/$1',
        '^@rules$': '<rootDir>/server/src/core/field-rules.ts',
        // @vue/apollo-composable's CommonJS build requires Apollo's ES module by file name.
        '^@apollo/client/core/index\\.js$': '<rootDir>/node_modules/@apollo/client/core/core.cjs',
      },
      transform: {
        '^.+\\.ts$': [
          'ts-jest',
          {
            tsconfig: { target: 'ES2022', module: 'commonjs', moduleResolution: 'node', esModuleInterop: true, isolatedModules: true },
            diagnostics: false,
          },
        ],
      },
    },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
    // Against a three-node Galera cluster (scripts/cluster/galera.sh); npm test skips it when none answers.
    { ...common, displayName: 'galera', testMatch: ['<rootDir>/tests/galera/**/*.test.ts'] },
  ],
};
