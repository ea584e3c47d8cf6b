import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { instantiate2Address, setupWasmExtension, type WasmExtension } from '@cosmjs/cosmwasm-stargate';
import { toBech32 } from '@cosmjs/encoding';
import { coins } from '@cosmjs/proto-signing';
import { QueryClient } from '@cosmjs/stargate';
import { connectComet, type CometClient } from '@cosmjs/tendermint-rpc';
import {
  QueryAllContractStateRequest,
  QueryAllContractStateResponse,
  QueryBuildAddressRequest,
  QueryBuildAddressResponse,
  QueryCodeInfoRequest,
  QueryCodeInfoResponse,
  QueryParamsRequest,
  QueryParamsResponse,
  QueryPinnedCodesRequest,
  QueryPinnedCodesResponse,
} from 'cosmjs-types/cosmwasm/wasm/v1/query';
import { AccessType } from 'cosmjs-types/cosmwasm/wasm/v1/types';
import { classicContractAddress } from '../../src';
import {
  FIXED_FEE,
  eventAttributes,
  startTestChain,
  wasmClient,
  type RunningChain,
  type WasmSigner,
} from '../helpers';
import { contractWasm, cw20Init } from '../wasm/support/harness';

// Code and contract lifecycle through cosmjs, direct and amino-JSON signing: addresses as wasmd
// derives them, admin and migration, instantiate permissions, every wasm query path, contract
// accounts, and the compiled-module cache on disk.
jest.setTimeout(120_000);

let chain: RunningChain;
let dataDir: string;
let cleanup: () => Promise<void>;
let alice: WasmSigner;
let bob: WasmSigner; // signs in SIGN_MODE_LEGACY_AMINO_JSON
let comet: CometClient;
let query: QueryClient & WasmExtension;
let codeId: number;
let checksum: string;
let token: string;

async function abci<T>(path: string, request: Uint8Array, decode: (bytes: Uint8Array) => T): Promise<T> {
  return decode(await query.queryAbci(`/cosmwasm.wasm.v1.Query/${path}`, request).then((r) => r.value));
}

beforeAll(async () => {
  ({ chain, dataDir, cleanup } = await startTestChain());
  alice = await wasmClient(chain.rpc.url, chain.devAccounts[0]!.mnemonic);
  bob = await wasmClient(chain.rpc.url, chain.devAccounts[1]!.mnemonic, { amino: true });
  comet = await connectComet(chain.rpc.url);
  query = QueryClient.withExtensions(comet, setupWasmExtension);
  const uploaded = await alice.client.upload(alice.address, contractWasm('cw20-base'), 'auto');
  ({ codeId, checksum } = uploaded);
  expect(eventAttributes(uploaded.events, 'store_code')).toEqual([
    { code_checksum: checksum, code_id: String(codeId) },
  ]);
  const instantiated = await alice.client.instantiate(
    alice.address,
    codeId,
    cw20Init(alice.address),
    'token',
    'auto',
    {
      admin: alice.address,
      funds: coins(500, 'unyx'),
    },
  );
  token = instantiated.contractAddress;
  expect(eventAttributes(instantiated.events, 'instantiate')).toEqual([
    { _contract_address: token, code_id: String(codeId) },
  ]);
});

afterAll(async () => {
  alice?.client.disconnect();
  bob?.client.disconnect();
  comet?.disconnect();
  await cleanup?.();
});

