import type { ChainModule, MsgHandler, MsgRouter, QueryHandler } from './types';

const STORE_KEY = /^[a-z][a-z0-9_]*$/;

/** The chain's modules, and their message and query handlers indexed by type URL and path. */
export class ModuleRegistry implements MsgRouter {
  private readonly messages = new Map<string, MsgHandler<unknown>>();
  private readonly queries = new Map<string, QueryHandler>();
  private readonly list: ChainModule[] = [];

  constructor(modules: readonly ChainModule[] = []) {
    for (const module of modules) this.register(module);
  }

  register(module: ChainModule): void {
    if (!STORE_KEY.test(module.name))
      throw new Error(`module name ${JSON.stringify(module.name)} must match ${STORE_KEY}`);
    if (this.list.some((existing) => existing.name === module.name))
      throw new Error(`module ${module.name} is registered twice`);
    for (const handler of module.messages ?? []) {
      if (this.messages.has(handler.typeUrl)) throw new Error(`message ${handler.typeUrl} has two handlers`);
      this.messages.set(handler.typeUrl, handler as MsgHandler<unknown>);
    }
    for (const handler of module.queries ?? []) {
      if (this.queries.has(handler.path)) throw new Error(`query ${handler.path} has two handlers`);
      this.queries.set(handler.path, handler);
    }
    this.list.push(module);
  }

  handler(typeUrl: string): MsgHandler<unknown> | undefined {
    return this.messages.get(typeUrl);
  }

  queryHandler(path: string): QueryHandler | undefined {
    return this.queries.get(path);
  }

  modules(): readonly ChainModule[] {
    return this.list;
  }
}

/** Keeps a handler's message type while letting a module list handlers of different types. */
export function defineMsg<M>(handler: MsgHandler<M>): MsgHandler<never> {
  return handler as unknown as MsgHandler<never>;
}
