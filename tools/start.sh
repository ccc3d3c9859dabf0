#!/usr/bin/env bash
# The one command for a fresh Debian/Ubuntu machine: install what is missing, build, serve.
#   bash tools/start.sh [--port N]
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
bash tools/build.sh
exec node tools/serve.mjs dist "$@"
