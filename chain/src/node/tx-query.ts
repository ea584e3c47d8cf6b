/**
 * CometBFT's event query language (libs/pubsub/query), the subset tx_search and subscribe need:
 * conditions `key OP value` joined by AND; OP is =, <, <=, >, >=, CONTAINS or EXISTS; values are
 * 'single-quoted strings' or numbers.
 */
export type Operator = '=' | '<' | '<=' | '>' | '>=' | 'CONTAINS' | 'EXISTS';

export type Condition =
  { key: string; op: 'EXISTS' } | { key: string; op: Exclude<Operator, 'EXISTS'>; value: QueryValue };

export type QueryValue = { kind: 'string'; text: string } | { kind: 'number'; text: string };

export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}

const TOKEN =
  /\s*(?:(AND)\b|(EXISTS)\b|(CONTAINS)\b|(<=|>=|=|<|>)|'((?:[^'\\]|\\.)*)'|(-?[0-9]+(?:\.[0-9]+)?)(?![\w.])|([A-Za-z_][\w.\-/]*))/y;

type Token =
  | { kind: 'and' }
  | { kind: 'op'; op: Operator }
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'key'; text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (match === null)
      throw new QueryError(`unexpected input at position ${at}: ${JSON.stringify(text.slice(at, at + 20))}`);
    if (match[1] !== undefined) tokens.push({ kind: 'and' });
    else if (match[2] !== undefined) tokens.push({ kind: 'op', op: 'EXISTS' });
    else if (match[3] !== undefined) tokens.push({ kind: 'op', op: 'CONTAINS' });
    else if (match[4] !== undefined) tokens.push({ kind: 'op', op: match[4] as Operator });
    else if (match[5] !== undefined) tokens.push({ kind: 'string', text: match[5].replace(/\\(.)/g, '$1') });
    else if (match[6] !== undefined) tokens.push({ kind: 'number', text: match[6] });
    else tokens.push({ kind: 'key', text: match[7] as string });
  }
  return tokens;
}

export function parseQuery(text: string): Condition[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) throw new QueryError('query cannot be empty');
  const conditions: Condition[] = [];
  let index = 0;
  while (true) {
    const key = tokens[index++];
    const op = tokens[index++];
    if (key?.kind !== 'key')
      throw new QueryError(`expected an event key in condition ${conditions.length + 1}`);
    if (op?.kind !== 'op') throw new QueryError(`expected an operator after ${key.text}`);
    if (op.op === 'EXISTS') {
      conditions.push({ key: key.text, op: 'EXISTS' });
    } else {
      const value = tokens[index++];
      if (value?.kind !== 'string' && value?.kind !== 'number') {
        throw new QueryError(`expected a 'string' or a number after ${key.text} ${op.op}`);
      }
      if (op.op === 'CONTAINS' && value.kind !== 'string')
        throw new QueryError('CONTAINS needs a string operand');
      conditions.push({ key: key.text, op: op.op, value: { kind: value.kind, text: value.text } });
    }
    if (index === tokens.length) return conditions;
    if (tokens[index++]?.kind !== 'and')
      throw new QueryError(`expected AND after condition ${conditions.length}`);
  }
}

/**
 * Compares an attribute value with a numeric operand; undefined when the value is not a number.
 * Integers compare exactly; anything else as decimals of any length.
 */
const NUMBER = /^-?[0-9]+(\.[0-9]+)?$/;

export function compareNumeric(value: string, operand: string): number | undefined {
  if (!NUMBER.test(value) || !NUMBER.test(operand)) return undefined;
  const [a, b] = alignDecimals(value, operand);
  return a < b ? -1 : a > b ? 1 : 0;
}

function alignDecimals(x: string, y: string): [bigint, bigint] {
  const fx = x.split('.')[1]?.length ?? 0;
  const fy = y.split('.')[1]?.length ?? 0;
  const scale = Math.max(fx, fy);
  const toInt = (text: string, fraction: number): bigint =>
    BigInt(text.replace('.', '') + '0'.repeat(scale - fraction));
  return [toInt(x, fx), toInt(y, fy)];
}

export function holds(condition: Condition, values: readonly string[] | undefined): boolean {
  if (values === undefined || values.length === 0) return false;
  if (condition.op === 'EXISTS') return true;
  const operand = condition.value;
  return values.some((value) => {
    if (condition.op === 'CONTAINS') return value.includes(operand.text);
    if (operand.kind === 'string') return condition.op === '=' ? value === operand.text : false;
    const order = compareNumeric(value, operand.text);
    if (order === undefined) return false;
    switch (condition.op) {
      case '=':
        return order === 0;
      case '<':
        return order < 0;
      case '<=':
        return order <= 0;
      case '>':
        return order > 0;
      case '>=':
        return order >= 0;
    }
  });
}

/** Does an event map (`type.key` → values, plus tm.event, tx.hash, tx.height) match every condition? */
export function matches(
  conditions: readonly Condition[],
  events: ReadonlyMap<string, readonly string[]>,
): boolean {
  return conditions.every((condition) => holds(condition, events.get(condition.key)));
}
