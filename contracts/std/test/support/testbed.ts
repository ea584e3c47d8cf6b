// Where std's tests get a host. Today: the test-only double next to this file. When chain/'s wasm
// VM lands, this is the one file to switch: return an object with the same methods backed by the
// real host (upload the artifact, instantiate, execute, smart-query, read raw state).
import { toBech32 } from '@cosmjs/encoding';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BlockEnv, HostDouble, type Querier } from './host-double';

export const TESTBED_WASM = join(__dirname, '../../../artifacts/std_testbed.wasm');

/** A bech32 `n` address from a byte pattern (20 bytes for accounts, 32 for contracts). */
export function address(fill: number, length = 20): string {
  return toBech32('n', new Uint8Array(length).fill(fill));
}

export const CONTRACT_ADDRESS = address(0xc0, 32);

export function defaultEnv(): BlockEnv {
  return {
    height: 12345,
    timeNanos: 1_700_000_000_123_456_789n,
    chainId: 'nymts-test',
    contract: CONTRACT_ADDRESS,
  };
}

let compiled: Promise<WebAssembly.Module> | undefined;

/** A fresh contract (empty store) on the host; the module is compiled once per test file. */
export async function startTestbed(querier?: Querier): Promise<HostDouble> {
  compiled ??= WebAssembly.compile(readFileSync(TESTBED_WASM));
  return new HostDouble(await compiled, defaultEnv(), querier);
}
