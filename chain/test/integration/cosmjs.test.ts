import { Secp256k1HdWallet } from '@cosmjs/amino';
import { toBech32 } from '@cosmjs/encoding';
import { coins, type EncodeObject } from '@cosmjs/proto-signing';
import {
  QueryClient,
  SigningStargateClient,
  StargateClient,
  assertIsDeliverTxSuccess,
  setupBankExtension,
  setupAuthExtension,
  calculateFee,
} from '@cosmjs/stargate';
import { Comet38Client, type comet38 } from '@cosmjs/tendermint-rpc';
import { MsgMultiSend, MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { GAS_PRICE, rpcCall, signingClient, startTestChain, type RunningChain } from '../helpers';

jest.setTimeout(60_000);

let chain: RunningChain;
let cleanup: () => Promise<void>;
let query: StargateClient;
let alice: { client: SigningStargateClient; address: string };
const bob = { address: '' };
// An address no genesis account has.
const stranger = toBech32('n', new Uint8Array(20).fill(7));

beforeAll(async () => {
  ({ chain, cleanup } = await startTestChain());
  query = await StargateClient.connect(chain.rpc.url);
  alice = await signingClient(chain.rpc.url, chain.devAccounts[0]!.mnemonic);
  bob.address = chain.devAccounts[1]!.address;
});

afterAll(async () => {
  query?.disconnect();
  alice?.client.disconnect();
  await cleanup?.();
});

describe('cosmjs StargateClient reads', () => {
  it('reports the chain id and a height', async () => {
    expect(await query.getChainId()).toBe('nyx-local');
    expect(await query.getHeight()).toBeGreaterThanOrEqual(1);
  });

  it('returns a genesis account and null for an unknown one', async () => {
    const account = await query.getAccount(alice.address);
    expect(account).toMatchObject({ address: alice.address, sequence: expect.any(Number) });
    expect(await query.getAccount(stranger)).toBeNull();
  });

  it('reads single and all balances', async () => {
    expect(Number((await query.getBalance(bob.address, 'unyx')).amount)).toBeGreaterThan(0);
    expect(await query.getBalance(stranger, 'unyx')).toEqual({ denom: 'unyx', amount: '0' });
    const all = await query.getAllBalances(bob.address);
    expect(all.map((coin) => coin.denom)).toEqual(['unyx']);
  });

  it('serves bank supply and auth params through the query extensions', async () => {
    const tm = await Comet38Client.connect(chain.rpc.url);
    const client = QueryClient.withExtensions(tm, setupBankExtension, setupAuthExtension);
    const supply = await client.bank.supplyOf('unyx');
    const total = await client.bank.totalSupply();
    expect(total.supply.find((coin) => coin.denom === 'unyx')).toEqual(supply);
    expect(BigInt(supply.amount)).toBeGreaterThanOrEqual(10n * 1_000_000_000_000n);
    tm.disconnect();
  });
});

describe('cosmjs SigningStargateClient', () => {
  it('sends with an "auto" fee and the recipient sees it', async () => {
    const before = BigInt((await query.getBalance(bob.address, 'unyx')).amount);
    const result = await alice.client.sendTokens(
      alice.address,
      bob.address,
      coins(1234, 'unyx'),
      'auto',
      'auto fee',
    );
    assertIsDeliverTxSuccess(result);
    expect(result.gasUsed).toBeGreaterThan(0n);
    expect(result.gasUsed).toBeLessThanOrEqual(result.gasWanted);
    expect(BigInt((await query.getBalance(bob.address, 'unyx')).amount)).toBe(before + 1234n);
    const transfer = result.events.find(
      (event) => event.type === 'transfer' && event.attributes.some((a) => a.key === 'msg_index'),
    );
    expect(transfer?.attributes).toEqual(
      expect.arrayContaining([
        { key: 'recipient', value: bob.address },
        { key: 'sender', value: alice.address },
        { key: 'amount', value: '1234unyx' },
      ]),
    );
  });

  it('sends with an explicit fee, charged exactly', async () => {
    const fee = calculateFee(120_000, GAS_PRICE);
    const before = BigInt((await query.getBalance(alice.address, 'unyx')).amount);
    const result = await alice.client.sendTokens(alice.address, bob.address, coins(10, 'unyx'), fee);
    assertIsDeliverTxSuccess(result);
    expect(result.gasWanted).toBe(120_000n);
    const after = BigInt((await query.getBalance(alice.address, 'unyx')).amount);
    expect(before - after).toBe(10n + BigInt(fee.amount[0]!.amount));
  });

  it('applies a multi-message tx (two sends and a multi-send) atomically', async () => {
    const carol = chain.devAccounts[2]!.address;
    const before = BigInt((await query.getBalance(carol, 'unyx')).amount);
    const messages: EncodeObject[] = [
      {
        typeUrl: MsgSend.typeUrl,
        value: MsgSend.fromPartial({
          fromAddress: alice.address,
          toAddress: carol,
          amount: coins(1, 'unyx'),
        }),
      },
      {
        typeUrl: MsgSend.typeUrl,
        value: MsgSend.fromPartial({
          fromAddress: alice.address,
          toAddress: carol,
          amount: coins(2, 'unyx'),
        }),
      },
      {
        typeUrl: MsgMultiSend.typeUrl,
        value: MsgMultiSend.fromPartial({
          inputs: [{ address: alice.address, coins: coins(7, 'unyx') }],
          outputs: [
            { address: carol, coins: coins(3, 'unyx') },
            { address: stranger, coins: coins(4, 'unyx') },
          ],
        }),
      },
    ];
    const result = await alice.client.signAndBroadcast(alice.address, messages, 'auto');
    assertIsDeliverTxSuccess(result);
    expect(result.msgResponses.map((response) => response.typeUrl)).toEqual([
      '/cosmos.bank.v1beta1.MsgSendResponse',
      '/cosmos.bank.v1beta1.MsgSendResponse',
      '/cosmos.bank.v1beta1.MsgMultiSendResponse',
    ]);
    expect(BigInt((await query.getBalance(carol, 'unyx')).amount)).toBe(before + 6n);
    // The multi-send created the stranger's account, as the SDK does for new recipients.
    expect(await query.getAccount(stranger)).not.toBeNull();
    const indexes = new Set(
      result.events.flatMap((event) =>
        event.attributes.filter((a) => a.key === 'msg_index').map((a) => a.value),
      ),
    );
    expect(indexes).toEqual(new Set(['0', '1', '2']));
  });

  it('finds txs by hash, by sender and by height, and serves their blocks', async () => {
    const sent = await alice.client.sendTokens(
      alice.address,
      bob.address,
      coins(5, 'unyx'),
      'auto',
      'searchable',
    );
    const byHash = await query.getTx(sent.transactionHash);
    expect(byHash).toMatchObject({ height: sent.height, hash: sent.transactionHash, code: 0 });
    const bySender = await query.searchTx([{ key: 'message.sender', value: alice.address }]);
    expect(bySender.map((tx) => tx.hash)).toContain(sent.transactionHash);
    expect(bySender.length).toBeGreaterThanOrEqual(4);
    expect(new Set(bySender.map((tx) => tx.hash)).size).toBe(bySender.length);
    const byHeight = await query.searchTx([{ key: 'tx.height', value: sent.height }]);
    expect(byHeight.map((tx) => tx.hash)).toEqual([sent.transactionHash]);
    const block = await query.getBlock(sent.height);
    expect(block.header.height).toBe(sent.height);
    expect(block.header.chainId).toBe('nyx-local');
    expect(block.txs).toHaveLength(1);
    const latest = await query.getBlock();
    expect(latest.header.height).toBeGreaterThanOrEqual(sent.height);
  });

  it('works with an amino-JSON signer (SIGN_MODE_LEGACY_AMINO_JSON)', async () => {
    const wallet = await Secp256k1HdWallet.fromMnemonic(chain.devAccounts[3]!.mnemonic, { prefix: 'n' });
    const [account] = await wallet.getAccounts();
    const client = await SigningStargateClient.connectWithSigner(chain.rpc.url, wallet, {
      gasPrice: GAS_PRICE,
      broadcastPollIntervalMs: 50,
    });
    const before = BigInt((await query.getBalance(bob.address, 'unyx')).amount);
    const result = await client.sendTokens(
      account!.address,
      bob.address,
      coins(77, 'unyx'),
      'auto',
      'amino <&> memo',
    );
    assertIsDeliverTxSuccess(result);
    expect(BigInt((await query.getBalance(bob.address, 'unyx')).amount)).toBe(before + 77n);
    const multi = await client.signAndBroadcast(
      account!.address,
      [
        {
          typeUrl: MsgMultiSend.typeUrl,
          value: MsgMultiSend.fromPartial({
            inputs: [{ address: account!.address, coins: coins(2, 'unyx') }],
            outputs: [{ address: bob.address, coins: coins(2, 'unyx') }],
          }),
        },
      ],
      'auto',
    );
    assertIsDeliverTxSuccess(multi);
    client.disconnect();
  });
});

describe('WebSocket subscriptions (Comet38Client)', () => {
  it('delivers new blocks and txs', async () => {
    // cosmjs takes the base URL and appends /websocket itself.
    const tm = await Comet38Client.connect(chain.rpc.url.replace(/^http/, 'ws'));
    const blocks: comet38.NewBlockEvent[] = [];
    const txs: comet38.TxEvent[] = [];
    let blockSubscription: { unsubscribe(): void } | undefined;
    let txSubscription: { unsubscribe(): void } | undefined;
    const gotBoth = new Promise<void>((resolve, reject) => {
      const check = () => blocks.length > 0 && txs.length > 0 && resolve();
      blockSubscription = tm
        .subscribeNewBlock()
        .subscribe({ next: (block) => (blocks.push(block), check()), error: reject });
      txSubscription = tm
        .subscribeTx(`message.sender='${alice.address}'`)
        .subscribe({ next: (tx) => (txs.push(tx), check()), error: reject });
    });
    // Let the server register both subscriptions before the tx goes in.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const sent = await alice.client.sendTokens(alice.address, bob.address, coins(3, 'unyx'), 'auto');
    await gotBoth;
    expect(blocks.some((block) => block.header.height === sent.height)).toBe(true);
    expect(Buffer.from(txs[0]!.hash).toString('hex').toUpperCase()).toBe(sent.transactionHash);
    expect(txs[0]!.height).toBe(sent.height);
    // Unsubscribing first lets cosmjs send its unsubscribe calls on a live socket.
    blockSubscription?.unsubscribe();
    txSubscription?.unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 100));
    disconnectForGood(tm);
  });
});

