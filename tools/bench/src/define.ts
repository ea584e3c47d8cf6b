import type { BenchSuite } from './types';

/** A bench file's default export. Kept as a function so suites get type-checked at definition. */
export function defineSuite(suite: BenchSuite): BenchSuite {
  return suite;
}
