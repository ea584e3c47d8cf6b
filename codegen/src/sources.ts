// Every client `npm run codegen` generates into contracts-client/src/generated/. Adding a contract
// is one line here: its client name and its IDL schema (paths relative to the repository root).

export interface ClientSource {
  /** Files `<name>.types.ts` and `<name>.client.ts`, classes `<name>Client` and `<name>QueryClient`. */
  name: string;
  /** The contract's schema in the CosmWasm IDL format. */
  schema: string;
  /** For schemas written in this package: the module exporting the `idl` that `schema` is rendered from. */
  definition?: string;
  /**
   * Definitions of the execute schema that no message refers to directly but callers build, such
   * as the message carried inside a cw20 `Send`: emitted as types too.
   */
  extraTypes?: readonly string[];
  /**
   * The signing client (`<name>Client`) extends the query client unless a query and an execute
   * message share a name; then it has the execute methods only.
   */
  executeOnlyClient?: boolean;
}

export const CLIENT_SOURCES: readonly ClientSource[] = [
  { name: 'Vesting', schema: 'contracts/vesting/schema/vesting.json', extraTypes: ['ReceiveMsg'] },
  { name: 'Mixnet', schema: 'contracts/mixnet/schema/mixnet.json', extraTypes: ['ReceiveMsg'] },
  {
    name: 'Cw20Base',
    schema: 'codegen/cw-plus/schema/cw20-base.json',
    definition: 'codegen/cw-plus/cw20-base.ts',
  },
  {
    name: 'Cw4Group',
    schema: 'codegen/cw-plus/schema/cw4-group.json',
    definition: 'codegen/cw-plus/cw4-group.ts',
  },
  {
    name: 'Cw3FlexMultisig',
    schema: 'codegen/cw-plus/schema/cw3-flex-multisig.json',
    definition: 'codegen/cw-plus/cw3-flex-multisig.ts',
    executeOnlyClient: true, // `vote` is a query and an execute message
  },
];

/** Where the generated clients go (relative to the repository root). */
export const GENERATED_DIR = 'contracts-client/src/generated';
