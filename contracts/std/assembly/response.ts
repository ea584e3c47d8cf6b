import { toBase64 } from './base64';
import { JsonWriter } from './json';
import { Coin, writeCoins } from './types';

// `Response` and the messages a contract can emit, written as cosmwasm-std serialises them.

export class Attribute {
  constructor(
    readonly key: string,
    readonly value: string,
  ) {}
}

function writeAttributes(w: JsonWriter, attributes: Array<Attribute>): void {
  w.beginArray();
  for (let i = 0; i < attributes.length; i++) {
    w.beginObject().key('key').string(attributes[i].key).key('value').string(attributes[i].value).endObject();
  }
  w.endArray();
}

export class Event {
  readonly attributes: Array<Attribute> = [];

  constructor(readonly type: string) {}

  add(key: string, value: string): Event {
    this.attributes.push(new Attribute(key, value));
    return this;
  }

  write(w: JsonWriter): void {
    w.beginObject().key('type').string(this.type).key('attributes');
    writeAttributes(w, this.attributes);
    w.endObject();
  }
}

/** A `CosmosMsg`: writes itself as its externally tagged JSON form. */
export abstract class CosmosMsg {
  abstract write(w: JsonWriter): void;
}

function writeOptionalString(w: JsonWriter, value: string | null): void {
  if (value === null) w.nullValue();
  else w.string(value);
}

export class BankSend extends CosmosMsg {
  constructor(
    readonly toAddress: string,
    readonly amount: Array<Coin>,
  ) {
    super();
  }

  write(w: JsonWriter): void {
    w.beginObject().key('bank').beginObject().key('send').beginObject();
    w.key('to_address').string(this.toAddress).key('amount');
    writeCoins(w, this.amount);
    w.endObject().endObject().endObject();
  }
}

export class BankBurn extends CosmosMsg {
  constructor(readonly amount: Array<Coin>) {
    super();
  }

  write(w: JsonWriter): void {
    w.beginObject().key('bank').beginObject().key('burn').beginObject().key('amount');
    writeCoins(w, this.amount);
    w.endObject().endObject().endObject();
  }
}

/** `WasmMsg::Execute`; `msg` is the JSON of the message for the called contract. */
export class WasmExecute extends CosmosMsg {
  constructor(
    readonly contractAddr: string,
    readonly msg: Uint8Array,
    readonly funds: Array<Coin> = [],
  ) {
    super();
  }

  write(w: JsonWriter): void {
    w.beginObject().key('wasm').beginObject().key('execute').beginObject();
    w.key('contract_addr').string(this.contractAddr).key('msg').string(toBase64(this.msg)).key('funds');
    writeCoins(w, this.funds);
    w.endObject().endObject().endObject();
  }
}

export class WasmInstantiate extends CosmosMsg {
  constructor(
    readonly admin: string | null,
    readonly codeId: u64,
    readonly msg: Uint8Array,
    readonly funds: Array<Coin>,
    readonly label: string,
  ) {
    super();
  }

  write(w: JsonWriter): void {
    w.beginObject().key('wasm').beginObject().key('instantiate').beginObject().key('admin');
    writeOptionalString(w, this.admin);
    w.key('code_id').u64(this.codeId).key('msg').string(toBase64(this.msg)).key('funds');
    writeCoins(w, this.funds);
    w.key('label').string(this.label);
    w.endObject().endObject().endObject();
  }
}

export class WasmMigrate extends CosmosMsg {
  constructor(
    readonly contractAddr: string,
    readonly newCodeId: u64,
    readonly msg: Uint8Array,
  ) {
    super();
  }

  write(w: JsonWriter): void {
    w.beginObject().key('wasm').beginObject().key('migrate').beginObject();
    w.key('contract_addr').string(this.contractAddr).key('new_code_id').u64(this.newCodeId);
    w.key('msg').string(toBase64(this.msg));
    w.endObject().endObject().endObject();
  }
}

export class WasmUpdateAdmin extends CosmosMsg {
  constructor(
    readonly contractAddr: string,
    readonly admin: string,
  ) {
    super();
  }

  write(w: JsonWriter): void {
    w.beginObject().key('wasm').beginObject().key('update_admin').beginObject();
    w.key('contract_addr').string(this.contractAddr).key('admin').string(this.admin);
    w.endObject().endObject().endObject();
  }
}

export class WasmClearAdmin extends CosmosMsg {
  constructor(readonly contractAddr: string) {
    super();
  }

  write(w: JsonWriter): void {
    w.beginObject().key('wasm').beginObject().key('clear_admin').beginObject();
    w.key('contract_addr').string(this.contractAddr);
    w.endObject().endObject().endObject();
  }
}

export enum ReplyOn {
  Never,
  Success,
  Error,
  Always,
}

function replyOnName(replyOn: ReplyOn): string {
  switch (replyOn) {
    case ReplyOn.Success:
      return 'success';
    case ReplyOn.Error:
      return 'error';
    case ReplyOn.Always:
      return 'always';
    default:
      return 'never';
  }
}

export class SubMsg {
  constructor(
    readonly id: u64,
    readonly msg: CosmosMsg,
    readonly replyOn: ReplyOn = ReplyOn.Never,
    /** 0 means no limit. */
    readonly gasLimit: u64 = 0,
  ) {}

  write(w: JsonWriter): void {
    w.beginObject().key('id').u64(this.id).key('msg');
    this.msg.write(w);
    w.key('gas_limit');
    if (this.gasLimit === 0) w.nullValue();
    else w.u64(this.gasLimit);
    w.key('reply_on').string(replyOnName(this.replyOn)).endObject();
  }
}

export class Response {
  readonly messages: Array<SubMsg> = [];
  readonly attributes: Array<Attribute> = [];
  readonly events: Array<Event> = [];
  data: Uint8Array | null = null;

  /** Adds a message whose result the contract does not want to hear about. */
  addMessage(msg: CosmosMsg): Response {
    this.messages.push(new SubMsg(0, msg));
    return this;
  }

  addSubmessage(sub: SubMsg): Response {
    this.messages.push(sub);
    return this;
  }

  addAttribute(key: string, value: string): Response {
    this.attributes.push(new Attribute(key, value));
    return this;
  }

  addEvent(event: Event): Response {
    this.events.push(event);
    return this;
  }

  setData(data: Uint8Array): Response {
    this.data = data;
    return this;
  }

  write(w: JsonWriter): void {
    w.beginObject().key('messages').beginArray();
    for (let i = 0; i < this.messages.length; i++) this.messages[i].write(w);
    w.endArray().key('attributes');
    writeAttributes(w, this.attributes);
    w.key('events').beginArray();
    for (let i = 0; i < this.events.length; i++) this.events[i].write(w);
    w.endArray().key('data');
    const data = this.data;
    if (data === null) w.nullValue();
    else w.string(toBase64(data));
    w.endObject();
  }
}
