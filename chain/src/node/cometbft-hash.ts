import { BinaryWriter } from 'cosmjs-types/binary';
import { Timestamp as ProtoTimestamp } from 'cosmjs-types/google/protobuf/timestamp';
import { ExecTxResult } from 'cosmjs-types/tendermint/abci/types';
import { HashedParams } from 'cosmjs-types/tendermint/types/params';
import { BlockID, CommitSig } from 'cosmjs-types/tendermint/types/types';
import { SimpleValidator } from 'cosmjs-types/tendermint/types/validator';
import { Consensus } from 'cosmjs-types/tendermint/version/types';
import { sha256 } from '../crypto/hash';
import type { Timestamp } from '../modules/types';

/**
 * CometBFT's hashes (crypto/merkle, types/block.go), so headers, block ids and commits look
 * and check out as a real node's do.
 */

const EMPTY = new Uint8Array();

/** RFC 6962 Merkle root with CometBFT's split point (largest power of two below n). */
export function merkleRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(EMPTY);
  if (leaves.length === 1) return sha256(Uint8Array.of(0), leaves[0] as Uint8Array);
  const split = splitPoint(leaves.length);
  return sha256(Uint8Array.of(1), merkleRoot(leaves.slice(0, split)), merkleRoot(leaves.slice(split)));
}

function splitPoint(length: number): number {
  let point = 1;
  while (point * 2 < length) point *= 2;
  return point;
}

export interface PartSetHeader {
  total: number;
  hash: Uint8Array;
}

export interface BlockId {
  hash: Uint8Array;
  parts: PartSetHeader;
}

export const EMPTY_BLOCK_ID: BlockId = { hash: EMPTY, parts: { total: 0, hash: EMPTY } };

export interface HeaderFields {
  chainId: string;
  height: number;
  time: Timestamp;
  lastBlockId: BlockId;
  lastCommitHash: Uint8Array;
  dataHash: Uint8Array;
  validatorsHash: Uint8Array;
  nextValidatorsHash: Uint8Array;
  consensusHash: Uint8Array;
  appHash: Uint8Array;
  lastResultsHash: Uint8Array;
  evidenceHash: Uint8Array;
  proposerAddress: Uint8Array;
}

export const BLOCK_PROTOCOL = 11;

export function headerHash(header: HeaderFields): Uint8Array {
  return merkleRoot([
    Consensus.encode({ block: BigInt(BLOCK_PROTOCOL), app: 0n }).finish(),
    wrapString(header.chainId),
    wrapInt64(header.height),
    ProtoTimestamp.encode(header.time).finish(),
    BlockID.encode(toProtoBlockId(header.lastBlockId)).finish(),
    wrapBytes(header.lastCommitHash),
    wrapBytes(header.dataHash),
    wrapBytes(header.validatorsHash),
    wrapBytes(header.nextValidatorsHash),
    wrapBytes(header.consensusHash),
    wrapBytes(header.appHash),
    wrapBytes(header.lastResultsHash),
    wrapBytes(header.evidenceHash),
    wrapBytes(header.proposerAddress),
  ]);
}

export function toProtoBlockId(id: BlockId): BlockID {
  return { hash: id.hash, partSetHeader: { total: id.parts.total, hash: id.parts.hash } };
}

/** The tx hashes' Merkle root (Txs.Hash). */
export function dataHash(txs: readonly Uint8Array[]): Uint8Array {
  return merkleRoot(txs.map((tx) => sha256(tx)));
}

/** The deterministic part of each tx result (code, data, gas) hashed (ABCIResults.Hash). */
export function resultsHash(
  results: ReadonlyArray<{ code: number; data: Uint8Array; gasWanted: number; gasUsed: number }>,
): Uint8Array {
  return merkleRoot(
    results.map((result) =>
      ExecTxResult.encode(
        ExecTxResult.fromPartial({
          code: result.code,
          data: result.data,
          gasWanted: BigInt(result.gasWanted),
          gasUsed: BigInt(result.gasUsed),
        }),
      ).finish(),
    ),
  );
}

export function validatorsHash(
  validators: ReadonlyArray<{ publicKey: Uint8Array; power: number }>,
): Uint8Array {
  return merkleRoot(
    validators.map((validator) =>
      SimpleValidator.encode({
        pubKey: { ed25519: validator.publicKey },
        votingPower: BigInt(validator.power),
      }).finish(),
    ),
  );
}

export function consensusHash(maxBytes: number, maxGas: number): Uint8Array {
  return sha256(
    HashedParams.encode({ blockMaxBytes: BigInt(maxBytes), blockMaxGas: BigInt(maxGas) }).finish(),
  );
}

export interface CommitSignature {
  validatorAddress: Uint8Array;
  timestamp: Timestamp;
  signature: Uint8Array;
}

export const BLOCK_ID_FLAG_COMMIT = 2;

export function commitHash(signatures: readonly CommitSignature[]): Uint8Array {
  return merkleRoot(
    signatures.map((sig) =>
      CommitSig.encode({
        blockIdFlag: BLOCK_ID_FLAG_COMMIT,
        validatorAddress: sig.validatorAddress,
        timestamp: sig.timestamp,
        signature: sig.signature,
      }).finish(),
    ),
  );
}

/** Length-delimited CanonicalVote for a precommit at round 0: what a validator signs. */
export function precommitSignBytes(
  chainId: string,
  height: number,
  blockId: BlockId,
  timestamp: Timestamp,
): Uint8Array {
  const writer = BinaryWriter.create();
  writer.uint32(8).int32(2); // type = PRECOMMIT
  writer.uint32(17).sfixed64(BigInt(height));
  writer.uint32(34).fork();
  if (blockId.hash.length > 0) writer.uint32(10).bytes(blockId.hash);
  writer.uint32(18).fork();
  if (blockId.parts.total !== 0) writer.uint32(8).uint32(blockId.parts.total);
  if (blockId.parts.hash.length > 0) writer.uint32(18).bytes(blockId.parts.hash);
  writer.ldelim();
  writer.ldelim();
  writer.uint32(42).fork();
  ProtoTimestamp.encode(timestamp, writer);
  writer.ldelim();
  if (chainId !== '') writer.uint32(50).string(chainId);
  const body = writer.finish();
  return BinaryWriter.create().bytes(body).finish();
}

/** Splits an encoded block into 64 KiB parts and hashes them (types.PartSet). */
export function partSetHeader(encodedBlock: Uint8Array): PartSetHeader {
  const size = 65536;
  const parts: Uint8Array[] = [];
  for (let offset = 0; offset < encodedBlock.length; offset += size)
    parts.push(encodedBlock.subarray(offset, offset + size));
  if (parts.length === 0) parts.push(encodedBlock);
  return { total: parts.length, hash: merkleRoot(parts) };
}

function wrapString(value: string): Uint8Array {
  return value === '' ? EMPTY : BinaryWriter.create().uint32(10).string(value).finish();
}

function wrapInt64(value: number): Uint8Array {
  return value === 0 ? EMPTY : BinaryWriter.create().uint32(8).int64(BigInt(value)).finish();
}

function wrapBytes(value: Uint8Array): Uint8Array {
  return value.length === 0 ? EMPTY : BinaryWriter.create().uint32(10).bytes(value).finish();
}
