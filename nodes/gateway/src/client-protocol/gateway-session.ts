import {
  acceptClientMaterial,
  decodeBinaryRequest,
  decodeInit,
  type Ed25519KeyPair,
  encodeBase58,
  encodeBinaryResponse,
  encodeFinalization,
  type ClientRequest,
  type GatewayHandshakeState,
  MINIMUM_HANDSHAKE_VERSION,
  type MixPacket,
  negotiateVersion,
  openSensitiveRequest,
  parseClientRequest,
  ProtocolError,
  type RandomBytes,
  respondToInit,
  sealSensitiveResponse,
  type SensitiveRequest,
  type ServerResponse,
  serializeServerResponse,
  type SharedKey,
  supportsAuthenticateV2,
  verifyAuthenticateV2,
} from '@nymts/gateway-protocol';
import { type BandwidthController } from './bandwidth';
import { type SharedKeyStore } from './shared-key-store';

/** What the connection owner must do after feeding the session one frame. */
export type SessionAction =
  | { kind: 'send-text'; text: string }
  | { kind: 'send-binary'; data: Uint8Array }
  | {
      kind: 'client-ready';
      clientId: string;
      via: 'registration' | 'authentication';
      protocolVersion: number;
    }
  | { kind: 'forward'; clientId: string; mixPacket: MixPacket }
  | { kind: 'forget-client'; clientId: string }
  | { kind: 'close'; code: number; reason: string };

export interface GatewaySessionOptions {
  identity: Ed25519KeyPair;
  protocolVersion: number;
  maxRequestAgeSeconds: bigint;
  maxClockSkewSeconds: bigint;
}

export interface GatewaySessionDeps {
  keyStore: SharedKeyStore;
  bandwidth: BandwidthController;
  random: RandomBytes;
  nowUnixSeconds: () => bigint;
}

type Phase =
  | { phase: 'awaiting-init' }
  | { phase: 'awaiting-client-material'; handshake: GatewayHandshakeState; version: number }
  | { phase: 'ready'; clientId: string; sharedKey: SharedKey }
  | { phase: 'closed' };

/** WebSocket close code for a protocol violation (RFC 6455 §7.4.1). */
export const CLOSE_PROTOCOL_ERROR = 1002;

export interface GatewaySession {
  onText(text: string): SessionAction[];
  onBinary(frame: Uint8Array): SessionAction[];
  /** Seals a message from the mixnet for this client; only once the client is ready. */
  push(message: Uint8Array): Extract<SessionAction, { kind: 'send-binary' }>;
  readonly clientId: string | undefined;
}

const text = (response: ServerResponse): SessionAction => ({
  kind: 'send-text',
  text: serializeServerResponse(response),
});

