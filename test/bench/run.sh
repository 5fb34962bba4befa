#!/usr/bin/env bash
# Compiles the benchmarks with the project's TypeScript (path aliases rewritten by tsc-alias, as for the
# apps' build) and runs one with the project's Node.
# Usage: bash test/bench/run.sh append|rebuild|journey-update|open-journeys|http-command [options]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bench="${1:?usage: bash test/bench/run.sh append|rebuild|journey-update|open-journeys|http-command [options]}"
shift
bin="$PWD/node_modules/.bin"
# The compiled infra helpers live under dist/bench: point them at the repository's tools and data folders.
export TRIALFLOW_TOOLS_DIR="${TRIALFLOW_TOOLS_DIR:-$PWD/.tools}" TRIALFLOW_DATA_DIR="${TRIALFLOW_DATA_DIR:-$PWD/.data}"
"$bin/tsc" -p test/bench/tsconfig.json
"$bin/tsc-alias" -p test/bench/tsconfig.json
# Rebuilds run with a larger young generation, as libs/read-models/README.md recommends for the rebuild
# command: the fold keeps thousands of participant views alive across feed pages.
flags=()
[ "$bench" = rebuild ] && flags=(--max-semi-space-size=64)
exec "$bin/node" --enable-source-maps "${flags[@]}" "dist/bench/test/bench/${bench}.bench.js" "$@"
