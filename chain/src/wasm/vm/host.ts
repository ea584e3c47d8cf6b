import { type GasMeter } from '../../gas/types';
import { type KVStore } from '../../store/types';
import { HOST_COSTS, linearCost, type WasmGasConfig } from '../gas/costs';
import {
  BYTES_EXPORT,
  DIRTY_HIGH_EXPORT,
  DIRTY_LOW_CLEAN,
  DIRTY_LOW_EXPORT,
  GAS_LEFT_EXPORT,
  MEMORY_IMPORT,
  MEMORY_MAX_PAGES,
  PAGES_EXPORT,
} from '../gas/instrument';
import type { AddressCodec } from '../../crypto/address';
import { canonicalize, humanize, validateAddress } from './address';
import { type CompiledContract, type EntryPoint } from './contract-code';
import * as crypto from './crypto';
import { VmError, VmOutOfGasError } from './errors';
import { decodeSections, encodeSections } from './sections';

/** What one contract call can reach: its storage, the chain (queries), addresses and gas. */
export interface VmEnvironment {
  /** The contract's own key space. Gas for access is charged by the store itself (SDK gas). */
  storage: KVStore;
  readonly: boolean;
  addresses: AddressCodec;
  /** Answers `query_chain` with the serialized `SystemResult<ContractResult<Binary>>`. */
  query(request: Uint8Array): Uint8Array;
  /** The SDK gas meter store access and nested queries charge; the VM budget shrinks with it. */
  sdkGas: GasMeter;
  gasConfig: WasmGasConfig;
  debug?(message: string): void;
}

export interface VmCallResult {
  /** The entry point's JSON result. */
  result: Uint8Array;
  /** CosmWasm gas the VM used itself (without store access and queries charged as SDK gas). */
  gasUsedInternally: bigint;
}

const KI = 1024;
const MI = 1024 * 1024;
const LIMIT = {
  dbKey: 64 * KI,
  dbValue: 128 * KI,
  canonicalAddress: 64,
  humanAddress: 256,
  queryRequest: 64 * KI,
  hash: 32,
  ecdsaSignature: 64,
  ecdsaPubkey: 65,
  ed25519Signature: 64,
  ed25519Message: 128 * KI,
  ed25519Pubkey: 32,
  ed25519Batch: 256,
  debug: 2 * MI,
  abort: 2 * MI,
  blsAggregate: 2 * MI,
  blsMessage: 5 * MI,
  blsDst: 5 * KI,
  result: 64 * MI,
} as const;

const ITERATOR_ORDER: Record<number, 'ascending' | 'descending'> = { 1: 'ascending', 2: 'descending' };
const EMPTY = new Uint8Array(0);
const textDecoder = new TextDecoder('utf-8', { fatal: true });

/** How the host provides a fresh instance for each call. */
export type InstanceMode =
  /** A new wasm instance and memory for every call, as cosmwasm-vm does. */
  | 'new'
  /**
   * Recycled instances restored to their freshly instantiated state before reuse: memory
   * zeroed and its data segments rewritten, the virtual memory size and every mutable global
   * reset. Tables need no reset: every instruction that could change one is rejected at upload.
   * Observably the same as 'new', and much faster on V8.
   */
  | 'restored';

interface InstanceSlot {
  instance: WebAssembly.Instance;
  memory: WebAssembly.Memory;
  /** The host side of the instance's imports, set up for one call at a time. */
  host: ContractCall;
  gasLeft: WebAssembly.Global;
  pages: WebAssembly.Global;
  bytes: WebAssembly.Global;
  dirtyLow: WebAssembly.Global;
  dirtyHigh: WebAssembly.Global;
  /** The contract's mutable globals with the values instantiation gave them. */
  globals: [WebAssembly.Global, unknown][];
}

const IDLE_SLOTS_PER_CODE = 4;

interface DirtyRange {
  low: number;
  high: number;
}
const PAGE = 65536;
const idleSlots = new WeakMap<CompiledContract, InstanceSlot[]>();

