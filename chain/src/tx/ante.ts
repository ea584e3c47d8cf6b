import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import type { SignerInfo } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { bytesEqual, toBase64, toHex } from '../encoding/bytes';
import { cachedAddressFromSecp256k1 } from '../crypto/address';
import type { SignatureVerifier } from '../crypto/signature-verifier';
import { sdkErrors } from '../errors/chain-error';
import { GAS_DESCRIPTORS } from '../gas/config';
import { SECP256K1_PUBKEY_TYPE, type Account, type AuthParams } from '../modules/auth/keeper';
import { FEE_COLLECTOR } from '../modules/auth/module';
import { formatCoins, fromCoinMessages, validateCoins, type Coin } from '../modules/bank/coins';
import type { TxContext } from '../modules/types';
import type { DecodedTx } from './decode';
import { checkMinimumFee, type GasPrice } from './gas-price';
import { aminoSignBytes, directSignBytes } from './sign-bytes';

export interface AnteSettings {
  minGasPrices: readonly GasPrice[];
  /** The consensus block gas limit; -1 or 0 means none. */
  maxBlockGas: number;
  verifier: SignatureVerifier;
}

/**
 * An amino-encoded StdSignature of a secp256k1 key and a 64-byte signature is this long, plus
 * the SDK's 6 bytes of slack: the size simulation charges for each signature it cannot see.
 */
const SIMULATED_SIGNATURE_BYTES = 112;

/** The fee denom simulation assumes when the chain sets no minimum gas price. */
const DEFAULT_FEE_DENOM = 'unyx';

/**
 * The SDK's default ante chain (x/auth/ante NewAnteHandler), in its order: gas limit against the
 * block, extension options, stateless validation, timeout height, memo, tx size gas, fee floor
 * and deduction, public keys, signature count, signature gas, sequence and signature checks,
 * sequence increment.
 */
export function runAnte(ctx: TxContext, tx: DecodedTx, settings: AnteSettings): void {
  const simulate = ctx.mode === 'simulate';
  const gasLimit = tx.authInfo.fee?.gasLimit ?? 0n;
  if (!simulate && settings.maxBlockGas > 0 && gasLimit > BigInt(settings.maxBlockGas)) {
    throw sdkErrors.invalidGasLimit.wrap(
      `tx gas limit ${gasLimit} exceeds block max gas ${settings.maxBlockGas}`,
    );
  }
  if (tx.body.extensionOptions.length > 0) throw sdkErrors.unknownExtensionOptions.wrap();
  const params = ctx.auth.params();
  validateBasic(ctx, tx, params, simulate);
  checkTimeout(ctx, tx);
  if (tx.body.memo.length > params.maxMemoCharacters) {
    throw sdkErrors.memoTooLarge.wrap(
      `maximum number of characters is ${params.maxMemoCharacters} but received ${tx.body.memo.length} characters`,
    );
  }
  consumeTxSizeGas(ctx, tx, params, simulate);
  deductFee(ctx, tx, gasLimit, settings);
  const accounts = setPublicKeys(ctx, tx, simulate);
  for (let i = 0; i < accounts.length; i++) {
    ctx.gasMeter.consume(params.sigVerifyCostSecp256k1, GAS_DESCRIPTORS.sigVerify);
  }
  verifySignatures(ctx, tx, accounts, settings.verifier);
  for (const account of accounts) {
    const current = ctx.auth.account(account.address) as Account;
    ctx.auth.setAccount({ ...current, sequence: current.sequence + 1n });
  }
}

