#!/usr/bin/env bash
# `npm start`: installs what is missing (npm dependencies with the project's Node 24, the Temporal CLI),
# builds, then runs the whole system on its embedded defaults until Ctrl-C.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
cd "$ROOT_DIR"
bash infra/bin/ensure-node-deps.sh
export PATH="$ROOT_DIR/node_modules/.bin:$PATH"
if [[ -z "${TEMPORAL_ADDRESS:-}" ]]; then
  TEMPORAL_CLI_PATH="$(bash infra/temporal-cli/install.sh)"
  export TEMPORAL_CLI_PATH
fi
log "building (tsc)…"
npm run --silent build
# The system runs in a session of its own, so a Ctrl-C reaches only this script, which asks it to stop
# in order (API, worker, Temporal, PostgreSQL) instead of every process dying at once mid-write.
setsid node infra/dev/start.mjs &
system=$!
trap 'kill -TERM "$system" 2>/dev/null || true' INT TERM
status=0
while :; do
  if wait "$system"; then status=0; else status=$?; fi
  kill -0 "$system" 2>/dev/null || break
done
exit "$status"
