import { ProtocolError } from '../../src/client-protocol/errors';

/**
 * Runs `run` and names its outcome: the ProtocolError code (with `/disposition` when asked), the
 * text of any other error, or `ok`.
 */
export function protocolErrorOf(run: () => unknown, withDisposition = false): string {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ProtocolError)) return String(error);
    return withDisposition ? `${error.code}/${error.disposition}` : error.code;
  }
  return 'ok';
}
