// The mixnet tests on the chain's own wasm module, auth and bank (chain's test harness: each call
// runs as a tx message would, on a branch kept only on success), with a block clock the tests
// can move forward.
import { toBech32 } from '@cosmjs/encoding';
import type { ChainEvent, CoinMessage } from '@nymts/chain';
import { Harness, PREFIX } from '@nymts/chain/test/wasm/support/harness';

const START_TIME = 1_700_000_000;
const BLOCK_SECONDS = 5;
const DEFAULT_GAS_LIMIT = 100_000_000;

/** A deterministic account address (20 bytes, like a secp256k1 account), distinct for every n. */
export function account(n: number): string {
  const bytes = new Uint8Array(20).fill(n % 256);
  new DataView(bytes.buffer).setUint32(16, n);
  return toBech32(PREFIX, bytes);
}

export interface Executed {
  events: readonly ChainEvent[];
  gasUsed: number;
}

/** Chain's harness with block time kept apart from height, so tests can jump to an epoch's end. */
class ClockedHarness extends Harness {
  time = START_TIME;

  override blockSeconds(): bigint {
    return BigInt(this.time);
  }
}

export class TestChain {
  private readonly harness = new ClockedHarness();

  /** The time of the next block, in seconds. */
  get time(): number {
    return this.harness.time;
  }

  set time(seconds: number) {
    this.harness.time = seconds;
  }

  /** Every call is a block of its own (the harness moves the height), BLOCK_SECONDS after the last. */
  private inBlock<T>(call: () => T): T {
    try {
      return call();
    } finally {
      this.harness.time += BLOCK_SECONDS;
    }
  }

  upload(sender: string, wasm: Uint8Array): bigint {
    return this.inBlock(() => this.harness.upload(sender, wasm));
  }

  instantiate(sender: string, codeId: bigint, msg: unknown, label: string): string {
    return this.inBlock(
      () => this.harness.instantiate(sender, codeId, msg, { admin: sender, label }).address,
    );
  }

  /** Native coins (not NYM, which is a cw20 token), for calls that attach funds. */
  mintNative(address: string, coins: CoinMessage[]): void {
    this.harness.fund(address, coins);
  }

  /** Runs one execute message; throws the chain's error when it fails (state then unchanged). */
  execute(
    sender: string,
    contract: string,
    msg: unknown,
    gasLimit = DEFAULT_GAS_LIMIT,
    funds: CoinMessage[] = [],
  ): Executed {
    return this.inBlock(() => {
      const { events } = this.harness.execute(sender, contract, msg, funds, gasLimit);
      return { events, gasUsed: this.harness.lastGasUsed };
    });
  }

  query<T>(contract: string, msg: unknown): T {
    return this.harness.query<T>(contract, msg);
  }

  /** Every stored entry (module records and contract storage), to assert nothing changed. */
  snapshot(): Map<string, string> {
    return this.harness.snapshot();
  }
}

/** The attributes of each `wasm-<type>` event, in order. */
export function eventsOf(executed: Executed, type: string): Record<string, string>[] {
  return executed.events
    .filter((e) => e.type === `wasm-${type}`)
    .map((e) => Object.fromEntries(e.attributes.map((a) => [a.key, a.value])));
}
