import fc from 'fast-check';
import { encodeUnpaddedNodeAddress } from '@nymts/node-common';
import { PACKET_SIZES } from '@nymts/sphinx';
import { ACK_FIRST_HOP_BYTES, SURB_ACK_BYTES, splitFinalHop } from '../src/mixnet/final-hop';

function surbAck(host: string, port: number, fill: number): Uint8Array {
  const bytes = new Uint8Array(SURB_ACK_BYTES).fill(fill);
  bytes.fill(0, 0, ACK_FIRST_HOP_BYTES);
  bytes.set(encodeUnpaddedNodeAddress({ host, port }));
  return bytes;
}

describe('final-hop payload: SURB-ACK and message', () => {
  it("takes the ack's first hop (19 bytes, zero padded) and the 386-byte ack packet off the front", () => {
    expect(SURB_ACK_BYTES).toBe(19 + 386);
    const message = new TextEncoder().encode('for the client');
    const payload = Uint8Array.of(...surbAck('10.1.2.3', 1789, 0xa5), ...message);
    const content = splitFinalHop(payload, 'regular');
    expect(content).toMatchObject({ kind: 'with-ack', ackFirstHop: { host: '10.1.2.3', port: 1789 } });
    if (content.kind !== 'with-ack') return;
    expect(content.ackPacket).toHaveLength(PACKET_SIZES.ack.totalSize);
    expect(content.ackPacket.every((byte) => byte === 0xa5)).toBe(true);
    expect(new TextDecoder().decode(content.message)).toBe('for the client');
  });

  it('reads IPv6 first hops, which fill all 19 bytes', () => {
    const content = splitFinalHop(surbAck('2001:db8::7', 1790, 1), 'extended8');
    expect(content).toMatchObject({ kind: 'with-ack', ackFirstHop: { host: '2001:db8::7', port: 1790 } });
  });

  it('hands an ack-size packet to the client whole: it is an ack, not a message with one', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 21 }), (payload) => {
        expect(splitFinalHop(payload, 'ack')).toEqual({ kind: 'message', message: payload });
      }),
    );
  });

  it('refuses a payload too short for a SURB-ACK, and an ack first hop that is no address', () => {
    expect(splitFinalHop(new Uint8Array(SURB_ACK_BYTES - 1), 'regular')).toMatchObject({
      kind: 'invalid',
      reason: 'no_surb_ack',
    });
    const badFamily = surbAck('1.2.3.4', 1, 0);
    badFamily[0] = 5;
    expect(splitFinalHop(badFamily, 'regular')).toMatchObject({
      kind: 'invalid',
      reason: 'invalid_surb_ack',
    });
  });
});