describe('addresses and accounts', () => {
  it('gives classic addresses from the code id and the chain-wide instance counter', async () => {
    expect(token).toBe(toBech32('n', classicContractAddress(BigInt(codeId), 1n)));
    const { contractAddress: second } = await alice.client.instantiate(
      alice.address,
      codeId,
      cw20Init(bob.address),
      'second',
      'auto',
    );
    expect(second).toBe(toBech32('n', classicContractAddress(BigInt(codeId), 2n)));
  });

  it('instantiate2 lands where cosmjs instantiate2Address predicts, once', async () => {
    const salt = new TextEncoder().encode('nym salt');
    const predicted = instantiate2Address(Buffer.from(checksum, 'hex'), alice.address, salt, 'n');
    const { contractAddress } = await alice.client.instantiate2(
      alice.address,
      codeId,
      salt,
      cw20Init(alice.address),
      'predictable',
      'auto',
    );
    expect(contractAddress).toBe(predicted);
    const built = await abci(
      'BuildAddress',
      QueryBuildAddressRequest.encode({
        codeHash: checksum,
        creatorAddress: alice.address,
        salt: Buffer.from(salt).toString('hex'),
        initArgs: new Uint8Array(),
      }).finish(),
      QueryBuildAddressResponse.decode,
    );
    expect(built.address).toBe(predicted);
    await expect(
      alice.client.instantiate2(alice.address, codeId, salt, cw20Init(alice.address), 'again', FIXED_FEE),
    ).rejects.toThrow(/contract address already exists/);
  });

  it('creates a base account for each contract, holding the funds sent with instantiate', async () => {
    const account = await alice.client.getAccount(token);
    expect(account).toMatchObject({ address: token, pubkey: null, sequence: 0 });
    expect(account!.accountNumber).toBeGreaterThan(0);
    expect(await alice.client.getBalance(token, 'unyx')).toEqual({ denom: 'unyx', amount: '500' });
  });
});

describe('admin, migration and permissions', () => {
  it('lets only the admin migrate, update and clear the admin', async () => {
    await expect(bob.client.migrate(bob.address, token, codeId, {}, FIXED_FEE)).rejects.toThrow(
      /can not migrate: unauthorized/,
    );
    const migrated = await alice.client.migrate(alice.address, token, codeId, {}, 'auto');
    expect(eventAttributes(migrated.events, 'migrate')).toEqual([
      { code_id: String(codeId), _contract_address: token },
    ]);
    expect((await alice.client.getContractCodeHistory(token)).map((entry) => entry.operation)).toEqual([
      'Init',
      'Migrate',
    ]);
    const carol = chain.devAccounts[2]!.address;
    await expect(bob.client.updateAdmin(bob.address, token, carol, FIXED_FEE)).rejects.toThrow(
      /can not modify contract/,
    );
    const updated = await alice.client.updateAdmin(alice.address, token, bob.address, 'auto');
    expect(eventAttributes(updated.events, 'update_contract_admin')).toEqual([
      { _contract_address: token, new_admin_address: bob.address },
    ]);
    expect((await alice.client.getContract(token)).admin).toBe(bob.address);
    await bob.client.clearAdmin(bob.address, token, 'auto');
    expect((await alice.client.getContract(token)).admin).toBeUndefined();
    await expect(bob.client.clearAdmin(bob.address, token, FIXED_FEE)).rejects.toThrow(/unauthorized/);
  });

  it('enforces a code instantiate permission', async () => {
    const { codeId: restricted } = await alice.client.upload(
      alice.address,
      contractWasm('cw20-base'),
      'auto',
      '',
      {
        permission: AccessType.ACCESS_TYPE_ANY_OF_ADDRESSES,
        addresses: [alice.address],
      },
    );
    await expect(
      bob.client.instantiate(bob.address, restricted, cw20Init(bob.address), 'not mine', FIXED_FEE),
    ).rejects.toThrow(/can not instantiate: unauthorized/);
    const details = await abci(
      'CodeInfo',
      QueryCodeInfoRequest.encode({ codeId: BigInt(restricted) }).finish(),
      QueryCodeInfoResponse.decode,
    );
    expect(details.instantiatePermission).toEqual({
      permission: AccessType.ACCESS_TYPE_ANY_OF_ADDRESSES,
      addresses: [alice.address],
    });
  });

  it('signs every wasm message in amino JSON too', async () => {
    const uploaded = await bob.client.upload(bob.address, contractWasm('cw20-base'), 'auto');
    const { contractAddress } = await bob.client.instantiate(
      bob.address,
      uploaded.codeId,
      cw20Init(bob.address),
      'amino',
      'auto',
      {
        admin: bob.address,
      },
    );
    const salt = new TextEncoder().encode('amino');
    const second = await bob.client.instantiate2(
      bob.address,
      uploaded.codeId,
      salt,
      cw20Init(bob.address),
      'amino 2',
      'auto',
    );
    expect(second.contractAddress).toBe(
      instantiate2Address(Buffer.from(uploaded.checksum, 'hex'), bob.address, salt, 'n'),
    );
    await bob.client.execute(
      bob.address,
      contractAddress,
      { transfer: { recipient: alice.address, amount: '1' } },
      'auto',
    );
    await bob.client.migrate(bob.address, contractAddress, uploaded.codeId, {}, 'auto');
    await bob.client.updateAdmin(bob.address, contractAddress, alice.address, 'auto');
    await alice.client.clearAdmin(alice.address, contractAddress, 'auto');
    expect(
      await bob.client.queryContractSmart(contractAddress, { balance: { address: alice.address } }),
    ).toEqual({ balance: '1' });
    expect((await bob.client.getContract(contractAddress)).admin).toBeUndefined();
  });
});

