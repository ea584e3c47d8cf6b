import type {
  MsgClearAdmin,
  MsgExecuteContract,
  MsgInstantiateContract,
  MsgInstantiateContract2,
  MsgMigrateContract,
  MsgStoreCode,
  MsgUpdateAdmin,
} from 'cosmjs-types/cosmwasm/wasm/v1/tx';
import { AccessType, type AccessConfig } from 'cosmjs-types/cosmwasm/wasm/v1/types';
import type { AddressCodec } from '../../crypto/address';
import { fromCoinMessages, validateCoins, type Coin, type CoinMessage } from '../../modules/bank/coins';
import { WASM_LIMITS } from '../validate/check-wasm';
import { wasmErrors } from './errors';

// The stateless checks of wasmd's msgs (ValidateBasic): run in CheckTx for signed messages and
// again for the messages contracts dispatch.

const MAX_LABEL_LENGTH = 128;
const MAX_SALT_LENGTH = 64;

export function validateStoreCode(msg: MsgStoreCode, addresses: AddressCodec): void {
  addresses.decode(msg.sender, 'sender');
  if (msg.wasmByteCode.length === 0) throw wasmErrors.empty.wrap('wasm byte code is required');
  if (msg.wasmByteCode.length > WASM_LIMITS.maxWasmBytes) {
    throw wasmErrors.limit.wrap(`wasm byte code cannot be longer than ${WASM_LIMITS.maxWasmBytes} bytes`);
  }
  if (msg.instantiatePermission !== undefined) validateAccessConfig(msg.instantiatePermission, addresses);
}

export function validateInstantiate(
  msg: MsgInstantiateContract | MsgInstantiateContract2,
  addresses: AddressCodec,
): Coin[] {
  addresses.decode(msg.sender, 'sender');
  if (msg.admin !== '') addresses.decode(msg.admin, 'admin');
  if (msg.codeId === 0n) throw wasmErrors.invalid.wrap('code id is required');
  validateLabel(msg.label);
  validateJson(msg.msg);
  if ('salt' in msg) validateSalt(msg.salt);
  return validFunds(msg.funds);
}

export function validateExecute(msg: MsgExecuteContract, addresses: AddressCodec): Coin[] {
  addresses.decode(msg.sender, 'sender');
  addresses.decode(msg.contract, 'contract');
  validateJson(msg.msg);
  return validFunds(msg.funds);
}

export function validateMigrate(msg: MsgMigrateContract, addresses: AddressCodec): void {
  if (msg.codeId === 0n) throw wasmErrors.invalid.wrap('code id is required');
  addresses.decode(msg.sender, 'sender');
  addresses.decode(msg.contract, 'contract');
  validateJson(msg.msg);
}

export function validateUpdateAdmin(msg: MsgUpdateAdmin, addresses: AddressCodec): void {
  addresses.decode(msg.sender, 'sender');
  addresses.decode(msg.newAdmin, 'new admin');
  addresses.decode(msg.contract, 'contract');
  if (msg.newAdmin === msg.sender) throw wasmErrors.invalid.wrap('new admin is the same as the old');
}

export function validateClearAdmin(msg: MsgClearAdmin, addresses: AddressCodec): void {
  addresses.decode(msg.sender, 'sender');
  addresses.decode(msg.contract, 'contract');
}

export function validateAccessConfig(config: AccessConfig, addresses: AddressCodec): void {
  const known = [
    AccessType.ACCESS_TYPE_NOBODY,
    AccessType.ACCESS_TYPE_EVERYBODY,
    AccessType.ACCESS_TYPE_ANY_OF_ADDRESSES,
  ];
  if (!known.includes(config.permission)) {
    throw wasmErrors.invalid.wrap(`unknown instantiate permission ${config.permission}`);
  }
  if (config.permission === AccessType.ACCESS_TYPE_ANY_OF_ADDRESSES) {
    if (config.addresses.length === 0) throw wasmErrors.empty.wrap('addresses');
    config.addresses.forEach((address) => addresses.decode(address, 'permitted address'));
  } else if (config.addresses.length > 0) {
    throw wasmErrors.invalid.wrap('addresses are only allowed with AnyOfAddresses');
  }
}

/** Funds as the SDK's Coins.Validate wants them: valid denoms, positive, sorted, no duplicates. */
export function validFunds(funds: readonly CoinMessage[]): Coin[] {
  const coins = fromCoinMessages(funds, 'funds');
  validateCoins(coins, 'funds');
  return coins;
}

function validateLabel(label: string): void {
  if (label.trim().length === 0) throw wasmErrors.empty.wrap('label is required');
  if (label.length > MAX_LABEL_LENGTH) {
    throw wasmErrors.limit.wrap(`label cannot be longer than ${MAX_LABEL_LENGTH} characters`);
  }
  if (label.trim() !== label) throw wasmErrors.invalid.wrap('label must not start or end with whitespace');
}

export function validateSalt(salt: Uint8Array): void {
  if (salt.length === 0) throw wasmErrors.empty.wrap('salt is required');
  if (salt.length > MAX_SALT_LENGTH) {
    throw wasmErrors.limit.wrap(`salt cannot be longer than ${MAX_SALT_LENGTH} bytes`);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** wasmd's RawContractMessage.ValidateBasic: the message must be JSON. */
function validateJson(msg: Uint8Array): void {
  try {
    JSON.parse(utf8.decode(msg));
  } catch {
    throw wasmErrors.invalid.wrap('msg must be valid JSON');
  }
}
