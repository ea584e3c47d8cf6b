// `node -r @nymts/ts-run/register docker/src/deploy-cli.ts [options]`: the deploy step of
// docker-compose.yml (against the embedded chain or wasmd), usable against any RPC endpoint.
// Options fall back to the environment the nymts CLI reads (NYM_NODE, NYM_DEPLOYMENT, NYM_MNEMONIC,
// NYM_MNEMONIC_FILE), then to the local defaults. Prints the outcome as JSON on stdout.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultDeploymentPath, DEFAULT_GAS_PRICE } from '@nymts/contracts-client';
import { DEV_DEPLOYER_MNEMONIC, deployToChain, type DeployOptions } from './deploy';

const USAGE = `usage: deploy-cli.ts [--node <url>] [--deployment <file>] [--mnemonic-file <file>]
  [--epoch-seconds <s>] [--fund-dev-accounts <n>] [--wait <s>] [--gas-price <price>]

Deploys the NYM token, vesting and mixnet contracts (once per chain) and records them.
The key: NYM_MNEMONIC, or --mnemonic-file / NYM_MNEMONIC_FILE, else dev account 0.`;

function wholeNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new Error(`${name} must be a whole number, got "${text}"`);
  return Number(text);
}

/** The deploy options from the command line and the environment; throws on a bad value. */
export function deployOptionsFrom(argv: readonly string[], env: NodeJS.ProcessEnv): DeployOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      node: { type: 'string' },
      deployment: { type: 'string' },
      'mnemonic-file': { type: 'string' },
      'epoch-seconds': { type: 'string' },
      'fund-dev-accounts': { type: 'string' },
      wait: { type: 'string' },
      'gas-price': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help === true) return 'help';
  const mnemonicFile = values['mnemonic-file'] ?? env.NYM_MNEMONIC_FILE;
  const mnemonic = mnemonicFile !== undefined ? readFileSync(mnemonicFile, 'utf8') : env.NYM_MNEMONIC;
  const wait = wholeNumber('--wait', values.wait ?? env.NYMTS_WAIT_SECONDS);
  return {
    rpcUrl: values.node ?? env.NYM_NODE ?? 'http://127.0.0.1:26657',
    deploymentPath: values.deployment ?? env.NYM_DEPLOYMENT ?? defaultDeploymentPath(),
    mnemonic: mnemonic ?? DEV_DEPLOYER_MNEMONIC,
    epochSeconds: wholeNumber('--epoch-seconds', values['epoch-seconds'] ?? env.NYMTS_EPOCH_SECONDS),
    fundDevAccounts: wholeNumber(
      '--fund-dev-accounts',
      values['fund-dev-accounts'] ?? env.NYMTS_FUND_DEV_ACCOUNTS,
    ),
    waitForChainMs: wait === undefined ? undefined : wait * 1000,
    gasPrice: values['gas-price'] ?? env.NYM_GAS_PRICE ?? DEFAULT_GAS_PRICE,
  };
}

async function main(): Promise<number> {
  let options: DeployOptions | 'help';
  try {
    options = deployOptionsFrom(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`deploy: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  process.once('SIGTERM', () => abort.abort());
  try {
    const outcome = await deployToChain(options, {
      signal: abort.signal,
      progress: (line) => process.stderr.write(`deploy: ${line}\n`),
    });
    process.stdout.write(`${JSON.stringify({ ...outcome, deployment: options.deploymentPath }, null, 2)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`deploy: ${(error as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
