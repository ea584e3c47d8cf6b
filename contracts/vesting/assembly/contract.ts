// nymts vesting: NYM (a cw20 token) vesting in periods for accounts the admin opens, with
// withdrawals of what has vested and staking of unvested NYM through the mixnet contract.
// Semantics follow Nym's vesting contract; see contracts/README.md.
import {
  Env,
  Fields,
  JsonValue,
  MessageInfo,
  Response,
  Result,
  runExecute,
  runInstantiate,
  runMigrate,
  runQuery,
} from '../../std/assembly/index';
import { checkAddress } from './auth';
import { execute as handleExecute } from './execute';
import { query as handleQuery } from './query';
import { Config, CONFIG } from './state';

export { allocate, deallocate, interface_version_8, requires_iterator } from '../../std/assembly/index';

function handleInstantiate(_env: Env, info: MessageInfo, msg: JsonValue): Result<Response> {
  const f = new Fields(msg, 'InstantiateMsg');
  const token = f.string('token_address');
  const mixnet = f.optionalString('mixnet_contract_address');
  const problem = f.finish();
  if (problem !== null) return Result.err<Response>(problem);
  const tokenValid = checkAddress('token_address', token);
  if (tokenValid.isErr) return tokenValid.cast<Response>();
  if (mixnet !== null) {
    const mixnetValid = checkAddress('mixnet_contract_address', mixnet);
    if (mixnetValid.isErr) return mixnetValid.cast<Response>();
  }
  CONFIG.save(new Config(info.sender, token, mixnet));
  return Result.ok<Response>(
    new Response()
      .addAttribute('action', 'instantiate')
      .addAttribute('admin', info.sender)
      .addAttribute('token', token),
  );
}

function handleMigrate(_env: Env, msg: JsonValue): Result<Response> {
  const problem = new Fields(msg, 'MigrateMsg').finish();
  if (problem !== null) return Result.err<Response>(problem);
  return Result.ok<Response>(new Response().addAttribute('action', 'migrate'));
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

export function migrate(env: u32, msg: u32): u32 {
  return runMigrate(env, msg, handleMigrate);
}
