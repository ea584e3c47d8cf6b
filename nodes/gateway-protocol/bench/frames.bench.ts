import { defineSuite, measureRate } from '@nymts/bench';
import { decodeBinaryRequest, encodeBinaryRequest } from '../src/client-protocol/binary-frames';
import { KeyRotation, PacketType } from '@nymts/node-common';
import { type MixPacket } from '../src/client-protocol/mix-packet';
import { SharedKey } from '../src/client-protocol/shared-key';
import { referenceAesGcmSiv, sealAesGcmSiv } from '../src/crypto/aes-gcm-siv';
import { systemRandomBytes } from '../src/crypto/random';

// Every packet a client sends crosses the gateway as one AES-256-GCM-SIV frame. Our GCM-SIV uses
// node:crypto AES under noble's POLYVAL; the baseline is noble's all-JS `gcmsiv`.
export default defineSuite({
  name: 'gateway client frames',
  async run(ctx) {
    const key = SharedKey.fromBytes(systemRandomBytes(32));
    const mixPacket: MixPacket = {
      packetType: PacketType.mix,
      keyRotation: KeyRotation.odd,
      nextHop: { host: '127.0.0.1', port: 1789 },
      packet: systemRandomBytes(2413),
    };
    const frame = encodeBinaryRequest({ kind: 'forward-sphinx-v2', mixPacket }, key, systemRandomBytes);
    const options = { minDurationMs: 2000, signal: ctx.signal };

    const ours = await measureRate(
      () =>
        decodeBinaryRequest(
          encodeBinaryRequest({ kind: 'forward-sphinx-v2', mixPacket }, key, systemRandomBytes),
          key,
        ),
      options,
    );
    ctx.report({
      name: 'ForwardSphinxV2 frame seal+open (2413-byte packet)',
      value: ours.opsPerSecond,
      unit: 'frames/s',
    });
    const rawKey = systemRandomBytes(32);
    const nonce = systemRandomBytes(12);
    const plaintext = frame.subarray(14);
    const native = await measureRate(() => sealAesGcmSiv(rawKey, nonce, plaintext), options);
    const noble = await measureRate(() => referenceAesGcmSiv.seal(rawKey, nonce, plaintext), options);
    ctx.compare({
      name: 'AES-256-GCM-SIV seal of 2422 bytes, node:crypto AES vs noble gcmsiv',
      value: native.opsPerSecond,
      baseline: noble.opsPerSecond,
      unit: 'seals/s',
    });
    const opened = await measureRate(() => decodeBinaryRequest(frame, key), options);
    ctx.report({ name: 'ForwardSphinxV2 frame open only', value: opened.opsPerSecond, unit: 'frames/s' });
  },
});
