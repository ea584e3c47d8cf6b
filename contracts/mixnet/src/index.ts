// The mixnet contract's artifact and schema, for deploy scripts and code generation.
import { join } from 'node:path';

export const MIXNET_WASM = join(__dirname, '../../artifacts/mixnet.wasm');
export const MIXNET_SCHEMA = join(__dirname, '../schema/mixnet.json');
