// Bonds a list of mix nodes and gateways from their home folders in one go, each from its own
// owner account (the contract allows one node per owner), with the mixnet, token and vesting
// addresses from the deployment record. The owners must already hold the pledge in NYM and some
// unyx for fees.
//
//   node -r @nymts/ts-run/register testnet/scripts/bond-nodes.ts \
//     --plan nodes.json [--node http://127.0.0.1:26657] [--deployment ~/.nym/deployments.json]
//
// nodes.json: {"nodes": [{"kind": "mixnode" | "gateway", "home": "<dir>", "mnemonic": "…"
// (or "mnemonic_file": "<file>"), "pledge": "100" (NYM, or "…unym"), "location"?, "vesting"?,
// "profit_margin_percent"? (0–1), "interval_operating_cost"? (unym)}]}. Prints one JSON result per
// node (mix id, identity key, owner, tx) on stdout; exits 1 if any bond failed, after trying all.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  connectSigner,
  defaultDeploymentPath,
  deployedContract,
  explainChainError,
  parseAmount,
  readDeploymentRecord,
  walletFromMnemonic,
  type SigningSession,
} from '@nymts/contracts-client';
import { bondGatewayFromHome } from '@nymts/gateway';
import {
  bondMixnodeFromHome,
  DEFAULT_COST_PARAMS,
  type BondingContracts,
  type BondResult,
} from '@nymts/mixnode';

const nodeSchema = z
  .strictObject({
    kind: z.enum(['mixnode', 'gateway']),
    home: z.string().min(1),
    mnemonic: z.string().optional(),
    mnemonic_file: z.string().optional(),
    pledge: z.string(),
    location: z.string().optional(),
    vesting: z.boolean().optional(),
    profit_margin_percent: z.string().optional(),
    interval_operating_cost: z.string().optional(),
  })
  .refine((n) => (n.mnemonic === undefined) !== (n.mnemonic_file === undefined), {
    message: 'give exactly one of mnemonic and mnemonic_file',
  });

export const bondPlanSchema = z.strictObject({ nodes: z.array(nodeSchema).min(1) });
export type BondPlan = z.infer<typeof bondPlanSchema>;
export type PlannedNode = BondPlan['nodes'][number];

export type NodeOutcome =
  | {
      kind: PlannedNode['kind'];
      home: string;
      ok: true;
      owner: string;
      identity_key: string;
      mix_id: number | null;
      tx_hash: string;
      gas_used: string;
    }
  | { kind: PlannedNode['kind']; home: string; ok: false; error: { code: string; message: string } };

function mnemonicOf(node: PlannedNode): string {
  return node.mnemonic ?? readFileSync(node.mnemonic_file!, 'utf8');
}

function bondOne(
  session: SigningSession,
  node: PlannedNode,
  contracts: BondingContracts,
): Promise<BondResult> {
  const options = {
    contracts,
    amount: parseAmount(node.pledge),
    funding: node.vesting === true ? ('vesting' as const) : ('liquid' as const),
    location: node.location,
  };
  if (node.kind === 'gateway') return bondGatewayFromHome(session, node.home, options);
  return bondMixnodeFromHome(session, node.home, {
    ...options,
    costParams: {
      profit_margin_percent: node.profit_margin_percent ?? DEFAULT_COST_PARAMS.profit_margin_percent,
      interval_operating_cost: node.interval_operating_cost ?? DEFAULT_COST_PARAMS.interval_operating_cost,
    },
  });
}

/** Bonds every node of the plan (in parallel: each has its own owner account), never stopping at a failure. */
export async function bondNodes(
  plan: BondPlan,
  options: { node: string; deploymentPath: string },
): Promise<NodeOutcome[]> {
  const record = readDeploymentRecord(options.deploymentPath);
  return Promise.all(
    plan.nodes.map(async (node): Promise<NodeOutcome> => {
      let session: SigningSession | undefined;
      try {
        session = await connectSigner(options.node, await walletFromMnemonic(mnemonicOf(node)));
        const address = (role: 'mixnet' | 'nym_token' | 'vesting') =>
          deployedContract(record, session!.chainId, role, options.deploymentPath).address;
        const contracts: BondingContracts = {
          mixnet: address('mixnet'),
          token: address('nym_token'),
          vesting: node.vesting === true ? address('vesting') : undefined,
        };
        const bond = await bondOne(session, node, contracts);
        return {
          kind: node.kind,
          home: node.home,
          ok: true,
          owner: bond.owner,
          identity_key: bond.identityKey,
          mix_id: bond.mixId ?? null,
          tx_hash: bond.tx.transactionHash,
          gas_used: bond.tx.gasUsed.toString(),
        };
      } catch (error) {
        const explained = explainChainError(error, `bonding the ${node.kind} in ${node.home}`);
        const code = (error as { code?: unknown }).code;
        return {
          kind: node.kind,
          home: node.home,
          ok: false,
          error: { code: typeof code === 'string' ? code : explained.code, message: explained.message },
        };
      } finally {
        session?.disconnect();
      }
    }),
  );
}

export function readPlan(path: string): BondPlan {
  const parsed = bondPlanSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.join('.') || 'the top level'}: ${issue.message}`);
  }
  return parsed.data;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      plan: { type: 'string' },
      node: { type: 'string', default: process.env.NYM_NODE ?? 'http://127.0.0.1:26657' },
      deployment: { type: 'string', default: process.env.NYM_DEPLOYMENT ?? defaultDeploymentPath() },
    },
  });
  if (values.plan === undefined) {
    process.stderr.write(
      'usage: bond-nodes.ts --plan <nodes.json> [--node <rpc url>] [--deployment <file>]\n',
    );
    return 2;
  }
  const outcomes = await bondNodes(readPlan(values.plan), {
    node: values.node,
    deploymentPath: values.deployment,
  });
  process.stdout.write(`${JSON.stringify(outcomes, null, 2)}\n`);
  for (const outcome of outcomes) {
    if (!outcome.ok) process.stderr.write(`${outcome.home}: ${outcome.error.message}\n`);
  }
  return outcomes.every((outcome) => outcome.ok) ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
