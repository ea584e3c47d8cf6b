import { concatBytes } from './bytes';
import { createHeader, hopPayloadKeys, type HeaderOptions } from './create-header';
import { encryptPayload } from './encrypt-payload';
import { SphinxError } from './errors';
import { payloadSize, type PacketSize } from './packet-size';

export interface ForwardPacketOptions extends HeaderOptions {
  message: Uint8Array;
  packetSize: PacketSize;
}

/** A Sphinx packet that travels `route` and is delivered to `destination` by the last node. */
export function createForwardPacket(options: ForwardPacketOptions): Uint8Array {
  if (!(options.message instanceof Uint8Array))
    throw new SphinxError('bad_route', 'message must be a Uint8Array');
  const built = createHeader(options);
  const payload = encryptPayload(
    built.primitives,
    options.message,
    payloadSize(options.packetSize),
    hopPayloadKeys(built),
  );
  return concatBytes(built.header, payload);
}
