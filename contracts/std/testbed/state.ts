import {
  Codec,
  Fields,
  IndexedMap,
  Item,
  JsonValue,
  JsonWriter,
  Key,
  Map,
  MultiIndex,
  Result,
  stringCodec,
  Uint128,
  UniqueIndex,
} from '../assembly/index';

// Storage of the std testbed: one of each kind, so tests can compare the raw keys with
// cw-storage-plus's layout byte for byte.

export const CONFIG = new Item<string>('config', stringCodec);
export const NAMES = new Map<string>('names', stringCodec);
/** Keyed by (owner, id). */
export const PAIRS = new Map<string>('pairs', stringCodec);
/** Keyed by an i64 (sign bit flipped, so negative keys sort first). */
export const SIGNED = new Map<string>('signed', stringCodec);

export class Token {
  constructor(
    readonly owner: string,
    readonly name: string,
    readonly amount: Uint128,
  ) {}
}

function writeToken(token: Token, w: JsonWriter): void {
  w.beginObject();
  w.key('owner')
    .string(token.owner)
    .key('name')
    .string(token.name)
    .key('amount')
    .string(token.amount.toString());
  w.endObject();
}

function readToken(json: JsonValue): Result<Token> {
  const f = new Fields(json, 'Token');
  const token = new Token(f.string('owner'), f.string('name'), f.uint128('amount'));
  const problem = f.finish();
  return problem !== null ? Result.err<Token>(problem) : Result.ok<Token>(token);
}

export const TOKEN_CODEC = new Codec<Token>(writeToken, readToken);

function tokenOwner(token: Token): Key {
  return Key.str(token.owner);
}

function tokenName(token: Token): Key {
  return Key.str(token.name);
}

/** Keyed by u64 id, indexed by owner (multi) and name (unique). */
export const TOKENS = new IndexedMap<Token>('tokens', TOKEN_CODEC);
export const TOKENS_BY_OWNER = new MultiIndex<Token>('tokens__owner', tokenOwner, TOKENS.primary);
export const TOKENS_BY_NAME = new UniqueIndex<Token>('tokens__name', tokenName, TOKEN_CODEC);
TOKENS.addIndex(TOKENS_BY_OWNER);
TOKENS.addIndex(TOKENS_BY_NAME);
