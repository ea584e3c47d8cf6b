// The parts of the mixnet contract's answers a topology needs (contracts/mixnet/schema:
// RewardedSetResponse, PagedGatewayResponse). Pages are checked as a whole; each node on its own,
// so one bad bond costs that node only.
import { z } from 'zod';

const port = z.number().int().min(1).max(65535);
const performance = z.string().nullable();

export const rewardedSetPage = z.object({
  nodes: z.array(z.unknown()),
  start_next_after: z.number().int().nonnegative().nullable(),
});

export const gatewaysPage = z.object({
  nodes: z.array(z.unknown()),
  start_next_after: z.string().nullable(),
});

export const rewardedSetNode = z.object({
  mix_id: z.number().int().nonnegative(),
  status: z.enum(['active', 'standby']),
  layer: z.number().int().nullable(),
  mix_node: z.object({
    host: z.string().min(1),
    mix_port: port,
    sphinx_key: z.string(),
    identity_key: z.string(),
  }),
  last_performance: performance,
});

export const gatewayBond = z.object({
  gateway: z.object({
    host: z.string().min(1),
    mix_port: port,
    clients_port: port,
    sphinx_key: z.string(),
    identity_key: z.string(),
  }),
  last_performance: performance,
});

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'answer'}: ${issue.message}`).join('; ');
}