function createSlot(code: CompiledContract): InstanceSlot {
  const fits = code.dataSegments.every(
    (segment) => segment.offset + segment.bytes.length <= code.initialMemoryPages * PAGE,
  );
  if (!fits) {
    throw new VmError('link', 'Instantiating the contract failed: data segment does not fit into memory');
  }
  const memory = new WebAssembly.Memory({ initial: code.initialMemoryPages, maximum: MEMORY_MAX_PAGES });
  const host = new ContractCall(memory);
  let instance: WebAssembly.Instance;
  try {
    instance = new WebAssembly.Instance(code.module, {
      env: host.handlers,
      [MEMORY_IMPORT.module]: { [MEMORY_IMPORT.name]: memory },
    });
  } catch (error) {
    throw new VmError('link', `Instantiating the contract failed: ${(error as Error).message}`);
  }
  const exports = instance.exports;
  const globals = code.mutableGlobals.map((name) => {
    const global = exports[name] as WebAssembly.Global;
    return [global, global.value] as [WebAssembly.Global, unknown];
  });
  host.attach(instance);
  return {
    instance,
    memory,
    host,
    gasLeft: exports[GAS_LEFT_EXPORT] as WebAssembly.Global,
    pages: exports[PAGES_EXPORT] as WebAssembly.Global,
    bytes: exports[BYTES_EXPORT] as WebAssembly.Global,
    dirtyLow: exports[DIRTY_LOW_EXPORT] as WebAssembly.Global,
    dirtyHigh: exports[DIRTY_HIGH_EXPORT] as WebAssembly.Global,
    globals,
  };
}

/**
 * Puts a used instance back into the state instantiation left it in. Every byte written since
 * (by the contract's stores or by the host) lies in the dirty range, so zeroing that range and
 * rewriting the data segments restores the memory.
 */
function restoreSlot(code: CompiledContract, slot: InstanceSlot, hostDirty: DirtyRange): void {
  const low = Math.min(Number(slot.dirtyLow.value as bigint), hostDirty.low);
  const high = Math.max(Number(slot.dirtyHigh.value as bigint), hostDirty.high);
  const view = new Uint8Array(slot.memory.buffer);
  if (high > low) view.fill(0, low, Math.min(high, view.length));
  for (const segment of code.dataSegments) view.set(segment.bytes, segment.offset);
  slot.dirtyLow.value = DIRTY_LOW_CLEAN;
  slot.dirtyHigh.value = 0n;
  slot.pages.value = code.initialMemoryPages;
  slot.bytes.value = BigInt(code.initialMemoryPages * PAGE);
  for (const [global, initial] of slot.globals) global.value = initial;
  slot.gasLeft.value = 0n;
}

/**
 * Runs one entry point of a contract in a fresh instance (see InstanceMode): the Region calling
 * convention, every CosmWasm 1.x/2.x import, and metering through the instrumented module's gas
 * global.
 */
export function callContract(
  code: CompiledContract,
  entryPoint: EntryPoint,
  args: Uint8Array[],
  env: VmEnvironment,
  gasLimit: bigint,
  mode: InstanceMode = 'restored',
): VmCallResult {
  if (!code.entryPoints.has(entryPoint)) {
    throw new VmError('missing-export', `Contract has no entry point "${entryPoint}"`);
  }
  const recycle = mode === 'restored' && code.restorable;
  const idle = recycle ? idleSlots.get(code) : undefined;
  const slot = idle?.pop() ?? createSlot(code);
  const call = slot.host;
  call.begin(env, gasLimit);
  try {
    const pointers = args.map((arg) => call.writeToContract(arg));
    const run = slot.instance.exports[entryPoint] as (...ptrs: number[]) => number;
    const resultPointer = run(...pointers);
    const result = call.readRegion(resultPointer, LIMIT.result);
    call.deallocate(resultPointer);
    return { result, gasUsedInternally: call.internalGasUsed(gasLimit) };
  } catch (error) {
    throw call.explain(error);
  } finally {
    const hostDirty = call.end();
    if (recycle) {
      restoreSlot(code, slot, hostDirty);
      const list = idleSlots.get(code) ?? [];
      if (list.length < IDLE_SLOTS_PER_CODE) list.push(slot);
      idleSlots.set(code, list);
    }
  }
}

/**
 * The host half of one instance: its import functions (made once, with the instance) and the
 * state of the call in progress, which `begin` sets up and `end` clears.
 */
