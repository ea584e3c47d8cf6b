import { readFileSync } from 'node:fs';
import { parse as parseToml, stringify as stringifyToml } from 'smol-toml';
import type { z } from 'zod';
import { NodeError } from '../errors';
import { writeFileAtomic } from '../files/atomic-write';

export type ConfigErrorCode = 'config_unreadable' | 'config_syntax' | 'config_invalid';

/** A config file the node cannot start from; the message names the file and every bad key. */
export class ConfigError extends NodeError {
  declare readonly code: ConfigErrorCode;

  constructor(code: ConfigErrorCode, message: string, details: Record<string, unknown>, cause?: unknown) {
    super(code, message, { action: 'reject', details, cause });
  }
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const key = issue.path.map(String).join('.');
    return key === '' ? issue.message : `${key}: ${issue.message}`;
  });
}

/** Validates plain data (parsed TOML, or an object built in code) against a schema. */
export function validateConfig<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  source: string,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = describeIssues(result.error.issues);
  throw new ConfigError('config_invalid', `invalid config in ${source}:\n  ${problems.join('\n  ')}`, {
    source,
    problems,
  });
}

export function loadTomlConfig<Schema extends z.ZodType>(path: string, schema: Schema): z.output<Schema> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError('config_unreadable', `cannot read config file ${path}`, { path }, error);
  }
  let parsed: unknown;
  try {
    parsed = parseToml(text);
  } catch (error) {
    throw new ConfigError(
      'config_syntax',
      `config file ${path} is not valid TOML: ${(error as Error).message}`,
      { path },
      error,
    );
  }
  return validateConfig(schema, parsed, path);
}

/** Writes through a temporary file and a rename, so a crash never leaves half a config. */
export function writeTomlConfig(path: string, value: Record<string, unknown>, header = ''): void {
  writeFileAtomic(path, `${header}${stringifyToml(value)}\n`);
}
