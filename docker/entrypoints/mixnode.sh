#!/bin/sh
# A mix node: keys and config on the first start, its bond in the mixnet contract (once, signed by
# dev account NYMTS_DEV_ACCOUNT), then the node. Its state lives in the /data volume, so a restarted
# container is the same node; a failed bond exits and compose starts the container again.
set -eu
. "$(dirname "$0")/dev-account.sh"
home=/data/mixnode
if [ ! -f "$home/config/config.toml" ]; then
  nymts mixnode init --home "$home" --host 0.0.0.0 --announce-host "${NYMTS_ANNOUNCE_HOST:?}"
fi
if [ ! -f "$home/bonded" ]; then
  nymts mixnode bond "${NYMTS_PLEDGE:-100}" --home "$home"
  touch "$home/bonded"
fi
exec nymts mixnode run --home "$home"
