import { type BandwidthController, createUnmeteredBandwidth } from '../src/client-protocol/bandwidth';
import {
  encodeBinaryRequest,
  serializeClientRequest,
  answerGatewayMaterial,
  startClientHandshake,
  type MixPacket,
  type SharedKey,
  openSensitiveResponse,
  sealSensitiveRequest,
  parseServerResponse,
  encodeBase58,
  generateEd25519KeyPair,
  systemRandomBytes as random,
} from '@nymts/gateway-protocol';
import {
  createGatewaySession,
  type GatewaySession,
  type SessionAction,
} from '../src/client-protocol/gateway-session';
import { KeyRotation } from '@nymts/node-common';
import { createMemorySharedKeyStore } from '../src/client-protocol/shared-key-store';
import fc from 'fast-check';

const gateway = generateEd25519KeyPair(random);
const options = { identity: gateway, protocolVersion: 5, maxRequestAgeSeconds: 30n, maxClockSkewSeconds: 2n };

function setup(bandwidth: BandwidthController = createUnmeteredBandwidth()) {
  const keyStore = createMemorySharedKeyStore();
  const session = createGatewaySession(options, {
    keyStore,
    bandwidth,
    random,
    nowUnixSeconds: () => 1_800_000_000n,
  });
  return { keyStore, session };
}

const texts = (actions: SessionAction[]) =>
  actions.flatMap((action) => (action.kind === 'send-text' ? [parseServerResponse(action.text)] : []));

function register(bandwidth?: BandwidthController) {
  const { keyStore, session } = setup(bandwidth);
  const client = generateEd25519KeyPair(random);
  const { init, state } = startClientHandshake(client, random);
  const [material] = texts(
    session.onText(serializeClientRequest({ kind: 'handshake-payload', protocolVersion: 3, data: init })),
  );
  if (material.kind !== 'handshake-payload') throw new Error(`got ${material.kind}`);
  expect(material.protocolVersion).toBe(3);
  const { reply, sharedKey } = answerGatewayMaterial(state, material.data, gateway.publicKey, random);
  const actions = session.onText(
    serializeClientRequest({ kind: 'handshake-payload', protocolVersion: 3, data: reply }),
  );
  return { keyStore, session, client, sharedKey, actions };
}

const packetOf = (size: number): MixPacket => ({
  packetType: 0,
  keyRotation: KeyRotation.even,
  nextHop: { host: '1.2.3.4', port: 5 },
  packet: new Uint8Array(size),
});

const forward = (session: GatewaySession, sharedKey: SharedKey, mixPacket: MixPacket) =>
  session.onBinary(encodeBinaryRequest({ kind: 'forward-sphinx-v2', mixPacket }, sharedKey, random));

