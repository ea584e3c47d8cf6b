// The shape of the local network — which nodes, in which layers, on which ports — fixed when
// the data folder is created and read back on every resume.

export type MixLayer = 1 | 2 | 3;

export interface NodePorts {
  mix: number;
  http: number;
  /** Gateways only: the client WebSocket. */
  clients?: number;
}

/** A mix node's layer is the mixnet contract's choice (the rewarded set), not the plan's. */
export type NodePlan =
  | { id: string; role: 'mixnode'; ports: NodePorts }
  | { id: string; role: 'gateway'; ports: NodePorts & { clients: number } };

export interface ClientPlan {
  id: string;
  /** The id of the gateway it registers with. */
  gateway: string;
  websocketPort: number;
}

export interface NetworkPlan {
  chain: { rpcPort: number };
  nodes: NodePlan[];
  clients: ClientPlan[];
}

export interface PlanShape {
  mixnodesPerLayer: number;
  gateways: number;
  clients: number;
}

export const DEFAULT_SHAPE: PlanShape = { mixnodesPerLayer: 2, gateways: 2, clients: 1 };

/** DESIGN §7's defaults; the local network offsets them per node. */
export const DEFAULT_PORTS = { rpc: 26657, mix: 1789, clients: 9000, http: 8000, clientApi: 1977 } as const;

/** How many ports a plan of this shape needs (what a port source must supply). */
export function portsNeeded(shape: PlanShape): number {
  const mixnodes = shape.mixnodesPerLayer * 3;
  return 1 + mixnodes * 2 + shape.gateways * 3 + shape.clients;
}

/**
 * Ports for every service. Without a base port: the default ports, offset by the node's index
 * (mix ports 1789…, HTTP 8000…, gateway client ports 9000…, client APIs 1977…). With one:
 * consecutive ports from it (chain RPC first). `free` supplies ports chosen by the system.
 */
export type PortSource =
  { kind: 'defaults' } | { kind: 'base'; port: number } | { kind: 'given'; ports: number[] };

export function planNetwork(shape: PlanShape, source: PortSource): NetworkPlan {
  const next = portCursor(source, portsNeeded(shape));
  const rpcPort = next('rpc', 0);
  const nodes: NodePlan[] = [];
  let index = 0;
  for (let n = 1; n <= shape.mixnodesPerLayer * 3; n++) {
    nodes.push({
      id: `mix-${n}`,
      role: 'mixnode',
      ports: { mix: next('mix', index), http: next('http', index) },
    });
    index++;
  }
  for (let g = 1; g <= shape.gateways; g++) {
    nodes.push({
      id: `gateway-${g}`,
      role: 'gateway',
      ports: { mix: next('mix', index), http: next('http', index), clients: next('clients', g - 1) },
    });
    index++;
  }
  const gateways = nodes.filter((node) => node.role === 'gateway');
  const clients: ClientPlan[] = [];
  for (let c = 1; c <= shape.clients; c++) {
    const gateway = gateways[(c - 1) % gateways.length];
    if (gateway === undefined) throw new Error('a network with clients needs at least one gateway');
    clients.push({ id: `client-${c}`, gateway: gateway.id, websocketPort: next('clientApi', c - 1) });
  }
  return { chain: { rpcPort }, nodes, clients };
}

type Service = keyof typeof DEFAULT_PORTS;

function portCursor(source: PortSource, needed: number): (service: Service, offset: number) => number {
  let used = 0;
  return (service, offset) => {
    const position = used++;
    switch (source.kind) {
      case 'defaults':
        return DEFAULT_PORTS[service] + offset;
      case 'base': {
        const port = source.port + position;
        if (port > 65535) throw new RangeError(`base port ${source.port} leaves no room for ${needed} ports`);
        return port;
      }
      case 'given': {
        const port = source.ports[position];
        if (port === undefined)
          throw new RangeError(`${needed} ports are needed, ${source.ports.length} given`);
        return port;
      }
    }
  };
}
