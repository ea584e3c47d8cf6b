// Bonding a node from its home folder: the description the mixnet contract stores (announced
// address, ports, keys, version), the identity key's signature over the owner and the owner's
// signing nonce (the contract's check, contracts/README.md "Owner signature"), and the cw20 `Send`
// of the pledge (or the vesting contract's bond, for unvested NYM). The gateway's bonding uses the
// shared part here.
import { sign } from 'node:crypto';
import type { ExecuteResult } from '@cosmjs/cosmwasm-stargate';
import {
  Cw20BaseClient,
  MixnetQueryClient,
  VestingClient,
  type MixnetTypes,
  type SigningSession,
} from '@nymts/contracts-client';
import {
  encodeKey,
  loadTomlConfig,
  NodeError,
  parseSocketAddress,
  readKeyPair,
  type KeyPair,
  type SocketAddress,
} from '@nymts/node-common';
import { mixnodeConfigSchema, nodePaths, type MixnodeConfig, type NodePaths } from './config/mixnode-config';

export type BondingKind = 'mixnode-bonding' | 'gateway-bonding';

/** Liquid NYM the owner holds, or unvested NYM of the owner's vesting account. */
export type BondFunding = 'liquid' | 'vesting';

export interface BondingContracts {
  mixnet: string;
  token: string;
  /** Needed for `funding: 'vesting'`. */
  vesting?: string;
}

export interface NodeBondOptions {
  contracts: BondingContracts;
  /** The pledge, in unym. */
  amount: bigint;
  funding?: BondFunding;
  /** Where the node runs (free text). */
  location?: string;
  /** The node software's version; the package's when absent. */
  version?: string;
}

export interface NodeKeys {
  identity: KeyPair;
  sphinx: KeyPair;
}

export interface BondResult {
  kind: BondingKind;
  owner: string;
  identityKey: string;
  amount: bigint;
  funding: BondFunding;
  /** Set for mix nodes: the id the contract gave the bond. */
  mixId?: number;
  tx: ExecuteResult;
}

/** What a mix node's or gateway's description and signature are built from. */
export type NodeBond =
  | {
      kind: 'mixnode-bonding';
      keys: NodeKeys;
      description: MixnetTypes.MixNode;
      costParams: MixnetTypes.MixNodeCostParams;
    }
  | { kind: 'gateway-bonding'; keys: NodeKeys; description: MixnetTypes.Gateway };

const PACKAGE_VERSION: string = (require('../package.json') as { version: string }).version;

/** Nym's defaults: 10 % profit margin, 40 NYM per interval. */
export const DEFAULT_COST_PARAMS: MixnetTypes.MixNodeCostParams = {
  profit_margin_percent: '0.1',
  interval_operating_cost: '40000000',
};

/** The exact bytes the identity key signs: compact JSON, keys in this order. */
export function bondingMessage(kind: BondingKind, contract: string, owner: string, nonce: number): string {
  return JSON.stringify({ message_type: kind, contract, owner, nonce });
}

/** The base58 ed25519 signature of `message` by the node's identity key. */
export function signBondingMessage(identity: KeyPair, message: string): string {
  return encodeKey(new Uint8Array(sign(null, Buffer.from(message, 'utf8'), identity.privateKey)));
}

/** Reads and checks the node's identity (ed25519) and Sphinx (x25519) key pairs. */
export function readNodeKeys(paths: NodePaths): NodeKeys {
  return { identity: readKeyPair(paths.identity, 'ed25519'), sphinx: readKeyPair(paths.sphinx, 'x25519') };
}

/** The address the node publishes: its announce address, or a listen address that is not a wildcard. */
export function announcedAddress(
  announce: string | undefined,
  listen: string,
  what: string,
  home: string,
): SocketAddress {
  const address = parseSocketAddress(announce ?? listen);
  if (address.host === '0.0.0.0' || address.host === '::') {
    throw new NodeError(
      'announce_address_missing',
      `${home}: the ${what} listens on ${address.host}, which no one can dial; set its announce_address in the config`,
      { action: 'reject', details: { home, what, listen } },
    );
  }
  return address;
}

export function descriptionKeys(keys: NodeKeys): { identity_key: string; sphinx_key: string } {
  return {
    identity_key: encodeKey(keys.identity.publicKeyBytes),
    sphinx_key: encodeKey(keys.sphinx.publicKeyBytes),
  };
}

export function nodeVersion(options: { version?: string }): string {
  return options.version ?? PACKAGE_VERSION;
}

