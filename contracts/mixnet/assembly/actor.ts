import { Fields, Result } from '../../std/assembly/index';
import { checkAddress, requireVesting } from './common';
import { ContractState } from './params';

/** Who a call acts for: the sender itself, or a vesting account's owner (`proxy` = vesting). */
export class Actor {
  constructor(
    readonly owner: string,
    readonly proxy: string | null,
  ) {}
}

/**
 * Reads the owner field of an `…_on_behalf` message; `finish` then checks that such a message
 * really came from the vesting contract.
 */
export class ActorField {
  private readonly claimed: string;

  constructor(
    f: Fields,
    private readonly onBehalf: bool,
    private readonly field: string,
  ) {
    this.claimed = onBehalf ? f.string(field) : '';
  }

  /** Ends the reading of `f` (its problems come first), then checks who may act. */
  finish(f: Fields, state: ContractState, sender: string): Result<Actor> {
    const problem = f.finish();
    if (problem !== null) return Result.err<Actor>(problem);
    return this.resolve(state, sender);
  }

  private resolve(state: ContractState, sender: string): Result<Actor> {
    if (!this.onBehalf) return Result.ok<Actor>(new Actor(sender, null));
    const notVesting = requireVesting(state, sender);
    if (notVesting !== null) return Result.err<Actor>(notVesting);
    const valid = checkAddress(this.field, this.claimed);
    if (valid.isErr) return valid.cast<Actor>();
    return Result.ok<Actor>(new Actor(this.claimed, state.vestingContract));
  }
}

/** Refuses to act on a bond through the wrong route (directly on a vesting bond, or vice versa). */
export function checkProxy(what: string, bondProxy: string | null, actor: Actor): string | null {
  if (bondProxy === actor.proxy) return null;
  if (bondProxy !== null)
    return what + ' was bonded with vesting NYM: manage it through the vesting contract';
  return what + ' was not bonded with vesting NYM: its owner manages it directly';
}
