import { encodeSecp256k1Pubkey } from '@cosmjs/amino';
import { fromBase64, toBase64, toBech32 } from '@cosmjs/encoding';
import {
  DirectSecp256k1HdWallet,
  Registry,
  encodePubkey,
  makeAuthInfoBytes,
  makeSignDoc,
  type EncodeObject,
} from '@cosmjs/proto-signing';
import { StargateClient, calculateFee, defaultRegistryTypes } from '@cosmjs/stargate';
import { MsgMultiSend, MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { TxBody, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { GAS_PRICE, rpcCall, rpcPost, signingClient, startTestChain, type RunningChain } from '../helpers';

jest.setTimeout(60_000);

const registry = new Registry(defaultRegistryTypes);

let chain: RunningChain;
let cleanup: () => Promise<void>;
let query: StargateClient;
let wallet: DirectSecp256k1HdWallet;
let sender: string;
let recipient: string;

interface TxParts {
  messages?: EncodeObject[];
  bodyBytes?: Uint8Array;
  chainId?: string;
  accountNumber?: number;
  sequence?: number;
  fee?: { amount: Array<{ denom: string; amount: string }>; gas: number };
}

/** Builds and signs a direct-mode tx by hand, so each field can be made wrong on purpose. */
async function signedTx(parts: TxParts = {}): Promise<Uint8Array> {
  const [account] = await wallet.getAccounts();
  const onChain = await query.getAccount(sender);
  const bodyBytes =
    parts.bodyBytes ??
    registry.encodeTxBody({
      messages: parts.messages ?? [
        {
          typeUrl: MsgSend.typeUrl,
          value: MsgSend.fromPartial({
            fromAddress: sender,
            toAddress: recipient,
            amount: [{ denom: 'unyx', amount: '1' }],
          }),
        },
      ],
    });
  const fee = parts.fee ?? { amount: [{ denom: 'unyx', amount: '5000' }], gas: 200_000 };
  const authInfoBytes = makeAuthInfoBytes(
    [
      {
        pubkey: encodePubkey(encodeSecp256k1Pubkey(account!.pubkey)),
        sequence: parts.sequence ?? onChain!.sequence,
      },
    ],
    fee.amount,
    fee.gas,
    undefined,
    undefined,
  );
  const doc = makeSignDoc(
    bodyBytes,
    authInfoBytes,
    parts.chainId ?? 'nyx-local',
    parts.accountNumber ?? onChain!.accountNumber,
  );
  const { signature } = await wallet.signDirect(sender, doc);
  return TxRaw.encode({ bodyBytes, authInfoBytes, signatures: [fromBase64(signature.signature)] }).finish();
}

async function broadcast(tx: Uint8Array): Promise<{ code: number; codespace: string; log: string }> {
  const answer = await rpcCall(chain.rpc.url, 'broadcast_tx_sync', { tx: toBase64(tx) });
  return answer.body.result as { code: number; codespace: string; log: string };
}

async function senderState(): Promise<{ balance: string; sequence: number; recipientBalance: string }> {
  return {
    balance: (await query.getBalance(sender, 'unyx')).amount,
    sequence: (await query.getAccount(sender))!.sequence,
    recipientBalance: (await query.getBalance(recipient, 'unyx')).amount,
  };
}

beforeAll(async () => {
  ({ chain, cleanup } = await startTestChain());
  query = await StargateClient.connect(chain.rpc.url);
  wallet = await DirectSecp256k1HdWallet.fromMnemonic(chain.devAccounts[0]!.mnemonic, { prefix: 'n' });
  sender = chain.devAccounts[0]!.address;
  recipient = chain.devAccounts[1]!.address;
  // A first tx sets the sender's public key and sequence, as most accounts in use have them.
  const { client } = await signingClient(chain.rpc.url, chain.devAccounts[0]!.mnemonic);
  await client.sendTokens(sender, recipient, [{ denom: 'unyx', amount: '1' }], 'auto');
  client.disconnect();
});

const teardown: Array<() => void> = [];
function onTeardown(fn: () => void): void {
  teardown.push(fn);
}

afterAll(async () => {
  for (const fn of teardown) fn();
  query?.disconnect();
  await cleanup?.();
});

describe('CheckTx rejects bad txs with SDK codes and leaves state untouched', () => {
  const cases: Array<[string, () => Promise<Uint8Array>, number, RegExp]> = [
    [
      'a corrupted signature',
      async () => {
        const tx = TxRaw.decode(await signedTx());
        tx.signatures[0]![5] ^= 0x01;
        return TxRaw.encode(tx).finish();
      },
      4,
      /signature verification failed; please verify account number \(\d+\), sequence \(\d+\) and chain-id \(nyx-local\): unauthorized/,
    ],
    [
      'a signature for another chain id',
      () => signedTx({ chainId: 'other-chain' }),
      4,
      /signature verification failed/,
    ],
    [
      'a signature with the wrong account number',
      () => signedTx({ accountNumber: 999 }),
      4,
      /signature verification failed/,
    ],
    [
      'a stale sequence',
      () => signedTx({ sequence: 0 }),
      32,
      /account sequence mismatch, expected 1, got 0: incorrect account sequence/,
    ],
    [
      'a future sequence',
      () => signedTx({ sequence: 7 }),
      32,
      /account sequence mismatch, expected 1, got 7/,
    ],
    [
      'a fee below the minimum gas price',
      () => signedTx({ fee: { amount: [{ denom: 'unyx', amount: '1' }], gas: 200_000 } }),
      13,
      /insufficient fees; got: 1unyx required: 5000unyx: insufficient fee/,
    ],
    [
      'a fee larger than the balance',
      () => signedTx({ fee: { amount: [{ denom: 'unyx', amount: '999999999999999' }], gas: 200_000 } }),
      5,
      /insufficient funds/,
    ],
    [
      'a gas limit below what the ante handler needs',
      () => signedTx({ fee: { amount: [{ denom: 'unyx', amount: '5000' }], gas: 1000 } }),
      11,
      /out of gas in location: \w+; gasWanted: 1000, gasUsed: \d+: out of gas/,
    ],
    [
      'an unknown message type',
      () =>
        signedTx({
          bodyBytes: TxBody.encode(
            TxBody.fromPartial({
              messages: [{ typeUrl: '/nymts.test.MsgUnknown', value: new Uint8Array([1]) }],
            }),
          ).finish(),
        }),
      2,
      /unable to resolve type URL \/nymts.test.MsgUnknown: tx parse error/,
    ],
    ['garbage bytes', async () => new Uint8Array([0xff, 0x00, 0x13, 0x37, 0x42]), 2, /tx parse error/],
  ];

  it.each(cases)('rejects %s', async (_name, build, code, log) => {
    const before = await senderState();
    const result = await broadcast(await build());
    expect(result).toMatchObject({ code, codespace: 'sdk' });
    expect(result.log).toMatch(log);
    await rpcCall(chain.rpc.url, 'dev_produce_block');
    expect(await senderState()).toEqual(before);
  });

  it('refuses the same tx twice while it is known', async () => {
    const tx = await signedTx();
    expect((await broadcast(tx)).code).toBe(0);
    const again = await rpcCall(chain.rpc.url, 'broadcast_tx_sync', { tx: toBase64(tx) });
    expect(again.body.error?.data).toMatch(/tx already exists in cache/);
  });
});

describe('failures at execution keep only the fee and the sequence', () => {
  it('fails a send larger than the balance with code 5, charging only the fee', async () => {
    const { client } = await signingClient(chain.rpc.url, chain.devAccounts[0]!.mnemonic);
    onTeardown(() => client.disconnect());
    const before = await senderState();
    const fee = calculateFee(200_000, GAS_PRICE);
    const result = await client.sendTokens(
      sender,
      recipient,
      [{ denom: 'unyx', amount: '999999999999999' }],
      fee,
    );
    expect(result.code).toBe(5);
    expect(result.rawLog).toMatch(
      /failed to execute message; message index: 0: spendable balance \d+unyx is smaller than 999999999999999unyx: insufficient funds/,
    );
    const after = await senderState();
    expect(BigInt(before.balance) - BigInt(after.balance)).toBe(BigInt(fee.amount[0]!.amount));
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.recipientBalance).toBe(before.recipientBalance);
  });

  it('fails a tx that runs out of gas in its message with code 11 and rolls the message back', async () => {
    const { client } = await signingClient(chain.rpc.url, chain.devAccounts[0]!.mnemonic);
    try {
      // Four new recipients make the message far costlier than the ante handler, so a limit a
      // little below the simulated total passes CheckTx and runs out inside the message.
      const fresh = [1, 2, 3, 4].map((i) => toBech32('n', new Uint8Array(20).fill(0x40 + i)));
      const multi = {
        typeUrl: MsgMultiSend.typeUrl,
        value: MsgMultiSend.fromPartial({
          inputs: [{ address: sender, coins: [{ denom: 'unyx', amount: '4000' }] }],
          outputs: fresh.map((address) => ({ address, coins: [{ denom: 'unyx', amount: '1000' }] })),
        }),
      };
      const limit = (await client.simulate(sender, [multi], '')) - 10_000;
      const before = await senderState();
      const fee = calculateFee(limit, GAS_PRICE);
      const result = await client.signAndBroadcast(sender, [multi], fee);
      expect(result.code).toBe(11);
      expect(result.rawLog).toMatch(
        new RegExp(`out of gas in location: \\w+; gasWanted: ${limit}, gasUsed: \\d+: out of gas`),
      );
      const after = await senderState();
      expect(BigInt(before.balance) - BigInt(after.balance)).toBe(BigInt(fee.amount[0]!.amount));
      expect(after.sequence).toBe(before.sequence + 1);
      for (const address of fresh) expect(await query.getAccount(address)).toBeNull();
    } finally {
      client.disconnect();
    }
  });
});

describe('the JSON-RPC endpoint refuses malformed requests and keeps serving', () => {
  it('answers invalid JSON, bad requests, unknown methods and bad params with JSON-RPC errors', async () => {
    expect((await rpcPost(chain.rpc.url, '{"jsonrpc": "2.0", "id": 1, "method": ')).body.error?.code).toBe(
      -32700,
    );
    expect((await rpcPost(chain.rpc.url, '[1, 2]')).body).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ code: -32600 }) }),
      expect.objectContaining({ error: expect.objectContaining({ code: -32600 }) }),
    ]);
    expect((await rpcPost(chain.rpc.url, '{"jsonrpc":"2.0","id":3,"params":{}}')).body.error?.code).toBe(
      -32600,
    );
    expect((await rpcCall(chain.rpc.url, 'no_such_method')).body.error?.code).toBe(-32601);
    expect(
      (await rpcCall(chain.rpc.url, 'broadcast_tx_sync', { tx: '%%% not base64' })).body.error?.code,
    ).toBe(-32602);
    expect((await rpcCall(chain.rpc.url, 'block', { height: 'abc' })).body.error?.code).toBe(-32602);
    expect((await rpcCall(chain.rpc.url, 'block', { height: '999999' })).body.error?.data).toMatch(
      /must be less than or equal to the current blockchain height/,
    );
    expect((await rpcCall(chain.rpc.url, 'tx_search', { query: "tx.height=='1'" })).body.error?.data).toMatch(
      /failed to parse query/,
    );
  });

  it('refuses an oversized body with HTTP 413', async () => {
    const huge = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'broadcast_tx_sync',
      params: { tx: 'A'.repeat(1_100_000) },
    });
    const answer = await rpcPost(chain.rpc.url, huge);
    expect(answer.status).toBe(413);
    expect(answer.body.error?.data).toMatch(/request body too large/);
  });

  it('still serves status afterwards', async () => {
    const status = await rpcCall(chain.rpc.url, 'status');
    expect(status.body.result).toMatchObject({ node_info: { network: 'nyx-local' } });
    expect(await query.getHeight()).toBeGreaterThan(1);
  });
});

describe('a chain not in dev mode', () => {
  it('refuses the dev controls with a clear error', async () => {
    const plain = await startTestChain({ dev: false });
    try {
      const answer = await rpcCall(plain.chain.rpc.url, 'dev_produce_block');
      expect(answer.body.error).toMatchObject({ code: -32601 });
      expect(answer.body.error?.data).toMatch(/dev control, served only by a chain in dev mode/);
    } finally {
      await plain.cleanup();
    }
  });
});
