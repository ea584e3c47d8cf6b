// `nymts gateway bond|unbond|update-config`: a gateway's bond in the mixnet contract (gateways
// have no cost parameters, delegations or rewards; their pledge returns at once on unbonding).
import { readGatewayHome } from '@nymts/gateway';
import { submitBond } from '@nymts/mixnode';
import type { MixnetTypes } from '@nymts/contracts-client';
import type { CommandHandler } from '../../framework/command';
import { CliError } from '../../framework/errors';
import { asCliError } from '../../framework/node-options';
import { amountArg } from '../../chain/args';
import { amountData, nymText } from '../../chain/format';
import { attempt, withSigner, type Signer } from '../../chain/session';
import {
  bondingContracts,
  mixnetSigner,
  txOutput,
  viaVestingOrDirect,
  type StakeOptions,
} from '../mixnet/shared';
import { checkCanBond } from '../mixnode/bonding';
import { resolveHome } from './options';

export interface GatewayHomeOptions extends StakeOptions {
  id?: string;
  home?: string;
  location?: string;
}

export const gatewayBond: CommandHandler<GatewayHomeOptions> = async (options) => {
  const home = resolveHome(options);
  const amount = await amountArg(options.args?.[0], 'pledge');
  const node = asCliError(() => readGatewayHome(home, { location: options.location }));
  return withSigner(options, async (signer) => {
    await checkCanBond(signer, options, amount, 'gateway');
    const bond = await attempt('bonding the gateway', () =>
      submitBond(
        signer.session,
        {
          contracts: bondingContracts(signer, options),
          amount,
          funding: options.vesting === true ? 'vesting' : 'liquid',
        },
        { kind: 'gateway-bonding', keys: node.keys, description: node.description },
      ),
    );
    return txOutput(
      bond.tx,
      {
        action: 'bond_gateway',
        owner: bond.owner,
        identity_key: bond.identityKey,
        pledge: amountData(amount),
        funding: bond.funding,
        gateway: node.description,
      },
      `bonded gateway ${bond.identityKey} at ${node.description.host}:${node.description.clients_port} with ${nymText(amount)}`,
    );
  });
};

/** The identity key of the key's own gateway, or an error saying it has none. */
async function ownedGateway(signer: Signer, options: StakeOptions): Promise<string> {
  const owner = signer.session.address;
  const answer = await attempt('querying the gateway', () =>
    mixnetSigner(signer, options).getOwnedGateway({ address: owner }),
  );
  if (answer.gateway === null || answer.gateway === undefined) {
    throw new CliError('not_bonded', `${owner} has no gateway bonded`, { owner });
  }
  return answer.gateway.gateway.identity_key;
}

export const gatewayUnbond: CommandHandler<StakeOptions> = (options) =>
  withSigner(options, async (signer) => {
    const identity = await ownedGateway(signer, options);
    const result = await attempt('unbonding the gateway', () =>
      viaVestingOrDirect(signer, options, {
        vesting: (vesting, fee) => vesting.unbondGateway({}, fee),
        direct: (mixnet, fee) => mixnet.unbondGateway(fee),
      }),
    );
    return txOutput(
      result,
      { action: 'unbond_gateway', identity_key: identity },
      `gateway ${identity} unbonded; its pledge is returned`,
    );
  });

export const gatewayUpdateConfig: CommandHandler<GatewayHomeOptions> = async (options) => {
  const home = resolveHome(options);
  const { description } = asCliError(() => readGatewayHome(home, { location: options.location }));
  const newConfig: MixnetTypes.GatewayConfigUpdate = {
    host: description.host,
    mix_port: description.mix_port,
    clients_port: description.clients_port,
    http_api_port: description.http_api_port,
    location: description.location,
    version: description.version,
  };
  return withSigner(options, async (signer) => {
    const identity = await ownedGateway(signer, options);
    const result = await attempt('updating the gateway', () =>
      viaVestingOrDirect(signer, options, {
        vesting: (vesting, fee) => vesting.updateGatewayConfig({ newConfig: { ...newConfig } }, fee),
        direct: (mixnet, fee) => mixnet.updateGatewayConfig({ newConfig }, fee),
      }),
    );
    return txOutput(
      result,
      { action: 'update_gateway_config', identity_key: identity, new_config: newConfig },
      `gateway ${identity} now announces ${newConfig.host}:${newConfig.clients_port}`,
    );
  });
};
