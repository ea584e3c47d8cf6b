import fc from 'fast-check';
import { generateEd25519KeyPair } from '../src/crypto/keys';
import { type RandomBytes, systemRandomBytes } from '../src/crypto/random';
import { protocolErrorOf } from './support/protocol-error';
import {
  answerGatewayMaterial,
  checkFinalization,
  startClientHandshake,
} from '../src/client-protocol/handshake-client';
import { acceptClientMaterial, respondToInit } from '../src/client-protocol/handshake-gateway';
import {
  decodeInit,
  encodeFinalization,
  GATEWAY_MATERIAL_LENGTH,
  INIT_LENGTH,
  LEGACY_INIT_LENGTH,
  MATERIAL_LENGTH,
} from '../src/client-protocol/handshake-messages';

/** Deterministic "randomness" from a fast-check seed, so failures replay. */
function seededRandom(seed: Uint8Array): RandomBytes {
  let counter = 0;
  return (length) => {
    counter += 1;
    return Uint8Array.from(
      { length },
      (_, index) => (seed[(index + counter) % seed.length] * 31 + index * counter) & 0xff,
    );
  };
}

function runHandshake(random: RandomBytes) {
  const client = generateEd25519KeyPair(random);
  const gateway = generateEd25519KeyPair(random);
  const { init, state } = startClientHandshake(client, random);
  const response = respondToInit(decodeInit(init), gateway, random);
  const answer = answerGatewayMaterial(state, response.reply, gateway.publicKey, random);
  const gatewayKey = acceptClientMaterial(response.state, answer.reply);
  return { client, gateway, init, response, answer, gatewayKey };
}

const failureOf = (run: () => unknown) => protocolErrorOf(run, true);

describe('registration handshake', () => {
  it('gives both sides the same key, with the message sizes Nym uses', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 32 }), (seed) => {
        const { init, response, answer, gatewayKey } = runHandshake(seededRandom(seed));
        expect(init).toHaveLength(INIT_LENGTH);
        expect(response.reply).toHaveLength(GATEWAY_MATERIAL_LENGTH);
        expect(answer.reply).toHaveLength(MATERIAL_LENGTH);
        expect(gatewayKey.toBytes()).toEqual(answer.sharedKey.toBytes());
      }),
      { numRuns: 15 },
    );
  });

  it('derives a different key in every run (fresh ephemerals and salt)', () => {
    const first = runHandshake(systemRandomBytes).gatewayKey.toBytes();
    const second = runHandshake(systemRandomBytes).gatewayKey.toBytes();
    expect(first).not.toEqual(second);
  });

  it('fails on any flipped bit of either side’s key material', () => {
    fc.assert(
      fc.property(
        fc.nat(GATEWAY_MATERIAL_LENGTH * 8 - 1),
        fc.nat(MATERIAL_LENGTH * 8 - 1),
        (gatewayBit, clientBit) => {
          const random = systemRandomBytes;
          const client = generateEd25519KeyPair(random);
          const gateway = generateEd25519KeyPair(random);
          const { init, state } = startClientHandshake(client, random);
          const response = respondToInit(decodeInit(init), gateway, random);
          const tamperedReply = Uint8Array.from(response.reply);
          tamperedReply[gatewayBit >> 3] ^= 1 << (gatewayBit & 7);
          expect(
            failureOf(() => answerGatewayMaterial(state, tamperedReply, gateway.publicKey, random)),
          ).toMatch(/^(handshake-failed|invalid-signature|invalid-key)\/drop$/);
          const answer = answerGatewayMaterial(state, response.reply, gateway.publicKey, random);
          const tamperedAnswer = Uint8Array.from(answer.reply);
          tamperedAnswer[clientBit >> 3] ^= 1 << (clientBit & 7);
          expect(failureOf(() => acceptClientMaterial(response.state, tamperedAnswer))).toBe(
            'handshake-failed/drop',
          );
        },
      ),
      { numRuns: 20 },
    );
  });

  it('rejects a gateway that is not the one the client expected', () => {
    const random = systemRandomBytes;
    const { init, state } = startClientHandshake(generateEd25519KeyPair(random), random);
    const impostor = generateEd25519KeyPair(random);
    const response = respondToInit(decodeInit(init), impostor, random);
    const expected = generateEd25519KeyPair(random).publicKey;
    expect(failureOf(() => answerGatewayMaterial(state, response.reply, expected, random))).toBe(
      'invalid-signature/drop',
    );
  });

  it('rejects a client whose signature was made with another identity', () => {
    const random = systemRandomBytes;
    const claimed = generateEd25519KeyPair(random);
    const actual = generateEd25519KeyPair(random);
    const gateway = generateEd25519KeyPair(random);
    const { init, state } = startClientHandshake(claimed, random);
    const response = respondToInit(decodeInit(init), gateway, random);
    const answer = answerGatewayMaterial(
      { ...state, identity: actual },
      response.reply,
      gateway.publicKey,
      random,
    );
    expect(failureOf(() => acceptClientMaterial(response.state, answer.reply))).toBe(
      'invalid-signature/drop',
    );
  });

  it('refuses the legacy unsalted init, wrong lengths, bad identity keys and low-order ephemerals', () => {
    const random = systemRandomBytes;
    expect(failureOf(() => decodeInit(new Uint8Array(LEGACY_INIT_LENGTH)))).toBe('unsupported-version/drop');
    expect(failureOf(() => decodeInit(new Uint8Array(INIT_LENGTH + 1)))).toBe('malformed-message/drop');
    const notAPoint = new Uint8Array(INIT_LENGTH);
    notAPoint.fill(0xff, 0, 32);
    expect(failureOf(() => decodeInit(notAPoint))).toBe('invalid-key/drop');
    const { init } = startClientHandshake(generateEd25519KeyPair(random), random);
    const lowOrder = Uint8Array.from(init);
    lowOrder.fill(0, 32, 64);
    expect(failureOf(() => respondToInit(decodeInit(lowOrder), generateEd25519KeyPair(random), random))).toBe(
      'invalid-key/drop',
    );
  });

  it('reads the finalization byte', () => {
    expect(() => checkFinalization(encodeFinalization(true))).not.toThrow();
    expect(failureOf(() => checkFinalization(encodeFinalization(false)))).toBe('handshake-failed/drop');
    expect(failureOf(() => checkFinalization(Uint8Array.of(1, 1)))).toBe('malformed-message/drop');
  });
});
