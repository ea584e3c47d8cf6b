// Deploys cw20-base (NYM), the vesting contract and the mixnet contract on the real host, and
// offers the calls the tests make: NYM moves through the token (cw20 Send with a receive hook).
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { base58 } from '@scure/base';
import { VESTING_WASM } from '@nymts/contract-vesting';
import { MIXNET_WASM } from '../../src';
import { contractWasm } from '@nymts/chain/test/wasm/support/harness';
import { account, type Executed, eventsOf, TestChain } from './chain';

export const ADMIN = account(1);
export const VALIDATOR = account(2);
export const EPOCH_SECONDS = 3600;
export const NYM = 1_000_000n;

export const REWARDING_PARAMS = {
  initial_reward_pool: '244817525850285',
  initial_staking_supply: '100000000000000',
  staking_supply_scale_factor: '0.5',
  sybil_resistance: '0.3',
  active_set_work_factor: '10',
  interval_pool_emission: '0.02',
  rewarded_set_size: 6,
  active_set_size: 3,
};

export const DEFAULT_COSTS = { profit_margin_percent: '0.1', interval_operating_cost: '40000000' };

function rawPublicKey(key: KeyObject): Uint8Array {
  return new Uint8Array(Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url'));
}

/** A node's ed25519 identity and x25519 Sphinx keys, base58-encoded as Nym prints them. */
export class NodeKeys {
  readonly identityKey: string;
  readonly sphinxKey: string;
  private readonly privateKey: KeyObject;

  constructor() {
    const identity = generateKeyPairSync('ed25519');
    this.privateKey = identity.privateKey;
    this.identityKey = base58.encode(rawPublicKey(identity.publicKey));
    this.sphinxKey = base58.encode(rawPublicKey(generateKeyPairSync('x25519').publicKey));
  }

  /** The base58 ed25519 signature of `message`. */
  sign(message: string): string {
    return base58.encode(new Uint8Array(sign(null, Buffer.from(message), this.privateKey)));
  }
}

/** The bytes a node's identity key signs to let `owner` bond it (see contracts/README.md). */
export function bondingMessage(
  kind: 'mixnode-bonding' | 'gateway-bonding',
  contract: string,
  owner: string,
  nonce: number,
) {
  return JSON.stringify({ message_type: kind, contract, owner, nonce });
}

export function mixNode(keys: NodeKeys, n = 1) {
  return {
    host: `10.0.0.${n}`,
    mix_port: 1789,
    http_api_port: 8000,
    sphinx_key: keys.sphinxKey,
    identity_key: keys.identityKey,
    version: '0.1.0',
    location: 'Earth',
  };
}

export function gateway(keys: NodeKeys, n = 1) {
  return {
    host: `10.0.1.${n}`,
    mix_port: 1789,
    clients_port: 9000,
    http_api_port: 8000,
    location: 'Earth',
    sphinx_key: keys.sphinxKey,
    identity_key: keys.identityKey,
    version: '0.1.0',
  };
}

/** 32 bytes of test randomness for an epoch, base64 as the message carries it. */
export function randomness(label: string | number): string {
  return createHash('sha256').update(`test randomness ${label}`).digest('base64');
}

export interface DeployOptions {
  epochsInInterval?: number;
  rewardingParams?: Partial<typeof REWARDING_PARAMS>;
  minimumDelegation?: string;
}

export class Mixnet {
  private constructor(
    readonly chain: TestChain,
    readonly token: string,
    readonly vesting: string,
    readonly mixnet: string,
  ) {}

  static deploy(options: DeployOptions = {}): Mixnet {
    const chain = new TestChain();
    const tokenCode = chain.upload(ADMIN, contractWasm('cw20-base'));
    const vestingCode = chain.upload(ADMIN, new Uint8Array(readFileSync(VESTING_WASM)));
    const mixnetCode = chain.upload(ADMIN, new Uint8Array(readFileSync(MIXNET_WASM)));
    const token = chain.instantiate(
      ADMIN,
      tokenCode,
      {
        name: 'Nym',
        symbol: 'NYM',
        decimals: 6,
        initial_balances: [{ address: ADMIN, amount: '1000000000000000' }],
        mint: { minter: ADMIN },
      },
      'nym',
    );
    const vesting = chain.instantiate(ADMIN, vestingCode, { token_address: token }, 'vesting');
    const mixnet = chain.instantiate(
      ADMIN,
      mixnetCode,
      {
        rewarding_validator_address: VALIDATOR,
        vesting_contract_address: vesting,
        token_address: token,
        epochs_in_interval: options.epochsInInterval ?? 2,
        epoch_duration_secs: EPOCH_SECONDS,
        initial_rewarding_params: { ...REWARDING_PARAMS, ...options.rewardingParams },
        ...(options.minimumDelegation === undefined
          ? {}
          : { minimum_mixnode_delegation: options.minimumDelegation }),
      },
      'mixnet',
    );
    chain.execute(ADMIN, vesting, { update_mixnet_address: { address: mixnet } });
    const deployed = new Mixnet(chain, token, vesting, mixnet);
    // The reward pool is NYM the contract holds; rewards are paid out of it.
    deployed.fund(mixnet, BigInt(REWARDING_PARAMS.initial_reward_pool));
    return deployed;
  }

  fund(address: string, amount: bigint): void {
    this.chain.execute(ADMIN, this.token, { transfer: { recipient: address, amount: amount.toString() } });
  }

  balance(address: string): bigint {
    return BigInt(this.chain.query<{ balance: string }>(this.token, { balance: { address } }).balance);
  }

  /** A cw20 Send of `amount` unym from `from` to `contract` (the mixnet by default) with `msg`. */
  send(from: string, amount: bigint, msg: unknown, contract = this.mixnet): Executed {
    const encoded = Buffer.from(JSON.stringify(msg)).toString('base64');
    return this.chain.execute(from, this.token, {
      send: { contract, amount: amount.toString(), msg: encoded },
    });
  }

  execute(sender: string, msg: unknown): Executed {
    return this.chain.execute(sender, this.mixnet, msg);
  }

  query<T = Record<string, unknown>>(msg: unknown): T {
    return this.chain.query<T>(this.mixnet, msg);
  }

  nonce(owner: string): number {
    return this.query<number>({ get_signing_nonce: { address: owner } });
  }

  signature(keys: NodeKeys, kind: 'mixnode-bonding' | 'gateway-bonding', owner: string): string {
    return keys.sign(bondingMessage(kind, this.mixnet, owner, this.nonce(owner)));
  }

  bondMixnode(owner: string, keys: NodeKeys, amount: bigint, costs = DEFAULT_COSTS, n = 1): number {
    const executed = this.send(owner, amount, {
      bond_mixnode: {
        mix_node: mixNode(keys, n),
        cost_params: costs,
        owner_signature: this.signature(keys, 'mixnode-bonding', owner),
      },
    });
    return Number(eventsOf(executed, 'mixnode_bonding')[0]!.mix_id);
  }

  bondGateway(owner: string, keys: NodeKeys, amount: bigint, n = 1): Executed {
    return this.send(owner, amount, {
      bond_gateway: {
        gateway: gateway(keys, n),
        owner_signature: this.signature(keys, 'gateway-bonding', owner),
      },
    });
  }

  delegate(delegator: string, mixId: number, amount: bigint): Executed {
    return this.send(delegator, amount, { delegate_to_mixnode: { mix_id: mixId } });
  }

  interval() {
    return this.query<{
      interval: {
        current_epoch_start: number;
        epoch_length_secs: number;
        total_elapsed_epochs: number;
        id: number;
      };
    }>({ get_current_interval_details: {} }).interval;
  }

  /** Moves block time to the end of the current epoch. */
  endEpoch(): void {
    const interval = this.interval();
    const end = interval.current_epoch_start + interval.epoch_length_secs;
    if (this.chain.time < end) this.chain.time = end;
  }

  advance(label: string | number = this.interval().total_elapsed_epochs): Executed {
    this.endEpoch();
    return this.execute(VALIDATOR, { advance_current_epoch: { randomness: randomness(label) } });
  }

  reward(mixId: number, performance: string): Executed {
    return this.execute(VALIDATOR, { reward_mixnode: { mix_id: mixId, performance } });
  }

  rewardedSet() {
    return this.query<{
      metadata: Record<string, unknown>;
      nodes: Array<{ mix_id: number; status: 'active' | 'standby'; layer: number | null }>;
      start_next_after: number | null;
    }>({ get_rewarded_set: {} });
  }
}
