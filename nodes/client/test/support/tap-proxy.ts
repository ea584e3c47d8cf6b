// A TCP proxy in front of one node that records every frame sent to it: the trace of one link,
// as an observer on the wire would see it.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { FrameDecoder, type SocketAddress } from '@nymts/node-common';
import { type PacketSizeName } from '@nymts/sphinx';

export interface TracedFrame {
  packetSize: PacketSizeName;
  /** Bytes of the Sphinx packet in the frame. */
  bytes: number;
  atMs: number;
}

export interface TapProxy {
  address: SocketAddress;
  /** Frames towards the node, in the order they crossed. */
  readonly frames: TracedFrame[];
  stop(): Promise<void>;
}

export async function startTapProxy(target: SocketAddress): Promise<TapProxy> {
  const frames: TracedFrame[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server: Server = createServer((inbound) => {
    track(inbound);
    const outbound = connect(target.port, target.host);
    track(outbound);
    const decoder = new FrameDecoder();
    inbound.on('data', (chunk: Buffer) => {
      decoder.push(chunk, (frame) =>
        frames.push({
          packetSize: frame.header.packetSize,
          bytes: frame.packet.length,
          atMs: performance.now(),
        }),
      );
      outbound.write(chunk);
    });
    outbound.on('data', (chunk: Buffer) => inbound.write(chunk));
    inbound.on('close', () => outbound.destroy());
    outbound.on('close', () => inbound.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    address: { host: '127.0.0.1', port },
    frames,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
