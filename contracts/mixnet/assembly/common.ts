import {
  cw20Send,
  cw20Transfer,
  JsonWriter,
  Response,
  Result,
  Uint128,
  validateAddress,
} from '../../std/assembly/index';
import { ContractState } from './params';

// What several handlers share: who is calling, where NYM goes back to, and the wasm event shape.

export const TRACK_UNBOND = 'track_unbond';
export const TRACK_UNDELEGATION = 'track_undelegation';
export const TRACK_DECREASE_PLEDGE = 'track_decrease_pledge';
export const TRACK_REWARD = 'track_reward';

/** A user-supplied address, validated by the chain (with the field name in the error). */
export function checkAddress(field: string, address: string): Result<string> {
  const valid = validateAddress(address);
  if (valid.isErr) return Result.err<string>('Invalid address in `' + field + '`: ' + valid.message);
  return valid;
}

export function unauthorized(sender: string, role: string): string {
  return 'Unauthorized: ' + sender + ' is not ' + role;
}

export function requireOwner(state: ContractState, sender: string): string | null {
  return sender === state.owner ? null : unauthorized(sender, 'the contract owner');
}

export function requireRewardingValidator(state: ContractState, sender: string): string | null {
  return sender === state.rewardingValidator ? null : unauthorized(sender, 'the rewarding validator');
}

export function requireVesting(state: ContractState, sender: string): string | null {
  return sender === state.vestingContract ? null : unauthorized(sender, 'the vesting contract');
}

/**
 * A stake held for `owner` goes back: to the owner with a cw20 Transfer, or, when it came through
 * the vesting contract (`proxy`), to that contract with a cw20 Send carrying `track` so it can
 * credit the vesting account. Nothing is sent for zero (cw20 refuses empty transfers).
 */
export function payout(
  response: Response,
  state: ContractState,
  owner: string,
  proxy: string | null,
  amount: Uint128,
  track: string,
  mixId: u32,
): void {
  if (amount.isZero) return;
  if (proxy === null) {
    response.addMessage(cw20Transfer(state.tokenAddress, owner, amount));
    return;
  }
  const w = new JsonWriter();
  w.beginObject().key(track).beginObject().key('owner').string(owner);
  if (track === TRACK_UNDELEGATION) w.key('mix_id').u64(mixId);
  w.endObject().endObject();
  response.addMessage(cw20Send(state.tokenAddress, proxy, amount, w.toBytes()));
}
