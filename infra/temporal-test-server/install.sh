#!/usr/bin/env bash
# Prints the path of the Java time-skipping test server's launcher. Uses TEMPORAL_TEST_SERVER_PATH when set;
# otherwise copies the pinned jars from Maven Central (pom.xml beside this file) into the tools folder, once.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
here="$ROOT_DIR/infra/temporal-test-server"

if [[ -n "${TEMPORAL_TEST_SERVER_PATH:-}" ]]; then
  [[ -x "$TEMPORAL_TEST_SERVER_PATH" ]] || die "TEMPORAL_TEST_SERVER_PATH=$TEMPORAL_TEST_SERVER_PATH is not an executable file."
  echo "$TEMPORAL_TEST_SERVER_PATH"; exit 0
fi
command -v java >/dev/null || die "Java 17 or newer is needed for the Temporal time-skipping test server (Debian: apt-get install openjdk-17-jre-headless), or set TEMPORAL_TEST_SERVER_PATH."
lib="$TOOLS_DIR/temporal-test-server/lib"
stamp="$TOOLS_DIR/temporal-test-server/pom.sha256"
want=$(sha256sum "$here/pom.xml" | cut -d' ' -f1)
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] && ls "$lib"/temporal-test-server-*.jar >/dev/null 2>&1; then
  echo "$here/temporal-test-server"; exit 0
fi
command -v mvn >/dev/null || die "Maven is needed once to fetch the Temporal test server from Maven Central (Debian: apt-get install maven), or set TEMPORAL_TEST_SERVER_PATH."
log "fetching the Temporal time-skipping test server from Maven Central…"
rm -rf "$lib" && mkdir -p "$lib"
mvn -B -q -f "$here/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$lib" >&2
echo "$want" > "$stamp"
echo "$here/temporal-test-server"
