# Shared by the infra scripts: where things live and how to fail. Sourced, not run.
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS_DIR="${TRIALFLOW_TOOLS_DIR:-$ROOT_DIR/.tools}"
DATA_DIR="${TRIALFLOW_DATA_DIR:-$ROOT_DIR/.data}"
export TRIALFLOW_TOOLS_DIR="$TOOLS_DIR" TRIALFLOW_DATA_DIR="$DATA_DIR"

log() { printf '\033[36m[trialflow]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[trialflow] %s\033[0m\n' "$*" >&2; exit 1; }

# version_at_least HAVE WANT: true when dotted version HAVE >= WANT.
version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }
