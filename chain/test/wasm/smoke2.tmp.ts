import { Harness, account } from './support/harness';
import { scriptedContract } from './support/scripted-contract';
const h = new Harness();
const alice = account(1);
const code = h.upload(alice, scriptedContract({ responses: { w: { messages: [], attributes: [{ key: 'action', value: 'w' }], events: [], data: null } } }));
const { address } = h.instantiate(alice, code, {});
console.log(h.execute(alice, address, 'write').events);
try { h.execute(alice, address, 'panic'); } catch (e) { console.log('panic:', (e as Error).message); }
let t = Date.now();
try { h.execute(alice, address, 'loop', [], 1_000_000); } catch (e) { console.log('loop:', (e as Error).message, Date.now() - t, 'ms'); }
t = Date.now();
try { h.execute(alice, address, 'loop', [], 30_000_000); } catch (e) { console.log('loop:', (e as Error).message, Date.now() - t, 'ms'); }
