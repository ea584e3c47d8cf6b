// `nymts token send|transfer-from|increase-allowance|decrease-allowance|mint|burn`: each checks
// what it can before signing (balance, allowance, minter, cap), so a refusal says what is wrong
// instead of failing in simulation, and still explains the chain's answer if it fails there.
import { Cw20BaseClient, UINT128_MAX, type Cw20BaseTypes } from '@nymts/contracts-client';
import type { CommandHandler } from '../../framework/command';
import type { CommandOutput } from '../../framework/output';
import { CliError } from '../../framework/errors';
import { addressArg, amountArg, parseCount, parseTime } from '../../chain/args';
import { amountData, nymText, txData, txText } from '../../chain/format';
import { attempt, withSigner, type Signer } from '../../chain/session';
import type { TokenTxOptions } from './options';

function token(signer: Signer, options: TokenTxOptions): Cw20BaseClient {
  const { session } = signer;
  return new Cw20BaseClient(session.client, session.address, signer.contract('nym_token', options.token));
}

async function requireBalance(
  client: Cw20BaseClient,
  owner: string,
  amount: bigint,
  doing: string,
): Promise<void> {
  const { balance } = await attempt('querying the balance', () => client.balance({ address: owner }));
  if (BigInt(balance) < amount) {
    throw new CliError(
      'insufficient_nym',
      `not enough NYM: ${owner} holds ${nymText(balance)}, ${doing} needs ${nymText(amount)}`,
      {
        address: owner,
        balance,
        needed: amount.toString(),
      },
    );
  }
}

type TxResult = Parameters<typeof txData>[0];

function txOutput(result: TxResult, facts: Record<string, unknown>, summary: string): CommandOutput {
  return { data: { ...facts, ...txData(result) }, text: `${summary}\n${txText(result)}` };
}

export interface TokenSendOptions extends TokenTxOptions {
  /** JSON for the receiving contract: makes this a cw20 Send (with its hook) instead of a transfer. */
  msg?: string;
}

function hookMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new CliError('msg_invalid', `--msg is not JSON: ${(error as Error).message}`, { msg: text });
  }
  return Buffer.from(text).toString('base64');
}

export const tokenSend: CommandHandler<TokenSendOptions> = async (options) => {
  const recipient = await addressArg(options.args?.[0], 'recipient');
  const amount = await amountArg(options.args?.[1]);
  const hook = options.msg === undefined ? undefined : hookMessage(options.msg);
  return withSigner(options, async (signer) => {
    const client = token(signer, options);
    await requireBalance(client, client.sender, amount, 'sending');
    const fee = signer.session.fee;
    const result = await attempt('sending NYM', () =>
      hook === undefined
        ? client.transfer({ recipient, amount: amount.toString() }, fee)
        : client.send({ contract: recipient, amount: amount.toString(), msg: hook }, fee),
    );
    return txOutput(
      result,
      {
        action: hook === undefined ? 'transfer' : 'send',
        from: client.sender,
        to: recipient,
        amount: amountData(amount),
      },
      `sent ${nymText(amount)} from ${client.sender} to ${recipient}`,
    );
  });
};

export const tokenTransferFrom: CommandHandler<TokenTxOptions> = async (options) => {
  const owner = await addressArg(options.args?.[0], 'owner');
  const recipient = await addressArg(options.args?.[1], 'recipient');
  const amount = await amountArg(options.args?.[2]);
  return withSigner(options, async (signer) => {
    const client = token(signer, options);
    const { allowance } = await attempt('querying the allowance', () =>
      client.allowance({ owner, spender: client.sender }),
    );
    if (BigInt(allowance) < amount) {
      throw new CliError(
        'insufficient_allowance',
        `not enough allowance: ${owner} allows ${client.sender} ${nymText(allowance)}, the transfer needs ${nymText(amount)}`,
        { owner, spender: client.sender, allowance, needed: amount.toString() },
      );
    }
    await requireBalance(client, owner, amount, 'the transfer');
    const result = await attempt('transferring NYM', () =>
      client.transferFrom({ owner, recipient, amount: amount.toString() }, signer.session.fee),
    );
    return txOutput(
      result,
      { action: 'transfer_from', owner, spender: client.sender, to: recipient, amount: amountData(amount) },
      `moved ${nymText(amount)} from ${owner} to ${recipient}`,
    );
  });
};

export interface TokenAllowanceTxOptions extends TokenTxOptions {
  expiresAtHeight?: string;
  expiresAtTime?: string;
  neverExpires?: boolean;
}

