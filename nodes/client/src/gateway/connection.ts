// SEAM: the client's view of its gateway. @nymts/gateway implements the real thing (registration,
// authentication, encrypted frames: `connectToGateway` → `GatewayClientConnection`); the integrator
// adapts it to this interface: `send` maps `firstHop` (32-byte Sphinx address) to its `MixPacket`
// (`decodeNodeAddress` for host and port, packet type 0, the topology's key rotation) and calls
// `forward`; `messages` yields what its `onMessage` receives and ends when `closed` settles.

/** A Sphinx packet for the gateway to forward, unchanged, to the first mix. */
export interface OutboundMixPacket {
  /** The first hop's 32-byte Sphinx address (`4|6 ‖ port ‖ ip`, zero padding). */
  firstHop: Uint8Array;
  packet: Uint8Array;
}

/** One authenticated connection to our gateway. */
export interface GatewayConnection {
  send(packet: OutboundMixPacket): Promise<void>;
  /** Payloads the gateway pushes (acks and messages for us); ends when the connection closes. */
  messages(): AsyncIterable<Uint8Array>;
  close(): Promise<void>;
}

/** Opens (registering or authenticating) a connection to the client's gateway. */
export type GatewayConnector = (signal: AbortSignal) => Promise<GatewayConnection>;
