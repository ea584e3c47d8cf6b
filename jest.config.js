'use strict';
// Two tiers, both run by `npm test` and by CI:
//   unit         <package>/test/**/*.test.ts, outside test/integration — in-process, fast
//   integration  <package>/test/integration/**/*.test.ts — real sockets, child processes, a chain
// Run one package with `npx jest chain/` or one tier with `npm run test:unit`.

// Dependencies that ship only ES modules must be transformed to CommonJS for jest. The pattern
// looks at the innermost node_modules segment only, so a nested copy (for example
// @cosmjs/encoding/node_modules/@scure/base) is transformed too.
const esmOnlyDependencies = ['@noble', '@scure', 'smol-toml'];

const swcTransform = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022', keepClassNames: true },
    module: { type: 'commonjs' },
  },
];

const shared = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)s$': swcTransform },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyDependencies.join('|')})/)(?!.*/node_modules/)`],
  testPathIgnorePatterns: ['/node_modules/', '/fixtures/'],
  modulePathIgnorePatterns: ['<rootDir>/.tsbuild/'],
  testEnvironment: 'node',
};

module.exports = {
  // CI has two cores and a loaded developer machine can be slower still: 5 s (jest's default) is
  // too tight for tests that start nodes in-process, and no test asserts speed.
  testTimeout: 30_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/**/test/**/*.test.ts'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '/test/integration/'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/**/test/integration/**/*.test.ts'],
      slowTestThreshold: 30,
    },
  ],
};