class ContractCall {
  readonly handlers: Record<string, (...args: never[]) => unknown> = this.imports();
  private env: VmEnvironment | undefined;
  private allocateFn!: (size: number) => number;
  private deallocateFn!: (pointer: number) => void;
  private gasLeft!: WebAssembly.Global;
  private externallyUsed = 0n;
  /** Bytes of contract memory the host wrote (Regions and their contents). */
  private hostDirty: DirtyRange = { low: Number.MAX_SAFE_INTEGER, high: 0 };
  private iterators: Iterator<[Uint8Array, Uint8Array]>[] = [];
  private multiplier = 0n;

  constructor(private readonly memory: WebAssembly.Memory) {}

  attach(instance: WebAssembly.Instance): void {
    this.allocateFn = instance.exports.allocate as (size: number) => number;
    this.deallocateFn = instance.exports.deallocate as (pointer: number) => void;
    this.gasLeft = instance.exports[GAS_LEFT_EXPORT] as WebAssembly.Global;
  }

  begin(env: VmEnvironment, gasLimit: bigint): void {
    this.env = env;
    this.multiplier = env.gasConfig.gasMultiplier;
    this.externallyUsed = 0n;
    this.hostDirty = { low: Number.MAX_SAFE_INTEGER, high: 0 };
    this.iterators = [];
    this.gasLeft.value = gasLimit;
  }

  /** Ends the call; returns the memory range the host wrote. */
  end(): DirtyRange {
    this.env = undefined;
    this.iterators = [];
    return this.hostDirty;
  }

  private get context(): VmEnvironment {
    if (this.env === undefined) throw new VmError('link', 'host function called outside a contract call');
    return this.env;
  }

  internalGasUsed(gasLimit: bigint): bigint {
    const used = gasLimit - (this.gasLeft.value as bigint) - this.externallyUsed;
    return used > 0n ? used : 0n;
  }

  /** Maps what escaped the wasm call to the error the keeper handles. */
  explain(error: unknown): unknown {
    if ((this.gasLeft.value as bigint) < 0n) {
      return new VmOutOfGasError();
    }
    if (error instanceof VmError || error instanceof VmOutOfGasError) return error;
    if (error instanceof WebAssembly.RuntimeError) {
      return new VmError('trap', `Wasm runtime error: ${error.message}`);
    }
    if (error instanceof RangeError) {
      return new VmError('trap', `Wasm runtime error: ${error.message}`);
    }
    return error;
  }

  private charge(cost: bigint): void {
    const left = (this.gasLeft.value as bigint) - cost;
    this.gasLeft.value = left;
    if (left < 0n) throw new VmOutOfGasError();
  }

  /** Runs a host operation that charges SDK gas, and takes the same amount off the VM budget. */
  private withSdkGas<T>(operation: () => T): T {
    const sdkGas = this.context.sdkGas;
    const before = sdkGas.consumed();
    const result = operation();
    const used = BigInt(sdkGas.consumed() - before);
    if (used > 0n) {
      const cost = used * this.multiplier;
      this.externallyUsed += cost;
      this.charge(cost);
    }
    return result;
  }

  readRegion(pointer: number, maxLength: number): Uint8Array {
    const buffer = this.memory.buffer;
    if (pointer === 0) throw new VmError('region', 'Region pointer is null');
    if (pointer + 12 > buffer.byteLength) {
      throw new VmError('region', `Region pointer ${pointer} is out of bounds`);
    }
    const view = new DataView(buffer);
    const offset = view.getUint32(pointer, true);
    const capacity = view.getUint32(pointer + 4, true);
    const length = view.getUint32(pointer + 8, true);
    if (offset === 0) throw new VmError('region', 'Region has zero offset');
    if (length > capacity) {
      throw new VmError('region', `Region length ${length} exceeds capacity ${capacity}`);
    }
    if (offset + capacity > buffer.byteLength) {
      throw new VmError('region', 'Region points outside the contract memory');
    }
    if (length > maxLength) {
      throw new VmError('region', `Region length too big. Got ${length}, limit ${maxLength}`);
    }
    return new Uint8Array(buffer, offset, length).slice();
  }

  private readOptionalRegion(pointer: number, maxLength: number): Uint8Array | undefined {
    return pointer === 0 ? undefined : this.readRegion(pointer, maxLength);
  }

  private readString(pointer: number, maxLength: number): string {
    const bytes = this.readRegion(pointer, maxLength);
    try {
      return textDecoder.decode(bytes);
    } catch {
      throw new VmError('region', 'Region does not hold valid UTF-8');
    }
  }

