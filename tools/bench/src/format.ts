import type { BenchResult } from './types';

export function toJsonLine(result: BenchResult): string {
  const { name, value, unit, baseline, ratio } = result;
  return JSON.stringify(
    baseline === undefined ? { name, value, unit } : { name, value, unit, baseline, ratio },
  );
}

/** Three significant digits, without exponent notation for the magnitudes benchmarks produce. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  if (magnitude === 0) return '0';
  return Number(value.toPrecision(3)).toString();
}

export interface SuiteOutcome {
  file: string;
  results: BenchResult[];
  error?: string;
}

function pad(cells: string[], widths: number[]): string {
  return cells
    .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
    .join('  ')
    .trimEnd();
}

export function formatTable(outcomes: readonly SuiteOutcome[]): string {
  const header = ['benchmark', 'value', 'unit', 'baseline', 'ratio'];
  const rows: string[][] = [];
  for (const outcome of outcomes) {
    for (const r of outcome.results) {
      rows.push([
        r.name,
        formatNumber(r.value),
        r.unit,
        r.baseline === undefined ? '' : formatNumber(r.baseline),
        r.ratio === undefined ? '' : `${formatNumber(r.ratio)}×`,
      ]);
    }
    if (outcome.error !== undefined)
      rows.push([`${outcome.file}: FAILED (${outcome.error})`, '', '', '', '']);
  }
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [pad(header, widths), rule, ...rows.map((row) => pad(row, widths))].join('\n');
}
