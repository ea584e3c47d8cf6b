#!/bin/sh
# The embedded chain: a dev home (genesis funding the dev accounts) on the first start, then the
# node, listening on every interface of the container. State lives in the /data volume.
set -eu
home=/data/chain
if [ ! -f "$home/config/config.toml" ]; then
  nymts chain init --home "$home" --dev --chain-id "${NYMTS_CHAIN_ID:-nyx-local}" \
    --rpc 0.0.0.0:26657 --block-time "${NYMTS_BLOCK_TIME:-1s}"
fi
exec nymts chain start --home "$home"