describe('queries', () => {
  it('serves code, contract and state queries with pagination', async () => {
    const details = await alice.client.getCodeDetails(codeId);
    expect(details).toMatchObject({ id: codeId, creator: alice.address, checksum });
    expect(Buffer.from(details.data)).toEqual(Buffer.from(contractWasm('cw20-base')));
    const codes = await alice.client.getCodes();
    expect(codes.map((code) => code.id)).toEqual([...codes.keys()].map((i) => i + 1));
    expect(await alice.client.getContracts(codeId)).toContain(token);
    expect(await alice.client.getContractsByCreator(alice.address)).toContain(token);
    expect(await alice.client.getContract(token)).toMatchObject({
      address: token,
      codeId,
      creator: alice.address,
      label: 'token',
    });
    const tokenInfo = await alice.client.queryContractRaw(token, new TextEncoder().encode('token_info'));
    expect(JSON.parse(Buffer.from(tokenInfo!).toString())).toMatchObject({ name: 'Nym', symbol: 'NYM' });
    const all = await query.wasm.getAllContractState(token);
    expect(all.models.length).toBeGreaterThan(2);
    const page = await abci(
      'AllContractState',
      QueryAllContractStateRequest.encode({
        address: token,
        pagination: { key: new Uint8Array(), offset: 0n, limit: 2n, countTotal: false, reverse: false },
      }).finish(),
      QueryAllContractStateResponse.decode,
    );
    expect(page.models).toEqual(all.models.slice(0, 2));
    expect(page.pagination?.nextKey).toEqual(all.models[2]!.key);
  });

  it('answers PinnedCodes and Params, and refuses unknown contracts and codes', async () => {
    const pinned = await abci(
      'PinnedCodes',
      QueryPinnedCodesRequest.encode({}).finish(),
      QueryPinnedCodesResponse.decode,
    );
    expect(pinned.codeIds).toEqual([]);
    const { params } = await abci(
      'Params',
      QueryParamsRequest.encode({}).finish(),
      QueryParamsResponse.decode,
    );
    expect(params.codeUploadAccess.permission).toBe(AccessType.ACCESS_TYPE_EVERYBODY);
    const stranger = toBech32('n', new Uint8Array(32).fill(9));
    await expect(alice.client.getContract(stranger)).rejects.toThrow(/no such contract/);
    await expect(alice.client.queryContractSmart(stranger, {})).rejects.toThrow(/no such contract/);
    await expect(alice.client.getCodeDetails(999)).rejects.toThrow(/no such code/);
  });
});

it('keeps instrumented modules in the data dir', () => {
  expect(readdirSync(join(dataDir, 'wasm-cache')).some((file) => file.startsWith(checksum))).toBe(true);
});
