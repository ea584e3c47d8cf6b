import { concat, Key, Order, readU32BigEndian, toHex, u32BigEndian, Uint128 } from '../../std/assembly/index';
import { assignLayers } from './layers';
import { RewardedSetMetadata, RewardingParams } from './params';
import { bondOf } from './rewards';
import { sha256 } from './sha256';
import { MIXNODES, REWARDED_SET, REWARDED_SET_METADATA, REWARDING } from './storage';

// The rewarded set: `rewarded_set_size` bonded mix nodes drawn without replacement, each draw
// weighted by stake (operator + delegates, in whole unym), from randomness the rewarding
// validator supplies. Draw i uses the first 16 bytes of SHA-256(randomness ‖ u32be(i)) as a
// big-endian number r and picks the node whose cumulative-stake interval (in mix id order, over
// the nodes not yet drawn) contains r mod (their total stake). The first `active_set_size` drawn
// are active, the rest standby.

class Candidates {
  readonly ids: Array<u32> = [];
  readonly weights: Array<Uint128> = [];
}

function candidates(): Candidates {
  const bonds = MIXNODES.range(null, null, Order.Ascending, -1);
  const rewardings = REWARDING.range(null, null, Order.Ascending, -1);
  const out = new Candidates();
  // Both maps are keyed by mix id; rewarding records outlive their bonds while delegations remain.
  let r = 0;
  for (let b = 0; b < bonds.length; b++) {
    const bond = bonds[b].value;
    while (r < rewardings.length && readU32BigEndian(rewardings[r].key, 0) < bond.mixId) r++;
    if (r >= rewardings.length || bond.isUnbonding) continue;
    const weight = bondOf(rewardings[r].value).floor();
    if (weight.isZero) continue;
    out.ids.push(bond.mixId);
    out.weights.push(weight);
  }
  return out;
}

function draw(randomness: Uint8Array, counter: u32): Uint128 {
  const digest = sha256(concat(randomness, u32BigEndian(counter)));
  const limbs = new StaticArray<u32>(4);
  for (let i = 0; i < 4; i++) {
    const at = 12 - i * 4; // limb 0 is the least significant
    limbs[i] = readU32BigEndian(digest, at);
  }
  return new Uint128(limbs);
}

/** Indices into `c` in draw order. */
function sample(c: Candidates, randomness: Uint8Array, size: u32): Array<i32> {
  let total = Uint128.zero();
  for (let i = 0; i < c.weights.length; i++) total = total.add(c.weights[i]);
  const taken = new Array<bool>(c.ids.length);
  const picks: Array<i32> = [];
  let counter: u32 = 0;
  while ((picks.length as u32) < size && !total.isZero) {
    const target = draw(randomness, counter++).checkedRem(total).value;
    let cumulative = Uint128.zero();
    for (let i = 0; i < c.ids.length; i++) {
      if (taken[i]) continue;
      cumulative = cumulative.add(c.weights[i]);
      if (target.lt(cumulative)) {
        taken[i] = true;
        picks.push(i);
        total = total.sub(c.weights[i]);
        break;
      }
    }
  }
  return picks;
}

/** Each node's layer in the set being replaced (0 for standby), removing that set. */
function takePreviousLayers(ids: Array<u32>): Array<u8> {
  const previous = new Array<u8>(ids.length);
  const old = REWARDED_SET.range(null, null, Order.Ascending, -1);
  for (let i = 0; i < old.length; i++) {
    const mixId = readU32BigEndian(old[i].key, 0);
    const at = ids.indexOf(mixId);
    if (at >= 0) previous[at] = old[i].value as u8;
    REWARDED_SET.remove(Key.u32(mixId));
  }
  return previous;
}

/** Draws and stores the rewarded set for absolute epoch `epochId`. */
export function chooseRewardedSet(
  params: RewardingParams,
  randomness: Uint8Array,
  epochId: u32,
): RewardedSetMetadata {
  const c = candidates();
  const picks = sample(c, randomness, params.rewardedSetSize);
  const activeCount =
    picks.length < (params.activeSetSize as i32) ? picks.length : (params.activeSetSize as i32);
  const active = new Array<u32>(activeCount);
  for (let i = 0; i < activeCount; i++) active[i] = c.ids[picks[i]];
  const layers = assignLayers(takePreviousLayers(active));
  const perLayer = new StaticArray<u32>(4);
  for (let i = 0; i < activeCount; i++) {
    REWARDED_SET.save(Key.u32(active[i]), layers[i] as u64);
    perLayer[layers[i]] += 1;
  }
  for (let i = activeCount; i < picks.length; i++) REWARDED_SET.save(Key.u32(c.ids[picks[i]]), 0);
  const metadata = new RewardedSetMetadata(
    epochId,
    activeCount as u32,
    (picks.length - activeCount) as u32,
    perLayer[1],
    perLayer[2],
    perLayer[3],
    toHex(randomness),
  );
  REWARDED_SET_METADATA.save(metadata);
  return metadata;
}
