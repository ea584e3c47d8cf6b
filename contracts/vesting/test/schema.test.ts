// The committed schema is the definition's, it lists exactly the messages the contract accepts,
// and every query has its response schema (what @cosmwasm/ts-codegen needs to type a client).
import { readFileSync } from 'node:fs';
import { variantNames, type JsonSchema } from '@nymts/contract-build';
import { idl } from '../schema/definition';
import { VESTING_SCHEMA } from '../src';
import { ADMIN, errorOf, OWNER, Vesting } from './support/vesting';

/** The variants a contract names in its "unknown variant" error. */
function acceptedVariants(error: string): string[] {
  const list = error.replace(/^.*expected one of /, '');
  return [...list.matchAll(/`([a-z_0-9]+)`/g)].map((m) => m[1]!);
}

test('the committed schema file is the definition, as the build writes it', () => {
  expect(JSON.parse(readFileSync(VESTING_SCHEMA, 'utf8'))).toEqual(JSON.parse(JSON.stringify(idl)));
  expect(idl).toMatchObject({ contract_name: 'vesting', idl_version: '1.0.0', sudo: null });
});

test('execute, query and receive variants are exactly those the contract accepts', async () => {
  const v = await Vesting.start();
  const executeError = errorOf(v.execute(OWNER, { not_a_message: {} }));
  expect(variantNames(idl.execute).sort()).toEqual(acceptedVariants(executeError).sort());
  const queryError = errorOf(v.host.query({ not_a_query: {} }));
  expect(variantNames(idl.query).sort()).toEqual(acceptedVariants(queryError).sort());
  const receiveError = errorOf(v.send(ADMIN, '1', { not_a_hook: {} }));
  const receiveSchema = (idl.execute.definitions as Record<string, JsonSchema>).ReceiveMsg!;
  expect(variantNames(receiveSchema).sort()).toEqual(acceptedVariants(receiveError).sort());
});

test('every query has a response schema with a title', () => {
  expect(Object.keys(idl.responses).sort()).toEqual(variantNames(idl.query).sort());
  for (const response of Object.values(idl.responses)) {
    expect(response).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: expect.any(String),
    });
  }
});

test('struct variants deny unknown fields, as #[cw_serde] does', () => {
  const variants = idl.execute.oneOf as Array<{ properties: Record<string, JsonSchema> }>;
  for (const variant of variants) {
    expect(variant).toMatchObject({ additionalProperties: false });
    for (const body of Object.values(variant.properties))
      expect(body).toMatchObject({ additionalProperties: false });
  }
});
