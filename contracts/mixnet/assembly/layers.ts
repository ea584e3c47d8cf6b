// Layer assignment for the active set: layers 1–3 as equal as possible (sizes differ by at most
// one; layers 1, then 2, take the extra nodes), and as few nodes as possible in the layer they
// were in last epoch. A node that was in layer p may go to the two other layers; that is
// possible for everyone unless more than (m − capacity of p) nodes come from p, and then exactly
// the excess stays. The rest is a small max-flow from "came from" groups to layers.

const SOURCE = 0;
const SINK = 8;
const NODES = 9;
const UNLIMITED: i32 = 1 << 30;

function groupNode(group: i32): i32 {
  return 1 + group; // groups 0 (new or standby last epoch) and 1–3 (previous layer)
}

function layerNode(layer: i32): i32 {
  return 4 + layer; // layers 1–3 → 5–7
}

/** Edmonds–Karp on a 9-node graph; returns the flow matrix. */
function maxFlow(capacity: StaticArray<i32>): StaticArray<i32> {
  const flow = new StaticArray<i32>(NODES * NODES);
  const parent = new StaticArray<i32>(NODES);
  const queue = new StaticArray<i32>(NODES);
  while (true) {
    for (let i = 0; i < NODES; i++) parent[i] = -1;
    parent[SOURCE] = SOURCE;
    let head = 0;
    let tail = 0;
    queue[tail++] = SOURCE;
    while (head < tail && parent[SINK] < 0) {
      const u = queue[head++];
      for (let v = 0; v < NODES; v++) {
        if (parent[v] < 0 && capacity[u * NODES + v] - flow[u * NODES + v] > 0) {
          parent[v] = u;
          queue[tail++] = v;
        }
      }
    }
    if (parent[SINK] < 0) return flow;
    let push = UNLIMITED;
    for (let v = SINK; v !== SOURCE; v = parent[v]) {
      const u = parent[v];
      const room = capacity[u * NODES + v] - flow[u * NODES + v];
      if (room < push) push = room;
    }
    for (let v = SINK; v !== SOURCE; v = parent[v]) {
      const u = parent[v];
      flow[u * NODES + v] += push;
      flow[v * NODES + u] -= push;
    }
  }
}

/** How many nodes each layer (index 1–3) takes out of `m`. */
function layerCapacities(m: i32): StaticArray<i32> {
  const capacities = new StaticArray<i32>(4);
  for (let layer = 1; layer <= 3; layer++) capacities[layer] = m / 3 + (layer <= m % 3 ? 1 : 0);
  return capacities;
}

/**
 * The layer (1–3) of each active node, given each one's layer last epoch (0 when it had none), in
 * the order the nodes were drawn.
 */
export function assignLayers(previous: Array<u8>): Array<u8> {
  const m = previous.length;
  const capacities = layerCapacities(m);
  const counts = new StaticArray<i32>(4);
  for (let i = 0; i < m; i++) counts[previous[i]] += 1;
  const layers = new Array<u8>(m);
  // Forced stays: the first `excess` nodes (in draw order) of an oversized group keep their layer.
  for (let p = 1; p <= 3; p++) {
    let excess = counts[p] - (m - capacities[p]);
    for (let i = 0; i < m && excess > 0; i++) {
      if (previous[i] !== (p as u8)) continue;
      layers[i] = p as u8;
      excess--;
      counts[p]--;
      capacities[p]--;
    }
  }
  const capacity = new StaticArray<i32>(NODES * NODES);
  for (let group = 0; group <= 3; group++) {
    capacity[SOURCE * NODES + groupNode(group)] = counts[group];
    for (let layer = 1; layer <= 3; layer++)
      if (layer !== group) capacity[groupNode(group) * NODES + layerNode(layer)] = UNLIMITED;
  }
  for (let layer = 1; layer <= 3; layer++) capacity[layerNode(layer) * NODES + SINK] = capacities[layer];
  const flow = maxFlow(capacity);
  for (let i = 0; i < m; i++) {
    if (layers[i] !== 0) continue;
    const group = previous[i] as i32;
    for (let layer = 1; layer <= 3; layer++) {
      const edge = groupNode(group) * NODES + layerNode(layer);
      if (layer === group || flow[edge] <= 0) continue;
      flow[edge]--;
      layers[i] = layer as u8;
      break;
    }
  }
  return layers;
}
