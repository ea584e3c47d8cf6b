import { secp256k1 } from '@noble/curves/secp256k1';
import { createInfiniteGasMeter } from '../src/gas/meter';
import { accountKey, decodeAccount } from '../src/modules/auth/keeper';
import { createAuthModule } from '../src/modules/auth/module';
import { createBankModule } from '../src/modules/bank/module';
import { Context, createChainServices } from '../src/modules/context';
import { MemoryStore } from '../src/store/cache';

function context(): Context {
  const services = createChainServices({
    chainId: 'nyx-test',
    bech32Prefix: 'n',
    modules: [createAuthModule(), createBankModule()],
  });
  return new Context(
    services,
    'deliver',
    { height: 1, time: { seconds: 0n, nanos: 0 } },
    new MemoryStore(),
    createInfiniteGasMeter(),
  );
}

describe('AuthKeeper', () => {
  it('reads back what it wrote, equal to decoding the stored bytes, across writes and branches', () => {
    const ctx = context();
    const address = Uint8Array.from({ length: 20 }, (_, i) => i + 1);
    const created = ctx.auth.newAccount(address);
    const publicKey = secp256k1.getPublicKey(
      Uint8Array.from({ length: 32 }, () => 7),
      true,
    );
    ctx.auth.setAccount({ ...created, publicKey, sequence: 5n });

    const branch = ctx.derive({ store: ctx.store.branch() });
    const read = branch.auth.account(address);
    expect(read).toEqual({ ...created, publicKey, sequence: 5n });
    branch.auth.setAccount({ ...read!, sequence: 6n });
    const stored = branch.unmeteredStore('auth').get(accountKey(address))!;
    expect(decodeAccount(address, stored)).toEqual(branch.auth.account(address));
    expect(branch.auth.account(address)?.sequence).toBe(6n);
    // the parent does not see the branch's write
    expect(ctx.auth.account(address)?.sequence).toBe(5n);
  });
});
