import { createAuthenticateV2, verifyAuthenticateV2 } from '../src/client-protocol/authenticate';
import { parseClientRequest, serializeClientRequest } from '../src/client-protocol/client-requests';
import { protocolErrorOf } from './support/protocol-error';
import { SharedKey } from '../src/client-protocol/shared-key';
import { generateEd25519KeyPair } from '../src/crypto/keys';
import { systemRandomBytes } from '../src/crypto/random';

const identity = generateEd25519KeyPair(systemRandomBytes);
const sharedKey = SharedKey.fromBytes(systemRandomBytes(32));
const now = 1_800_000_000n;
const policy = {
  nowUnixSeconds: now,
  maxRequestAgeSeconds: 30n,
  maxClockSkewSeconds: 2n,
  previousTimestamp: undefined,
};

describe('authenticateV2', () => {
  it('accepts a fresh request and survives the JSON wire format', () => {
    const request = createAuthenticateV2(identity, sharedKey, now - 1n, systemRandomBytes);
    const parsed = parseClientRequest(serializeClientRequest({ kind: 'authenticate-v2', ...request }));
    if (parsed.kind !== 'authenticate-v2') throw new Error(`parsed as ${parsed.kind}`);
    expect(parsed.content).toEqual(request.content);
    expect(
      protocolErrorOf(() => verifyAuthenticateV2(parsed.content, parsed.signature, sharedKey, policy)),
    ).toBe('ok');
  });

  it('rejects stale, future and replayed timestamps', () => {
    const stale = createAuthenticateV2(identity, sharedKey, now - 31n, systemRandomBytes);
    expect(
      protocolErrorOf(() => verifyAuthenticateV2(stale.content, stale.signature, sharedKey, policy)),
    ).toBe('stale-request');
    const future = createAuthenticateV2(identity, sharedKey, now + 3n, systemRandomBytes);
    expect(
      protocolErrorOf(() => verifyAuthenticateV2(future.content, future.signature, sharedKey, policy)),
    ).toBe('stale-request');
    const replay = createAuthenticateV2(identity, sharedKey, now, systemRandomBytes);
    expect(
      protocolErrorOf(() =>
        verifyAuthenticateV2(replay.content, replay.signature, sharedKey, {
          ...policy,
          previousTimestamp: now,
        }),
      ),
    ).toBe('request-reuse');
  });

  it('rejects another shared key, another identity and any tampering', () => {
    const request = createAuthenticateV2(identity, sharedKey, now, systemRandomBytes);
    const otherKey = SharedKey.fromBytes(systemRandomBytes(32));
    expect(
      protocolErrorOf(() => verifyAuthenticateV2(request.content, request.signature, otherKey, policy)),
    ).toBe('authentication-failed');
    const impostor = generateEd25519KeyPair(systemRandomBytes).publicKey;
    const swapped = { ...request.content, clientIdentity: impostor };
    expect(protocolErrorOf(() => verifyAuthenticateV2(swapped, request.signature, sharedKey, policy))).toBe(
      'authentication-failed',
    );
    const versionBumped = { ...request.content, protocolVersion: 5 };
    expect(
      protocolErrorOf(() => verifyAuthenticateV2(versionBumped, request.signature, sharedKey, policy)),
    ).toBe('authentication-failed');
    const badSignature = Uint8Array.from(request.signature);
    badSignature[0] ^= 1;
    expect(
      protocolErrorOf(() => verifyAuthenticateV2(request.content, badSignature, sharedKey, policy)),
    ).toBe('authentication-failed');
  });

  it('parses the frame the Nym wasm client sends (byte-array key and signature, base64 ciphertext)', () => {
    const frame = JSON.stringify({
      type: 'authenticateV2',
      protocolVersion: 4,
      clientIdentity: Array.from(identity.publicKey),
      addressCiphertext: Buffer.alloc(48, 1).toString('base64'),
      nonce: Buffer.alloc(12, 2).toString('base64'),
      requestUnixTimestamp: 1795658290,
      requestSignature: new Array(64).fill(3),
    });
    const parsed = parseClientRequest(frame);
    expect(parsed.kind).toBe('authenticate-v2');
    expect(
      protocolErrorOf(() =>
        parseClientRequest(frame.replace('"protocolVersion":4', '"protocolVersion":"4"')),
      ),
    ).toBe('malformed-message');
    expect(
      protocolErrorOf(() =>
        parseClientRequest(frame.replace(/"requestSignature":\[3,/, '"requestSignature":[')),
      ),
    ).toBe('malformed-message');
  });
});
