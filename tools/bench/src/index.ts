export type { BenchContext, BenchResult, BenchSuite } from './types';
export { defineSuite } from './define';
export { measureRate, sampleDurations, percentile, median } from './measure';
export type { RateMeasurement, RateOptions } from './measure';
