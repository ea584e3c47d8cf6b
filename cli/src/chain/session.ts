// Opening a connection for one command, finding contracts through the deployment record, and
// turning everything that can go wrong into errors that say what to fix.
import { readFileSync } from 'node:fs';
import {
  connectReader,
  connectSigner,
  ContractsClientError,
  defaultDeploymentPath,
  deployedContract,
  explainChainError,
  readDeploymentRecord,
  walletFromMnemonic,
  type ContractRole,
  type ReadSession,
  type SigningSession,
} from '@nymts/contracts-client';
import type { CommandHandler } from '../framework/command';
import { CliError } from '../framework/errors';
import type { ChainOptions, KeyOptions, SigningOptions } from './options';

export function toCliError(error: unknown, action: string): CliError {
  if (error instanceof CliError) return error;
  const explained = explainChainError(error, action);
  return new CliError(explained.code, explained.message, explained.details);
}

/** Runs `step`, reporting any failure as a CliError that starts with `action`. */
export async function attempt<T>(action: string, step: () => Promise<T> | T): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw toCliError(error, action);
  }
}

/** The mnemonic: `--mnemonic-file` (or NYM_MNEMONIC_FILE) first, then NYM_MNEMONIC. */
export function readMnemonic(options: KeyOptions): string | undefined {
  if (options.mnemonicFile !== undefined) {
    try {
      return readFileSync(options.mnemonicFile, 'utf8');
    } catch (error) {
      throw new CliError('key_unreadable', `cannot read the mnemonic file ${options.mnemonicFile}`, {
        path: options.mnemonicFile,
        cause: String(error),
      });
    }
  }
  return options.mnemonic;
}

/** The address of the configured key, if there is one. */
export async function keyAddress(options: KeyOptions): Promise<string | undefined> {
  const mnemonic = readMnemonic(options);
  if (mnemonic === undefined) return undefined;
  const wallet = await attempt('reading the key', () => walletFromMnemonic(mnemonic));
  const [account] = await wallet.getAccounts();
  return account!.address;
}

interface ContractLookup {
  chainId: string;
  /** The address of `role`: the override if given, else the deployment record's. */
  contract(role: ContractRole, override?: string): string;
}

function contractLookup(options: ChainOptions, chainId: string): ContractLookup {
  return {
    chainId,
    contract(role, override) {
      if (override !== undefined) return override;
      const path = options.deployment ?? defaultDeploymentPath();
      try {
        return deployedContract(readDeploymentRecord(path), chainId, role, path).address;
      } catch (error) {
        if (error instanceof ContractsClientError) {
          throw new CliError(
            error.code,
            `${error.message}; deploy the contracts or pass the address`,
            error.details,
          );
        }
        throw error;
      }
    },
  };
}

export type Reader = ContractLookup & { client: ReadSession['client'] };
export type Signer = ContractLookup & { session: SigningSession };

async function withSession<S extends { disconnect(): void }, T>(
  open: () => Promise<S>,
  use: (session: S) => Promise<T>,
): Promise<T> {
  const session = await attempt('connecting to the chain', open);
  try {
    return await use(session);
  } finally {
    session.disconnect();
  }
}

export function withReader<T>(options: ChainOptions, use: (reader: Reader) => Promise<T>): Promise<T> {
  return withSession<ReadSession, T>(
    () => connectReader(options.node),
    (session) => use({ client: session.client, ...contractLookup(options, session.chainId) }),
  );
}

export async function withSigner<T>(
  options: SigningOptions,
  use: (signer: Signer) => Promise<T>,
): Promise<T> {
  const mnemonic = readMnemonic(options);
  if (mnemonic === undefined) {
    throw new CliError(
      'missing_key',
      'this command signs a transaction: give the key with --mnemonic-file <file> or the NYM_MNEMONIC variable',
    );
  }
  const wallet = await attempt('reading the key', () => walletFromMnemonic(mnemonic));
  return withSession<SigningSession, T>(
    () =>
      connectSigner(options.node, wallet, {
        gasPrice: options.gasPrice,
        gasMultiplier: options.gasMultiplier,
      }),
    (session) => use({ session, ...contractLookup(options, session.chainId) }),
  );
}

/** Fills `mnemonic` from NYM_MNEMONIC, so handlers themselves read no environment. */
export function mnemonicFromEnvironment<O extends KeyOptions>(handler: CommandHandler<O>): CommandHandler<O> {
  return (options, ctx) => handler({ mnemonic: process.env.NYM_MNEMONIC, ...options }, ctx);
}
