import WebSocket from 'ws';
import { Comet38Client } from '@cosmjs/tendermint-rpc';
import { startChain } from '../src';
async function main() {
  const chain = await startChain({ blockTime: 200, dev: true, rpc: { port: 0 } });
  const ws = new WebSocket(chain.rpc!.websocketUrl);
  ws.on('message', (m) => console.log('raw:', m.toString().slice(0, 200)));
  await new Promise((r) => ws.on('open', r));
  ws.send(
    JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'subscribe', params: { query: "tm.event='NewBlock'" } }),
  );
  await new Promise((r) => setTimeout(r, 700));
  ws.close();
  const tm = await Comet38Client.connect(chain.rpc!.websocketUrl);
  console.log('connected');
  const sub = tm
    .subscribeNewBlock()
    .subscribe({ next: (b) => console.log('block', b.header.height), error: (e) => console.log('err', e) });
  await new Promise((r) => setTimeout(r, 1000));
  sub.unsubscribe();
  tm.disconnect();
  await chain.stop();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