function validateBasic(ctx: TxContext, tx: DecodedTx, params: AuthParams, simulate: boolean): void {
  if (tx.messages.length === 0) throw sdkErrors.invalidRequest.wrap('must contain at least one message');
  const fee = tx.authInfo.fee;
  if (fee === undefined) throw sdkErrors.invalidRequest.wrap('missing fee');
  if (fee.gasLimit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw sdkErrors.invalidGasLimit.wrap(
      `gas limit ${fee.gasLimit} is larger than ${Number.MAX_SAFE_INTEGER}`,
    );
  }
  if (fee.granter !== '') throw sdkErrors.notSupported.wrap('fee grants are not supported on this chain');
  if (fee.payer !== '' && !tx.signers.includes(fee.payer)) {
    throw sdkErrors.invalidRequest.wrap(`fee payer ${fee.payer} must sign the tx`);
  }
  const signatures = tx.raw.signatures;
  if (signatures.length === 0) throw sdkErrors.noSignatures.wrap();
  if (signatures.length !== tx.signers.length) {
    throw sdkErrors.unauthorized.wrap(
      `wrong number of signers; expected ${tx.signers.length}, got ${signatures.length}`,
    );
  }
  if (tx.authInfo.signerInfos.length !== signatures.length) {
    throw sdkErrors.unauthorized.wrap(
      `invalid number of signer; expectedSignatures=${signatures.length}, got ${tx.authInfo.signerInfos.length}`,
    );
  }
  if (signatures.length > params.txSigLimit) {
    throw sdkErrors.tooManySignatures.wrap(`signatures: ${signatures.length}, limit: ${params.txSigLimit}`);
  }
  if (!simulate) {
    for (const info of tx.authInfo.signerInfos) signModeOf(info);
  }
  for (const { handler, msg } of tx.messages) handler.validate(msg, ctx.addresses);
}

function checkTimeout(ctx: TxContext, tx: DecodedTx): void {
  const timeout = tx.body.timeoutHeight;
  if (timeout > 0n && BigInt(ctx.block.height) > timeout) {
    throw sdkErrors.txTimeoutHeight.wrap(`block height: ${ctx.block.height}, timeout height: ${timeout}`);
  }
}

function consumeTxSizeGas(ctx: TxContext, tx: DecodedTx, params: AuthParams, simulate: boolean): void {
  ctx.gasMeter.consume(params.txSizeCostPerByte * tx.bytes.length, GAS_DESCRIPTORS.txSize);
  if (!simulate) return;
  for (const signature of tx.raw.signatures) {
    if (signature.length === 0) {
      ctx.gasMeter.consume(params.txSizeCostPerByte * SIMULATED_SIGNATURE_BYTES, GAS_DESCRIPTORS.txSize);
    }
  }
}

function deductFee(ctx: TxContext, tx: DecodedTx, gasLimit: bigint, settings: AnteSettings): void {
  const feeMessage = tx.authInfo.fee;
  let fee: Coin[];
  try {
    fee = fromCoinMessages(feeMessage?.amount ?? [], 'fee');
    validateCoins(fee, 'fee');
  } catch (error) {
    throw sdkErrors.insufficientFee.wrap(`invalid fee amount provided: ${(error as Error).message}`);
  }
  if (ctx.mode === 'check') checkMinimumFee(fee, settings.minGasPrices, gasLimit);
  const payer = feeMessage?.payer || (tx.signers[0] as string);
  const payerAddress = ctx.addresses.decode(payer, 'fee payer');
  if (!ctx.auth.hasAccount(payerAddress))
    throw sdkErrors.unknownAddress.wrap(`fee payer address: ${payer} does not exist`);
  if (fee.length > 0) {
    try {
      ctx.bank.sendToModule(payerAddress, FEE_COLLECTOR, fee);
    } catch (error) {
      if (sdkErrors.insufficientFunds.is(error)) throw sdkErrors.insufficientFunds.wrap(error.message);
      throw error;
    }
  } else if (ctx.mode === 'simulate') {
    chargeFeePayment(ctx, payerAddress, settings);
  }
  ctx.events.emit('tx', ['fee', formatCoins(fee)], ['fee_payer', payer]);
}

const DISCARD = Symbol('discard the simulated fee payment');

/**
 * cosmjs simulates with an empty fee, so the SDK's simulation leaves out the fee payment the
 * real tx makes (several store reads and writes), and a small tx's "auto" gas limit can fall
 * short of what it then uses. Here simulation pays a token fee on a branch that is thrown away:
 * the gas of the payment is counted, the balances are not touched.
 */
function chargeFeePayment(ctx: TxContext, payer: Uint8Array, settings: AnteSettings): void {
  const denom = settings.minGasPrices[0]?.denom ?? DEFAULT_FEE_DENOM;
  ctx.runBranch(
    (branch) => {
      branch.bank.sendToModule(payer, FEE_COLLECTOR, [{ denom, amount: 1n }]);
      throw DISCARD;
    },
    { emitEvents: false },
  );
}

