import { makeSignDoc as makeAminoSignDoc, serializeSignDoc } from '@cosmjs/amino';
import { makeAuthInfoBytes, makeSignBytes, makeSignDoc, Registry } from '@cosmjs/proto-signing';
import {
  AminoTypes,
  calculateFee,
  createBankAminoConverters,
  defaultRegistryTypes,
  GasPrice,
} from '@cosmjs/stargate';
import { MsgMultiSend, MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import fc from 'fast-check';
import { createAuthModule } from '../src/modules/auth/module';
import { createBankModule } from '../src/modules/bank/module';
import { ModuleRegistry } from '../src/modules/registry';
import { decodeTx } from '../src/tx/decode';
import { checkMinimumFee, parseGasPrices, requiredFee } from '../src/tx/gas-price';
import { aminoSignBytes, directSignBytes } from '../src/tx/sign-bytes';
import { ChainError } from '../src/errors/chain-error';
import { parseCoins, validateCoins } from '../src/modules/bank/coins';

const registry = new ModuleRegistry([createAuthModule(), createBankModule()]);
const cosmjsRegistry = new Registry(defaultRegistryTypes);
const aminoTypes = new AminoTypes(createBankAminoConverters());
const alice = 'n19rl4cm2hmr8afy4kldpxz3fka4jguq0awy6lqs';
const bob = 'n1avgyh77ycn997ja45q5q8ss8y9mr424jj7432y';
const pubkey = {
  typeUrl: '/cosmos.crypto.secp256k1.PubKey',
  value: Uint8Array.from([10, 33, 2, ...new Uint8Array(32).fill(1)]),
};

const messages = [
  {
    typeUrl: MsgSend.typeUrl,
    value: MsgSend.fromPartial({
      fromAddress: alice,
      toAddress: bob,
      amount: [{ denom: 'unyx', amount: '12' }],
    }),
  },
  {
    typeUrl: MsgMultiSend.typeUrl,
    value: MsgMultiSend.fromPartial({
      inputs: [{ address: alice, coins: [{ denom: 'unyx', amount: '3' }] }],
      outputs: [{ address: bob, coins: [{ denom: 'unyx', amount: '3' }] }],
    }),
  },
];

function encodedTx(memo: string, timeoutHeight: bigint): Uint8Array {
  const bodyBytes = cosmjsRegistry.encodeTxBody({ messages, memo, timeoutHeight });
  const authInfoBytes = makeAuthInfoBytes(
    [{ pubkey, sequence: 5 }],
    [{ denom: 'unyx', amount: '2500' }],
    100_000,
    undefined,
    undefined,
  );
  return TxRaw.encode({ bodyBytes, authInfoBytes, signatures: [new Uint8Array(64)] }).finish();
}

describe('sign bytes', () => {
  it.each([
    ['a plain memo', 'hello', 0n],
    ['HTML characters and a timeout height', 'a <b> & c', 42n],
  ])('rebuilds the amino JSON sign doc cosmjs signs, with %s', (_name, memo, timeout) => {
    const tx = decodeTx(encodedTx(memo, timeout), registry);
    const expected = serializeSignDoc(
      makeAminoSignDoc(
        messages.map((message) => aminoTypes.toAmino(message)),
        { amount: [{ denom: 'unyx', amount: '2500' }], gas: '100000' },
        'nyx-local',
        memo,
        7,
        5,
        timeout,
      ),
    );
    expect(Buffer.from(aminoSignBytes(tx, 'nyx-local', 7n, 5n)).toString()).toBe(
      Buffer.from(expected).toString(),
    );
  });

  it('builds the direct sign doc over the bytes that were sent', () => {
    const raw = encodedTx('', 0n);
    const tx = decodeTx(raw, registry);
    const { bodyBytes, authInfoBytes } = TxRaw.decode(raw);
    expect(directSignBytes(tx, 'nyx-local', 7n)).toEqual(
      makeSignBytes(makeSignDoc(bodyBytes, authInfoBytes, 'nyx-local', 7)),
    );
  });
});

describe('tx decoding', () => {
  it('collects unique signers in order', () => {
    expect(decodeTx(encodedTx('', 0n), registry).signers).toEqual([alice]);
  });

  it('refuses unknown fields and non-canonical encodings as tx parse errors', () => {
    const raw = encodedTx('', 0n);
    const withExtraField = Uint8Array.from([...raw, 0x20, 0x01]);
    expect(() => decodeTx(withExtraField, registry)).toThrow(
      /TxRaw has unknown fields or a non-canonical encoding: tx parse error/,
    );
    expect(() => decodeTx(new Uint8Array(), registry)).toThrow(ChainError);
  });
});

describe('fees', () => {
  it('rounds the required fee up exactly as cosmjs calculateFee does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.constantFrom('0.025', '0.1', '1', '0.0001', '3.75'),
        (gas, price) => {
          const ours = requiredFee(parseGasPrices(`${price}unyx`)[0]!, BigInt(gas));
          const theirs = calculateFee(gas, GasPrice.fromString(`${price}unyx`)).amount[0]!;
          expect(ours.amount.toString()).toBe(theirs.amount);
        },
      ),
    );
  });

  it('accepts a fee that covers any one listed price, and refuses one that covers none', () => {
    const prices = parseGasPrices('0.025unyx,1ufoo');
    expect(() => checkMinimumFee(parseCoins('5000unyx'), prices, 200_000n)).not.toThrow();
    expect(() => checkMinimumFee(parseCoins('200000ufoo'), prices, 200_000n)).not.toThrow();
    expect(() => checkMinimumFee(parseCoins('4999unyx'), prices, 200_000n)).toThrow(
      /insufficient fees; got: 4999unyx required: 5000unyx,200000ufoo/,
    );
    expect(() => checkMinimumFee([], parseGasPrices(''), 200_000n)).not.toThrow();
    expect(() => parseGasPrices('cheap')).toThrow(/invalid gas price/);
  });

  it('validates coins as the SDK does', () => {
    expect(parseCoins('5ufoo, 10unyx')).toEqual([
      { denom: 'ufoo', amount: 5n },
      { denom: 'unyx', amount: 10n },
    ]);
    expect(() => parseCoins('10')).toThrow(/cannot parse coin/);
    expect(() => validateCoins([{ denom: 'unyx', amount: 0n }], 'amount')).toThrow(/not positive/);
    expect(() => validateCoins(parseCoins('1unyx').concat(parseCoins('1ufoo')), 'amount')).toThrow(
      /not sorted/,
    );
  });
});
