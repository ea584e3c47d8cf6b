import { createHash, randomBytes } from 'node:crypto';
import { toBech32 } from '@cosmjs/encoding';
import { secp256k1 } from '@noble/curves/secp256k1';
import { MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { AuthInfo, SignDoc, TxBody, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { MsgExecuteContract, MsgInstantiateContract, MsgStoreCode } from 'cosmjs-types/cosmwasm/wasm/v1/tx';
import { addressFromSecp256k1 } from '../../src';
import { contractWasm } from '../../test/wasm/support/harness';

/** Pre-signed txs for the chain benches: SIGN_MODE_DIRECT, fees at the chain's 0.025unyx floor. */

/** The chain id every chain bench signs for (and gives cw-simulate). */
export const CHAIN_ID = 'nyx-bench';

export const CW20 = contractWasm('cw20-base');

export interface Sender {
  privateKey: Uint8Array;
  publicKey: Uint8Array;
  address: string;
  accountNumber: bigint;
  sequence: bigint;
}

export function newSender(): Omit<Sender, 'accountNumber' | 'sequence'> {
  const privateKey = new Uint8Array(randomBytes(32));
  const publicKey = secp256k1.getPublicKey(privateKey, true);
  return { privateKey, publicKey, address: toBech32('n', addressFromSecp256k1(publicKey)) };
}

interface Message {
  typeUrl: string;
  value: Uint8Array;
}

function signTx(sender: Sender, messages: Message[], chainId: string, gasLimit: bigint): Uint8Array {
  const bodyBytes = TxBody.encode(TxBody.fromPartial({ messages })).finish();
  const authInfoBytes = AuthInfo.encode(
    AuthInfo.fromPartial({
      signerInfos: [
        {
          publicKey: {
            typeUrl: '/cosmos.crypto.secp256k1.PubKey',
            value: PubKey.encode({ key: sender.publicKey }).finish(),
          },
          modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } },
          sequence: sender.sequence,
        },
      ],
      // the chain's floor is 0.025unyx per gas
      fee: { amount: [{ denom: 'unyx', amount: String((gasLimit * 25n + 999n) / 1000n) }], gasLimit },
    }),
  ).finish();
  const signDoc = SignDoc.encode({
    bodyBytes,
    authInfoBytes,
    chainId,
    accountNumber: sender.accountNumber,
  }).finish();
  const digest = createHash('sha256').update(signDoc).digest();
  const signature = secp256k1.sign(digest, sender.privateKey, { lowS: true }).toCompactRawBytes();
  sender.sequence++;
  return TxRaw.encode({ bodyBytes, authInfoBytes, signatures: [signature] }).finish();
}

export function signSend(sender: Sender, to: string, chainId: string): Uint8Array {
  const send = MsgSend.encode({
    fromAddress: sender.address,
    toAddress: to,
    amount: [{ denom: 'unyx', amount: '1' }],
  });
  return signTx(sender, [{ typeUrl: MsgSend.typeUrl, value: send.finish() }], chainId, 120_000n);
}

export function signTransfer(sender: Sender, token: string, to: string, chainId: string): Uint8Array {
  const execute = MsgExecuteContract.encode({
    sender: sender.address,
    contract: token,
    msg: jsonBytes(transferMsg(to)),
    funds: [],
  });
  return signTx(
    sender,
    [{ typeUrl: MsgExecuteContract.typeUrl, value: execute.finish() }],
    chainId,
    400_000n,
  );
}

export function signStoreCode(sender: Sender, code: Uint8Array, chainId: string): Uint8Array {
  const store = MsgStoreCode.encode({ sender: sender.address, wasmByteCode: code });
  return signTx(sender, [{ typeUrl: MsgStoreCode.typeUrl, value: store.finish() }], chainId, 40_000_000n);
}

export function signInstantiate(sender: Sender, codeId: bigint, msg: unknown, chainId: string): Uint8Array {
  const instantiate = MsgInstantiateContract.encode({
    sender: sender.address,
    admin: '',
    codeId,
    label: 'bench token',
    msg: jsonBytes(msg),
    funds: [],
  });
  return signTx(
    sender,
    [{ typeUrl: MsgInstantiateContract.typeUrl, value: instantiate.finish() }],
    chainId,
    10_000_000n,
  );
}

export const transferMsg = (recipient: string) => ({ transfer: { recipient, amount: '1' } });

export const cw20Init = (holders: string[]) => ({
  name: 'Nym',
  symbol: 'NYM',
  decimals: 6,
  initial_balances: holders.map((address) => ({ address, amount: '1000000000' })),
  mint: null,
});

const jsonBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