function setPublicKeys(ctx: TxContext, tx: DecodedTx, simulate: boolean): Account[] {
  const accounts = tx.signers.map((signer, index) => {
    const address = ctx.addresses.decode(signer, 'signer');
    const account = ctx.auth.account(address);
    if (account === undefined) throw sdkErrors.unknownAddress.wrap(`account ${signer} does not exist`);
    const info = tx.authInfo.signerInfos[index] as SignerInfo;
    const publicKey = signerPublicKey(info);
    if (publicKey === undefined) {
      if (account.publicKey === undefined && !simulate) {
        throw sdkErrors.invalidPubKey.wrap(
          `pubkey on account ${signer} is not set and the tx does not carry one`,
        );
      }
      return account;
    }
    if (!bytesEqual(cachedAddressFromSecp256k1(publicKey), address)) {
      throw sdkErrors.invalidPubKey.wrap(
        `pubKey does not match signer address ${signer} with signer index: ${index}`,
      );
    }
    if (account.publicKey === undefined) {
      const updated = { ...account, publicKey };
      ctx.auth.setAccount(updated);
      return updated;
    }
    return account;
  });
  tx.signers.forEach((signer, index) => {
    const info = tx.authInfo.signerInfos[index] as SignerInfo;
    ctx.events.emit('tx', ['acc_seq', `${signer}/${info.sequence}`]);
    ctx.events.emit('tx', ['signature', toBase64(tx.raw.signatures[index] as Uint8Array)]);
  });
  return accounts;
}

function signerPublicKey(info: SignerInfo): Uint8Array | undefined {
  if (info.publicKey === undefined) return undefined;
  if (info.publicKey.typeUrl !== SECP256K1_PUBKEY_TYPE) {
    throw sdkErrors.invalidPubKey.wrap(
      `unsupported public key type ${info.publicKey.typeUrl}; this chain accepts ${SECP256K1_PUBKEY_TYPE}`,
    );
  }
  let key: Uint8Array;
  try {
    key = PubKey.decode(info.publicKey.value).key;
  } catch (error) {
    throw sdkErrors.invalidPubKey.wrap(`malformed secp256k1 public key: ${(error as Error).message}`);
  }
  if (key.length !== 33)
    throw sdkErrors.invalidPubKey.wrap(`secp256k1 public keys are 33 bytes, got ${key.length}`);
  return key;
}

function signModeOf(info: SignerInfo): SignMode {
  if (info.modeInfo?.multi !== undefined)
    throw sdkErrors.invalidPubKey.wrap('multisig signers are not supported on this chain');
  const mode = info.modeInfo?.single?.mode;
  if (mode === SignMode.SIGN_MODE_DIRECT || mode === SignMode.SIGN_MODE_LEGACY_AMINO_JSON) return mode;
  throw sdkErrors.notSupported.wrap(
    `sign mode ${mode === undefined ? 'missing' : (SignMode[mode] ?? mode)}; this chain verifies SIGN_MODE_DIRECT and SIGN_MODE_LEGACY_AMINO_JSON`,
  );
}

function verifySignatures(
  ctx: TxContext,
  tx: DecodedTx,
  accounts: readonly Account[],
  verifier: SignatureVerifier,
): void {
  accounts.forEach((account, index) => {
    const info = tx.authInfo.signerInfos[index] as SignerInfo;
    if (info.sequence !== account.sequence) {
      throw sdkErrors.wrongSequence.wrap(
        `account sequence mismatch, expected ${account.sequence}, got ${info.sequence}`,
      );
    }
    if (ctx.mode === 'simulate') return;
    const publicKey = account.publicKey as Uint8Array;
    const mode = signModeOf(info);
    // The tx hash fixes the body, auth info and signatures; with the chain-id, account number,
    // sequence and mode it fixes the sign bytes.
    const payload = {
      id: `${toHex(tx.hash)}/${index}/${account.accountNumber}/${account.sequence}/${mode}/${ctx.chainId}`,
      signBytes: () =>
        mode === SignMode.SIGN_MODE_DIRECT
          ? directSignBytes(tx, ctx.chainId, account.accountNumber)
          : aminoSignBytes(tx, ctx.chainId, account.accountNumber, account.sequence),
      signature: tx.raw.signatures[index] as Uint8Array,
    };
    if (!verifier.verify(publicKey, payload)) {
      throw sdkErrors.unauthorized.wrap(
        `signature verification failed; please verify account number (${account.accountNumber}), sequence (${account.sequence}) and chain-id (${ctx.chainId})`,
      );
    }
  });
}
