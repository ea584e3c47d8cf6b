import {
  Cw20ReceiveMsg,
  decodeVariant,
  Env,
  Fields,
  parseJson,
  Response,
  Result,
  unknownVariant,
} from '../../std/assembly/index';
import { ActorField } from './actor';
import { bondGateway, bondMixnode, pledgeMore } from './bonding';
import { unauthorized } from './common';
import { delegate } from './delegation';
import { loadState } from './storage';

// NYM arrives through the token's cw20 `Send`, with what to do with it in the attached message:
// bond, pledge more or delegate, for the sender or (`…_on_behalf`, from the vesting contract)
// for a vesting account's owner.

const RECEIVE_VARIANTS = [
  'bond_mixnode',
  'bond_mixnode_on_behalf',
  'bond_gateway',
  'bond_gateway_on_behalf',
  'pledge_more',
  'pledge_more_on_behalf',
  'delegate_to_mixnode',
  'delegate_to_mixnode_on_behalf',
];

/** Handles `ExecuteMsg::Receive`: `tokenSender` is the contract that moved the NYM. */
export function handleReceive(env: Env, tokenSender: string, hook: Cw20ReceiveMsg): Result<Response> {
  const state = loadState();
  if (tokenSender !== state.tokenAddress)
    return Result.err<Response>(unauthorized(tokenSender, 'the NYM token contract ' + state.tokenAddress));
  const inner = parseJson(hook.msg);
  if (inner.isErr) return Result.err<Response>('Error parsing into type ReceiveMsg: ' + inner.message);
  const variant = decodeVariant(inner.value, 'ReceiveMsg');
  if (variant.isErr) return variant.cast<Response>();
  const name = variant.value.name;
  if (!RECEIVE_VARIANTS.includes(name))
    return Result.err<Response>(unknownVariant('ReceiveMsg', name, RECEIVE_VARIANTS));
  const f = new Fields(variant.value.body, 'ReceiveMsg::' + name);
  const onBehalf = name.endsWith('_on_behalf');
  const base = onBehalf ? name.substring(0, name.length - '_on_behalf'.length) : name;
  const who = new ActorField(f, onBehalf, base === 'delegate_to_mixnode' ? 'delegate' : 'owner');
  if (base === 'bond_mixnode') return bondMixnode(env, state, hook.sender, who, hook.amount, f);
  if (base === 'bond_gateway') return bondGateway(env, state, hook.sender, who, hook.amount, f);
  if (base === 'pledge_more') return pledgeMore(env, state, hook.sender, who, hook.amount, f);
  return delegate(env, state, hook.sender, who, hook.amount, f);
}
