#!/bin/sh
# A mixnet client with nym-client's WebSocket API: keys and a gateway picked from the topology file
# on the first start, then the client, which re-reads the file the topology service keeps current.
# Keys, reply keys and stored state live in the /data volume.
set -eu
home=/data/client
if [ ! -f "$home/config/config.toml" ]; then
  nymts client init --home "$home" --topology /topology/topology.json --host 0.0.0.0 --port 1977
fi
exec nymts client run --home "$home" --http-port 8000
