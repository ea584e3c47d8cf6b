import { Bls12381Error } from './errors';
import { mclBackend } from './mcl';
import { nobleBackend } from './noble';
import { BACKEND_NAMES, type BackendName, type Bls12381 } from './types';

/** mcl-wasm: pairings about 3x and G2 multiplications about 10x faster than noble here. */
export const DEFAULT_BACKEND: BackendName = 'mcl';

export function isBackendName(value: string): value is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(value);
}

/** For configuration values: the name itself, or an error listing the choices. */
export function parseBackendName(value: string): BackendName {
  if (isBackendName(value)) return value;
  throw new Bls12381Error(
    'bad-argument',
    `unknown BLS12-381 backend "${value}" (choose ${BACKEND_NAMES.join(' or ')})`,
  );
}

/** The named backend, ready to use; each is created once per process and shared. */
export async function loadBackend(name: BackendName = DEFAULT_BACKEND): Promise<Bls12381> {
  return name === 'mcl' ? mclBackend() : nobleBackend();
}