/**
 * cosmjs 0.38's ReconnectingSocket treats its own disconnect() as a dropped connection and
 * schedules a reconnect (socket/build/reconnectingsocket.js), which would keep jest alive; the
 * pending reconnect is cancelled right after disconnecting.
 */
function disconnectForGood(tm: Comet38Client): void {
  const socket = (tm as unknown as { client: { socket: { reconnectTimeout: NodeJS.Timeout | null } } }).client
    .socket;
  tm.disconnect();
  if (socket.reconnectTimeout !== null) clearTimeout(socket.reconnectTimeout);
}

describe('dev controls', () => {
  it('produces a block on demand and moves block time forward', async () => {
    const start = await query.getHeight();
    const produced = await rpcCall(chain.rpc.url, 'dev_produce_block', { count: '2' });
    expect(produced.body.result?.height).toBe(String(start + 2));
    const before = new Date((await query.getBlock()).header.time).getTime();
    const advanced = await rpcCall(chain.rpc.url, 'dev_advance_time', {
      seconds: '86400',
      produce_block: true,
    });
    expect(advanced.body.error).toBeUndefined();
    const after = new Date((await query.getBlock()).header.time).getTime();
    expect(after - before).toBeGreaterThanOrEqual(86_400_000);
  });

  it('answers queries at an earlier height with that height’s state', async () => {
    const height = await query.getHeight();
    const then = (await query.getBalance(bob.address, 'unyx')).amount;
    await alice.client.sendTokens(alice.address, bob.address, coins(1, 'unyx'), 'auto');
    const tm = await Comet38Client.connect(chain.rpc.url);
    const client = QueryClient.withExtensions(tm, setupBankExtension);
    const { QueryBalanceRequest, QueryBalanceResponse } =
      await import('cosmjs-types/cosmos/bank/v1beta1/query');
    const old = await client.queryAbci(
      '/cosmos.bank.v1beta1.Query/Balance',
      QueryBalanceRequest.encode({ address: bob.address, denom: 'unyx' }).finish(),
      height,
    );
    expect(old.height).toBe(height);
    expect(QueryBalanceResponse.decode(old.value).balance?.amount).toBe(then);
    expect((await client.bank.balance(bob.address, 'unyx')).amount).toBe((BigInt(then) + 1n).toString());
    tm.disconnect();
  });
});
