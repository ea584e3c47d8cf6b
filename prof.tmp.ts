import { createForwardPacket, generateSphinxKeyPair, PACKET_SIZES, processPacket } from '@nymts/sphinx';
const keys = [0, 1, 2].map(() => generateSphinxKeyPair());
const route = keys.map((k, i) => ({ address: new Uint8Array(32).fill(i + 1), publicKey: k.publicKey }));
const packets = Array.from({ length: 256 }, () =>
  createForwardPacket({ route, destination: new Uint8Array(32), delaysNanos: [0n, 0n, 0n], message: new Uint8Array(2048), packetSize: PACKET_SIZES.regular }),
);
const key = keys[0]!.privateKey;
const n = Number(process.argv[2] ?? 20000);
const cpu = process.cpuUsage();
const t = performance.now();
for (let i = 0; i < n; i++) processPacket(packets[i % 256]!, key);
const c = process.cpuUsage(cpu);
console.log(`${n} unwraps: wall ${(n / ((performance.now() - t) / 1000)).toFixed(0)}/s, per CPU-s ${((n * 1e6) / (c.user + c.system)).toFixed(0)}/s`);
