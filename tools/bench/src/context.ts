import type { BenchContext, BenchResult } from './types';

export interface ContextSink {
  result(result: BenchResult): void;
  progress(message: string): void;
}

function checkFigure(what: string, name: string, value: number): void {
  if (!Number.isFinite(value))
    throw new RangeError(`benchmark "${name}": ${what} ${value} is not a finite number`);
}

/** The object a suite reports through; it validates figures so a bad suite fails loudly. */
export function createContext(sink: ContextSink, signal: AbortSignal): BenchContext {
  return {
    signal,
    report({ name, value, unit }) {
      checkFigure('value', name, value);
      sink.result({ name, value, unit });
    },
    compare({ name, value, baseline, unit }) {
      checkFigure('value', name, value);
      checkFigure('baseline', name, baseline);
      if (baseline === 0) throw new RangeError(`benchmark "${name}": baseline is zero, no ratio exists`);
      sink.result({ name, value, unit, baseline, ratio: value / baseline });
    },
    progress(message) {
      sink.progress(message);
    },
  };
}
