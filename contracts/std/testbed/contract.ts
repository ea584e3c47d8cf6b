// The std testbed: a contract that exercises every part of @nymts/contract-std, for std's own
// tests and as a fixture for hosts. Not for deployment.
import {
  Env,
  JsonValue,
  MessageInfo,
  Reply,
  Response,
  Result,
  runExecute,
  runInstantiate,
  runQuery,
  runReply,
  toHex,
} from '../assembly/index';
import { execute as handleExecute } from './execute';
import { query as handleQuery } from './query';
import { CONFIG } from './state';

export { allocate, deallocate, interface_version_8, requires_iterator } from '../assembly/index';

function handleInstantiate(_env: Env, info: MessageInfo, _msg: JsonValue): Result<Response> {
  CONFIG.save('instantiated by ' + info.sender);
  return Result.ok<Response>(new Response().addAttribute('action', 'instantiate'));
}

// Records how the submessage ended, so tests can read back what the contract understood.
function handleReply(_env: Env, reply: Reply): Result<Response> {
  const error = reply.error;
  let summary = 'reply ' + reply.id.toString() + ' ';
  if (error !== null) summary += 'error ' + error;
  else {
    summary += 'ok events';
    for (let i = 0; i < reply.events.length; i++)
      summary += ' ' + reply.events[i].type + '/' + reply.events[i].attributes.length.toString();
    const data = reply.data;
    summary += ' data ' + (data !== null ? toHex(data) : 'none');
  }
  CONFIG.save(summary);
  return Result.ok<Response>(new Response().addAttribute('action', 'reply'));
}

export function reply(env: u32, msg: u32): u32 {
  return runReply(env, msg, handleReply);
}

export function instantiate(env: u32, info: u32, msg: u32): u32 {
  return runInstantiate(env, info, msg, handleInstantiate);
}

export function execute(env: u32, info: u32, msg: u32): u32 {
  return runExecute(env, info, msg, handleExecute);
}

export function query(env: u32, msg: u32): u32 {
  return runQuery(env, msg, handleQuery);
}
