import { ClientError } from '@nymts/client';

/**
 * The topology could not be had. It is the client's own error code, so a client treats it as any
 * failed refresh: logged, retried with backoff, the last good topology kept.
 */
export function topologyError(
  message: string,
  details: Record<string, unknown>,
  cause?: unknown,
): ClientError {
  return new ClientError('bad_topology', message, { details, cause });
}

export interface SkippedNode {
  kind: 'mixnode' | 'gateway';
  /** The mix id of a mix node, the identity key of a gateway, or the entry's index when unreadable. */
  id: string;
  reason: string;
}
