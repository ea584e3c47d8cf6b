// The NYM token (cw20-base 1.0.1's real binary) deployed with deployNymToken on the embedded chain
// and driven through the generated Cw20BaseClient over RPC: the deployment's shape, the cap,
// transfers, sends, allowances and burns, and every refused call leaving the token's state as it
// was (the tx is included in a block and fails there).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  CW20_BASE_WASM,
  Cw20BaseClient,
  deployNymToken,
  deployVesting,
  explainChainError,
  VestingQueryClient,
  type ContractDeployment,
  type SigningSession,
  type UploadedCode,
} from '../../src';
import { FAILED_IN_BLOCK, FAILING_FEE, hookMsg, startTestChain, type TestChain } from './support/chain';

jest.setTimeout(60_000);

const NYM = 1_000_000n;
const CAP = 1_000n * NYM;

let t: TestChain;
let admin: SigningSession;
let alice: SigningSession;
let bob: SigningSession;
let carol: SigningSession;
let deployment: ContractDeployment;
let code: UploadedCode;

const as = (session: SigningSession) =>
  new Cw20BaseClient(session.client, session.address, deployment.address);
const balance = async (address: string) => BigInt((await as(admin).balance({ address })).balance);

/** Runs a call that must fail in its block, and checks the token's state did not change. */
async function rejected(call: () => Promise<unknown>, message: RegExp): Promise<unknown> {
  const before = await t.contractState(deployment.address);
  const error = await call().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(String(error)).toMatch(FAILED_IN_BLOCK);
  expect(String(error)).toMatch(message);
  expect(await t.contractState(deployment.address)).toEqual(before);
  return error;
}

beforeAll(async () => {
  t = await startTestChain(4);
  [admin, alice, bob, carol] = t.accounts as [SigningSession, SigningSession, SigningSession, SigningSession];
  deployment = await deployNymToken(admin, {
    minter: admin.address,
    cap: CAP,
    initialBalances: [{ address: alice.address, amount: 100n * NYM }],
  });
  code = { codeId: deployment.code_id, checksum: deployment.checksum ?? '', gasUsed: 0n };
});

afterAll(async () => {
  await t?.stop();
});

describe('deployNymToken', () => {
  it('instantiates cw20-base as "Nym" / NYM with 6 decimals, the minter and the cap', async () => {
    const token = as(admin);
    expect(await token.tokenInfo()).toEqual({
      name: 'Nym',
      symbol: 'NYM',
      decimals: 6,
      total_supply: (100n * NYM).toString(),
    });
    expect(await token.minter()).toEqual({ minter: admin.address, cap: CAP.toString() });
    expect(await balance(alice.address)).toBe(100n * NYM);
  });

  it('records the code id, checksum, label and wasm admin of what is on chain', async () => {
    const checksum = createHash('sha256').update(readFileSync(CW20_BASE_WASM)).digest('hex');
    expect(deployment).toEqual({
      code_id: expect.any(Number),
      address: expect.stringMatching(/^n1[02-9ac-hj-np-z]{58}$/),
      checksum,
      label: 'NYM token',
      admin: admin.address,
    });
    const onChain = await admin.client.getContract(deployment.address);
    expect(onChain).toMatchObject({ codeId: deployment.code_id, admin: admin.address, label: 'NYM token' });
    expect((await admin.client.getCodeDetails(deployment.code_id)).checksum).toBe(checksum);
  });

  it('has no cap when none is given, and makes the given token admin the only minter', async () => {
    const uncapped = await deployNymToken(admin, { minter: bob.address, label: 'uncapped' }, code);
    expect(uncapped.code_id).toBe(deployment.code_id);
    const asBob = new Cw20BaseClient(bob.client, bob.address, uncapped.address);
    expect(await asBob.minter()).toEqual({ minter: bob.address, cap: null });
    const huge = (2n ** 100n).toString();
    await asBob.mint({ recipient: carol.address, amount: huge }, bob.fee);
    expect((await asBob.tokenInfo()).total_supply).toBe(huge);
    const asDeployer = new Cw20BaseClient(admin.client, admin.address, uncapped.address);
    const before = await t.contractState(uncapped.address);
    await expect(asDeployer.mint({ recipient: admin.address, amount: '1' }, FAILING_FEE)).rejects.toThrow(
      /Unauthorized/,
    );
    expect(await t.contractState(uncapped.address)).toEqual(before);
  });
});

describe('minting', () => {
  it('lets the token admin mint up to the cap and not one unym more', async () => {
    await as(admin).mint({ recipient: bob.address, amount: (800n * NYM).toString() }, admin.fee);
    await as(admin).mint({ recipient: admin.address, amount: (100n * NYM).toString() }, admin.fee);
    expect((await as(admin).tokenInfo()).total_supply).toBe(CAP.toString());
    const error = await rejected(
      () => as(admin).mint({ recipient: bob.address, amount: '1' }, FAILING_FEE),
      /Minting cannot exceed the cap/,
    );
    expect(explainChainError(error, 'minting').code).toBe('cap_exceeded');
  });

  it('refuses anyone else', async () => {
    const error = await rejected(
      () => as(alice).mint({ recipient: alice.address, amount: '1' }, FAILING_FEE),
      /Unauthorized/,
    );
    expect(explainChainError(error, 'minting').code).toBe('unauthorized');
  });
});

