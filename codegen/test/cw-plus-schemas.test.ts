// The cw-plus schemas are written by hand (no npm package ships them), so they are held against
// the real cw-plus 1.0.1 binaries the NYM token and the DKG deploy, run on the chain's wasm keeper:
// every message the schemas describe must parse in the contract, and every query answer must fit
// the schema's response.
import { account, contractWasm, Harness } from '@nymts/chain/test/wasm/support/harness';
import type { ContractIdl } from '@nymts/contract-build';
import { idl as cw20Idl } from '../cw-plus/cw20-base';
import { idl as cw3Idl } from '../cw-plus/cw3-flex-multisig';
import { idl as cw4Idl } from '../cw-plus/cw4-group';
import { SchemaRoot } from './support/json-schema';

const alice = account(1);
const bob = account(2);
const PICKS = 8; // the most variants of any nested enum (CosmosMsg)
// How serde (serde-json-wasm, through cosmwasm-std) reports a message that does not fit the type.
const PARSE_ERROR = /Error parsing into type|unknown variant|missing field|unknown field|invalid type/i;

type Variant = { required: [string] };

function leaf({ path, type, definition }: { path: string[]; type: string; definition?: string }): unknown {
  if (definition === 'Uint128') return '1000';
  if (definition === 'Uint64') return '1';
  if (definition === 'Decimal') return '0.5';
  if (definition === 'Binary') return Buffer.from('{}').toString('base64');
  if (type === 'integer') return 1;
  const field = path[path.length - 1];
  if (field === 'symbol') return 'NYM';
  if (field === 'denom' || field === 'native') return 'unyx';
  return alice;
}

/** Each top-level variant of a message schema, sampled full and minimal with every pick. */
function samples(schema: Record<string, unknown>): Array<{ variant: string; message: unknown }> {
  const root = new SchemaRoot(schema);
  const out: Array<{ variant: string; message: unknown }> = [];
  for (const variant of schema.oneOf as Array<Record<string, unknown> & Variant>) {
    for (let pick = 0; pick < PICKS; pick++) {
      for (const full of [true, false]) {
        out.push({ variant: variant.required[0], message: root.sample(variant, { full, pick, leaf }) });
      }
    }
  }
  return out;
}

function errorOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Fails, naming the message, when the contract could not parse it. */
function expectParsed(variant: string, message: unknown, error: string | null): void {
  const parseError = error !== null && PARSE_ERROR.test(error) ? error : null;
  expect({ variant, message, parseError }).toEqual({ variant, message, parseError: null });
}

function checkMessagesParse(h: Harness, contract: string, idl: ContractIdl): void {
  for (const { variant, message } of samples(idl.execute)) {
    expectParsed(
      variant,
      message,
      errorOf(() => h.execute(alice, contract, message)),
    );
  }
}

/** Every query variant parses, and each is answered at least once with a value its response schema fits. */
function checkQueries(h: Harness, contract: string, idl: ContractIdl): void {
  const answered = new Set<string>();
  for (const { variant, message } of samples(idl.query)) {
    let answer: unknown;
    const error = errorOf(() => (answer = h.query(contract, message)));
    expectParsed(variant, message, error);
    if (error !== null) continue;
    const response = idl.responses[variant];
    expect({ variant, answer, problems: new SchemaRoot(response!).problems(answer) }).toEqual({
      variant,
      answer,
      problems: [],
    });
    answered.add(variant);
  }
  expect([...answered].sort()).toEqual((idl.query.oneOf as Variant[]).map((v) => v.required[0]).sort());
}

function instantiateChecked(h: Harness, codeId: bigint, idl: ContractIdl, msg: unknown): string {
  expect(new SchemaRoot(idl.instantiate).problems(msg)).toEqual([]);
  return h.instantiate(alice, codeId, msg).address;
}

describe('hand-written cw-plus schemas against the cw-plus 1.0.1 binaries', () => {
  it('cw20-base', () => {
    const h = new Harness();
    const codeId = h.upload(alice, contractWasm('cw20-base'));
    const token = instantiateChecked(h, codeId, cw20Idl, {
      name: 'Nym',
      symbol: 'NYM',
      decimals: 6,
      initial_balances: [{ address: alice, amount: '1000000' }],
      mint: { minter: alice, cap: '5000000' },
      marketing: { project: 'https://nymtech.net', description: 'NYM', marketing: alice, logo: null },
    });
    h.execute(alice, token, { increase_allowance: { spender: bob, amount: '100', expires: null } });
    // An embedded logo so that download_logo answers (cw20-base checks only the PNG signature).
    h.execute(alice, token, {
      upload_logo: { embedded: { png: Buffer.from('89504e470d0a1a0a', 'hex').toString('base64') } },
    });
    checkQueries(h, token, cw20Idl);
    expect(h.query(token, { minter: {} })).toEqual({ minter: alice, cap: '5000000' });
    checkMessagesParse(h, token, cw20Idl);
  });

  it('cw20-base answers null for the minter of a token without one', () => {
    const h = new Harness();
    const codeId = h.upload(alice, contractWasm('cw20-base'));
    const token = instantiateChecked(h, codeId, cw20Idl, {
      name: 'Fixed',
      symbol: 'FIX',
      decimals: 0,
      initial_balances: [{ address: alice, amount: '1' }],
    });
    const answer = h.query(token, { minter: {} });
    expect(answer).toBeNull();
    expect(new SchemaRoot(cw20Idl.responses.minter!).problems(answer)).toEqual([]);
  });

  it('cw4-group and cw3-flex-multisig', () => {
    const h = new Harness();
    const groupCode = h.upload(alice, contractWasm('cw4-group'));
    const multisigCode = h.upload(alice, contractWasm('cw3-flex-multisig'));
    const group = instantiateChecked(h, groupCode, cw4Idl, {
      admin: alice,
      members: [
        { addr: alice, weight: 5 },
        { addr: bob, weight: 3 },
      ],
    });
    const multisig = instantiateChecked(h, multisigCode, cw3Idl, {
      group_addr: group,
      threshold: { absolute_count: { weight: 4 } },
      max_voting_period: { time: 3600 },
      executor: 'member',
      proposal_deposit: null,
    });
    h.execute(alice, multisig, {
      propose: { title: 'key', description: 'verification key', msgs: [], latest: null },
    });
    h.execute(alice, group, { add_hook: { addr: multisig } });
    checkQueries(h, group, cw4Idl);
    checkQueries(h, multisig, cw3Idl);
    checkMessagesParse(h, multisig, cw3Idl);
    checkMessagesParse(h, group, cw4Idl);
  });
});
