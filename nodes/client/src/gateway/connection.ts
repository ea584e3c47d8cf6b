// The client's view of its gateway: `websocket-gateway.ts` speaks Nym's client–gateway protocol;
// tests may put an in-process network behind the same interface.

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
