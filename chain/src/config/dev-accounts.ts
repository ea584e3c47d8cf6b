import { Bip39, EnglishMnemonic, Secp256k1, Slip10, Slip10Curve, stringToPath } from '@cosmjs/crypto';
import { toBech32 } from '@cosmjs/encoding';
import { addressFromSecp256k1 } from '../crypto/address';

/**
 * The --dev genesis accounts. Their mnemonics are the twelve-word test vectors published with
 * BIP-39 (trezor/python-mnemonic vectors.json, entropies 0x00…, 0x7f…, 0x80…, 0xff…, then the
 * next six 128-bit vectors): anyone can derive their keys, so they are for local chains only.
 */
export const DEV_MNEMONICS: readonly string[] = [
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about',
  'legal winner thank year wave sausage worth useful legal winner thank yellow',
  'letter advice cage absurd amount doctor acoustic avoid letter advice cage above',
  'zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong',
  'ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic',
  'scheme spot photo card baby mountain device kick cradle pact join borrow',
  'cat swing flag economy stadium episode churn speed tiger economy wedding recipe',
  'vessel ladder alter error federal sibling chat ability sun glass valve picture',
  'jelly better achieve collect unaware mountain thought cargo oxygen act hood bridge',
  'afford alter spike radar gate glance object seek swamp infant panel yellow',
];

/** Cosmos's default HD path (coin type 118), what cosmjs wallets use without options. */
export const COSMOS_HD_PATH = "m/44'/118'/0'/0/0";

export interface DevAccount {
  name: string;
  address: string;
  mnemonic: string;
}

export async function deriveAddress(mnemonic: string, prefix: string): Promise<string> {
  const seed = await Bip39.mnemonicToSeed(new EnglishMnemonic(mnemonic));
  const { privkey } = Slip10.derivePath(Slip10Curve.Secp256k1, seed, stringToPath(COSMOS_HD_PATH));
  const { pubkey } = await Secp256k1.makeKeypair(privkey);
  return toBech32(prefix, addressFromSecp256k1(Secp256k1.compressPubkey(pubkey)));
}

export async function devAccounts(prefix: string, count = DEV_MNEMONICS.length): Promise<DevAccount[]> {
  if (count > DEV_MNEMONICS.length)
    throw new Error(`at most ${DEV_MNEMONICS.length} dev accounts are available`);
  return Promise.all(
    DEV_MNEMONICS.slice(0, count).map(async (mnemonic, index) => ({
      name: `dev${index}`,
      address: await deriveAddress(mnemonic, prefix),
      mnemonic,
    })),
  );
}
