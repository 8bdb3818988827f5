/** Jest runs TypeScript through swc; workspace packages resolve to their sources. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  testMatch: ['<rootDir>/{packages,plugins}/**/src/**/*.test.ts?(x)', '<rootDir>/scripts/**/*.test.js'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  moduleNameMapper: {
    // Sources import siblings as './x.js' (Node ESM style); jest resolves them to './x'.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@atrium/plugin-api$': '<rootDir>/packages/plugin-api/src/index.ts',
    '^@atrium/plugin-api/(.*)$': '<rootDir>/packages/plugin-api/src/$1/index.ts',
    '^@atrium/backend$': '<rootDir>/packages/backend/src/index.ts',
    '^@atrium/backend/testing$': '<rootDir>/packages/backend/src/testing/index.ts',
  },
  testTimeout: 30000,
};
