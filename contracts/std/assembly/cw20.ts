import { toBase64 } from './base64';
import { Fields } from './fields';
import { JsonWriter, JsonValue } from './json';
import { WasmExecute } from './response';
import { Result } from './result';
import { Uint128 } from './uint';

// The cw20 pieces a contract needs: the receive hook a token calls it with, and the messages it
// sends to a token (cw20-base's ExecuteMsg).

/** `Cw20ReceiveMsg`: the token contract tells us `sender` sent us `amount` with `msg` attached. */
export class Cw20ReceiveMsg {
  constructor(
    readonly sender: string,
    readonly amount: Uint128,
    /** The JSON the sender attached (base64 `Binary` on the wire). */
    readonly msg: Uint8Array,
  ) {}

  /** Decodes the body of an `ExecuteMsg::Receive` variant. */
  static decode(body: JsonValue): Result<Cw20ReceiveMsg> {
    const f = new Fields(body, 'Cw20ReceiveMsg');
    const sender = f.string('sender');
    const amount = f.uint128('amount');
    const msg = f.binary('msg');
    const problem = f.finish();
    if (problem !== null) return Result.err<Cw20ReceiveMsg>(problem);
    return Result.ok<Cw20ReceiveMsg>(new Cw20ReceiveMsg(sender, amount, msg));
  }
}

/** cw20 `Transfer { recipient, amount }` sent to `token`. */
export function cw20Transfer(token: string, recipient: string, amount: Uint128): WasmExecute {
  const w = new JsonWriter();
  w.beginObject().key('transfer').beginObject();
  w.key('recipient').string(recipient).key('amount').string(amount.toString());
  w.endObject().endObject();
  return new WasmExecute(token, w.toBytes());
}

/** cw20 `Send { contract, amount, msg }` sent to `token`; `msg` is the JSON for the receiver. */
export function cw20Send(token: string, contract: string, amount: Uint128, msg: Uint8Array): WasmExecute {
  const w = new JsonWriter();
  w.beginObject().key('send').beginObject();
  w.key('contract').string(contract).key('amount').string(amount.toString());
  w.key('msg').string(toBase64(msg));
  w.endObject().endObject();
  return new WasmExecute(token, w.toBytes());
}
