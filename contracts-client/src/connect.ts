// Connecting to a chain: a read-only client, or a signing client for a key from a mnemonic, with
// the fee and polling settings nymts uses everywhere.
import { CosmWasmClient, SigningCosmWasmClient } from '@cosmjs/cosmwasm-stargate';
import { DirectSecp256k1HdWallet, type OfflineSigner } from '@cosmjs/proto-signing';
import { GasPrice } from '@cosmjs/stargate';
import { ContractsClientError } from './errors';

export const BECH32_PREFIX = 'n';
export const GAS_DENOM = 'unyx';
export const DEFAULT_GAS_PRICE = `0.025${GAS_DENOM}`;
/** Fee "auto" with this multiplier on the simulated gas (cosmjs's own default for "auto"). */
export const DEFAULT_GAS_MULTIPLIER = 1.4;
/**
 * cosmjs waits one poll interval before it first looks for a broadcast tx (3 s by default), so
 * every tx would take 3 s even on a chain that makes blocks at once.
 */
export const DEFAULT_POLL_INTERVAL_MS = 200;
export const DEFAULT_BROADCAST_TIMEOUT_MS = 60_000;

export interface SignerOptions {
  /** Price per unit of gas, e.g. "0.025unyx". */
  gasPrice?: string;
  /** Gas limit = simulated gas × this. */
  gasMultiplier?: number;
  pollIntervalMs?: number;
  timeoutMs?: number;
}

/** A signing connection: the client, the signer's address, and the fee to pass to every call. */
export interface SigningSession {
  client: SigningCosmWasmClient;
  address: string;
  chainId: string;
  /** `"auto"` with the multiplier: pass it as the `fee` of generated client calls. */
  fee: number;
  disconnect(): void;
}

export interface ReadSession {
  client: CosmWasmClient;
  chainId: string;
  disconnect(): void;
}

/** A wallet for the first account (m/44'/118'/0'/0/0) of a BIP-39 mnemonic, with addresses `n1…`. */
export async function walletFromMnemonic(mnemonic: string): Promise<DirectSecp256k1HdWallet> {
  const words = mnemonic.trim().split(/\s+/);
  try {
    return await DirectSecp256k1HdWallet.fromMnemonic(words.join(' '), { prefix: BECH32_PREFIX });
  } catch (error) {
    throw new ContractsClientError(
      'mnemonic_invalid',
      `the mnemonic is not a valid BIP-39 phrase (${words.length} words): ${(error as Error).message}`,
      { words: words.length },
    );
  }
}

export function parseGasPrice(text: string): GasPrice {
  try {
    return GasPrice.fromString(text);
  } catch (error) {
    throw new ContractsClientError(
      'gas_price_invalid',
      `"${text}" is not a gas price such as ${DEFAULT_GAS_PRICE}: ${(error as Error).message}`,
      { gasPrice: text },
    );
  }
}

async function reach<T>(rpcUrl: string, connect: () => Promise<T>): Promise<T> {
  try {
    return await connect();
  } catch (error) {
    throw new ContractsClientError(
      'node_unreachable',
      `cannot reach the chain at ${rpcUrl}: ${(error as Error).message}`,
      { node: rpcUrl },
    );
  }
}

export async function connectReader(rpcUrl: string): Promise<ReadSession> {
  const client = await reach(rpcUrl, () => CosmWasmClient.connect(rpcUrl));
  const chainId = await client.getChainId();
  return { client, chainId, disconnect: () => client.disconnect() };
}

export async function connectSigner(
  rpcUrl: string,
  signer: OfflineSigner,
  options: SignerOptions = {},
): Promise<SigningSession> {
  const gasPrice = parseGasPrice(options.gasPrice ?? DEFAULT_GAS_PRICE);
  const [account] = await signer.getAccounts();
  if (account === undefined) throw new ContractsClientError('signer_empty', 'the signer has no accounts');
  const client = await reach(rpcUrl, () =>
    SigningCosmWasmClient.connectWithSigner(rpcUrl, signer, {
      gasPrice,
      broadcastPollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      broadcastTimeoutMs: options.timeoutMs ?? DEFAULT_BROADCAST_TIMEOUT_MS,
    }),
  );
  const chainId = await client.getChainId();
  return {
    client,
    address: account.address,
    chainId,
    fee: options.gasMultiplier ?? DEFAULT_GAS_MULTIPLIER,
    disconnect: () => client.disconnect(),
  };
}