export function createGatewaySession(
  options: GatewaySessionOptions,
  deps: GatewaySessionDeps,
): GatewaySession {
  let state: Phase = { phase: 'awaiting-init' };
  // Errors during registration are answered with `handshakeError`, which the client's handshake
  // waits for; any other error with a plain `error`.
  let handshakeStarted = false;

  function fail(error: unknown, handshaking: boolean): SessionAction[] {
    if (!(error instanceof ProtocolError)) throw error;
    const message = `${error.code}: ${error.message}`;
    const answer = handshaking
      ? text({ kind: 'handshake-error', message })
      : text({ kind: 'error', message });
    if (error.disposition === 'reject' && !handshaking) return [answer];
    state = { phase: 'closed' };
    return [answer, { kind: 'close', code: CLOSE_PROTOCOL_ERROR, reason: error.code }];
  }

  function startHandshake(request: Extract<ClientRequest, { kind: 'handshake-payload' }>): SessionAction[] {
    handshakeStarted = true;
    const version = negotiateVersion(options.protocolVersion, request.protocolVersion);
    if (version < MINIMUM_HANDSHAKE_VERSION) {
      throw new ProtocolError(
        'unsupported-version',
        `handshake protocol ${request.protocolVersion ?? 'unspecified'} is older than ${MINIMUM_HANDSHAKE_VERSION} (AES-256-GCM-SIV)`,
        'drop',
      );
    }
    const { reply, state: handshake } = respondToInit(
      decodeInit(request.data),
      options.identity,
      deps.random,
    );
    state = { phase: 'awaiting-client-material', handshake, version };
    return [text({ kind: 'handshake-payload', protocolVersion: version, data: reply })];
  }

  function finishHandshake(
    current: Extract<Phase, { phase: 'awaiting-client-material' }>,
    request: ClientRequest,
  ): SessionAction[] {
    if (request.kind === 'handshake-error') {
      throw new ProtocolError('handshake-failed', `client aborted the handshake: ${request.message}`, 'drop');
    }
    if (request.kind !== 'handshake-payload') {
      throw new ProtocolError(
        'unexpected-message',
        `expected handshake key material, got ${request.kind}`,
        'drop',
      );
    }
    const sharedKey = acceptClientMaterial(current.handshake, request.data);
    const clientId = encodeBase58(current.handshake.clientIdentity);
    deps.keyStore.register(clientId, sharedKey);
    state = { phase: 'ready', clientId, sharedKey };
    return [
      text({ kind: 'handshake-payload', protocolVersion: current.version, data: encodeFinalization(true) }),
      text({ kind: 'register', protocolVersion: options.protocolVersion, status: true }),
      { kind: 'client-ready', clientId, via: 'registration', protocolVersion: options.protocolVersion },
    ];
  }

  function authenticate(request: Extract<ClientRequest, { kind: 'authenticate-v2' }>): SessionAction[] {
    const clientId = encodeBase58(request.content.clientIdentity);
    const registered = deps.keyStore.get(clientId);
    if (!registered) {
      throw new ProtocolError(
        'not-registered',
        `client ${clientId} is not registered with this gateway`,
        'drop',
      );
    }
    if (!supportsAuthenticateV2(request.content.protocolVersion)) {
      throw new ProtocolError(
        'unsupported-version',
        'authenticateV2 must announce protocol 4 or later',
        'drop',
      );
    }
    const now = deps.nowUnixSeconds();
    verifyAuthenticateV2(request.content, request.signature, registered.sharedKey, {
      nowUnixSeconds: now,
      maxRequestAgeSeconds: options.maxRequestAgeSeconds,
      maxClockSkewSeconds: options.maxClockSkewSeconds,
      previousTimestamp: registered.lastAuthenticationTimestamp,
    });
    deps.keyStore.recordAuthentication(clientId, request.content.requestUnixTimestamp);
    const version = negotiateVersion(options.protocolVersion, request.content.protocolVersion);
    state = { phase: 'ready', clientId, sharedKey: registered.sharedKey };
    return [
      text({
        kind: 'authenticate',
        protocolVersion: options.protocolVersion,
        status: true,
        bandwidthRemaining: deps.bandwidth.available(clientId),
      }),
      { kind: 'client-ready', clientId, via: 'authentication', protocolVersion: version },
    ];
  }

  function onFreshText(request: ClientRequest): SessionAction[] {
    switch (request.kind) {
      case 'handshake-payload':
        return startHandshake(request);
      case 'authenticate-v2':
        return authenticate(request);
      case 'legacy-authenticate':
        throw new ProtocolError(
          'unsupported-version',
          'legacy authenticate (protocol < 4) is not supported; use authenticateV2',
          'drop',
        );
      default:
        throw new ProtocolError(
          'unexpected-message',
          `${request.kind} before registration or authentication`,
          'drop',
        );
    }
  }

  function onSensitive(
    ready: Extract<Phase, { phase: 'ready' }>,
    request: SensitiveRequest,
  ): SessionAction[] {
    switch (request.kind) {
      case 'forget-me': {
        const sealed = sealSensitiveResponse({ kind: 'forget-me-ack' }, ready.sharedKey, deps.random);
        const actions: SessionAction[] = [text({ kind: 'encrypted-response', ...sealed })];
        if (request.client) {
          deps.keyStore.remove(ready.clientId);
          actions.push({ kind: 'forget-client', clientId: ready.clientId });
        }
        return actions;
      }
      case 'remember-me': {
        const sealed = sealSensitiveResponse({ kind: 'remember-me-ack' }, ready.sharedKey, deps.random);
        return [text({ kind: 'encrypted-response', ...sealed })];
      }
      case 'upgrade-key':
        throw new ProtocolError(
          'unsupported-request',
          'key upgrade applies only to legacy keys; this key is already AES-256-GCM-SIV',
          'reject',
        );
    }
  }

  function bandwidthAnswer(
    verdict: ReturnType<BandwidthController['claimFreeTestnetBandwidth']>,
  ): SessionAction[] {
    if (verdict.kind === 'rejected') {
      throw new ProtocolError('out-of-bandwidth', verdict.reason, 'reject');
    }
    return [text({ kind: 'bandwidth', availableTotal: verdict.availableTotal })];
  }

  function onReadyText(ready: Extract<Phase, { phase: 'ready' }>, request: ClientRequest): SessionAction[] {
    switch (request.kind) {
      case 'encrypted-request':
        return onSensitive(ready, openSensitiveRequest(request.ciphertext, request.nonce, ready.sharedKey));
      case 'ecash-credential': {
        const credential = ready.sharedKey.decrypt(request.encryptedCredential, request.nonce);
        return bandwidthAnswer(deps.bandwidth.redeemCredential(ready.clientId, credential));
      }
      case 'claim-free-testnet-bandwidth':
        return bandwidthAnswer(deps.bandwidth.claimFreeTestnetBandwidth(ready.clientId));
      default:
        throw new ProtocolError('unexpected-message', `${request.kind} after authentication`, 'reject');
    }
  }

  function handleText(frame: string): SessionAction[] {
    if (state.phase === 'closed') return [];
    const request = parseClientRequest(frame);
    if (request.kind === 'supported-protocol') {
      return [text({ kind: 'supported-protocol', version: options.protocolVersion })];
    }
    switch (state.phase) {
      case 'awaiting-init':
        return onFreshText(request);
      case 'awaiting-client-material':
        return finishHandshake(state, request);
      case 'ready':
        return onReadyText(state, request);
    }
  }

  function handleBinary(frame: Uint8Array): SessionAction[] {
    if (state.phase === 'closed') return [];
    if (state.phase !== 'ready') {
      throw new ProtocolError(
        'unexpected-message',
        'binary frame before registration or authentication',
        'drop',
      );
    }
    const request = decodeBinaryRequest(frame, state.sharedKey);
    const spent = deps.bandwidth.spend(state.clientId, request.mixPacket.packet.length);
    if (spent.kind === 'exhausted') {
      throw new ProtocolError(
        'out-of-bandwidth',
        `client has ${spent.available} bytes of bandwidth left`,
        'reject',
      );
    }
    return [{ kind: 'forward', clientId: state.clientId, mixPacket: request.mixPacket }];
  }

  return {
    onText(frame) {
      try {
        return handleText(frame);
      } catch (error) {
        return fail(error, handshakeStarted && state.phase !== 'ready');
      }
    },
    onBinary(frame) {
      try {
        return handleBinary(frame);
      } catch (error) {
        return fail(error, false);
      }
    },
    push(message) {
      if (state.phase !== 'ready') throw new Error('cannot push to a client that is not ready');
      return {
        kind: 'send-binary',
        data: encodeBinaryResponse({ kind: 'pushed-mix-message', message }, state.sharedKey, deps.random),
      };
    },
    get clientId() {
      return state.phase === 'ready' ? state.clientId : undefined;
    },
  };
}
