import {
  QueryAllContractStateRequest,
  QueryAllContractStateResponse,
  QueryBuildAddressRequest,
  QueryBuildAddressResponse,
  QueryCodeInfoRequest,
  QueryCodeInfoResponse,
  QueryCodeRequest,
  QueryCodeResponse,
  QueryCodesRequest,
  QueryCodesResponse,
  QueryContractHistoryRequest,
  QueryContractHistoryResponse,
  QueryContractInfoRequest,
  QueryContractInfoResponse,
  QueryContractsByCodeRequest,
  QueryContractsByCodeResponse,
  QueryContractsByCreatorRequest,
  QueryContractsByCreatorResponse,
  QueryParamsResponse,
  QueryPinnedCodesResponse,
  QueryRawContractStateRequest,
  QueryRawContractStateResponse,
  QuerySmartContractStateRequest,
  QuerySmartContractStateResponse,
  type CodeInfoResponse,
} from 'cosmjs-types/cosmwasm/wasm/v1/query';
import { CodeInfo, ContractCodeHistoryEntry } from 'cosmjs-types/cosmwasm/wasm/v1/types';
import { fromHex, readUint64BE } from '../../encoding/bytes';
import { decodeRequest, grpcInvalidArgument, decodeQueryAddress } from '../../errors/grpc';
import { paginate } from '../../modules/pagination';
import type { QueryHandler, TxContext } from '../../modules/types';
import { predictableContractAddress } from '../keeper/addresses';
import type { WasmKeeper } from '../keeper/keeper';
import { wasmErrors } from '../keeper/errors';
import {
  CODE_PREFIX,
  POSITION_LENGTH,
  WASM_STORE,
  contractStorePrefix,
  contractsByCodePrefix,
  contractsByCreatorPrefix,
  historyPrefix,
} from '../keeper/state';

const SERVICE = '/cosmwasm.wasm.v1.Query';

interface Codec<T> {
  decode(bytes: Uint8Array): T;
  encode(message: T): { finish(): Uint8Array };
}

/** A query handler from a request codec, a response codec and the answer in between. */
function query<Req, Res>(
  method: string,
  request: Codec<Req>,
  answer: Codec<Res>,
  handle: (ctx: TxContext, req: Req) => Res,
): QueryHandler {
  return {
    path: `${SERVICE}/${method}`,
    handle: (ctx, bytes) =>
      answer.encode(handle(ctx, decodeRequest(request.decode, bytes, `Query${method}Request`))).finish(),
  };
}

function codeInfoResponse(codeId: bigint, info: CodeInfo): CodeInfoResponse {
  return {
    codeId,
    creator: info.creator,
    dataHash: info.codeHash,
    instantiatePermission: info.instantiateConfig,
  };
}

const EMPTY_REQUEST: Codec<object> = {
  decode: () => ({}),
  encode: () => ({ finish: () => new Uint8Array() }),
};

