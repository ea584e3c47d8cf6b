import { Block } from 'cosmjs-types/tendermint/types/block';
import type { Timestamp } from '../modules/types';
import { commitJson, headerJson, blockIdJson, type CommitInfo, type Json } from '../rpc/json';
import {
  BLOCK_ID_FLAG_COMMIT,
  BLOCK_PROTOCOL,
  EMPTY_BLOCK_ID,
  commitHash,
  dataHash,
  headerHash,
  merkleRoot,
  partSetHeader,
  precommitSignBytes,
  toProtoBlockId,
  type BlockId,
  type HeaderFields,
} from './cometbft-hash';
import type { Ed25519Key } from './validator-key';

/** What the next block needs from the one before it (or from genesis, for block 1). */
export interface PreviousBlock {
  height: number;
  blockId: BlockId;
  time: Timestamp;
  /** State after that block (for block 1: the genesis app hash). */
  appHash: Uint8Array;
  /** Results of that block's txs (for block 1: empty). */
  resultsHash: Uint8Array;
}

export interface BlockParams {
  chainId: string;
  time: Timestamp;
  previous: PreviousBlock;
  txs: readonly Uint8Array[];
  validator: Ed25519Key;
  validatorsHash: Uint8Array;
  consensusHash: Uint8Array;
}

export interface BuiltBlock {
  header: HeaderFields;
  blockId: BlockId;
  size: number;
  /** `{ block_id, header, last_commit }`: the stored form, without the txs. */
  json: { block_id: Json; header: Json; last_commit: Json };
}

/**
 * Assembles block `previous.height + 1` as a one-validator CometBFT network would: the last
 * commit is our validator's precommit for the previous block, timestamped with this block's time
 * (so the header time is the commit's median time, as BFT time requires).
 */
export function buildBlock(params: BlockParams): BuiltBlock {
  const { previous } = params;
  const height = previous.height + 1;
  const lastCommit: CommitInfo =
    previous.height === 0
      ? { height: 0, blockId: EMPTY_BLOCK_ID, signatures: [] }
      : {
          height: previous.height,
          blockId: previous.blockId,
          signatures: [
            {
              validatorAddress: params.validator.address,
              timestamp: params.time,
              signature: params.validator.sign(
                precommitSignBytes(params.chainId, previous.height, previous.blockId, params.time),
              ),
            },
          ],
        };
  const header: HeaderFields = {
    chainId: params.chainId,
    height,
    time: params.time,
    lastBlockId: previous.blockId,
    lastCommitHash: commitHash(lastCommit.signatures),
    dataHash: dataHash(params.txs),
    validatorsHash: params.validatorsHash,
    nextValidatorsHash: params.validatorsHash,
    consensusHash: params.consensusHash,
    appHash: previous.appHash,
    lastResultsHash: previous.resultsHash,
    evidenceHash: merkleRoot([]),
    proposerAddress: params.validator.address,
  };
  const hash = headerHash(header);
  const encoded = Block.encode({
    header: {
      version: { block: BigInt(BLOCK_PROTOCOL), app: 0n },
      chainId: header.chainId,
      height: BigInt(height),
      time: header.time,
      lastBlockId: toProtoBlockId(header.lastBlockId),
      lastCommitHash: header.lastCommitHash,
      dataHash: header.dataHash,
      validatorsHash: header.validatorsHash,
      nextValidatorsHash: header.nextValidatorsHash,
      consensusHash: header.consensusHash,
      appHash: header.appHash,
      lastResultsHash: header.lastResultsHash,
      evidenceHash: header.evidenceHash,
      proposerAddress: header.proposerAddress,
    },
    data: { txs: [...params.txs] },
    evidence: { evidence: [] },
    lastCommit: {
      height: BigInt(lastCommit.height),
      round: 0,
      blockId: toProtoBlockId(lastCommit.blockId),
      signatures: lastCommit.signatures.map((sig) => ({
        blockIdFlag: BLOCK_ID_FLAG_COMMIT,
        validatorAddress: sig.validatorAddress,
        timestamp: sig.timestamp,
        signature: sig.signature,
      })),
    },
  }).finish();
  const blockId: BlockId = { hash, parts: partSetHeader(encoded) };
  return {
    header,
    blockId,
    size: encoded.length,
    json: { block_id: blockIdJson(blockId), header: headerJson(header), last_commit: commitJson(lastCommit) },
  };
}
