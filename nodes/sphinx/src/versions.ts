import { VERSION_SIZE } from './constants';
import { SphinxError } from './errors';

/**
 * Header versions, as the 3-byte field `[0, hi, lo]` read as a u16 (sphinx-packet 0.6 version.rs).
 * 256 is what sphinx-packet 0.1 (Nym in 2023) wrote: its crate semver `[0, 1, 0]`.
 */
export const SPHINX_VERSIONS = {
  initialLegacy: 1,
  semver010: 256,
  updatedLegacy: 257,
  x25519ExplicitPayloadKeys: 258,
  payloadKeySeeds: 259,
} as const;

/**
 * What we build: 259, as Nym's current clients do (its published wasm client 1.4.1 builds 259 for
 * messages and acks). Every version in the table is still accepted.
 */
export const DEFAULT_SPHINX_VERSION = SPHINX_VERSIONS.payloadKeySeeds;

export type Blinding = 'unclamped-mod-order' | 'clamped-x25519';
export type PayloadKeyForm = 'full-key' | 'seed';

export interface VersionRules {
  readonly version: number;
  /** How α is blinded for the next hop. */
  readonly blinding: Blinding;
  /** Whether the 192-byte Lioness key is the HKDF output itself or expanded from a 16-byte seed. */
  readonly payloadKey: PayloadKeyForm;
}

const RULES: ReadonlyMap<number, VersionRules> = new Map(
  (
    [
      [SPHINX_VERSIONS.initialLegacy, 'unclamped-mod-order', 'full-key'],
      [SPHINX_VERSIONS.semver010, 'unclamped-mod-order', 'full-key'],
      [SPHINX_VERSIONS.updatedLegacy, 'unclamped-mod-order', 'full-key'],
      [SPHINX_VERSIONS.x25519ExplicitPayloadKeys, 'clamped-x25519', 'full-key'],
      [SPHINX_VERSIONS.payloadKeySeeds, 'clamped-x25519', 'seed'],
    ] as const
  ).map(([version, blinding, payloadKey]) => [version, { version, blinding, payloadKey }]),
);

export const SUPPORTED_VERSIONS: readonly number[] = [...RULES.keys()];

export function versionRules(version: number): VersionRules {
  const rules = RULES.get(version);
  if (!rules) {
    throw new SphinxError('unsupported_version', `Sphinx header version ${version} is not supported`, {
      version,
      supported: SUPPORTED_VERSIONS,
    });
  }
  return rules;
}

export function encodeVersion(version: number): Uint8Array {
  versionRules(version);
  return Uint8Array.of(0, version >> 8, version & 0xff);
}

export function decodeVersion(bytes: Uint8Array): VersionRules {
  if (bytes.length !== VERSION_SIZE || bytes[0] !== 0) {
    throw new SphinxError('unsupported_version', 'Sphinx header version field does not start with 0', {
      versionBytes: Buffer.from(bytes).toString('hex'),
    });
  }
  return versionRules(((bytes[1] as number) << 8) | (bytes[2] as number));
}