describe('transfers and sends', () => {
  it('moves NYM between holders', async () => {
    await as(alice).transfer({ recipient: carol.address, amount: (10n * NYM).toString() }, alice.fee);
    expect(await balance(alice.address)).toBe(90n * NYM);
    expect(await balance(carol.address)).toBe(10n * NYM);
  });

  it('refuses more than the balance', async () => {
    const error = await rejected(
      () =>
        as(carol).transfer({ recipient: alice.address, amount: (10n * NYM + 1n).toString() }, FAILING_FEE),
      /Cannot Sub with 10000000 and 10000001/,
    );
    expect(explainChainError(error, 'sending').code).toBe('insufficient_nym');
  });

  it('calls the receiving contract’s hook with Send, and undoes the whole send when the hook refuses', async () => {
    const vesting = await deployVesting(admin, { tokenAddress: deployment.address });
    const create = { create_account: { owner_address: carol.address } };
    await as(admin).send(
      { contract: vesting.address, amount: (5n * NYM).toString(), msg: hookMsg(create) },
      admin.fee,
    );
    const accounts = new VestingQueryClient(admin.client, vesting.address);
    expect((await accounts.getAccount({ address: carol.address })).original).toBe((5n * NYM).toString());
    expect(await balance(vesting.address)).toBe(5n * NYM);
    // Only the vesting admin may open accounts: the hook fails, so the token keeps alice's NYM.
    const vestingBefore = await t.contractState(vesting.address);
    await rejected(
      () =>
        as(alice).send(
          {
            contract: vesting.address,
            amount: NYM.toString(),
            msg: hookMsg({ create_account: { owner_address: alice.address } }),
          },
          FAILING_FEE,
        ),
      /is not the admin/,
    );
    expect(await t.contractState(vesting.address)).toEqual(vestingBefore);
  });

  it('refuses a Send to an address that is not a contract', async () => {
    await rejected(
      () => as(alice).send({ contract: bob.address, amount: '1', msg: hookMsg({}) }, FAILING_FEE),
      /contract|not found/i,
    );
  });
});

describe('allowances', () => {
  it('refuses transfer-from without an allowance', async () => {
    const error = await rejected(
      () => as(bob).transferFrom({ owner: alice.address, recipient: bob.address, amount: '1' }, FAILING_FEE),
      /No allowance for this account/,
    );
    expect(explainChainError(error, 'transferring').code).toBe('no_allowance');
  });

  it('increases, decreases and spends an allowance, never beyond what is allowed', async () => {
    const owner = as(alice);
    await owner.increaseAllowance(
      { spender: bob.address, amount: (5n * NYM).toString(), expires: { never: {} } },
      alice.fee,
    );
    expect(await owner.allowance({ owner: alice.address, spender: bob.address })).toEqual({
      allowance: (5n * NYM).toString(),
      expires: { never: {} },
    });
    await owner.decreaseAllowance({ spender: bob.address, amount: (2n * NYM).toString() }, alice.fee);
    expect((await owner.allowance({ owner: alice.address, spender: bob.address })).allowance).toBe(
      (3n * NYM).toString(),
    );
    const carolBefore = await balance(carol.address);
    await as(bob).transferFrom(
      { owner: alice.address, recipient: carol.address, amount: (3n * NYM).toString() },
      bob.fee,
    );
    expect(await balance(carol.address)).toBe(carolBefore + 3n * NYM);
    expect(await balance(alice.address)).toBe(87n * NYM);
    await rejected(
      () => as(bob).transferFrom({ owner: alice.address, recipient: bob.address, amount: '1' }, FAILING_FEE),
      /Cannot Sub with 0 and 1/,
    );
    // Decreasing by more than is left removes the allowance.
    await owner.increaseAllowance({ spender: bob.address, amount: '10' }, alice.fee);
    await owner.decreaseAllowance({ spender: bob.address, amount: '11' }, alice.fee);
    expect((await owner.allowance({ owner: alice.address, spender: bob.address })).allowance).toBe('0');
  });

  it('refuses an allowance that has expired', async () => {
    const height = await alice.client.getHeight();
    await as(alice).increaseAllowance(
      { spender: carol.address, amount: NYM.toString(), expires: { at_height: height + 2 } },
      alice.fee,
    );
    await as(alice).transfer({ recipient: bob.address, amount: '1' }, alice.fee);
    await rejected(
      () =>
        as(carol).transferFrom({ owner: alice.address, recipient: carol.address, amount: '1' }, FAILING_FEE),
      /Allowance is expired/,
    );
  });
});

describe('burning', () => {
  it('destroys NYM the holder has and lowers the supply, and refuses more than that', async () => {
    const supply = BigInt((await as(bob).tokenInfo()).total_supply);
    const held = await balance(bob.address);
    await as(bob).burn({ amount: NYM.toString() }, bob.fee);
    expect(await balance(bob.address)).toBe(held - NYM);
    expect(BigInt((await as(bob).tokenInfo()).total_supply)).toBe(supply - NYM);
    await rejected(() => as(bob).burn({ amount: held.toString() }, FAILING_FEE), /Cannot Sub/);
  });
});
