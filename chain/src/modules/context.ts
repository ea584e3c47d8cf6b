import { AddressCodec } from '../crypto/address';
import { DEFAULT_KV_GAS_CONFIG, type KVGasConfig } from '../gas/config';
import { createGasMeter } from '../gas/meter';
import { OutOfGasError, type GasMeter } from '../gas/types';
import { GasKVStore } from '../store/gas-kv';
import { PrefixStore } from '../store/prefix';
import type { BranchableStore, KVStore } from '../store/types';
import { AuthKeeper, type AuthView } from './auth/keeper';
import { BankKeeper, type BankView } from './bank/keeper';
import { EventManager } from './events';
import { ModuleRegistry } from './registry';
import type { BlockInfo, BranchOptions, BranchResult, ChainModule, ExecMode, TxContext } from './types';

/** What every context of one chain shares. */
export interface ChainServices {
  chainId: string;
  addresses: AddressCodec;
  registry: ModuleRegistry;
  auth: AuthKeeper;
  bank: BankKeeper;
  kvGas: KVGasConfig;
}

/** The keepers and registry of a chain made of `modules` (auth and bank among them). */
export function createChainServices(input: {
  chainId: string;
  bech32Prefix: string;
  modules: readonly ChainModule[];
}): ChainServices {
  const { modules } = input;
  const auth = new AuthKeeper(modules.flatMap((module) => module.moduleAccounts ?? []));
  return {
    chainId: input.chainId,
    addresses: new AddressCodec(input.bech32Prefix),
    registry: new ModuleRegistry(modules),
    auth,
    bank: new BankKeeper(
      auth,
      modules.flatMap((module) => module.blockedModuleAccounts ?? []),
    ),
    kvGas: DEFAULT_KV_GAS_CONFIG,
  };
}

const STORE_KEY = /^[a-z][a-z0-9_]*$/;

export class Context implements TxContext {
  private readonly stores = new Map<string, KVStore>();
  private readonly unmeteredStores = new Map<string, KVStore>();
  private authView: AuthView | undefined;
  private bankView: BankView | undefined;

  constructor(
    private readonly services: ChainServices,
    readonly mode: ExecMode,
    readonly block: BlockInfo,
    /** The branch this context reads and writes. */
    readonly store: BranchableStore,
    readonly gasMeter: GasMeter,
    readonly txIndex: number | undefined = undefined,
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
      store = new GasKVStore(this.unmeteredStore(storeKey), this.gasMeter, this.services.kvGas);
      this.stores.set(storeKey, store);
    }
    return store;
  }

  unmeteredStore(storeKey: string): KVStore {
    let store = this.unmeteredStores.get(storeKey);
    if (store === undefined) {
      if (!STORE_KEY.test(storeKey)) throw new Error(`invalid store key ${JSON.stringify(storeKey)}`);
      store = new PrefixStore(this.store, Buffer.from(`${storeKey}/`, 'utf8'));
      this.unmeteredStores.set(storeKey, store);
    }
    return store;
  }

  /** A context over another store, meter or tx, with fresh events (the pipeline's steps). */
  derive(changes: {
    store?: BranchableStore;
    gasMeter?: GasMeter;
    mode?: ExecMode;
    txIndex?: number;
  }): Context {
    return new Context(
      this.services,
      changes.mode ?? this.mode,
      this.block,
      changes.store ?? this.store,
      changes.gasMeter ?? this.gasMeter,
      changes.txIndex ?? this.txIndex,
    );
  }

  runBranch<T>(fn: (ctx: TxContext) => T, options: BranchOptions = {}): BranchResult<T> {
    const branch = this.store.branch();
    const ownMeter = options.gasLimit === undefined ? undefined : createGasMeter(options.gasLimit);
    const child = this.derive({ store: branch, gasMeter: ownMeter });
    const consumedBefore = this.gasMeter.consumed();
    let outcome: { kind: 'ok'; value: T } | { kind: 'error'; error: unknown };
    try {
      outcome = { kind: 'ok', value: fn(child) };
      branch.write();
    } catch (error) {
      if (ownMeter === undefined && error instanceof OutOfGasError) throw error;
      outcome = { kind: 'error', error };
    }
    if (ownMeter !== undefined) {
      this.gasMeter.consume(Math.min(ownMeter.consumed(), ownMeter.limit), 'branch with its own gas limit');
    }
    const gasUsed = this.gasMeter.consumed() - consumedBefore;
    if (outcome.kind === 'error') return { ...outcome, gasUsed };
    const events = child.events.events();
    if (options.emitEvents !== false) this.events.append(events);
    return { ...outcome, events, gasUsed };
  }
}
