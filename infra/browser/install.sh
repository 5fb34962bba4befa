#!/usr/bin/env bash
# Provisions the browser of the browser tests: Debian's Chromium (apt package `chromium`), driven by
# playwright-core, which downloads no browser of its own. Prints the executable's path. CHROMIUM_PATH names an
# existing Chromium/Chrome instead.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
if [[ -n "${CHROMIUM_PATH:-}" ]]; then
  [[ -x "$CHROMIUM_PATH" ]] || die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"
  echo "$CHROMIUM_PATH"
  exit 0
fi
if [[ ! -x /usr/bin/chromium ]]; then
  command -v apt-get >/dev/null || die "the browser tests need Chromium: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH."
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "installing Chromium needs root: run 'apt-get install chromium' as root, or set CHROMIUM_PATH."
    sudo=(sudo)
  fi
  log "installing Chromium (Debian package) for the browser tests…"
  "${sudo[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends chromium >&2
fi
echo /usr/bin/chromium
