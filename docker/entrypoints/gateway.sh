#!/bin/sh
# A gateway: keys and config on the first start, its bond in the mixnet contract (once, signed by
# dev account NYMTS_DEV_ACCOUNT), then the gateway. State (keys, the clients' inboxes) lives in the
# /data volume.
set -eu
. "$(dirname "$0")/dev-account.sh"
home=/data/gateway
if [ ! -f "$home/config/config.toml" ]; then
  nymts gateway init --home "$home" --host 0.0.0.0 --announce-host "${NYMTS_ANNOUNCE_HOST:?}"
fi
if [ ! -f "$home/bonded" ]; then
  nymts gateway bond "${NYMTS_PLEDGE:-100}" --home "$home"
  touch "$home/bonded"
fi
exec nymts gateway run --home "$home"
