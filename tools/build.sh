#!/usr/bin/env bash
# Builds the WebAssembly module and assembles the static site in dist/ (relative URLs only).
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian's Emscripten needs acorn (node-acorn) for its JS optimizer.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j"$(nproc)" --target playground_wasm
node tools/build-site.mjs
