import { buildRoutingHeader } from './build-header';
import { concatBytes, isU64 } from './bytes';
import {
  DESTINATION_ADDRESS_SIZE,
  MAX_PATH_LENGTH,
  NODE_ADDRESS_SIZE,
  SURB_ID_SIZE,
  X25519_KEY_SIZE,
} from './constants';
import { SphinxError } from './errors';
import type { ExpandedSecret } from './expand-shared-secret';
import { deriveHeaderKeyMaterial } from './key-material';
import { payloadKeyFor } from './payload-key';
import { defaultPrimitives } from './primitives/default';
import type { SphinxPrimitives } from './primitives/types';
import { secureRandomBytes, type RandomBytes } from './random';
import { DEFAULT_SPHINX_VERSION, encodeVersion, versionRules, type VersionRules } from './versions';

export interface RouteNode {
  /** 32-byte node address, carried opaquely in the previous hop's routing block. */
  address: Uint8Array;
  /** The node's x25519 Sphinx public key. */
  publicKey: Uint8Array;
}

export interface HeaderOptions {
  route: readonly RouteNode[];
  /** 32 bytes: the final hop reports it (Nym: the recipient's ed25519 identity). */
  destination: Uint8Array;
  /** One per route node, as in Nym; hop i waits delaysNanos[i]; the last entry is not encoded. */
  delaysNanos: readonly bigint[];
  /** 16 bytes; Nym always sends zeros. */
  surbId?: Uint8Array;
  /** Header version to build; defaults to 259, what Nym's current clients build. */
  version?: number;
  rng?: RandomBytes;
  primitives?: SphinxPrimitives;
}

export interface BuiltHeader {
  header: Uint8Array;
  rules: VersionRules;
  secrets: ExpandedSecret[];
  primitives: SphinxPrimitives;
}

function requireLength(value: Uint8Array, length: number, what: string): void {
  if (!(value instanceof Uint8Array) || value.length !== length) {
    throw new SphinxError('bad_route', `${what} must be ${length} bytes`, { what });
  }
}

function validateHeaderOptions(options: HeaderOptions): void {
  const { route, delaysNanos } = options;
  if (route.length < 1 || route.length > MAX_PATH_LENGTH) {
    throw new SphinxError('bad_route', `a route has 1 to ${MAX_PATH_LENGTH} nodes, got ${route.length}`);
  }
  if (delaysNanos.length !== route.length) {
    throw new SphinxError(
      'bad_route',
      `${route.length} route nodes need ${route.length} delays, got ${delaysNanos.length}`,
    );
  }
  route.forEach((node, i) => {
    requireLength(node.address, NODE_ADDRESS_SIZE, `route[${i}].address`);
    requireLength(node.publicKey, X25519_KEY_SIZE, `route[${i}].publicKey`);
  });
  delaysNanos.forEach((delay, i) => {
    if (typeof delay !== 'bigint' || !isU64(delay)) {
      throw new SphinxError('bad_route', `delaysNanos[${i}] must be a bigint in [0, 2^64)`);
    }
  });
  requireLength(options.destination, DESTINATION_ADDRESS_SIZE, 'destination');
  if (options.surbId !== undefined) requireLength(options.surbId, SURB_ID_SIZE, 'surbId');
}

/** Validates the route, derives every hop's keys and builds α ‖ γ ‖ β (348 bytes). */
export function createHeader(options: HeaderOptions): BuiltHeader {
  validateHeaderOptions(options);
  const primitives = options.primitives ?? defaultPrimitives();
  const rng = options.rng ?? secureRandomBytes;
  const rules = versionRules(options.version ?? DEFAULT_SPHINX_VERSION);
  const { alpha, secrets } = deriveHeaderKeyMaterial(
    primitives,
    rng(X25519_KEY_SIZE),
    options.route.map((node) => node.publicKey),
    rules.blinding,
  );
  const hops = options.route.map((node, i) => ({
    address: node.address,
    secret: secrets[i] as ExpandedSecret,
    delayNanos: options.delaysNanos[i] as bigint,
  }));
  const surbId = options.surbId ?? new Uint8Array(SURB_ID_SIZE);
  const { gamma, beta } = buildRoutingHeader(
    primitives,
    hops,
    options.destination,
    surbId,
    encodeVersion(rules.version),
    rng,
  );
  return { header: concatBytes(alpha, gamma, beta), rules, secrets, primitives };
}

/** The Lioness keys of every hop, in route order. */
export function hopPayloadKeys(built: BuiltHeader): Uint8Array[] {
  return built.secrets.map((secret) => payloadKeyFor(built.primitives, built.rules.payloadKey, secret));
}
