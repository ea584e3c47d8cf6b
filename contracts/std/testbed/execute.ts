import {
  BankBurn,
  BankSend,
  canonicalizeAddress,
  Coin,
  cw20Send,
  cw20Transfer,
  Cw20ReceiveMsg,
  decodeVariant,
  Env,
  Event,
  Fields,
  humanizeAddress,
  JsonValue,
  Key,
  MessageInfo,
  parseJson,
  ReplyOn,
  Response,
  Result,
  SubMsg,
  toHex,
  Uint128,
  unknownVariant,
  utf8,
  validateAddress,
  WasmClearAdmin,
  WasmExecute,
  WasmInstantiate,
  WasmMigrate,
  WasmUpdateAdmin,
} from '../assembly/index';
import { CONFIG, NAMES, PAIRS, SIGNED, Token, TOKENS } from './state';

const VARIANTS = [
  'set_config',
  'save_name',
  'remove_name',
  'save_pair',
  'save_signed',
  'save_token',
  'remove_token',
  'fail',
  'respond',
  'receive',
  'check_address',
  'panic',
];

function done(f: Fields, response: Response): Result<Response> {
  const problem = f.finish();
  return problem !== null ? Result.err<Response>(problem) : Result.ok<Response>(response);
}

function respond(): Response {
  const coins = [new Coin('unyx', Uint128.fromU64(5))];
  const token = 'n1token';
  return new Response()
    .addAttribute('action', 'respond')
    .addAttribute('note', 'ünïcödé "quoted"\n')
    .addEvent(new Event('wasm-testbed').add('k', 'v'))
    .addMessage(new BankSend('n1recipient', coins))
    .addMessage(new BankBurn(coins))
    .addSubmessage(
      new SubMsg(7, new WasmExecute('n1contract', utf8('{"ping":{}}'), coins), ReplyOn.Success, 250000),
    )
    .addSubmessage(new SubMsg(8, new WasmInstantiate(null, 3, utf8('{}'), [], 'label'), ReplyOn.Always))
    .addSubmessage(
      new SubMsg(9, new WasmInstantiate('n1admin', 4, utf8('{}'), coins, 'with admin'), ReplyOn.Error),
    )
    .addMessage(new WasmMigrate('n1contract', 5, utf8('{"migrate":{}}')))
    .addMessage(new WasmUpdateAdmin('n1contract', 'n1admin'))
    .addMessage(new WasmClearAdmin('n1contract'))
    .addMessage(cw20Transfer(token, 'n1recipient', Uint128.fromU64(10)))
    .addMessage(cw20Send(token, 'n1contract', Uint128.fromU64(11), utf8('{"hook":{}}')))
    .setData(utf8('data'));
}

function receive(body: JsonValue): Result<Response> {
  const hook = Cw20ReceiveMsg.decode(body);
  if (hook.isErr) return hook.cast<Response>();
  const inner = parseJson(hook.value.msg);
  if (inner.isErr) return inner.cast<Response>();
  const variant = decodeVariant(inner.value, 'ReceiveMsg');
  if (variant.isErr) return variant.cast<Response>();
  return Result.ok<Response>(
    new Response()
      .addAttribute('sender', hook.value.sender)
      .addAttribute('amount', hook.value.amount.toString())
      .addAttribute('hook', variant.value.name),
  );
}

function checkAddress(f: Fields): Result<Response> {
  const address = f.string('address');
  const problem = f.finish();
  if (problem !== null) return Result.err<Response>(problem);
  const valid = validateAddress(address);
  if (valid.isErr) return valid.cast<Response>();
  const canonical = canonicalizeAddress(address);
  if (canonical.isErr) return canonical.cast<Response>();
  const human = humanizeAddress(canonical.value);
  if (human.isErr) return human.cast<Response>();
  return Result.ok<Response>(
    new Response().addAttribute('canonical', toHex(canonical.value)).addAttribute('human', human.value),
  );
}

export function execute(_env: Env, info: MessageInfo, msg: JsonValue): Result<Response> {
  const variant = decodeVariant(msg, 'ExecuteMsg');
  if (variant.isErr) return variant.cast<Response>();
  const name = variant.value.name;
  const f = new Fields(variant.value.body, 'ExecuteMsg::' + name);
  const ok = new Response().addAttribute('action', name).addAttribute('sender', info.sender);
  // Every branch reads all its fields before it writes, so a malformed message writes nothing.
  if (name === 'set_config') {
    const value = f.string('value');
    if (f.finish() === null) CONFIG.save(value);
    return done(f, ok);
  }
  if (name === 'save_name') {
    const key = f.string('key');
    const value = f.string('value');
    if (f.finish() === null) NAMES.save(Key.str(key), value);
    return done(f, ok);
  }
  if (name === 'remove_name') {
    const key = f.string('key');
    if (f.finish() === null) NAMES.remove(Key.str(key));
    return done(f, ok);
  }
  if (name === 'save_pair') {
    const key = Key.str(f.string('owner')).then(Key.u64(f.u64('id')));
    const value = f.string('value');
    if (f.finish() === null) PAIRS.save(key, value);
    return done(f, ok);
  }
  if (name === 'save_signed') {
    const key = Key.i64(f.i64('key'));
    const value = f.string('value');
    if (f.finish() === null) SIGNED.save(key, value);
    return done(f, ok);
  }
  if (name === 'save_token') {
    const id = f.u64('id');
    const token = new Token(f.string('owner'), f.string('name'), f.uint128('amount'));
    const problem = f.finish();
    if (problem !== null) return Result.err<Response>(problem);
    const saved = TOKENS.save(Key.u64(id), token);
    if (saved.isErr) return saved.cast<Response>();
    return Result.ok<Response>(ok);
  }
  if (name === 'remove_token') {
    const id = f.u64('id');
    if (f.finish() === null) TOKENS.remove(Key.u64(id));
    return done(f, ok);
  }
  if (name === 'fail') {
    // Writes first, then refuses: the host must drop the write along with the call.
    CONFIG.save('written by a failing call');
    const message = f.string('message');
    const problem = f.finish();
    return Result.err<Response>(problem !== null ? problem : message);
  }
  if (name === 'respond') return done(f, respond());
  if (name === 'receive') return receive(variant.value.body);
  if (name === 'check_address') return checkAddress(f);
  if (name === 'panic') {
    abort('testbed panic');
  }
  return Result.err<Response>(unknownVariant('ExecuteMsg', name, VARIANTS));
}
