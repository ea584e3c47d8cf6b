import { createNodePrimitives } from './node';
import type { SphinxPrimitives } from './types';

let nodePrimitives: SphinxPrimitives | undefined;

/** The node:crypto set, created on first use and shared (it holds only key caches). */
export function defaultPrimitives(): SphinxPrimitives {
  nodePrimitives ??= createNodePrimitives();
  return nodePrimitives;
}
