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
exec node infra/dev/start.mjs
