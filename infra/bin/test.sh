#!/usr/bin/env bash
# `npm test`: installs what is missing (npm dependencies, the Temporal CLI dev server, the Java time-skipping
# server, Chromium), then type-checks, lints and runs every Jest project (unit, workflow, integration, end-to-end, browser)
# against real servers. Extra arguments go to Jest, e.g. `npm test -- --selectProjects unit`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
cd "$ROOT_DIR"
bash infra/bin/ensure-node-deps.sh
export PATH="$ROOT_DIR/node_modules/.bin:$PATH"
TEMPORAL_CLI_PATH="$(bash infra/temporal-cli/install.sh)"
TEMPORAL_TEST_SERVER_PATH="$(bash infra/temporal-test-server/install.sh)"
# The browser tests drive Debian's Chromium (installed with apt when missing).
CHROMIUM_PATH="$(bash infra/browser/install.sh)"
export TEMPORAL_CLI_PATH TEMPORAL_TEST_SERVER_PATH CHROMIUM_PATH

log "node $(node --version); checking dependency invariants, types and import rules…"
node infra/dev/check-dependencies.mjs
npm run --silent typecheck
npm run --silent lint
# The worker-crash and start-command tests run the built processes, as production does.
log "building (tsc)…"
npm run --silent build
log "running the tests…"
# NestJS 12 is ESM-only: Jest needs its native ESM mode. One process at a time: 2 cores, and the servers
# (and time skipping) are shared.
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning ${NODE_OPTIONS:-}" \
  jest --runInBand "$@"
