// The std testbed: a contract that exercises every part of @nymts/contract-std, for std's own
// tests and as a fixture for hosts. Not for deployment.
import {
  Env,
  JsonValue,
  MessageInfo,
  Response,
  Result,
  runExecute,
  runInstantiate,
  runQuery,
} from '../assembly/index';
import { execute as handleExecute } from './execute';
import { query as handleQuery } from './query';
import { CONFIG } from './state';

export { allocate, deallocate, interface_version_8 } from '../assembly/index';

function handleInstantiate(_env: Env, info: MessageInfo, _msg: JsonValue): Result<Response> {
  CONFIG.save('instantiated by ' + info.sender);
  return Result.ok<Response>(new Response().addAttribute('action', 'instantiate'));
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
