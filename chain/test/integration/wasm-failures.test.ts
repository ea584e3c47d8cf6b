import { StargateClient } from '@cosmjs/stargate';
import { coins } from '@cosmjs/proto-signing';
import { HOSTILE_MODULES } from '../wasm/support/hostile-modules';
import { OK_RESPONSE, scriptedContract } from '../wasm/support/scripted-contract';
import {
  FIXED_FEE,
  eventAttributes,
  startTestChain,
  wasmClient,
  type RunningChain,
  type WasmSigner,
} from '../helpers';
import { jsonBase64 } from '../wasm/support/harness';

// Hostile uploads, runaway and panicking contracts, and submessage rollback, through cosmjs
// against a running chain: each failure is a failed tx with a readable log, and the chain goes on.
jest.setTimeout(120_000);

let chain: RunningChain;
let cleanup: () => Promise<void>;
let alice: WasmSigner;
let query: StargateClient;
let target: string;
let caller: string;

/** The stored value under a raw key of a contract's storage, as text ("" when absent). */
async function raw(contract: string, key: string): Promise<string> {
  const value = await alice.client.queryContractRaw(contract, Buffer.from(key));
  return value === null ? '' : Buffer.from(value).toString();
}

/** The failed tx's error as cosmjs reports it (its message carries code and raw log). */
async function failure(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the tx succeeded');
}

beforeAll(async () => {
  ({ chain, cleanup } = await startTestChain());
  alice = await wasmClient(chain.rpc.url, chain.devAccounts[0]!.mnemonic);
  query = await StargateClient.connect(chain.rpc.url);
  const { codeId: targetCode } = await alice.client.upload(
    alice.address,
    scriptedContract({ responses: { w: OK_RESPONSE } }),
    FIXED_FEE,
  );
  ({ contractAddress: target } = await alice.client.instantiate(
    alice.address,
    targetCode,
    {},
    'target',
    'auto',
  ));
  const command = (text: string) => jsonBase64(text);
  const { codeId: callerCode } = await alice.client.upload(
    alice.address,
    scriptedContract({
      responses: {
        s: {
          ...OK_RESPONSE,
          messages: [
            {
              id: 7,
              msg: { wasm: { execute: { contract_addr: target, msg: command('panic'), funds: [] } } },
              gas_limit: null,
              reply_on: 'error',
            },
          ],
        },
      },
    }),
    FIXED_FEE,
  );
  ({ contractAddress: caller } = await alice.client.instantiate(
    alice.address,
    callerCode,
    {},
    'caller',
    'auto',
  ));
});

afterAll(async () => {
  alice?.client.disconnect();
  query?.disconnect();
  await cleanup?.();
});

describe('upload rejects hostile and non-conforming modules', () => {
  it.each(HOSTILE_MODULES)('$name', async ({ wasm, rule, error }) => {
    const codesBefore = (await alice.client.getCodes()).length;
    const message = await failure(() => alice.client.upload(alice.address, wasm(), FIXED_FEE));
    expect(message).toMatch(/Code: 2;/);
    expect(message).toContain(`wasm validation failed [${rule}]`);
    expect(message).toMatch(error);
    expect(message).toMatch(/create wasm contract failed/);
    expect(await alice.client.getCodes()).toHaveLength(codesBefore);
  });
});

describe('contracts that fail', () => {
  it('a contract that loops forever runs out of gas, and the node goes on producing blocks', async () => {
    const message = await failure(() => alice.client.execute(alice.address, target, 'loop', FIXED_FEE));
    expect(message).toMatch(/Code: 11;/);
    expect(message).toMatch(/out of gas/);
    const height = await query.getHeight();
    const result = await alice.client.execute(alice.address, target, 'w', 'auto');
    expect(result.height).toBeGreaterThan(height);
    expect(await raw(target, 'w')).toBe('1');
  });

  it('a contract that panics leaves no state change, not even the funds it was sent', async () => {
    const balanceBefore = BigInt((await query.getBalance(alice.address, 'unyx')).amount);
    const contractBefore = (await query.getBalance(target, 'unyx')).amount;
    const message = await failure(() =>
      alice.client.execute(alice.address, target, 'panic', FIXED_FEE, undefined, coins(40, 'unyx')),
    );
    expect(message).toMatch(/Code: 29;/);
    expect(message).toMatch(/Aborted: panicked at scripted contract/);
    expect(await raw(target, 'p')).toBe('');
    expect((await query.getBalance(target, 'unyx')).amount).toBe(contractBefore);
    // only the fee left the account
    const fee = BigInt(FIXED_FEE.amount[0]!.amount);
    expect(BigInt((await query.getBalance(alice.address, 'unyx')).amount)).toBe(balanceBefore - fee);
  });

  it('a failing submessage with reply_on error keeps the caller state and rolls back only the submessage', async () => {
    const result = await alice.client.execute(alice.address, caller, 'sub', 'auto');
    expect(await raw(caller, 's')).toBe('1');
    expect(await raw(target, 'p')).toBe('');
    const reply = JSON.parse(await raw(caller, 'r'));
    expect(reply).toEqual({
      id: 7,
      payload: '',
      gas_used: expect.any(Number),
      result: { error: 'codespace: wasm, code: 29' },
    });
    expect(eventAttributes(result.events, 'execute')).toEqual([{ _contract_address: caller }]);
    expect(eventAttributes(result.events, 'reply')).toEqual([{ _contract_address: caller }]);
  });
});
