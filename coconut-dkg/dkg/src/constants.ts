// Parameters of Groth's NI-DKG as Nym fixed them ([DKG] bte/mod.rs, bte/proof_chunking.rs,
// bte/proof_sharing.rs, bte/proof_discrete_log.rs in nymtech/nym common/dkg).

/** A share is its 32-byte little-endian encoding cut into 16 chunks of 16 bits. */
export const NUM_CHUNKS = 16;
export const CHUNK_BITS = 16;
/** B in the paper: the number of distinct chunk values. */
export const CHUNK_SIZE = 1 << CHUNK_BITS;

/** ℓ: parallel runs of the chunking proof batched under one challenge. */
export const PARALLEL_RUNS = 32;
/** λ: security parameter of the chunking proof. */
export const SECURITY_PARAMETER = 256;
/** ⌈λ / ℓ⌉: bits per first-challenge value e_{i,j,k}, so E = 2^8. */
export const CHALLENGE_BITS = Math.ceil(SECURITY_PARAMETER / PARALLEL_RUNS);

/** Number of fh_i bases of the (single-epoch) binary-tree encryption. */
export const HASH_SECURITY_PARAM = 256;

const PROOF_PREFIX = 'NYM_COCONUT_NIDKG_V01_CS01_WITH_BLS12381_XMD:SHA-256_SSWU_RO_';

/** Domain-separation tags, byte for byte as Nym uses them. */
export const DST = {
  setup: 'NYM_COCONUT_NIDKG_V01_CS01_WITH_BLS12381G2_XMD:SHA-256_SSWU_RO_SETUP',
  discreteLog: `${PROOF_PREFIX}PROOF_DISCRETE_LOG`,
  sharingInstance: `${PROOF_PREFIX}PROOF_SECRET_SHARING_INSTANCE`,
  sharingChallenge: `${PROOF_PREFIX}PROOF_SECRET_SHARING_CHALLENGE`,
  chunkingSecondChallenge: `${PROOF_PREFIX}PROOF_CHUNKING_SECOND_CHALLENGE`,
  chunkingOracle: 'NYM_COCONUT_NIDKG_V01_CS01_SHA-256_CHACHA20_CHUNKING_ORACLE',
  /** Ours: the complaint proof (Nym has no complaints); see complaint.ts. */
  complaint: `${PROOF_PREFIX}PROOF_DECRYPTION_COMPLAINT`,
} as const;
