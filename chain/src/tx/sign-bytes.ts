import { SignDoc } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { sortedJsonBytes } from '../encoding/sorted-json';
import { sdkErrors } from '../errors/chain-error';
import type { DecodedTx } from './decode';

/** SIGN_MODE_DIRECT: the SignDoc over the exact body and auth-info bytes that were sent. */
export function directSignBytes(tx: DecodedTx, chainId: string, accountNumber: bigint): Uint8Array {
  return SignDoc.encode({
    bodyBytes: tx.raw.bodyBytes,
    authInfoBytes: tx.raw.authInfoBytes,
    chainId,
    accountNumber,
  }).finish();
}

/**
 * SIGN_MODE_LEGACY_AMINO_JSON: the StdSignDoc (x/auth/migrations/legacytx) rebuilt from the tx,
 * as sorted JSON. Every message type needs an amino JSON form to be signable this way.
 */
export function aminoSignBytes(
  tx: DecodedTx,
  chainId: string,
  accountNumber: bigint,
  sequence: bigint,
): Uint8Array {
  const msgs = tx.messages.map(({ typeUrl, handler, msg }) => {
    if (handler.aminoJson === undefined) {
      throw sdkErrors.notSupported.wrap(`message ${typeUrl} cannot be signed in SIGN_MODE_LEGACY_AMINO_JSON`);
    }
    return handler.aminoJson(msg);
  });
  const fee = tx.authInfo.fee;
  const timeoutHeight = tx.body.timeoutHeight;
  return sortedJsonBytes({
    account_number: accountNumber.toString(),
    chain_id: chainId,
    fee: {
      amount: (fee?.amount ?? []).map((coin) => ({ amount: coin.amount, denom: coin.denom })),
      gas: (fee?.gasLimit ?? 0n).toString(),
      granter: fee?.granter || undefined,
      payer: fee?.payer || undefined,
    },
    memo: tx.body.memo,
    msgs,
    sequence: sequence.toString(),
    timeout_height: timeoutHeight > 0n ? timeoutHeight.toString() : undefined,
  });
}
