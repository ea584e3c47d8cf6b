import { mulFloor, Result, Uint128 } from '../../std/assembly/index';
import { Account } from './state';

// Nym's vesting arithmetic: NYM vests in equal steps at period boundaries. During period k
// (0-based) k/n of the original amount has vested; from the end of the last period, all of it.
// Staked NYM (delegated or pledged) is taken from the locked part first, so locked =
// vesting − staked, and what the owner may withdraw is balance − locked.

/** -1 before the start, numPeriods once every period has ended, else the current period's index. */
export function currentPeriod(account: Account, time: u64): i64 {
  if (time < account.startTime) return -1;
  const elapsed = (time - account.startTime) / account.periodSeconds;
  return elapsed >= account.numPeriods ? (account.numPeriods as i64) : (elapsed as i64);
}

export function endTime(account: Account): u64 {
  return account.startTime + account.periodSeconds * account.numPeriods;
}

/** The amount vested once `periods` periods have ended. */
export function vestedAfter(account: Account, periods: u64): Uint128 {
  if (periods >= account.numPeriods) return account.original;
  return account.original.checkedMulRatio(Uint128.fromU64(periods), Uint128.fromU64(account.numPeriods))
    .value;
}

export function vested(account: Account, time: u64): Uint128 {
  const period = currentPeriod(account, time);
  return period < 0 ? Uint128.zero() : vestedAfter(account, period as u64);
}

export function vesting(account: Account, time: u64): Uint128 {
  return account.original.sub(vested(account, time));
}

export function staked(account: Account): Uint128 {
  return account.delegated.add(account.pledged);
}

export function locked(account: Account, time: u64): Uint128 {
  return vesting(account, time).saturatingSub(staked(account));
}

export function spendable(account: Account, time: u64): Uint128 {
  return account.balance.saturatingSub(locked(account, time));
}

/** The most this account may have pledged at once. */
export function pledgeCapAmount(account: Account): Result<Uint128> {
  const percent = account.pledgeCap.percent;
  if (percent === null) return Result.ok<Uint128>(account.pledgeCap.absolute);
  return mulFloor(account.original, percent);
}