  private writeRegion(pointer: number, data: Uint8Array): void {
    const buffer = this.memory.buffer;
    if (pointer === 0 || pointer + 12 > buffer.byteLength) {
      throw new VmError('region', `Region pointer ${pointer} is out of bounds`);
    }
    const view = new DataView(buffer);
    const offset = view.getUint32(pointer, true);
    const capacity = view.getUint32(pointer + 4, true);
    if (data.length > capacity) {
      throw new VmError('region', `Region too small. Got ${capacity}, required ${data.length}`);
    }
    if (offset === 0 || offset + capacity > buffer.byteLength) {
      throw new VmError('region', 'Region points outside the contract memory');
    }
    new Uint8Array(buffer, offset, data.length).set(data);
    view.setUint32(pointer + 8, data.length, true);
    this.markDirty(offset, offset + data.length);
    this.markDirty(pointer + 8, pointer + 12);
  }

  private markDirty(low: number, high: number): void {
    if (low < this.hostDirty.low) this.hostDirty.low = low;
    if (high > this.hostDirty.high) this.hostDirty.high = high;
  }

  writeToContract(data: Uint8Array): number {
    const pointer = this.allocateFn(data.length);
    if (pointer === 0) throw new VmError('region', 'Contract allocate returned a null pointer');
    this.writeRegion(pointer, data);
    return pointer;
  }

  deallocate(pointer: number): void {
    this.deallocateFn(pointer);
  }

  private writeString(message: string): number {
    return this.writeToContract(new TextEncoder().encode(message));
  }

  private requireWritable(): void {
    if (this.context.readonly) {
      throw new VmError('write-denied', 'Write access denied: storage is read-only in queries');
    }
  }

  private iterator(id: number): Iterator<[Uint8Array, Uint8Array]> {
    const iterator = this.iterators[id - 1];
    if (iterator === undefined) throw new VmError('iterator', `Iterator ${id} does not exist`);
    return iterator;
  }

  private addressGas(): { humanize: bigint; canonicalize: bigint } {
    const config = this.context.gasConfig;
    return {
      humanize: BigInt(config.humanizeAddressCost) * this.multiplier,
      canonicalize: BigInt(config.canonicalizeAddressCost) * this.multiplier,
    };
  }

  /** Reads a human address; returns a string on success or an error pointer for the contract. */
  private readHumanAddress(pointer: number): string | number {
    const bytes = this.readRegion(pointer, LIMIT.humanAddress);
    if (bytes.length === 0) return this.writeString('Input is empty');
    try {
      return textDecoder.decode(bytes);
    } catch {
      return this.writeString('Input is not valid UTF-8');
    }
  }

  private cryptoCode(result: crypto.CryptoResult<boolean>): number {
    if ('code' in result) return result.code;
    return result.ok ? 0 : 1;
  }

  private writePoint(out: number, result: crypto.CryptoResult<Uint8Array>): number {
    if ('code' in result) return result.code;
    this.writeRegion(out, result.ok);
    return 0;
  }

