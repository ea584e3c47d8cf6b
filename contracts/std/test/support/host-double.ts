// TEST-ONLY host double: just enough of a CosmWasm host (Region ABI, storage with iterators,
// address functions for the `n` prefix, debug, abort, query_chain) to run std's testbed on
// Node's WebAssembly until chain/'s real VM host is available. Like wasmd it makes a fresh instance
// per call and keeps a call's writes only when the call succeeds. It does no gas metering and no
// upload validation (contracts/build's checker covers that).
import { fromBech32, toBech32, toHex } from '@cosmjs/encoding';
import { secp256k1 } from '@noble/curves/secp256k1';
import { createPublicKey, verify as nodeVerify } from 'node:crypto';

export interface BlockEnv {
  height: number;
  timeNanos: bigint;
  chainId: string;
  contract: string;
  transactionIndex?: number;
}

export type ContractResult = { ok: unknown } | { error: string };
/** Answers a `QueryRequest` with a `SystemResult<ContractResult<Binary>>`. */
export type Querier = (request: unknown) => unknown;

export class ContractAbort extends Error {
  constructor(readonly contractMessage: string) {
    super(`contract aborted: ${contractMessage}`);
    this.name = 'ContractAbort';
  }
}

const BECH32_PREFIX = 'n';
// DER SubjectPublicKeyInfo header of a raw 32-byte Ed25519 public key (RFC 8410).
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function hex(bytes: Uint8Array): string {
  return toHex(bytes);
}

