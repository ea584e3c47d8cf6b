import {
  MsgClearAdmin,
  MsgClearAdminResponse,
  MsgExecuteContract,
  MsgExecuteContractResponse,
  MsgInstantiateContract,
  MsgInstantiateContract2,
  MsgInstantiateContract2Response,
  MsgInstantiateContractResponse,
  MsgMigrateContract,
  MsgMigrateContractResponse,
  MsgStoreCode,
  MsgStoreCodeResponse,
  MsgUpdateAdmin,
  MsgUpdateAdminResponse,
} from 'cosmjs-types/cosmwasm/wasm/v1/tx';
import { AccessType, type AccessConfig } from 'cosmjs-types/cosmwasm/wasm/v1/types';
import { fromUtf8, toBase64 } from '../../encoding/bytes';
import type { CoinMessage } from '../../modules/bank/coins';
import { defineMsg } from '../../modules/registry';
import type { AnyMessage, MsgHandler } from '../../modules/types';
import type { WasmKeeper } from '../keeper/keeper';
import {
  validateClearAdmin,
  validateExecute,
  validateInstantiate,
  validateMigrate,
  validateStoreCode,
  validateUpdateAdmin,
} from '../keeper/msg-validation';

interface Encoder<T> {
  typeUrl: string;
  encode(message: T): { finish(): Uint8Array };
}

function response<T>(type: Encoder<T>, value: T): AnyMessage {
  return { typeUrl: type.typeUrl, value: type.encode(value).finish() };
}

// Amino JSON as cosmjs's wasm converters (and wasmd's legacy amino codec) write it: contract
// messages inline as JSON, bytes in base64, empty optional fields omitted.
const contractMsg = (msg: Uint8Array): unknown => JSON.parse(fromUtf8(msg));
const aminoCoins = (coins: readonly CoinMessage[]) => coins.map(({ denom, amount }) => ({ denom, amount }));
const ACCESS_NAMES: Record<number, string> = {
  [AccessType.ACCESS_TYPE_UNSPECIFIED]: 'Unspecified',
  [AccessType.ACCESS_TYPE_NOBODY]: 'Nobody',
  [AccessType.ACCESS_TYPE_EVERYBODY]: 'Everybody',
  [AccessType.ACCESS_TYPE_ANY_OF_ADDRESSES]: 'AnyOfAddresses',
};
const aminoAccess = (config: AccessConfig | undefined) =>
  config === undefined
    ? undefined
    : {
        permission: ACCESS_NAMES[config.permission] ?? 'UNRECOGNIZED',
        addresses: config.addresses.length > 0 ? config.addresses : undefined,
      };
const omitEmpty = <T>(value: T): T | undefined => (value === '' || value === false ? undefined : value);

const aminoInstantiate = (msg: MsgInstantiateContract) => ({
  sender: msg.sender,
  code_id: msg.codeId.toString(),
  label: msg.label,
  msg: contractMsg(msg.msg),
  funds: aminoCoins(msg.funds),
  admin: omitEmpty(msg.admin),
});

/** The cosmwasm.wasm.v1 Msg service: every tx message of the wasm module. */
export function wasmMessages(keeper: WasmKeeper): MsgHandler<never>[] {
  return [
    defineMsg<MsgStoreCode>({
      typeUrl: MsgStoreCode.typeUrl,
      decode: (value) => MsgStoreCode.decode(value),
      signers: (msg) => [msg.sender],
      validate: validateStoreCode,
      aminoJson: (msg) => ({
        type: 'wasm/MsgStoreCode',
        value: {
          sender: msg.sender,
          wasm_byte_code: toBase64(msg.wasmByteCode),
          instantiate_permission: aminoAccess(msg.instantiatePermission),
        },
      }),
      handle: (ctx, msg) => response(MsgStoreCodeResponse, keeper.storeCode(ctx, msg)),
    }),
    defineMsg<MsgInstantiateContract>({
      typeUrl: MsgInstantiateContract.typeUrl,
      decode: (value) => MsgInstantiateContract.decode(value),
      signers: (msg) => [msg.sender],
      validate: (msg, addresses) => void validateInstantiate(msg, addresses),
      aminoJson: (msg) => ({ type: 'wasm/MsgInstantiateContract', value: aminoInstantiate(msg) }),
      handle: (ctx, msg) => response(MsgInstantiateContractResponse, keeper.instantiate(ctx, msg)),
    }),
    defineMsg<MsgInstantiateContract2>({
      typeUrl: MsgInstantiateContract2.typeUrl,
      decode: (value) => MsgInstantiateContract2.decode(value),
      signers: (msg) => [msg.sender],
      validate: (msg, addresses) => void validateInstantiate(msg, addresses),
      aminoJson: (msg) => ({
        type: 'wasm/MsgInstantiateContract2',
        value: { ...aminoInstantiate(msg), salt: toBase64(msg.salt), fix_msg: omitEmpty(msg.fixMsg) },
      }),
      handle: (ctx, msg) => response(MsgInstantiateContract2Response, keeper.instantiate2(ctx, msg)),
    }),
    defineMsg<MsgExecuteContract>({
      typeUrl: MsgExecuteContract.typeUrl,
      decode: (value) => MsgExecuteContract.decode(value),
      signers: (msg) => [msg.sender],
      validate: (msg, addresses) => void validateExecute(msg, addresses),
      aminoJson: (msg) => ({
        type: 'wasm/MsgExecuteContract',
        value: {
          sender: msg.sender,
          contract: msg.contract,
          msg: contractMsg(msg.msg),
          funds: aminoCoins(msg.funds),
        },
      }),
      handle: (ctx, msg) => response(MsgExecuteContractResponse, { data: keeper.execute(ctx, msg) }),
    }),
    defineMsg<MsgMigrateContract>({
      typeUrl: MsgMigrateContract.typeUrl,
      decode: (value) => MsgMigrateContract.decode(value),
      signers: (msg) => [msg.sender],
      validate: validateMigrate,
      aminoJson: (msg) => ({
        type: 'wasm/MsgMigrateContract',
        value: {
          sender: msg.sender,
          contract: msg.contract,
          code_id: msg.codeId.toString(),
          msg: contractMsg(msg.msg),
        },
      }),
      handle: (ctx, msg) => response(MsgMigrateContractResponse, { data: keeper.migrate(ctx, msg) }),
    }),
    defineMsg<MsgUpdateAdmin>({
      typeUrl: MsgUpdateAdmin.typeUrl,
      decode: (value) => MsgUpdateAdmin.decode(value),
      signers: (msg) => [msg.sender],
      validate: validateUpdateAdmin,
      aminoJson: (msg) => ({
        type: 'wasm/MsgUpdateAdmin',
        value: { sender: msg.sender, new_admin: msg.newAdmin, contract: msg.contract },
      }),
      handle(ctx, msg) {
        keeper.setAdmin(ctx, msg.sender, msg.contract, msg.newAdmin);
        return response(MsgUpdateAdminResponse, {});
      },
    }),
    defineMsg<MsgClearAdmin>({
      typeUrl: MsgClearAdmin.typeUrl,
      decode: (value) => MsgClearAdmin.decode(value),
      signers: (msg) => [msg.sender],
      validate: validateClearAdmin,
      aminoJson: (msg) => ({
        type: 'wasm/MsgClearAdmin',
        value: { sender: msg.sender, contract: msg.contract },
      }),
      handle(ctx, msg) {
        keeper.setAdmin(ctx, msg.sender, msg.contract, '');
        return response(MsgClearAdminResponse, {});
      },
    }),
  ];
}
