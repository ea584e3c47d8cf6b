// Runs the vesting artifact on std's test-only host double, with the token and mixnet contracts
// played by the test: "the token calls receive" is an execute whose sender is the token address.
import { toBech32 } from '@cosmjs/encoding';
import { readFileSync } from 'node:fs';
import { type ContractResult, HostDouble } from '@nymts/contract-std/test/support/host-double';
import { VESTING_WASM } from '../../src';

export function address(fill: number, length = 20): string {
  return toBech32('n', new Uint8Array(length).fill(fill));
}

export const ADMIN = address(1);
export const OWNER = address(2);
export const STRANGER = address(3);
export const STAKER = address(4);
export const TOKEN = address(0xa0, 32);
export const MIXNET = address(0xb0, 32);
export const VESTING = address(0xc0, 32);
export const START = 1_700_000_000;

let compiled: Promise<WebAssembly.Module> | undefined;

export class Vesting {
  constructor(readonly host: HostDouble) {}

  static async start(mixnet: string | null = MIXNET): Promise<Vesting> {
    compiled ??= WebAssembly.compile(readFileSync(VESTING_WASM));
    const host = new HostDouble(await compiled, {
      height: 1,
      timeNanos: BigInt(START) * 1_000_000_000n,
      chainId: 'nymts-test',
      contract: VESTING,
    });
    const vesting = new Vesting(host);
    okOf(host.instantiate(ADMIN, { token_address: TOKEN, mixnet_contract_address: mixnet }));
    return vesting;
  }

  /** Moves the block time to `seconds` (and the height along with it). */
  at(seconds: number): this {
    this.host.env = {
      ...this.host.env,
      height: this.host.env.height + 1,
      timeNanos: BigInt(seconds) * 1_000_000_000n,
    };
    return this;
  }

  /** The token contract delivering a cw20 `Send` of `amount` from `from` with `msg`. */
  send(from: string, amount: string, msg: unknown, token = TOKEN): ContractResult {
    const hook = { sender: from, amount, msg: Buffer.from(JSON.stringify(msg)).toString('base64') };
    return this.host.execute(token, { receive: hook });
  }

  createAccount(owner: string, amount: string, spec: Record<string, unknown> = {}): ContractResult {
    return this.send(ADMIN, amount, { create_account: { owner_address: owner, ...spec } });
  }

  execute(sender: string, msg: unknown): ContractResult {
    return this.host.execute(sender, msg);
  }

  query(msg: unknown): unknown {
    return okOf(this.host.query(msg));
  }

  amount(query: string, owner: string, extra: Record<string, unknown> = {}): string {
    return (this.query({ [query]: { vesting_account_address: owner, ...extra } }) as { amount: string })
      .amount;
  }

  summary(owner: string): Record<string, unknown> {
    return this.query({ get_account_summary: { address: owner } }) as Record<string, unknown>;
  }

  state(): string {
    return JSON.stringify(
      this.host.entries().map(([k, v]) => [Buffer.from(k).toString('hex'), Buffer.from(v).toString()]),
    );
  }
}

export function okOf(result: ContractResult): unknown {
  if (!('ok' in result)) throw new Error(`expected ok, got error: ${result.error}`);
  return result.ok;
}

export function errorOf(result: ContractResult): string {
  if (!('error' in result)) throw new Error(`expected an error, got ok: ${JSON.stringify(result.ok)}`);
  return result.error;
}

export function decodeBase64Json(text: string): unknown {
  return JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
}

/** The messages of a Response, with WasmMsg::Execute payloads decoded. */
export function messagesOf(response: unknown): unknown[] {
  return (response as { messages: Array<{ msg: unknown }> }).messages.map(({ msg }) => {
    const execute = (msg as { wasm?: { execute?: { contract_addr: string; msg: string; funds: unknown[] } } })
      .wasm?.execute;
    if (execute === undefined) return msg;
    const inner = decodeBase64Json(execute.msg) as Record<string, Record<string, unknown>>;
    const send = inner.send;
    if (send !== undefined && typeof send.msg === 'string') send.msg = decodeBase64Json(send.msg);
    return { execute: { contract: execute.contract_addr, msg: inner } };
  });
}
