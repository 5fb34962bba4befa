#!/usr/bin/env bash
# Compiles the benchmarks with the project's TypeScript (path aliases rewritten by tsc-alias, as for the
# apps' build) and runs one with the project's Node. Usage: bash test/bench/run.sh append|rebuild [options]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bench="${1:?usage: bash test/bench/run.sh append|rebuild [options]}"
shift
bin="$PWD/node_modules/.bin"
"$bin/tsc" -p test/bench/tsconfig.json
"$bin/tsc-alias" -p test/bench/tsconfig.json
exec "$bin/node" --enable-source-maps "dist/bench/test/bench/${bench}.bench.js" "$@"