describe('gateway session', () => {
  it('answers supportedProtocol at any time with its version', () => {
    const { session } = setup();
    expect(texts(session.onText('{"type":"supportedProtocol"}'))).toEqual([
      { kind: 'supported-protocol', version: 5 },
    ]);
  });

  it('registers: finalization, then register, then client-ready, and stores the key', () => {
    const { keyStore, session, client, sharedKey, actions } = register();
    const clientId = encodeBase58(client.publicKey);
    expect(texts(actions)).toEqual([
      { kind: 'handshake-payload', protocolVersion: 3, data: Uint8Array.of(1) },
      { kind: 'register', protocolVersion: 5, status: true },
    ]);
    expect(actions.at(-1)).toEqual({
      kind: 'client-ready',
      clientId,
      via: 'registration',
      protocolVersion: 5,
    });
    expect(keyStore.get(clientId)?.sharedKey.toBytes()).toEqual(sharedKey.toBytes());
    expect(session.clientId).toBe(clientId);
  });

  it('refuses a pre-AES-GCM-SIV handshake with handshakeError and closes', () => {
    const { session } = setup();
    const actions = session.onText(
      serializeClientRequest({ kind: 'handshake-payload', protocolVersion: 2, data: new Uint8Array(64) }),
    );
    expect(texts(actions)[0]).toMatchObject({
      kind: 'handshake-error',
      message: expect.stringMatching(/^unsupported-version/),
    });
    expect(actions.at(-1)).toEqual({ kind: 'close', code: 1002, reason: 'unsupported-version' });
    expect(session.onText('{"type":"supportedProtocol"}')).toEqual([]);
  });

  it('forwards a ready client’s packets and charges its bandwidth', () => {
    const spent: number[] = [];
    const bandwidth = {
      ...createUnmeteredBandwidth(),
      spend: (_id: string, bytes: number) => (spent.push(bytes), { kind: 'ok' as const }),
    };
    const { session, sharedKey } = register(bandwidth);
    const mixPacket = packetOf(2413);
    const actions = forward(session, sharedKey, mixPacket);
    expect(actions).toEqual([{ kind: 'forward', clientId: session.clientId, mixPacket }]);
    expect(spent).toEqual([2413]);
  });

  it('refuses packets once bandwidth is exhausted, keeping the connection', () => {
    const bandwidth = {
      ...createUnmeteredBandwidth(),
      spend: () => ({ kind: 'exhausted' as const, available: 0 }),
    };
    const { session, sharedKey } = register(bandwidth);
    const actions = forward(session, sharedKey, packetOf(386));
    expect(texts(actions)).toEqual([
      { kind: 'error', message: 'out-of-bandwidth: client has 0 bytes of bandwidth left' },
    ]);
    expect(actions.some((action) => action.kind === 'close')).toBe(false);
  });

  it('handles encrypted ForgetMe, RememberMe and UpgradeKey requests', () => {
    const { session, sharedKey, keyStore } = register();
    const clientId = session.clientId as string;
    const send = (request: Parameters<typeof sealSensitiveRequest>[0]) =>
      session.onText(
        serializeClientRequest({
          kind: 'encrypted-request',
          ...sealSensitiveRequest(request, sharedKey, random),
        }),
      );

    const [remembered] = texts(send({ kind: 'remember-me', sessionType: 'Wasm' }));
    if (remembered.kind !== 'encrypted-response') throw new Error(remembered.kind);
    expect(openSensitiveResponse(remembered.ciphertext, remembered.nonce, sharedKey)).toEqual({
      kind: 'remember-me-ack',
    });

    expect(
      texts(
        send({ kind: 'upgrade-key', hkdfSalt: new Uint8Array(16), derivedKeyDigest: new Uint8Array(32) }),
      ),
    ).toEqual([
      {
        kind: 'error',
        message: expect.stringMatching(/^unsupported-request: key upgrade applies only to legacy keys/),
      },
    ]);

    const forgot = send({ kind: 'forget-me', client: true, stats: false });
    const [ack] = texts(forgot);
    if (ack.kind !== 'encrypted-response') throw new Error(ack.kind);
    expect(openSensitiveResponse(ack.ciphertext, ack.nonce, sharedKey)).toEqual({ kind: 'forget-me-ack' });
    expect(forgot.at(-1)).toEqual({ kind: 'forget-client', clientId });
    expect(keyStore.get(clientId)).toBeUndefined();
  });

  it('passes decrypted credentials to the bandwidth seam and reports its verdict', () => {
    const seen: Uint8Array[] = [];
    const bandwidth = {
      ...createUnmeteredBandwidth(),
      redeemCredential: (_id: string, credential: Uint8Array) => (
        seen.push(credential),
        { kind: 'accepted' as const, availableTotal: 1234 }
      ),
    };
    const { session, sharedKey } = register(bandwidth);
    const nonce = sharedKey.randomNonce(random);
    const actions = session.onText(
      serializeClientRequest({
        kind: 'ecash-credential',
        encryptedCredential: sharedKey.encrypt(Uint8Array.of(9, 9), nonce),
        nonce,
      }),
    );
    expect(seen).toEqual([Uint8Array.of(9, 9)]);
    expect(texts(actions)).toEqual([{ kind: 'bandwidth', availableTotal: 1234 }]);
    expect(texts(session.onText('{"type":"claimFreeTestnetBandwidth"}'))).toEqual([
      { kind: 'bandwidth', availableTotal: 2 ** 40 },
    ]);
  });

  it('closes on requests that make no sense before registration', () => {
    const { session } = setup();
    const actions = session.onText('{"type":"claimFreeTestnetBandwidth"}');
    expect(texts(actions)).toEqual([
      {
        kind: 'error',
        message: 'unexpected-message: claim-free-testnet-bandwidth before registration or authentication',
      },
    ]);
    expect(actions.at(-1)).toMatchObject({ kind: 'close', code: 1002 });
  });

  it('never throws on arbitrary frames, before or after registration', () => {
    const frame = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .constantFrom('handshakePayload', 'authenticateV2', 'encryptedRequest', 'ecashCredential')
        .chain((type) =>
          fc
            .dictionary(
              fc.constantFrom('protocol_version', 'data', 'ciphertext', 'nonce', 'iv'),
              fc.anything(),
            )
            .map((fields) => JSON.stringify({ type, ...fields })),
        ),
    );
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.oneof(frame, fc.uint8Array({ maxLength: 64 })), { maxLength: 6 }),
        (ready, frames) => {
          const { session } = ready ? register() : setup();
          for (const input of frames) {
            const actions = typeof input === 'string' ? session.onText(input) : session.onBinary(input);
            expect(Array.isArray(actions)).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
