// The vesting contract's artifact and schema, for deploy scripts and code generation.
import { join } from 'node:path';

export const VESTING_WASM = join(__dirname, '../../artifacts/vesting.wasm');
export const VESTING_SCHEMA = join(__dirname, '../schema/vesting.json');
