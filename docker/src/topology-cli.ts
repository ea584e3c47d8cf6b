// `node -r @nymts/ts-run/register docker/src/topology-cli.ts --out <file> [--every <s>]`: writes the
// topology of the mixnet contract (NYM_NODE, the record at NYM_DEPLOYMENT or NYM_MIXNET_CONTRACT)
// to a file for clients, again every --every seconds until SIGTERM (once without --every).
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { defaultDeploymentPath } from '@nymts/contracts-client';
import { createMixnetTopologyProvider } from '@nymts/topology';
import { recordedMixnet, writeTopologyOnce } from './topology-writer';

const log = (line: string) => process.stderr.write(`topology: ${line}\n`);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, every: { type: 'string' }, node: { type: 'string' } },
  });
  const every = values.every === undefined ? undefined : Number(values.every);
  if (values.out === undefined || (every !== undefined && !(Number.isInteger(every) && every > 0))) {
    log('usage: topology-cli.ts --out <file> [--every <seconds>] [--node <url>]');
    return 2;
  }
  const rpcUrl = values.node ?? process.env.NYM_NODE ?? 'http://127.0.0.1:26657';
  const mixnetAddress =
    process.env.NYM_MIXNET_CONTRACT ??
    (await recordedMixnet(rpcUrl, process.env.NYM_DEPLOYMENT ?? defaultDeploymentPath()));
  const provider = createMixnetTopologyProvider(
    { rpcUrl, mixnetAddress },
    { onSkipped: (nodes) => log(`left out ${JSON.stringify(nodes)}`) },
  );
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  process.once('SIGTERM', () => abort.abort());
  try {
    do {
      const outcome = await writeTopologyOnce(provider, values.out, abort.signal).catch((error: unknown) => {
        if (abort.signal.aborted) throw error;
        log(`keeping the last file: ${(error as Error).message}`);
        return undefined;
      });
      if (outcome?.kind === 'written') log(`${outcome.mixnodes} mix nodes, ${outcome.gateways} gateways`);
      if (outcome?.kind === 'incomplete') log(`not written yet: no ${outcome.missing.join(', ')}`);
      if (every !== undefined) await sleep(every * 1000, undefined, { signal: abort.signal });
    } while (every !== undefined);
    return 0;
  } catch (error) {
    if (abort.signal.aborted) return 0;
    throw error;
  } finally {
    provider.close();
  }
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      log((error as Error).message);
      process.exitCode = 1;
    },
  );
}