  private imports(): Record<string, (...args: never[]) => unknown> {
    return {
      abort: (pointer: number) => {
        throw new VmError('abort', `Aborted: ${this.readString(pointer, LIMIT.abort)}`);
      },
      debug: (pointer: number) => {
        const message = this.readString(pointer, LIMIT.debug);
        this.context.debug?.(message);
      },
      db_read: (keyPointer: number) => {
        const key = this.readRegion(keyPointer, LIMIT.dbKey);
        const value = this.withSdkGas(() => this.context.storage.get(key));
        return value === undefined ? 0 : this.writeToContract(value);
      },
      db_write: (keyPointer: number, valuePointer: number) => {
        this.requireWritable();
        const key = this.readRegion(keyPointer, LIMIT.dbKey);
        const value = this.readRegion(valuePointer, LIMIT.dbValue);
        this.withSdkGas(() => this.context.storage.set(key, value));
      },
      db_remove: (keyPointer: number) => {
        this.requireWritable();
        const key = this.readRegion(keyPointer, LIMIT.dbKey);
        this.withSdkGas(() => this.context.storage.delete(key));
      },
      db_scan: (startPointer: number, endPointer: number, order: number) => {
        const start = this.readOptionalRegion(startPointer, LIMIT.dbKey);
        const end = this.readOptionalRegion(endPointer, LIMIT.dbKey);
        const direction = ITERATOR_ORDER[order];
        if (direction === undefined) throw new VmError('iterator', `Invalid order value ${order}`);
        const iterator = this.withSdkGas(() =>
          this.context.storage.iterator(start, end, direction)[Symbol.iterator](),
        );
        this.iterators.push(iterator);
        return this.iterators.length;
      },
      db_next: (id: number) => {
        const next = this.withSdkGas(() => this.iterator(id).next());
        const [key, value] = next.done ? [EMPTY, EMPTY] : next.value;
        return this.writeToContract(encodeSections([key, value]));
      },
      db_next_key: (id: number) => {
        const next = this.withSdkGas(() => this.iterator(id).next());
        return next.done ? 0 : this.writeToContract(next.value[0]);
      },
      db_next_value: (id: number) => {
        const next = this.withSdkGas(() => this.iterator(id).next());
        return next.done ? 0 : this.writeToContract(next.value[1]);
      },
      addr_validate: (sourcePointer: number) => {
        const human = this.readHumanAddress(sourcePointer);
        if (typeof human === 'number') return human;
        const gas = this.addressGas();
        this.charge(gas.humanize + gas.canonicalize);
        const error = validateAddress(this.context.addresses, human);
        return error === undefined ? 0 : this.writeString(error);
      },
      addr_canonicalize: (sourcePointer: number, destinationPointer: number) => {
        const human = this.readHumanAddress(sourcePointer);
        if (typeof human === 'number') return human;
        this.charge(this.addressGas().canonicalize);
        const result = canonicalize(this.context.addresses, human);
        if ('error' in result) return this.writeString(result.error);
        this.writeRegion(destinationPointer, result.ok);
        return 0;
      },
      addr_humanize: (sourcePointer: number, destinationPointer: number) => {
        const canonical = this.readRegion(sourcePointer, LIMIT.canonicalAddress);
        this.charge(this.addressGas().humanize);
        const result = humanize(this.context.addresses, canonical);
        if ('error' in result) return this.writeString(result.error);
        this.writeRegion(destinationPointer, new TextEncoder().encode(result.ok));
        return 0;
      },
      query_chain: (requestPointer: number) => {
        const request = this.readRegion(requestPointer, LIMIT.queryRequest);
        const response = this.withSdkGas(() => this.context.query(request));
        return this.writeToContract(response);
      },
      ...this.cryptoImports(),
    };
  }

