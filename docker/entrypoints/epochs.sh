#!/bin/sh
# The rewarding validator's clock: advance the epoch whenever it has ended, so the rewarded set and
# its layers are drawn and follow bonds and unbonds. advance-epoch refuses an epoch that has not
# ended, so a try that comes early is repeated shortly after. Each success touches
# /tmp/epoch-advanced, which the health check looks at.
set -eu
. "$(dirname "$0")/dev-account.sh"
trap 'exit 0' INT TERM
pause() {
  sleep "$1" &
  wait $!
}
while true; do
  if nymts mixnet advance-epoch; then
    touch /tmp/epoch-advanced
    pause "${NYMTS_EPOCH_SECONDS:-60}"
  else
    pause 10
  fi
done