function encodeSections(sections: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(sections.reduce((n, s) => n + s.length + 4, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const section of sections) {
    out.set(section, at);
    at += section.length;
    view.setUint32(at, section.length, false);
    at += 4;
  }
  return out;
}

/** One call's view of memory and the exports it needs to hand memory back and forth. */
class CallMemory {
  constructor(private readonly instance: WebAssembly.Instance) {}

  private get memory(): WebAssembly.Memory {
    return this.instance.exports.memory as WebAssembly.Memory;
  }

  private region(ptr: number): { offset: number; capacity: number; length: number } {
    const view = new DataView(this.memory.buffer);
    return {
      offset: view.getUint32(ptr, true),
      capacity: view.getUint32(ptr + 4, true),
      length: view.getUint32(ptr + 8, true),
    };
  }

  read(ptr: number): Uint8Array {
    if (ptr === 0) throw new Error('null Region pointer');
    const { offset, capacity, length } = this.region(ptr);
    if (length > capacity) throw new Error('Region length exceeds capacity');
    return new Uint8Array(this.memory.buffer.slice(offset, offset + length));
  }

  /** Allocates a Region through the contract's `allocate` and fills it with `bytes`. */
  write(bytes: Uint8Array): number {
    const ptr = (this.instance.exports.allocate as (size: number) => number)(bytes.length);
    this.fill(ptr, bytes);
    return ptr;
  }

  /** Writes `bytes` into an existing Region the contract allocated. */
  fill(ptr: number, bytes: Uint8Array): void {
    const { offset, capacity } = this.region(ptr);
    if (bytes.length > capacity) throw new Error(`Region too small: ${capacity} < ${bytes.length}`);
    new Uint8Array(this.memory.buffer).set(bytes, offset);
    new DataView(this.memory.buffer).setUint32(ptr + 8, bytes.length, true);
  }
}

export class HostDouble {
  /** Committed state, hex key → value. */
  private readonly store = new Map<string, Uint8Array>();
  readonly debugMessages: string[] = [];
  /** How many db_write/db_remove calls the last call made (kept or not). */
  lastCallWrites = 0;

  constructor(
    private readonly module: WebAssembly.Module,
    public env: BlockEnv,
    private readonly querier: Querier = () => ({ error: { unsupported_request: { kind: 'no querier' } } }),
  ) {}

  /** Committed state as [key, value] pairs in key order. */
  entries(): Array<[Uint8Array, Uint8Array]> {
    return [...this.store.keys()]
      .sort()
      .map((k) => [Uint8Array.from(Buffer.from(k, 'hex')), this.store.get(k)!]);
  }

  instantiate(sender: string, msg: unknown): ContractResult {
    return this.call('instantiate', [this.envJson(), { sender, funds: [] }, msg]);
  }

  execute(
    sender: string,
    msg: unknown,
    funds: Array<{ denom: string; amount: string }> = [],
  ): ContractResult {
    return this.call('execute', [this.envJson(), { sender, funds }, msg]);
  }

  /** A query; on success `ok` holds the decoded JSON answer (not its base64). */
  query(msg: unknown): ContractResult {
    const result = this.call('query', [this.envJson(), msg]);
    if ('error' in result) return result;
    return { ok: JSON.parse(Buffer.from(result.ok as string, 'base64').toString('utf8')) };
  }

  private envJson(): unknown {
    return {
      block: { height: this.env.height, time: this.env.timeNanos.toString(), chain_id: this.env.chainId },
      transaction: this.env.transactionIndex === undefined ? null : { index: this.env.transactionIndex },
      contract: { address: this.env.contract },
    };
  }

  /** Calls an entry point with JSON arguments given as values or as raw bytes. */
  call(entry: string, args: Array<unknown>): ContractResult {
    const pending = new Map(this.store);
    this.lastCallWrites = 0;
    const instance: WebAssembly.Instance = new WebAssembly.Instance(this.module, {
      env: this.imports(pending, () => memory),
    });
    const memory: CallMemory = new CallMemory(instance);
    const pointers = args.map((arg) =>
      memory.write(arg instanceof Uint8Array ? arg : encoder.encode(JSON.stringify(arg))),
    );
    const resultPtr = (instance.exports[entry] as (...p: number[]) => number)(...pointers);
    const result = JSON.parse(decoder.decode(memory.read(resultPtr))) as ContractResult;
    if ('ok' in result) {
      this.store.clear();
      for (const [k, v] of pending) this.store.set(k, v);
    }
    return result;
  }

  private imports(
    pending: Map<string, Uint8Array>,
    memoryOf: () => CallMemory,
  ): Record<string, (...args: number[]) => number | void> {
    const iterators: Array<{ records: Array<[string, Uint8Array]>; next: number }> = [];
    const text = (ptr: number): string => decoder.decode(memoryOf().read(ptr));
    const fail = (message: string): number => memoryOf().write(encoder.encode(message));
    const canonicalize = (address: string): Uint8Array | string => {
      try {
        const { prefix, data } = fromBech32(address, 256);
        if (prefix !== BECH32_PREFIX) return `wrong bech32 prefix ${prefix}`;
        if (toBech32(prefix, data) !== address) return 'address is not normalized';
        if (data.length !== 20 && data.length !== 32) return `invalid address length ${data.length}`;
        return data;
      } catch (error) {
        return `invalid address: ${(error as Error).message}`;
      }
    };
    return {
      abort: (ptr) => {
        throw new ContractAbort(text(ptr));
      },
      debug: (ptr) => {
        this.debugMessages.push(text(ptr));
      },
      db_read: (ptr) => {
        const value = pending.get(hex(memoryOf().read(ptr)));
        return value === undefined ? 0 : memoryOf().write(value);
      },
      db_write: (keyPtr, valuePtr) => {
        this.lastCallWrites++;
        pending.set(hex(memoryOf().read(keyPtr)), memoryOf().read(valuePtr));
      },
      db_remove: (ptr) => {
        this.lastCallWrites++;
        pending.delete(hex(memoryOf().read(ptr)));
      },
      db_scan: (startPtr, endPtr, order) => {
        const start = startPtr === 0 ? undefined : hex(memoryOf().read(startPtr));
        const end = endPtr === 0 ? undefined : hex(memoryOf().read(endPtr));
        // Lower-case hex compares like the bytes it encodes.
        const records = [...pending.entries()]
          .filter(([k]) => (start === undefined || k >= start) && (end === undefined || k < end))
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        if (order === 2) records.reverse();
        else if (order !== 1) throw new Error(`invalid order ${order}`);
        iterators.push({ records, next: 0 });
        return iterators.length - 1;
      },
      db_next: (id) => {
        const iterator = iterators[id];
        if (iterator === undefined) throw new Error(`no iterator ${id}`);
        const record = iterator.records[iterator.next++];
        const sections =
          record === undefined
            ? [new Uint8Array(0), new Uint8Array(0)]
            : [Buffer.from(record[0], 'hex'), record[1]];
        return memoryOf().write(encodeSections(sections));
      },
      addr_validate: (ptr) => {
        const result = canonicalize(text(ptr));
        return typeof result === 'string' ? fail(result) : 0;
      },
      addr_canonicalize: (sourcePtr, destinationPtr) => {
        const result = canonicalize(text(sourcePtr));
        if (typeof result === 'string') return fail(result);
        memoryOf().fill(destinationPtr, result);
        return 0;
      },
      addr_humanize: (sourcePtr, destinationPtr) => {
        const data = memoryOf().read(sourcePtr);
        if (data.length !== 20 && data.length !== 32) return fail(`invalid canonical length ${data.length}`);
        memoryOf().fill(destinationPtr, encoder.encode(toBech32(BECH32_PREFIX, data)));
        return 0;
      },
      ed25519_verify: (messagePtr, signaturePtr, publicKeyPtr) => {
        const publicKey = memoryOf().read(publicKeyPtr);
        const signature = memoryOf().read(signaturePtr);
        if (publicKey.length !== 32) return 3; // an error code (> 1), as the real host answers bad input
        if (signature.length !== 64) return 4;
        const key = createPublicKey({
          key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]),
          format: 'der',
          type: 'spki',
        });
        return nodeVerify(null, memoryOf().read(messagePtr), key, signature) ? 0 : 1;
      },
      secp256k1_verify: (hashPtr, signaturePtr, publicKeyPtr) => {
        const hash = memoryOf().read(hashPtr);
        const signature = memoryOf().read(signaturePtr);
        if (hash.length !== 32) return 3;
        if (signature.length !== 64) return 4;
        try {
          return secp256k1.verify(signature, hash, memoryOf().read(publicKeyPtr), { lowS: false }) ? 0 : 1;
        } catch {
          return 5;
        }
      },
      query_chain: (ptr) => {
        const request = JSON.parse(text(ptr)) as unknown;
        return memoryOf().write(encoder.encode(JSON.stringify(this.querier(request))));
      },
    };
  }
}