  private cryptoImports(): Record<string, (...args: never[]) => unknown> {
    const ecdsaVerify =
      (verify: typeof crypto.secp256k1Verify, cost: bigint): ((h: number, s: number, p: number) => number) =>
      (hashPointer, signaturePointer, pubkeyPointer) => {
        const hash = this.readRegion(hashPointer, LIMIT.hash);
        const signature = this.readRegion(signaturePointer, LIMIT.ecdsaSignature);
        const pubkey = this.readRegion(pubkeyPointer, LIMIT.ecdsaPubkey);
        this.charge(cost);
        return this.cryptoCode(verify(hash, signature, pubkey));
      };
    const ecdsaRecover =
      (
        recover: typeof crypto.secp256k1RecoverPubkey,
        cost: bigint,
      ): ((h: number, s: number, r: number) => bigint) =>
      (hashPointer, signaturePointer, recoveryParam) => {
        const hash = this.readRegion(hashPointer, LIMIT.hash);
        const signature = this.readRegion(signaturePointer, LIMIT.ecdsaSignature);
        if (recoveryParam > 0xff) {
          return BigInt(crypto.CRYPTO_CODE.invalidRecoveryParam) << 32n;
        }
        this.charge(cost);
        const result = recover(hash, signature, recoveryParam);
        if ('code' in result) return BigInt(result.code) << 32n;
        return BigInt(this.writeToContract(result.ok));
      };
    return {
      secp256k1_verify: ecdsaVerify(crypto.secp256k1Verify, HOST_COSTS.secp256k1Verify),
      secp256r1_verify: ecdsaVerify(crypto.secp256r1Verify, HOST_COSTS.secp256r1Verify),
      secp256k1_recover_pubkey: ecdsaRecover(
        crypto.secp256k1RecoverPubkey,
        HOST_COSTS.secp256k1RecoverPubkey,
      ),
      secp256r1_recover_pubkey: ecdsaRecover(
        crypto.secp256r1RecoverPubkey,
        HOST_COSTS.secp256r1RecoverPubkey,
      ),
      ed25519_verify: (messagePointer: number, signaturePointer: number, pubkeyPointer: number) => {
        const message = this.readRegion(messagePointer, LIMIT.ed25519Message);
        const signature = this.readRegion(signaturePointer, LIMIT.ed25519Signature);
        const pubkey = this.readRegion(pubkeyPointer, LIMIT.ed25519Pubkey);
        this.charge(HOST_COSTS.ed25519Verify);
        return this.cryptoCode(crypto.ed25519Verify(message, signature, pubkey));
      },
      ed25519_batch_verify: (messagesPointer: number, signaturesPointer: number, keysPointer: number) => {
        const batch = LIMIT.ed25519Batch;
        const messages = this.readSections(messagesPointer, (LIMIT.ed25519Message + 4) * batch);
        const signatures = this.readSections(signaturesPointer, (LIMIT.ed25519Signature + 4) * batch);
        const pubkeys = this.readSections(keysPointer, (LIMIT.ed25519Pubkey + 4) * batch);
        const cost =
          pubkeys.length === 1 ? HOST_COSTS.ed25519BatchVerifyOnePubkey : HOST_COSTS.ed25519BatchVerify;
        this.charge(linearCost(cost, signatures.length));
        return this.cryptoCode(crypto.ed25519BatchVerify(messages, signatures, pubkeys));
      },
      bls12_381_aggregate_g1: (pointsPointer: number, outPointer: number) => {
        const points = this.readRegion(pointsPointer, LIMIT.blsAggregate);
        const count = Math.floor(points.length / crypto.BLS_G1_LENGTH);
        this.charge(linearCost(HOST_COSTS.bls12381AggregateG1, count));
        return this.writePoint(outPointer, crypto.bls12381AggregateG1(points));
      },
      bls12_381_aggregate_g2: (pointsPointer: number, outPointer: number) => {
        const points = this.readRegion(pointsPointer, LIMIT.blsAggregate);
        const count = Math.floor(points.length / crypto.BLS_G2_LENGTH);
        this.charge(linearCost(HOST_COSTS.bls12381AggregateG2, count));
        return this.writePoint(outPointer, crypto.bls12381AggregateG2(points));
      },
      bls12_381_pairing_equality: (
        psPointer: number,
        qsPointer: number,
        rPointer: number,
        sPointer: number,
      ) => {
        const ps = this.readRegion(psPointer, LIMIT.blsAggregate);
        const qs = this.readRegion(qsPointer, LIMIT.blsAggregate);
        const r = this.readRegion(rPointer, crypto.BLS_G1_LENGTH);
        const s = this.readRegion(sPointer, crypto.BLS_G2_LENGTH);
        const pairs = Math.floor(ps.length / crypto.BLS_G1_LENGTH) + 1;
        this.charge(linearCost(HOST_COSTS.bls12381PairingEquality, pairs));
        return this.cryptoCode(crypto.bls12381PairingEquality(ps, qs, r, s));
      },
      bls12_381_hash_to_g1: (
        hashFunction: number,
        msgPointer: number,
        dstPointer: number,
        outPointer: number,
      ) => {
        const message = this.readRegion(msgPointer, LIMIT.blsMessage);
        const dst = this.readRegion(dstPointer, LIMIT.blsDst);
        this.charge(HOST_COSTS.bls12381HashToG1);
        return this.writePoint(outPointer, crypto.bls12381HashToG1(hashFunction, message, dst));
      },
      bls12_381_hash_to_g2: (
        hashFunction: number,
        msgPointer: number,
        dstPointer: number,
        outPointer: number,
      ) => {
        const message = this.readRegion(msgPointer, LIMIT.blsMessage);
        const dst = this.readRegion(dstPointer, LIMIT.blsDst);
        this.charge(HOST_COSTS.bls12381HashToG2);
        return this.writePoint(outPointer, crypto.bls12381HashToG2(hashFunction, message, dst));
      },
    };
  }

  private readSections(pointer: number, maxLength: number): Uint8Array[] {
    const sections = decodeSections(this.readRegion(pointer, maxLength));
    if (sections === undefined) throw new VmError('region', 'Malformed sections in Region');
    return sections;
  }
}
