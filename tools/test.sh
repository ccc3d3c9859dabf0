#!/usr/bin/env bash
# Runs every test: native GoogleTest (CTest, with the seeded mutation fuzz test), the libFuzzer
# targets (tools/fuzz.sh), the same suite built with Emscripten under Node, the JS API tests,
# the gensim / scikit-learn parity tests and the browser test.
# Installs what is missing first, so it works on a fresh clone. .ci/run runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
jobs=$(nproc)

bash tools/setup.sh

echo "== native C++ tests"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$jobs"
cmake --build build/native -j"$jobs" --target playground_train  # driver for tests/parity/training.test.mjs
cmake --build build/native -j"$jobs" --target playground_map_cli  # for tests/parity/maps.test.mjs
ctest --test-dir build/native --output-on-failure -j"$jobs"

echo "== libFuzzer targets (clang, AddressSanitizer + UBSan)"
bash tools/fuzz.sh

echo "== WebAssembly build and C++ tests under Node"
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j"$jobs"
ctest --test-dir build/wasm --output-on-failure

echo "== site"
node tools/build-site.mjs

echo "== JS API, page modules, parity and browser tests"
node --test --test-concurrency=1 tests/js/ tests/web/ tests/parity/ tests/e2e/
