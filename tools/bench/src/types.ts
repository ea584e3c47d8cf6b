/** One line of `npm run bench -- --json`. `ratio` is always `value / baseline`. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
}

export interface BenchContext {
  /** Aborted when the run is interrupted; long suites should stop early. */
  readonly signal: AbortSignal;
  report(result: { name: string; value: number; unit: string }): void;
  /** Reports our figure against a baseline measured in the same run; the ratio is ours / baseline. */
  compare(result: { name: string; value: number; baseline: number; unit: string }): void;
  /** Shown on an interactive terminal only; never part of the results. */
  progress(message: string): void;
}

export interface BenchSuite {
  name: string;
  run(ctx: BenchContext): Promise<void>;
}
