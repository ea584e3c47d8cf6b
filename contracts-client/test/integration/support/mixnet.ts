// The mixnet contract next to a vesting contract, so vesting accounts can stake through it: the
// artifact uploaded and instantiated with plain JSON (the typed client and deploy helper for the
// mixnet contract live elsewhere), and a node's keys to sign its bonding message.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { base58 } from '@scure/base';
import { MIXNET_WASM } from '@nymts/contract-mixnet';
import { DEFAULT_REWARDING_PARAMS, uploadArtifact, VestingClient, type SigningSession } from '../../../src';

/** Nym's reward model with a rewarded set small enough for a test network. */
export const MIXNET_REWARDING_PARAMS = {
  ...DEFAULT_REWARDING_PARAMS,
  initial_reward_pool: '250000000000000',
  rewarded_set_size: 6,
  active_set_size: 3,
};

/** Instantiates the mixnet contract for `vesting` and makes it the vesting contract's mixnet. */
export async function instantiateMixnet(
  admin: SigningSession,
  tokenAddress: string,
  vestingAddress: string,
): Promise<string> {
  const { codeId } = await uploadArtifact(admin, MIXNET_WASM);
  const { contractAddress } = await admin.client.instantiate(
    admin.address,
    codeId,
    {
      rewarding_validator_address: admin.address,
      vesting_contract_address: vestingAddress,
      token_address: tokenAddress,
      epochs_in_interval: 2,
      epoch_duration_secs: 3600,
      initial_rewarding_params: MIXNET_REWARDING_PARAMS,
    },
    'mixnet',
    admin.fee,
  );
  await new VestingClient(admin.client, admin.address, vestingAddress).updateMixnetAddress(
    { address: contractAddress },
    admin.fee,
  );
  return contractAddress;
}

function rawPublicKey(key: KeyObject): Uint8Array {
  return new Uint8Array(Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url'));
}

/** A mix node's description and the owner signature that lets `owner` bond it on `mixnet`. */
export async function mixNodeBond(
  session: SigningSession,
  mixnet: string,
  owner: string,
): Promise<{ mixNode: Record<string, unknown>; ownerSignature: string }> {
  const identity = generateKeyPairSync('ed25519');
  const mixNode = {
    host: '10.0.0.1',
    mix_port: 1789,
    http_api_port: 8000,
    sphinx_key: base58.encode(rawPublicKey(generateKeyPairSync('x25519').publicKey)),
    identity_key: base58.encode(rawPublicKey(identity.publicKey)),
    version: '1.1.0',
    location: 'Earth',
  };
  const nonce = (await session.client.queryContractSmart(mixnet, {
    get_signing_nonce: { address: owner },
  })) as number;
  const message = JSON.stringify({ message_type: 'mixnode-bonding', contract: mixnet, owner, nonce });
  const ownerSignature = base58.encode(new Uint8Array(sign(null, Buffer.from(message), identity.privateKey)));
  return { mixNode, ownerSignature };
}

export const COST_PARAMS = { profit_margin_percent: '0.1', interval_operating_cost: '40000000' };