function bondingEvent(tx: ExecuteResult, type: string): Record<string, string> | undefined {
  const event = tx.events.find((e) => e.type === `wasm-${type}`);
  return event === undefined ? undefined : Object.fromEntries(event.attributes.map((a) => [a.key, a.value]));
}

function vestingClient(session: SigningSession, contracts: BondingContracts): VestingClient {
  if (contracts.vesting === undefined) {
    throw new NodeError(
      'vesting_contract_missing',
      'bonding with vesting NYM needs the vesting contract address',
      {
        action: 'reject',
      },
    );
  }
  return new VestingClient(session.client, session.address, contracts.vesting);
}

/**
 * Signs the owner's current nonce with the node's identity key and sends the bond: a cw20 `Send`
 * of the pledge to the mixnet contract, or the vesting contract's bond for unvested NYM.
 */
export async function submitBond(
  session: SigningSession,
  options: NodeBondOptions,
  bond: NodeBond,
): Promise<BondResult> {
  const { contracts, amount } = options;
  const funding = options.funding ?? 'liquid';
  const owner = session.address;
  const mixnet = new MixnetQueryClient(session.client, contracts.mixnet);
  const nonce = await mixnet.getSigningNonce({ address: owner });
  const ownerSignature = signBondingMessage(
    bond.keys.identity,
    bondingMessage(bond.kind, contracts.mixnet, owner, nonce),
  );
  const fee = session.fee;
  let tx: ExecuteResult;
  if (funding === 'vesting') {
    const vesting = vestingClient(session, contracts);
    tx =
      bond.kind === 'mixnode-bonding'
        ? await vesting.bondMixnode(
            {
              mixNode: { ...bond.description },
              costParams: { ...bond.costParams },
              ownerSignature,
              amount: amount.toString(),
            },
            fee,
          )
        : await vesting.bondGateway(
            { gateway: { ...bond.description }, ownerSignature, amount: amount.toString() },
            fee,
          );
  } else {
    const receive: MixnetTypes.ReceiveMsg =
      bond.kind === 'mixnode-bonding'
        ? {
            bond_mixnode: {
              mix_node: bond.description,
              cost_params: bond.costParams,
              owner_signature: ownerSignature,
            },
          }
        : { bond_gateway: { gateway: bond.description, owner_signature: ownerSignature } };
    const token = new Cw20BaseClient(session.client, owner, contracts.token);
    tx = await token.send(
      {
        contract: contracts.mixnet,
        amount: amount.toString(),
        msg: Buffer.from(JSON.stringify(receive)).toString('base64'),
      },
      fee,
    );
  }
  const mixId = bondingEvent(tx, 'mixnode_bonding')?.mix_id;
  return {
    kind: bond.kind,
    owner,
    identityKey: bond.description.identity_key,
    amount,
    funding,
    mixId: mixId === undefined ? undefined : Number(mixId),
    tx,
  };
}

export interface MixnodeBondOptions extends NodeBondOptions {
  costParams?: MixnetTypes.MixNodeCostParams;
}

export interface MixnodeHome {
  config: MixnodeConfig;
  keys: NodeKeys;
  description: MixnetTypes.MixNode;
}

/** The mix node's config, keys and the description the contract would store, from its home. */
export function readMixnodeHome(
  home: string,
  options: { location?: string; version?: string } = {},
): MixnodeHome {
  const config = loadTomlConfig(nodePaths(home).config, mixnodeConfigSchema);
  const keys = readNodeKeys(nodePaths(home, config.keys, config.storage));
  const mix = announcedAddress(
    config.mixnet.announce_address,
    config.mixnet.listen_address,
    'mix port',
    home,
  );
  const description: MixnetTypes.MixNode = {
    host: mix.host,
    mix_port: mix.port,
    http_api_port: parseSocketAddress(config.http.listen_address).port,
    ...descriptionKeys(keys),
    version: nodeVersion(options),
    location: options.location ?? '',
  };
  return { config, keys, description };
}

/** Bonds the mix node in `home` for the session's account. */
export async function bondMixnodeFromHome(
  session: SigningSession,
  home: string,
  options: MixnodeBondOptions,
): Promise<BondResult> {
  const { keys, description } = readMixnodeHome(home, options);
  return submitBond(session, options, {
    kind: 'mixnode-bonding',
    keys,
    description,
    costParams: options.costParams ?? DEFAULT_COST_PARAMS,
  });
}
