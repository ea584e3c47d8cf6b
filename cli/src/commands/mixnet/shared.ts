// What the mixnet commands (`nymts mixnode|gateway` bonding, `nymts delegate|undelegate`,
// `nymts mixnet …`) share: the contract option, clients for the mixnet contract found through the
// deployment record, acting directly or through the vesting contract, and argument parsing.
import { Option } from 'commander';
import type { ExecuteResult } from '@cosmjs/cosmwasm-stargate';
import {
  Cw20BaseClient,
  MixnetClient,
  MixnetQueryClient,
  VestingClient,
  type MixnetTypes,
} from '@nymts/contracts-client';
import type { BondingContracts } from '@nymts/mixnode';
import type { ChainOptions, KeyOptions, SigningOptions } from '../../chain/options';
import { txData, txText } from '../../chain/format';
import type { Reader, Signer } from '../../chain/session';
import type { CommandOutput } from '../../framework/output';
import { CliError } from '../../framework/errors';

interface MixnetContract {
  /** The mixnet contract; the deployment record's when absent. */
  mixnet?: string;
  args?: string[];
}

export type MixnetQueryOptions = ChainOptions & KeyOptions & MixnetContract;
export type MixnetTxOptions = SigningOptions & MixnetContract;

export interface StakeOptions extends MixnetTxOptions {
  /** Act for the key's vesting account (unvested NYM) through the vesting contract. */
  vesting?: boolean;
}

export const mixnetOption = (): Option =>
  new Option('--mixnet <address>', 'the mixnet contract (default: from the deployment record)').env(
    'NYM_MIXNET_CONTRACT',
  );

export const vestingFlag = (): Option =>
  new Option('--vesting', 'stake the key’s unvested NYM through the vesting contract');

export function mixnetReader(reader: Reader, options: MixnetQueryOptions): MixnetQueryClient {
  return new MixnetQueryClient(reader.client, reader.contract('mixnet', options.mixnet));
}

export function mixnetSigner(signer: Signer, options: MixnetTxOptions): MixnetClient {
  const { session } = signer;
  return new MixnetClient(session.client, session.address, signer.contract('mixnet', options.mixnet));
}

export function vestingSigner(signer: Signer): VestingClient {
  const { session } = signer;
  return new VestingClient(session.client, session.address, signer.contract('vesting'));
}

type TxResult = Parameters<typeof txData>[0];

export function txOutput(result: TxResult, facts: Record<string, unknown>, summary: string): CommandOutput {
  return { data: { ...facts, ...txData(result) }, text: `${summary}\n${txText(result)}` };
}

export function mixIdArg(text: string | undefined, what = 'mix id'): number {
  if (text === undefined) throw new CliError('missing_argument', `give the ${what}`);
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1 || value > 0xffffffff) {
    throw new CliError('mix_id_invalid', `${what} must be a whole number from 1, not "${text}"`, {
      value: text,
    });
  }
  return value;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** "10" or "10%" (percent, up to 16 decimals) → the contract's Decimal "0.1". */
export function percentToDecimal(text: string, what: string): string {
  const match = DECIMAL.exec(text.trim().replace(/%$/, ''));
  const fraction = match?.[2] ?? '';
  if (match === null || fraction.length > 16) {
    throw new CliError('percent_invalid', `${what} "${text}" is not a percentage such as 10 or 12.5%`, {
      value: text,
    });
  }
  const scaled = BigInt(match[1]! + fraction); // percent × 10^fraction.length
  const places = fraction.length + 2;
  if (scaled > 100n * 10n ** BigInt(fraction.length)) {
    throw new CliError('percent_invalid', `${what} "${text}" is more than 100%`, { value: text });
  }
  const digits = scaled.toString().padStart(places + 1, '0');
  const whole = digits.slice(0, -places);
  const decimals = digits.slice(-places).replace(/0+$/, '');
  return decimals === '' ? whole : `${whole}.${decimals}`;
}

/** A performance from 0 to 1 as the contract's Decimal (at most 18 decimals). */
export function performanceArg(text: string | undefined): string {
  if (text === undefined) throw new CliError('missing_argument', 'give the performance (0 to 1)');
  const match = DECIMAL.exec(text.trim());
  const fraction = match?.[2] ?? '';
  const overOne = match !== null && (BigInt(match[1]!) > 1n || (match[1] === '1' && /[1-9]/.test(fraction)));
  if (match === null || fraction.length > 18 || overOne) {
    throw new CliError(
      'performance_invalid',
      `performance "${text}" must be a decimal from 0 to 1, such as 0.95`,
      {
        value: text,
      },
    );
  }
  return text.trim();
}

/** Sends NYM from the key's account to the mixnet contract with a receive message (cw20 `Send`). */
export function sendToMixnet(
  signer: Signer,
  mixnet: string,
  amount: bigint,
  receive: MixnetTypes.ReceiveMsg,
): Promise<ExecuteResult> {
  const { session } = signer;
  const token = new Cw20BaseClient(session.client, session.address, signer.contract('nym_token'));
  const msg = Buffer.from(JSON.stringify(receive)).toString('base64');
  return token.send({ contract: mixnet, amount: amount.toString(), msg }, session.fee);
}

/** The bonding contracts for a node bond: the mixnet's, the token's and (for vesting NYM) vesting's. */
export function bondingContracts(signer: Signer, options: StakeOptions): BondingContracts {
  return {
    mixnet: signer.contract('mixnet', options.mixnet),
    token: signer.contract('nym_token'),
    vesting: options.vesting === true ? signer.contract('vesting') : undefined,
  };
}

/** Acts through the vesting contract with `--vesting`, else directly on the mixnet contract. */
export function viaVestingOrDirect(
  signer: Signer,
  options: StakeOptions,
  calls: {
    vesting: (vesting: VestingClient, fee: number) => Promise<ExecuteResult>;
    direct: (mixnet: MixnetClient, fee: number) => Promise<ExecuteResult>;
  },
): Promise<ExecuteResult> {
  const fee = signer.session.fee;
  return options.vesting === true
    ? calls.vesting(vestingSigner(signer), fee)
    : calls.direct(mixnetSigner(signer, options), fee);
}
