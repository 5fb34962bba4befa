#!/usr/bin/env bash
# Prints the path of the Temporal CLI (dev server). Uses TEMPORAL_CLI_PATH when set; otherwise builds the
# pinned tag with `go install` into the ignored tools folder, once. v1.5.1 is the newest tag `go install`
# accepts (later tags carry a replace directive); it embeds Temporal server 1.29.1 and the web UI.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
VERSION=1.5.1
MIN_GO=1.25.0

if [[ -n "${TEMPORAL_CLI_PATH:-}" ]]; then
  [[ -x "$TEMPORAL_CLI_PATH" ]] || die "TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH is not an executable file."
  echo "$TEMPORAL_CLI_PATH"; exit 0
fi
bin="$TOOLS_DIR/bin/temporal"
if [[ -x "$bin" ]] && "$bin" --version 2>/dev/null | grep -q "version $VERSION "; then echo "$bin"; exit 0; fi

command -v go >/dev/null || die "Go >= $MIN_GO is needed to build the Temporal dev server (go install github.com/temporalio/cli/cmd/temporal@v$VERSION). Install Go, or set TEMPORAL_CLI_PATH to a temporal CLI binary."
have=$(go env GOVERSION | sed 's/^go//')
version_at_least "$have" "$MIN_GO" || die "Go $have is too old to build the Temporal CLI v$VERSION: install Go >= $MIN_GO, or set TEMPORAL_CLI_PATH."
log "building the Temporal CLI v$VERSION with go install (cold: a few minutes; cached afterwards)…"
mkdir -p "$TOOLS_DIR/bin"
CGO_ENABLED=0 GOBIN="$TOOLS_DIR/bin" GOFLAGS=-buildvcs=false go install -trimpath \
  -ldflags "-s -w -X github.com/temporalio/cli/temporalcli.Version=$VERSION" \
  "github.com/temporalio/cli/cmd/temporal@v$VERSION" >&2
"$bin" --version >/dev/null || die "the Temporal CLI was built but does not run: $bin"
echo "$bin"
