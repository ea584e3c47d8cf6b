import { type ContractResult } from './host-double';

export function okOf(result: ContractResult): unknown {
  if (!('ok' in result)) throw new Error(`expected ok, got error: ${result.error}`);
  return result.ok;
}

export function errorOf(result: ContractResult): string {
  if (!('error' in result)) throw new Error(`expected an error, got ok: ${JSON.stringify(result.ok)}`);
  return result.error;
}
