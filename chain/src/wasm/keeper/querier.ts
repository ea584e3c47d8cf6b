import { type CodeInfo, type ContractInfo } from 'cosmjs-types/cosmwasm/wasm/v1/types';
import { toBase64 } from '../../encoding/bytes';
import { ChainError } from '../../errors/chain-error';
import { OutOfGasError } from '../../gas/types';
import type { CoinMessage } from '../../modules/bank/coins';
import { decodeBase64Field, toJsonBytes } from './contract-json';
import { VmError } from '../vm/errors';
import { redactError, wasmErrors } from './errors';

/** What a contract may ask the chain for, bound to the calling frame's state and gas. */
export interface ChainQuerier {
  balance(address: string, denom: string): CoinMessage;
  allBalances(address: string): CoinMessage[];
  supply(denom: string): CoinMessage;
  smart(contract: string, msg: Uint8Array): Uint8Array;
  raw(contract: string, key: Uint8Array): Uint8Array | undefined;
  contractInfo(contract: string): ContractInfo | undefined;
  codeInfo(codeId: bigint): CodeInfo | undefined;
}

type SystemResult = { ok: { ok: string } | { error: string } } | { error: Record<string, unknown> };

class SystemError extends Error {
  constructor(readonly detail: Record<string, unknown>) {
    super(JSON.stringify(detail));
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function variant(value: unknown): [string, Record<string, unknown>] | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  const body = value[keys[0]!];
  return keys.length === 1 && isRecord(body) ? [keys[0]!, body] : undefined;
}

const unsupported = (kind: string) => new SystemError({ unsupported_request: { kind } });

/**
 * Answers a contract's `query_chain` request with the serialized
 * `SystemResult<ContractResult<Binary>>`, as wasmd's QueryHandler does: failures of the queried
 * contract reach the caller redacted to codespace and code.
 */
export function answerChainQuery(
  request: Uint8Array,
  options: { depthExceeded: boolean; keeper: ChainQuerier },
): Uint8Array {
  let result: SystemResult;
  try {
    if (options.depthExceeded) {
      result = { ok: { error: redactError(wasmErrors.limit.wrap()) } };
    } else {
      const answer = route(request, options.keeper);
      result = { ok: { ok: toBase64(answer) } };
    }
  } catch (error) {
    if (error instanceof SystemError) result = { error: error.detail };
    else if (error instanceof OutOfGasError) throw error;
    else if (error instanceof ChainError) result = { ok: { error: redactError(error) } };
    else throw error;
  }
  return toJsonBytes(result);
}

function route(request: Uint8Array, keeper: ChainQuerier): Uint8Array {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(request));
  } catch (error) {
    throw new SystemError({
      invalid_request: { error: (error as Error).message, request: toBase64(request) },
    });
  }
  const top = variant(parsed);
  if (top === undefined) {
    throw new SystemError({ invalid_request: { error: 'unknown request', request: toBase64(request) } });
  }
  const [module, body] = top;
  const inner = variant(body);
  if (inner === undefined) throw unsupported(module);
  const [kind, args] = inner;
  try {
    if (module === 'bank') return bankQuery(kind, args, keeper);
    if (module === 'wasm') return wasmQuery(kind, args, keeper);
  } catch (error) {
    if (error instanceof VmError) {
      throw new SystemError({ invalid_request: { error: error.message, request: toBase64(request) } });
    }
    throw error;
  }
  throw unsupported(module);
}

function bankQuery(kind: string, args: Record<string, unknown>, keeper: ChainQuerier): Uint8Array {
  switch (kind) {
    case 'balance':
      return toJsonBytes({ amount: keeper.balance(String(args.address), String(args.denom)) });
    case 'all_balances':
      return toJsonBytes({ amount: keeper.allBalances(String(args.address)) });
    case 'supply':
      return toJsonBytes({ amount: keeper.supply(String(args.denom)) });
    default:
      throw unsupported(`bank.${kind}`);
  }
}

function wasmQuery(kind: string, args: Record<string, unknown>, keeper: ChainQuerier): Uint8Array {
  const contract = String(args.contract_addr);
  switch (kind) {
    case 'smart': {
      if (keeper.contractInfo(contract) === undefined) {
        throw new SystemError({ no_such_contract: { addr: contract } });
      }
      return keeper.smart(contract, decodeBase64Field(args.msg, 'msg'));
    }
    case 'raw': {
      if (keeper.contractInfo(contract) === undefined) {
        throw new SystemError({ no_such_contract: { addr: contract } });
      }
      return keeper.raw(contract, decodeBase64Field(args.key, 'key')) ?? new Uint8Array();
    }
    case 'contract_info': {
      const info = keeper.contractInfo(contract);
      if (info === undefined) throw new SystemError({ no_such_contract: { addr: contract } });
      return toJsonBytes({
        code_id: Number(info.codeId),
        creator: info.creator,
        admin: info.admin === '' ? null : info.admin,
        pinned: false,
        ibc_port: info.ibcPortId === '' ? null : info.ibcPortId,
      });
    }
    case 'code_info': {
      const codeId = Number(args.code_id);
      const info = Number.isSafeInteger(codeId) && codeId > 0 ? keeper.codeInfo(BigInt(codeId)) : undefined;
      if (info === undefined) throw new SystemError({ no_such_code: { code_id: codeId } });
      return toJsonBytes({
        code_id: codeId,
        creator: info.creator,
        checksum: Buffer.from(info.codeHash).toString('hex'),
      });
    }
    default:
      throw unsupported(`wasm.${kind}`);
  }
}
