#!/bin/sh
# A one-validator wasmd chain for nymts: on the first start a genesis with denom unyx (staking, gas,
# fees) in which the deployer (dev account 0 of `nymts chain init --dev`, or WASMD_DEPLOYER_MNEMONIC)
# holds unyx and is the validator; then the node, RPC on every interface, 1 s blocks, and the same
# fee floor as the embedded chain. The deploy step funds the node operators from the deployer.
set -eu
home=/data/wasmd
chain_id="${WASMD_CHAIN_ID:-nyx-wasmd}"
mnemonic="${WASMD_DEPLOYER_MNEMONIC:-abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about}"
keys="--keyring-backend test --home $home"

if [ ! -f "$home/config/genesis.json" ]; then
  wasmd init nymts --chain-id "$chain_id" --default-denom unyx --home "$home" >/dev/null
  echo "$mnemonic" | wasmd keys add deployer --recover $keys >/dev/null
  wasmd genesis add-genesis-account deployer "${WASMD_DEPLOYER_BALANCE:-1000000000000000unyx}" $keys
  wasmd genesis gentx deployer "${WASMD_SELF_DELEGATION:-1000000000unyx}" --chain-id "$chain_id" $keys
  wasmd genesis collect-gentxs --home "$home" >/dev/null
  sed -i 's/^timeout_commit = .*/timeout_commit = "1s"/' "$home/config/config.toml"
  sed -i 's/^cors_allowed_origins = .*/cors_allowed_origins = ["*"]/' "$home/config/config.toml"
  echo "wasmd: genesis for $chain_id written; deployer $(wasmd keys show deployer -a $keys)"
fi

exec wasmd start --home "$home" --rpc.laddr tcp://0.0.0.0:26657 --minimum-gas-prices 0.025unyx
