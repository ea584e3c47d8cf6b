import { fromBech32 } from '@cosmjs/encoding';
import { BECH32_PREFIX } from './connect';
import { ContractsClientError } from './errors';

/**
 * Returns `text` if it is a Nyx address (bech32 with prefix `n`, 20-byte account or 32-byte
 * contract), else an error naming `what` the address was for and what is wrong with it.
 */
export function checkAddress(text: string, what = 'address'): string {
  let prefix: string;
  let data: Uint8Array;
  try {
    ({ prefix, data } = fromBech32(text));
  } catch (error) {
    throw new ContractsClientError(
      'address_invalid',
      `${what} "${text}" is not a Nyx address: ${(error as Error).message}`,
      { address: text, what },
    );
  }
  if (prefix !== BECH32_PREFIX) {
    throw new ContractsClientError(
      'address_invalid',
      `${what} "${text}" is not a Nyx address: it starts with "${prefix}1", Nyx addresses with "${BECH32_PREFIX}1"`,
      { address: text, what },
    );
  }
  if (data.length !== 20 && data.length !== 32) {
    throw new ContractsClientError(
      'address_invalid',
      `${what} "${text}" is not a Nyx address: it holds ${data.length} bytes, not 20 or 32`,
      { address: text, what },
    );
  }
  return text;
}