/** The cosmwasm.wasm.v1 Query service, as cosmjs's wasm extension and CLI tools call it. */
export function wasmQueries(keeper: WasmKeeper): QueryHandler[] {
  const existing = (ctx: TxContext, contract: string) => {
    decodeQueryAddress(ctx.addresses, contract);
    const info = keeper.getContractInfo(ctx, contract);
    if (info === undefined) throw wasmErrors.noSuchContract.wrap(`address ${contract}`);
    return info;
  };
  const code = (ctx: TxContext, codeId: bigint) => {
    const info = keeper.getCodeInfo(ctx, codeId);
    if (info === undefined) throw wasmErrors.noSuchCode.wrap(`code id ${codeId}`);
    return info;
  };
  const store = (ctx: TxContext) => ctx.kvStore(WASM_STORE);
  const addressesAfterPosition = (ctx: TxContext, key: Uint8Array) =>
    ctx.addresses.encode(key.subarray(POSITION_LENGTH));

  return [
    query(
      'SmartContractState',
      QuerySmartContractStateRequest,
      QuerySmartContractStateResponse,
      (ctx, req) => {
        decodeQueryAddress(ctx.addresses, req.address);
        return { data: keeper.querySmart(ctx, req.address, req.queryData) };
      },
    ),
    query('RawContractState', QueryRawContractStateRequest, QueryRawContractStateResponse, (ctx, req) => {
      existing(ctx, req.address);
      return { data: keeper.queryRaw(ctx, req.address, req.queryData) };
    }),
    query('AllContractState', QueryAllContractStateRequest, QueryAllContractStateResponse, (ctx, req) => {
      existing(ctx, req.address);
      const page = paginate(
        store(ctx),
        contractStorePrefix(decodeQueryAddress(ctx.addresses, req.address)),
        req.pagination,
        (key, value) => ({
          key,
          value,
        }),
      );
      return { models: page.items, pagination: page.pagination };
    }),
    query('ContractInfo', QueryContractInfoRequest, QueryContractInfoResponse, (ctx, req) => ({
      address: req.address,
      contractInfo: existing(ctx, req.address),
    })),
    query('ContractHistory', QueryContractHistoryRequest, QueryContractHistoryResponse, (ctx, req) => {
      existing(ctx, req.address);
      const page = paginate(
        store(ctx),
        historyPrefix(decodeQueryAddress(ctx.addresses, req.address)),
        req.pagination,
        (_key, value) => ContractCodeHistoryEntry.decode(value),
      );
      return { entries: page.items, pagination: page.pagination };
    }),
    query('ContractsByCode', QueryContractsByCodeRequest, QueryContractsByCodeResponse, (ctx, req) => {
      const page = paginate(store(ctx), contractsByCodePrefix(req.codeId), req.pagination, (key) =>
        addressesAfterPosition(ctx, key),
      );
      return { contracts: page.items, pagination: page.pagination };
    }),
    query(
      'ContractsByCreator',
      QueryContractsByCreatorRequest,
      QueryContractsByCreatorResponse,
      (ctx, req) => {
        const creator = decodeQueryAddress(ctx.addresses, req.creatorAddress);
        const page = paginate(store(ctx), contractsByCreatorPrefix(creator), req.pagination, (key) =>
          addressesAfterPosition(ctx, key),
        );
        return { contractAddresses: page.items, pagination: page.pagination };
      },
    ),
    query('Code', QueryCodeRequest, QueryCodeResponse, (ctx, req) => {
      const info = code(ctx, req.codeId);
      const wasm = keeper.getWasm(ctx, info);
      if (wasm === undefined) throw wasmErrors.notFound.wrap(`bytecode of code id ${req.codeId}`);
      return { codeInfo: codeInfoResponse(req.codeId, info), data: wasm };
    }),
    query('CodeInfo', QueryCodeInfoRequest, QueryCodeInfoResponse, (ctx, req) => {
      const info = code(ctx, req.codeId);
      return {
        codeId: req.codeId,
        creator: info.creator,
        checksum: info.codeHash,
        instantiatePermission: info.instantiateConfig,
      };
    }),
    query('Codes', QueryCodesRequest, QueryCodesResponse, (ctx, req) => {
      const page = paginate(store(ctx), CODE_PREFIX, req.pagination, (key, value) =>
        codeInfoResponse(readUint64BE(key), CodeInfo.decode(value)),
      );
      return { codeInfos: page.items, pagination: page.pagination };
    }),
    query('PinnedCodes', EMPTY_REQUEST, QueryPinnedCodesResponse, () => ({
      codeIds: keeper.pinnedCodes(),
      pagination: { nextKey: new Uint8Array(), total: 0n },
    })),
    query('Params', EMPTY_REQUEST, QueryParamsResponse, () => ({ params: keeper.params() })),
    query('BuildAddress', QueryBuildAddressRequest, QueryBuildAddressResponse, (ctx, req) => {
      let checksum: Uint8Array;
      let salt: Uint8Array;
      try {
        checksum = fromHex(req.codeHash);
        salt = fromHex(req.salt);
      } catch (error) {
        throw grpcInvalidArgument((error as Error).message);
      }
      if (checksum.length !== 32) throw grpcInvalidArgument('code hash must be 32 bytes');
      if (salt.length === 0 || salt.length > 64) throw grpcInvalidArgument('salt must be 1 to 64 bytes');
      const creator = decodeQueryAddress(ctx.addresses, req.creatorAddress);
      return {
        address: ctx.addresses.encode(predictableContractAddress(checksum, creator, salt, req.initArgs)),
      };
    }),
  ];
}
