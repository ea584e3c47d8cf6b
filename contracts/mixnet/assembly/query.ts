import {
  decodeVariant,
  Env,
  Fields,
  jsonAnswer,
  JsonValue,
  JsonWriter,
  Result,
  unknownVariant,
} from '../../std/assembly/index';
import { NODE_QUERIES, nodeQuery } from './query-nodes';
import { STAKE_QUERIES, stakeQuery } from './query-stake';
import { loadInterval, loadRewardingParams, loadState } from './storage';

const STATE_QUERIES = [
  'get_state',
  'get_state_params',
  'get_rewarding_validator_address',
  'get_rewarding_params',
  'get_epoch_status',
  'get_current_interval_details',
];

function stateQuery(env: Env, name: string): Result<Uint8Array> {
  const w = new JsonWriter();
  const state = loadState();
  if (name === 'get_state') state.write(w);
  else if (name === 'get_state_params') state.params.write(w);
  else if (name === 'get_rewarding_validator_address') w.string(state.rewardingValidator);
  else if (name === 'get_rewarding_params') loadRewardingParams().write(w);
  else {
    const interval = loadInterval();
    const now = env.block.timeSeconds;
    const epochOver = interval.isEpochOver(now);
    if (name === 'get_epoch_status') {
      w.beginObject().key('being_advanced_by').string(state.rewardingValidator);
      w.key('epoch_id').u64(interval.totalElapsedEpochs).key('epoch_end').u64(interval.currentEpochEnd);
      w.key('state')
        .string(epochOver ? 'rewarding' : 'in_progress')
        .endObject();
    } else {
      w.beginObject().key('interval');
      interval.write(w);
      w.key('current_blocktime').u64(now).key('current_epoch_end').u64(interval.currentEpochEnd);
      w.key('is_current_interval_over').bool(epochOver && interval.isLastEpoch);
      w.key('is_current_epoch_over').bool(epochOver).endObject();
    }
  }
  return jsonAnswer(w);
}

export function query(env: Env, msg: JsonValue): Result<Uint8Array> {
  const variant = decodeVariant(msg, 'QueryMsg');
  if (variant.isErr) return variant.cast<Uint8Array>();
  const name = variant.value.name;
  const f = new Fields(variant.value.body, 'QueryMsg::' + name);
  if (STATE_QUERIES.includes(name)) {
    const problem = f.finish();
    if (problem !== null) return Result.err<Uint8Array>(problem);
    return stateQuery(env, name);
  }
  if (NODE_QUERIES.includes(name)) return nodeQuery(name, f);
  if (STAKE_QUERIES.includes(name)) return stakeQuery(env, name, f);
  return Result.err<Uint8Array>(
    unknownVariant('QueryMsg', name, STATE_QUERIES.concat(NODE_QUERIES).concat(STAKE_QUERIES)),
  );
}
