import { buildModule, op, type FuncDef } from './wasm-builder';

// Test-only: a hand-assembled CosmWasm contract whose `execute` behaviour is picked by the first
// letter of its JSON-string message ("loop", "panic", or a letter with a canned response).
export const OK_RESPONSE = { messages: [], attributes: [], events: [], data: null };

export interface ScriptOptions {
  /** Responses by message letter: execute writes key <letter> = "1", then returns {ok: response}. */
  responses?: Record<string, unknown>;
  /** The reply entry point stores the Reply it got under key "r" and returns this. */
  replyResponse?: unknown;
}

const IMPORTS = [
  { name: 'db_read', params: ['i32'], results: ['i32'] },
  { name: 'db_write', params: ['i32', 'i32'], results: [] },
  { name: 'abort', params: ['i32'], results: [] },
] as const;
const DB_WRITE = 1;
const ABORT = 2;
export const HEAP_START = 65536;

export class StaticData {
  private next = 1024;
  readonly segments: { offset: number; bytes: number[] }[] = [];

  /** Places bytes and a Region pointing at them; returns the Region's address. */
  region(text: string, encoding: BufferEncoding = 'utf8'): number {
    const bytes = [...Buffer.from(text, encoding)];
    const dataAt = this.next;
    const regionAt = dataAt + bytes.length;
    const header = Buffer.alloc(12);
    header.writeUInt32LE(dataAt, 0);
    header.writeUInt32LE(bytes.length, 4);
    header.writeUInt32LE(bytes.length, 8);
    this.segments.push({ offset: dataAt, bytes: [...bytes, ...header] });
    this.next = regionAt + 12;
    if (this.next > HEAP_START) throw new Error('static data too large');
    return regionAt;
  }
}

/** A bump allocator over global 0 (which starts at HEAP_START), as `allocate` must behave. */
export function allocateFunction(): FuncDef {
  return {
    params: ['i32'],
    results: ['i32'],
    locals: ['i32'],
    export: 'allocate',
    body: [
      ...op.globalGet(0),
      ...op.localSet(1),
      ...op.localGet(1),
      ...op.localGet(1),
      ...op.i32(12),
      ...op.i32Add,
      ...op.i32Store(0),
      ...op.localGet(1),
      ...op.localGet(0),
      ...op.i32Store(4),
      ...op.localGet(1),
      ...op.i32(0),
      ...op.i32Store(8),
      ...op.globalGet(0),
      ...op.i32(12),
      ...op.i32Add,
      ...op.localGet(0),
      ...op.i32Add,
      ...op.globalSet(0),
      ...op.localGet(1),
    ],
  };
}

export function scriptedContract(options: ScriptOptions = {}): Uint8Array {
  const data = new StaticData();
  const value = data.region('1');
  const ok = data.region(JSON.stringify({ ok: OK_RESPONSE }));
  const unknown = data.region(JSON.stringify({ error: 'unknown command' }));
  const panicKey = data.region('p');
  const panicMessage = data.region('panicked at scripted contract');
  const replyKey = data.region('r');
  const replyResponse = data.region(JSON.stringify({ ok: options.replyResponse ?? OK_RESPONSE }));
  const query = data.region(JSON.stringify({ ok: Buffer.from('{}').toString('base64') }));
  const letter = 3; // local index of the command letter in execute
  const branches = Object.entries(options.responses ?? {}).flatMap(([key, response]) => [
    ...op.localGet(letter),
    ...op.i32(key.charCodeAt(0)),
    ...op.i32Eq,
    ...op.ifVoid,
    ...op.i32(data.region(key)),
    ...op.i32(value),
    ...op.call(DB_WRITE),
    ...op.i32(data.region(JSON.stringify({ ok: response }))),
    ...op.return,
    ...op.end,
  ]);
  const functions: FuncDef[] = [
    allocateFunction(),
    { params: ['i32'], results: [], body: [], export: 'deallocate' },
    { params: [], results: [], body: [], export: 'interface_version_8' },
    { params: ['i32', 'i32', 'i32'], results: ['i32'], body: op.i32(ok), export: 'instantiate' },
    {
      params: ['i32', 'i32', 'i32'],
      results: ['i32'],
      locals: ['i32'],
      export: 'execute',
      body: [
        ...op.localGet(2),
        ...op.i32Load(0),
        ...op.i32Load8U(1),
        ...op.localSet(letter),
        ...op.localGet(letter),
        ...op.i32('l'.charCodeAt(0)),
        ...op.i32Eq,
        ...op.ifVoid,
        ...op.loopVoid,
        ...op.br(0),
        ...op.end,
        ...op.end,
        ...op.localGet(letter),
        ...op.i32('p'.charCodeAt(0)),
        ...op.i32Eq,
        ...op.ifVoid,
        ...op.i32(panicKey),
        ...op.i32(value),
        ...op.call(DB_WRITE),
        ...op.i32(panicMessage),
        ...op.call(ABORT),
        ...op.unreachable,
        ...op.end,
        ...branches,
        ...op.i32(unknown),
      ],
    },
    {
      params: ['i32', 'i32'],
      results: ['i32'],
      export: 'reply',
      body: [...op.i32(replyKey), ...op.localGet(1), ...op.call(DB_WRITE), ...op.i32(replyResponse)],
    },
    { params: ['i32', 'i32'], results: ['i32'], body: op.i32(query), export: 'query' },
  ];
  return buildModule({
    imports: IMPORTS.map((imp) => ({ ...imp, params: [...imp.params], results: [...imp.results] })),
    functions,
    memories: [[4]],
    globals: [{ type: 'i32', mutable: true, init: HEAP_START }],
    data: data.segments,
  });
}
