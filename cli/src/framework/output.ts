import type { CliIo } from './io';

export const OUTPUT_FORMATS = ['text', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** What a handler returns: the same facts for scripts (`data`) and for people (`text`). */
export interface CommandOutput {
  data: unknown;
  text: string;
}

function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  return value;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value, jsonReplacer, 2);
}

export function writeOutput(output: CommandOutput, format: OutputFormat, io: CliIo): void {
  io.out(format === 'json' ? toJson(output.data) : output.text);
}
