import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toBase64, toBech32 } from '@cosmjs/encoding';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import {
  SigningStargateClient,
  StargateClient,
  assertIsDeliverTxSuccess,
  calculateFee,
} from '@cosmjs/stargate';
import { MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { createChain, initHome, moduleAddress } from '../../src';
import { GAS_PRICE, rpcCall, signingClient, startTestChain } from '../helpers';
import { startNodeProcess } from '../support/node-process';

jest.setTimeout(120_000);

describe('stop and restart', () => {
  it('keeps balances, accounts, blocks and the tx index, and carries on from the last block', async () => {
    const first = await startTestChain();
    const { chain, dataDir } = first;
    const [alice, bob] = chain.devAccounts;
    const { client } = await signingClient(chain.rpc.url, alice!.mnemonic);
    const sent = await client.sendTokens(
      alice!.address,
      bob!.address,
      [{ denom: 'unyx', amount: '4242' }],
      'auto',
      'before restart',
    );
    assertIsDeliverTxSuccess(sent);
    client.disconnect();
    const query = await StargateClient.connect(chain.rpc.url);
    const before = {
      height: await query.getHeight(),
      balance: await query.getBalance(bob!.address, 'unyx'),
      account: await query.getAccount(alice!.address),
      block: await query.getBlock(sent.height),
    };
    query.disconnect();
    const genesis = chain.genesis.json;
    const validatorKey = chain.node.validatorKey;
    await chain.stop();

    const again = await createChain({
      dataDir,
      genesis,
      validatorKey,
      blockTime: 'instant',
      rpc: { port: 0 },
    });
    try {
      const rpc = await again.start();
      const reopened = await StargateClient.connect(rpc.url);
      expect(await reopened.getHeight()).toBe(before.height);
      expect(await reopened.getBalance(bob!.address, 'unyx')).toEqual(before.balance);
      expect(await reopened.getAccount(alice!.address)).toEqual(before.account);
      expect(await reopened.getBlock(sent.height)).toEqual(before.block);
      expect((await reopened.getTx(sent.transactionHash))?.height).toBe(sent.height);
      expect(
        (await reopened.searchTx([{ key: 'message.sender', value: alice!.address }])).map((tx) => tx.hash),
      ).toContain(sent.transactionHash);
      const { client: resumed } = await signingClient(rpc.url, alice!.mnemonic);
      const next = await resumed.sendTokens(
        alice!.address,
        bob!.address,
        [{ denom: 'unyx', amount: '1' }],
        'auto',
      );
      assertIsDeliverTxSuccess(next);
      expect(next.height).toBe(before.height + 1);
      const block = (await rpcCall(rpc.url, 'block', { height: String(next.height) })).body.result as {
        block: { header: { last_block_id: { hash: string } } };
      };
      expect(block.block.header.last_block_id.hash).toBe(before.block.id);
      resumed.disconnect();
      reopened.disconnect();
    } finally {
      await again.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('kill -9 under load', () => {
  it('comes back at the last committed block with nothing lost and nothing half-applied', async () => {
    const home = mkdtempSync(join(tmpdir(), 'nymts-kill-'));
    try {
      const init = await initHome({ home, dev: true, config: { blockTime: '100ms' } });
      const senders = init.devAccounts.slice(0, 4);
      const recipient = init.devAccounts[9]!.address;
      const genesisSupply = 10n * 1_000_000_000_000n;

      const first = await startNodeProcess(home);
      const chainId = 'nyx-local';
      const signers = await Promise.all(
        senders.map(async (account) => {
          const wallet = await DirectSecp256k1HdWallet.fromMnemonic(account.mnemonic, { prefix: 'n' });
          const query = await StargateClient.connect(first.url);
          const { accountNumber } = (await query.getAccount(account.address))!;
          query.disconnect();
          return {
            account,
            wallet,
            client: await SigningStargateClient.offline(wallet),
            accountNumber,
            sequence: 0,
          };
        }),
      );
      const fee = calculateFee(100_000, GAS_PRICE);
      // Each sender broadcasts signed sends back to back until the node is killed.
      let killed = false;
      const accepted: string[] = [];
      const load = signers.map(async (signer) => {
        while (!killed) {
          const signed = await signer.client.sign(
            signer.account.address,
            [
              {
                typeUrl: MsgSend.typeUrl,
                value: MsgSend.fromPartial({
                  fromAddress: signer.account.address,
                  toAddress: recipient,
                  amount: [{ denom: 'unyx', amount: '1' }],
                }),
              },
            ],
            fee,
            '',
            { accountNumber: signer.accountNumber, sequence: signer.sequence, chainId },
          );
          try {
            const answer = await rpcCall(first.url, 'broadcast_tx_sync', {
              tx: toBase64(TxRaw.encode(signed).finish()),
            });
            const result = answer.body.result as { code: number; hash: string } | undefined;
            if (result?.code === 0) {
              signer.sequence++;
              accepted.push(result.hash);
            }
          } catch {
            return; // the node is gone
          }
        }
      });
      // Let blocks with txs commit, remember what the node said was committed, then kill it.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const status = (await rpcCall(first.url, 'status')).body.result as {
        sync_info: { latest_block_height: string };
      };
      const committedHeight = Number(status.sync_info.latest_block_height);
      const committed: Array<{ hash: string; height: string }> = [];
      for (const hash of accepted.slice(0, 40)) {
        const found = await rpcCall(first.url, 'tx', { hash: toBase64(Buffer.from(hash, 'hex')) });
        if (found.body.result !== undefined)
          committed.push({ hash, height: found.body.result.height as string });
      }
      first.child.kill('SIGKILL');
      await first.exited;
      killed = true;
      await Promise.all(load);
      expect(committed.length).toBeGreaterThan(0);

      const second = await startNodeProcess(home);
      try {
        const query = await StargateClient.connect(second.url);
        expect(await query.getHeight()).toBeGreaterThanOrEqual(committedHeight);
        for (const { hash, height } of committed) {
          const found = await rpcCall(second.url, 'tx', { hash: toBase64(Buffer.from(hash, 'hex')) });
          expect(found.body.result?.height).toBe(height);
        }
        // State agrees with the tx index: each sender's sequence is the number of its indexed txs…
        for (const signer of signers) {
          const txs = await query.searchTx([{ key: 'message.sender', value: signer.account.address }]);
          expect((await query.getAccount(signer.account.address))!.sequence).toBe(txs.length);
        }
        // …and no coin was created or lost: balances plus fees collected add up to the supply.
        const feeCollector = toBech32('n', moduleAddress('fee_collector'));
        let total = BigInt((await query.getBalance(feeCollector, 'unyx')).amount);
        for (const account of init.devAccounts)
          total += BigInt((await query.getBalance(account.address, 'unyx')).amount);
        expect(total).toBe(genesisSupply);
        // Every block links to the one before it and carries its app hash.
        const latest = await query.getHeight();
        for (let height = 2; height <= latest; height++) {
          const block = (await rpcCall(second.url, 'block', { height: String(height) })).body.result as {
            block: { header: { last_block_id: { hash: string }; app_hash: string } };
          };
          const previous = (await rpcCall(second.url, 'block', { height: String(height - 1) })).body
            .result as { block_id: { hash: string } };
          const previousResults = (await rpcCall(second.url, 'block_results', { height: String(height - 1) }))
            .body.result as { app_hash: string };
          expect(block.block.header.last_block_id.hash).toBe(previous.block_id.hash);
          expect(Buffer.from(block.block.header.app_hash, 'hex').toString('base64')).toBe(
            previousResults.app_hash,
          );
        }
        // The node carries on producing blocks.
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect(await query.getHeight()).toBeGreaterThan(latest);
        query.disconnect();
      } finally {
        second.child.kill('SIGTERM');
        expect(await second.exited).toBe(0);
      }
      expect(JSON.parse(readFileSync(init.files.devAccounts, 'utf8'))).toHaveLength(10);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
