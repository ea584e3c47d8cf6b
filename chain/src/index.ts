export type { BranchableStore, KVStore, StoreBranch } from './store/types';
export type { GasMeter } from './gas/types';
export { OutOfGasError } from './gas/types';
