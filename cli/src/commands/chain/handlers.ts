import { HomeError, createChain, initHome, loadHome } from '@nymts/chain';
import pino from 'pino';
import { CliError } from '../../framework/errors';
import type { CommandHandler } from '../../framework/command';

export interface InitOptions {
  home: string;
  chainId: string;
  dev?: boolean;
  account: string[];
  rpc?: string;
  blockTime?: string;
  minimumGasPrices?: string;
}

export interface StartOptions {
  home: string;
  rpc?: string;
  blockTime?: string;
  config?: string;
  logLevel: string;
}

/** Home-folder and config problems are the user's to fix: report them without a stack. */
function asCliError(error: unknown): unknown {
  if (error instanceof HomeError) return new CliError(error.code, error.message);
  if (
    error instanceof Error &&
    /^invalid (configuration|genesis|listen address|duration)|is not valid TOML/.test(error.message)
  ) {
    return new CliError('invalid_config', error.message);
  }
  return error;
}

export const initChain: CommandHandler<InitOptions> = async (options) => {
  let result;
  try {
    result = await initHome({
      home: options.home,
      chainId: options.chainId,
      dev: options.dev === true,
      accounts: options.account,
      config: {
        laddr: options.rpc,
        blockTime: options.blockTime,
        minimumGasPrices: options.minimumGasPrices,
      },
    });
  } catch (error) {
    throw asCliError(error);
  }
  const lines = [`initialised chain ${result.chainId} in ${result.home}`];
  if (result.devAccounts.length > 0) {
    lines.push(
      `dev accounts (published test mnemonics: never use them for real funds), also in ${result.files.devAccounts}:`,
    );
    for (const account of result.devAccounts)
      lines.push(`  ${account.name}  ${account.address}  ${account.mnemonic}`);
  }
  for (const account of result.accounts) lines.push(`  genesis account ${account.address}  ${account.coins}`);
  lines.push(`start it with: nymts chain start --home ${result.home}`);
  return {
    data: {
      home: result.home,
      chainId: result.chainId,
      devAccounts: result.devAccounts,
      accounts: result.accounts,
      files: result.files,
    },
    text: lines.join('\n'),
  };
};

export const startChainCommand: CommandHandler<StartOptions> = async (options, ctx) => {
  let loaded;
  try {
    loaded = loadHome(options.home, { laddr: options.rpc, blockTime: options.blockTime }, options.config);
  } catch (error) {
    throw asCliError(error);
  }
  const logger = pino({ level: options.logLevel, base: { service: 'nymts-chain' } }, pino.destination(2));
  const chain = await createChain(loaded.options, { logger });
  let stopped = false;
  try {
    const rpc = await chain.start().catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new CliError(
          'rpc_address_in_use',
          `the RPC address is already in use: ${(error as Error).message}`,
        );
      }
      throw error;
    });
    ctx.io.err(`chain ${chain.genesis.chainId} running: RPC ${rpc.url}, WebSocket ${rpc.websocketUrl}`);
    await new Promise<void>((resolve) => {
      if (ctx.signal.aborted) resolve();
      else ctx.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    const height = chain.node.height;
    await chain.stop();
    stopped = true;
    logger.info({ height }, 'stopped');
    return {
      data: { chainId: chain.genesis.chainId, height, stopped: true },
      text: `stopped at height ${height}`,
    };
  } finally {
    if (!stopped) await chain.stop();
  }
};
