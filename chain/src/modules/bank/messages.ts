import {
  MsgMultiSend,
  MsgMultiSendResponse,
  MsgSend,
  MsgSendResponse,
} from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { registerError, sdkErrors } from '../../errors/chain-error';
import { defineMsg } from '../registry';
import type { AnyMessage, TxContext } from '../types';
import {
  formatCoins,
  fromCoinMessages,
  normalizeCoins,
  validateCoins,
  type Coin,
  type CoinMessage,
} from './coins';

/** x/bank/types/errors.go */
export const bankErrors = {
  noInputs: registerError('bank', 2, 'no inputs to send transaction'),
  noOutputs: registerError('bank', 3, 'no outputs to send transaction'),
  inputOutputMismatch: registerError('bank', 4, 'sum inputs != sum outputs'),
  multipleSenders: registerError('bank', 9, 'multiple senders not allowed'),
};

function sendableCoins(coins: readonly CoinMessage[], what: string): Coin[] {
  const parsed = fromCoinMessages(coins, what);
  if (parsed.length === 0) throw sdkErrors.invalidCoins.wrap(`${what} must not be empty`);
  validateCoins(parsed, what);
  return parsed;
}

function aminoCoins(coins: readonly CoinMessage[]): Array<{ denom: string; amount: string }> {
  return coins.map((coin) => ({ denom: coin.denom, amount: coin.amount }));
}

function refuseBlocked(ctx: TxContext, address: Uint8Array, bech32: string): void {
  if (ctx.bank.isBlocked(address))
    throw sdkErrors.unauthorized.wrap(`${bech32} is not allowed to receive funds`);
}

export const msgSend = defineMsg<MsgSend>({
  typeUrl: MsgSend.typeUrl,
  decode: (value) => MsgSend.decode(value),
  signers: (msg) => [msg.fromAddress],
  validate(msg, addresses) {
    addresses.decode(msg.fromAddress, 'from address');
    addresses.decode(msg.toAddress, 'to address');
    sendableCoins(msg.amount, 'amount');
  },
  aminoJson: (msg) => ({
    type: 'cosmos-sdk/MsgSend',
    value: { from_address: msg.fromAddress, to_address: msg.toAddress, amount: aminoCoins(msg.amount) },
  }),
  handle(ctx, msg): AnyMessage {
    const to = ctx.addresses.decode(msg.toAddress);
    refuseBlocked(ctx, to, msg.toAddress);
    ctx.bank.send(ctx.addresses.decode(msg.fromAddress), to, fromCoinMessages(msg.amount));
    return { typeUrl: MsgSendResponse.typeUrl, value: MsgSendResponse.encode({}).finish() };
  },
});

export const msgMultiSend = defineMsg<MsgMultiSend>({
  typeUrl: MsgMultiSend.typeUrl,
  decode: (value) => MsgMultiSend.decode(value),
  signers: (msg) => msg.inputs.slice(0, 1).map((input) => input.address),
  validate(msg, addresses) {
    if (msg.inputs.length === 0) throw bankErrors.noInputs.wrap();
    if (msg.inputs.length !== 1) throw bankErrors.multipleSenders.wrap();
    if (msg.outputs.length === 0) throw bankErrors.noOutputs.wrap();
    const input = msg.inputs[0] as MsgMultiSend['inputs'][number];
    addresses.decode(input.address, 'input address');
    const spent = sendableCoins(input.coins, 'input coins');
    const received: Coin[] = [];
    for (const output of msg.outputs) {
      addresses.decode(output.address, 'output address');
      received.push(...sendableCoins(output.coins, 'output coins'));
    }
    if (formatCoins(normalizeCoins(received)) !== formatCoins(spent))
      throw bankErrors.inputOutputMismatch.wrap();
  },
  aminoJson: (msg) => ({
    type: 'cosmos-sdk/MsgMultiSend',
    value: {
      inputs: msg.inputs.map((input) => ({ address: input.address, coins: aminoCoins(input.coins) })),
      outputs: msg.outputs.map((output) => ({ address: output.address, coins: aminoCoins(output.coins) })),
    },
  }),
  handle(ctx, msg): AnyMessage {
    const input = msg.inputs[0] as MsgMultiSend['inputs'][number];
    const outputs = msg.outputs.map((output) => {
      const address = ctx.addresses.decode(output.address);
      refuseBlocked(ctx, address, output.address);
      return { address, bech32: output.address, coins: fromCoinMessages(output.coins) };
    });
    ctx.bank.sendToMany(ctx.addresses.decode(input.address), fromCoinMessages(input.coins), outputs);
    return { typeUrl: MsgMultiSendResponse.typeUrl, value: MsgMultiSendResponse.encode({}).finish() };
  },
});
