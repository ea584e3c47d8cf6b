import type { AddressCodec } from '../crypto/address';
import type { KVGasConfig } from '../gas/config';
import { createGasMeter } from '../gas/meter';
import { OutOfGasError, type GasMeter } from '../gas/types';
import { GasKVStore } from '../store/gas-kv';
import { PrefixStore } from '../store/prefix';
import type { BranchableStore, KVStore } from '../store/types';
import type { AuthKeeper, AuthView } from './auth/keeper';
import type { BankKeeper, BankView } from './bank/keeper';
import { EventManager } from './events';
import type { ModuleRegistry } from './registry';
import type { BlockInfo, BranchResult, ExecMode, TxContext } from './types';

/** What every context of one chain shares. */
export interface ChainServices {
  chainId: string;
  addresses: AddressCodec;
  registry: ModuleRegistry;
  auth: AuthKeeper;
  bank: BankKeeper;
  kvGas: KVGasConfig;
}

const STORE_KEY = /^[a-z][a-z0-9_]*$/;

export class Context implements TxContext {
  private readonly stores = new Map<string, KVStore>();
  private authView: AuthView | undefined;
  private bankView: BankView | undefined;

  constructor(
    private readonly services: ChainServices,
    readonly mode: ExecMode,
    readonly block: BlockInfo,
    /** The branch this context reads and writes. */
    readonly store: BranchableStore,
    readonly gasMeter: GasMeter,
    readonly events: EventManager = new EventManager(),
  ) {}

  get chainId(): string {
    return this.services.chainId;
  }

  get addresses(): AddressCodec {
    return this.services.addresses;
  }

  get router(): ModuleRegistry {
    return this.services.registry;
  }

  get auth(): AuthView {
    this.authView ??= this.services.auth.bind(this);
    return this.authView;
  }

  get bank(): BankView {
    this.bankView ??= this.services.bank.bind(this);
    return this.bankView;
  }

  kvStore(storeKey: string): KVStore {
    let store = this.stores.get(storeKey);
    if (store === undefined) {
      if (!STORE_KEY.test(storeKey)) throw new Error(`invalid store key ${JSON.stringify(storeKey)}`);
      const prefixed = new PrefixStore(this.store, Buffer.from(`${storeKey}/`, 'utf8'));
      store = new GasKVStore(prefixed, this.gasMeter, this.services.kvGas);
      this.stores.set(storeKey, store);
    }
    return store;
  }

  /** A context over another store or meter, with fresh events (the pipeline's ante/msg steps). */
  derive(changes: { store?: BranchableStore; gasMeter?: GasMeter; mode?: ExecMode }): Context {
    return new Context(
      this.services,
      changes.mode ?? this.mode,
      this.block,
      changes.store ?? this.store,
      changes.gasMeter ?? this.gasMeter,
    );
  }

  runBranch<T>(fn: (ctx: TxContext) => T, options: { gasLimit?: number } = {}): BranchResult<T> {
    const branch = this.store.branch();
    const ownMeter = options.gasLimit === undefined ? undefined : createGasMeter(options.gasLimit);
    const child = this.derive({ store: branch, gasMeter: ownMeter });
    let result: BranchResult<T>;
    try {
      const value = fn(child);
      branch.write();
      this.events.append(child.events.events());
      result = { kind: 'ok', value };
    } catch (error) {
      if (ownMeter === undefined && error instanceof OutOfGasError) throw error;
      result = { kind: 'error', error };
    }
    if (ownMeter !== undefined) {
      this.gasMeter.consume(Math.min(ownMeter.consumed(), ownMeter.limit), 'branch with its own gas limit');
    }
    return result;
  }
}