function expiration(options: TokenAllowanceTxOptions): Cw20BaseTypes.Expiration | undefined {
  const given = [options.expiresAtHeight, options.expiresAtTime, options.neverExpires].filter(
    (v) => v !== undefined,
  );
  if (given.length > 1) {
    throw new CliError(
      'expiry_conflict',
      'give at most one of --expires-at-height, --expires-at-time, --never-expires',
    );
  }
  if (options.expiresAtHeight !== undefined) {
    return {
      at_height: parseCount(options.expiresAtHeight, '--expires-at-height', {
        min: 1,
        max: Number.MAX_SAFE_INTEGER,
      }),
    };
  }
  if (options.expiresAtTime !== undefined) {
    const seconds = parseTime(options.expiresAtTime, '--expires-at-time');
    return { at_time: (BigInt(seconds) * 1_000_000_000n).toString() };
  }
  return options.neverExpires === true ? { never: {} } : undefined;
}

function allowanceChange(direction: 'increase' | 'decrease'): CommandHandler<TokenAllowanceTxOptions> {
  return async (options) => {
    const spender = await addressArg(options.args?.[0], 'spender');
    const amount = await amountArg(options.args?.[1]);
    const expires = expiration(options);
    return withSigner(options, async (signer) => {
      const client = token(signer, options);
      const change = { spender, amount: amount.toString(), expires };
      const result = await attempt(
        `${direction === 'increase' ? 'increasing' : 'decreasing'} the allowance`,
        () =>
          direction === 'increase'
            ? client.increaseAllowance(change, signer.session.fee)
            : client.decreaseAllowance(change, signer.session.fee),
      );
      const now = await attempt('querying the allowance', () =>
        client.allowance({ owner: client.sender, spender }),
      );
      return txOutput(
        result,
        {
          action: `${direction}_allowance`,
          owner: client.sender,
          spender,
          change: amountData(amount),
          allowance: amountData(now.allowance),
          expires: now.expires,
        },
        `${spender} may now move ${nymText(now.allowance)} of ${client.sender}'s NYM`,
      );
    });
  };
}

export const tokenIncreaseAllowance = allowanceChange('increase');
export const tokenDecreaseAllowance = allowanceChange('decrease');

export const tokenMint: CommandHandler<TokenTxOptions> = async (options) => {
  const recipient = await addressArg(options.args?.[0], 'recipient');
  const amount = await amountArg(options.args?.[1]);
  return withSigner(options, async (signer) => {
    const client = token(signer, options);
    const [minter, info] = await attempt('querying the token', () =>
      Promise.all([client.minter(), client.tokenInfo()]),
    );
    if (minter === null) throw new CliError('no_minter', 'the token has no minter: its supply is fixed');
    if (minter.minter !== client.sender) {
      throw new CliError(
        'not_minter',
        `${client.sender} is not the token admin: only ${minter.minter} may mint`,
        {
          sender: client.sender,
          minter: minter.minter,
        },
      );
    }
    const supply = BigInt(info.total_supply);
    if (supply + amount > UINT128_MAX) {
      throw new CliError(
        'amount_overflow',
        `minting ${nymText(amount)} would overflow the total supply: it is ${nymText(supply)}, and a cw20 supply is at most ${nymText(UINT128_MAX)}`,
        { supply: info.total_supply, amount: amount.toString() },
      );
    }
    const cap = minter.cap ?? null;
    if (cap !== null && supply + amount > BigInt(cap)) {
      throw new CliError(
        'cap_exceeded',
        `minting ${nymText(amount)} would exceed the cap: the supply is ${nymText(info.total_supply)} of at most ${nymText(cap)}`,
        { supply: info.total_supply, cap, amount: amount.toString() },
      );
    }
    const result = await attempt('minting NYM', () =>
      client.mint({ recipient, amount: amount.toString() }, signer.session.fee),
    );
    return txOutput(
      result,
      { action: 'mint', to: recipient, amount: amountData(amount) },
      `minted ${nymText(amount)} to ${recipient}`,
    );
  });
};

export const tokenBurn: CommandHandler<TokenTxOptions> = async (options) => {
  const amount = await amountArg(options.args?.[0]);
  return withSigner(options, async (signer) => {
    const client = token(signer, options);
    await requireBalance(client, client.sender, amount, 'burning');
    const result = await attempt('burning NYM', () =>
      client.burn({ amount: amount.toString() }, signer.session.fee),
    );
    return txOutput(
      result,
      { action: 'burn', from: client.sender, amount: amountData(amount) },
      `burnt ${nymText(amount)} of ${client.sender}`,
    );
  });
};
