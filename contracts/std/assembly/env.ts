// Host imports of CosmWasm (module "env": AssemblyScript names the import module after this
// file). Every pointer is a pointer to a Region (see memory.ts). Signatures follow
// cosmwasm-std's `exports/imports.rs`; the optimizer drops the ones a contract never calls, so a
// contract imports only what it uses.

export declare function abort(messagePtr: u32): void;
export declare function debug(messagePtr: u32): void;

export declare function db_read(keyPtr: u32): u32;
export declare function db_write(keyPtr: u32, valuePtr: u32): void;
export declare function db_remove(keyPtr: u32): void;
export declare function db_scan(startPtr: u32, endPtr: u32, order: i32): u32;
export declare function db_next(iteratorId: u32): u32;

export declare function addr_validate(sourcePtr: u32): u32;
export declare function addr_canonicalize(sourcePtr: u32, destinationPtr: u32): u32;
export declare function addr_humanize(sourcePtr: u32, destinationPtr: u32): u32;

export declare function secp256k1_verify(hashPtr: u32, signaturePtr: u32, publicKeyPtr: u32): u32;
export declare function ed25519_verify(messagePtr: u32, signaturePtr: u32, publicKeyPtr: u32): u32;

export declare function query_chain(requestPtr: u32): u32;
