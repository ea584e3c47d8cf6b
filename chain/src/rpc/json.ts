import { toBase64, toHexUpper } from '../encoding/bytes';
import { formatRfc3339Nano } from '../encoding/time';
import type { ChainEvent } from '../modules/events';
import type { TxOutcome } from '../tx/run-tx';
import { BLOCK_PROTOCOL, type BlockId, type CommitSignature, type HeaderFields } from '../node/cometbft-hash';

/** CometBFT 0.38's JSON encodings: int64 as strings, hashes as upper-case hex, bytes as base64. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function blockIdJson(id: BlockId): Json {
  return { hash: toHexUpper(id.hash), parts: { total: id.parts.total, hash: toHexUpper(id.parts.hash) } };
}

export function headerJson(header: HeaderFields): Json {
  return {
    version: { block: String(BLOCK_PROTOCOL), app: '0' },
    chain_id: header.chainId,
    height: String(header.height),
    time: formatRfc3339Nano(header.time),
    last_block_id: blockIdJson(header.lastBlockId),
    last_commit_hash: toHexUpper(header.lastCommitHash),
    data_hash: toHexUpper(header.dataHash),
    validators_hash: toHexUpper(header.validatorsHash),
    next_validators_hash: toHexUpper(header.nextValidatorsHash),
    consensus_hash: toHexUpper(header.consensusHash),
    app_hash: toHexUpper(header.appHash),
    last_results_hash: toHexUpper(header.lastResultsHash),
    evidence_hash: toHexUpper(header.evidenceHash),
    proposer_address: toHexUpper(header.proposerAddress),
  };
}

export interface CommitInfo {
  height: number;
  blockId: BlockId;
  signatures: CommitSignature[];
}

export function commitJson(commit: CommitInfo): Json {
  return {
    height: String(commit.height),
    round: 0,
    block_id: blockIdJson(commit.blockId),
    signatures: commit.signatures.map((sig) => ({
      block_id_flag: 2,
      validator_address: toHexUpper(sig.validatorAddress),
      timestamp: formatRfc3339Nano(sig.timestamp),
      signature: toBase64(sig.signature),
    })),
  };
}

export function eventsJson(events: readonly ChainEvent[]): Json {
  return events.map((event) => ({
    type: event.type,
    attributes: event.attributes.map((attribute) => ({
      key: attribute.key,
      value: attribute.value,
      index: attribute.index,
    })),
  }));
}

export function txResultJson(outcome: TxOutcome): Json {
  return {
    code: outcome.code,
    data: outcome.data.length === 0 ? null : toBase64(outcome.data),
    log: outcome.log,
    info: '',
    gas_wanted: String(outcome.gasWanted),
    gas_used: String(outcome.gasUsed),
    events: eventsJson(outcome.events),
    codespace: outcome.codespace,
  };
}
