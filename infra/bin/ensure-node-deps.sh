#!/usr/bin/env bash
# Installs the npm dependencies (with the install scripts approved in package.json `allowScripts`, which
# include the pinned Node 24 runtime) when node_modules is missing or older than the lockfile.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
cd "$ROOT_DIR"
command -v npm >/dev/null || die "npm is needed (any Node.js >= 20 with npm >= 11); it installs the project's own Node 24."
version_at_least "$(npm --version)" 11.0.0 || die "npm 11 or newer is needed (found $(npm --version)): it honours package.json allowScripts."
stamp=node_modules/.trialflow-install-stamp
want=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
if [[ -f $stamp && "$(cat "$stamp")" == "$want" && -x node_modules/.bin/node ]]; then exit 0; fi
log "installing npm dependencies…"
# `npm install` honours the lockfile like `npm ci` but tolerates optional platform packages (other OSes)
# that this registry mirror does not carry, which make `npm ci` refuse the lockfile.
npm install --no-audit --no-fund --loglevel=error >&2
[[ -x node_modules/.bin/node ]] || die "the pinned Node runtime (npm package 'node') did not install; check allowScripts in package.json."
echo "$want" > "$stamp"
