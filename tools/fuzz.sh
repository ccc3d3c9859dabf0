#!/usr/bin/env bash
# Runs the libFuzzer targets (tests/fuzz/: asset header, vector asset, tokenizer asset, token
# ids, expressions, text), built with clang, AddressSanitizer and UBSan in build/fuzz, each for
# up to 100,000 inputs or SECONDS seconds (default 15), from seeds built in code. Any crash,
# sanitizer report, leak, timeout or non-playground exception fails it; the input is kept in
# build/fuzz/artifacts/. Skipped, saying so, when clang++ cannot link -fsanitize=fuzzer (Debian:
# clang and libclang-rt-dev, which tools/setup.sh installs).
#   bash tools/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
targets=(asset_header vector_asset tokenizer_asset token_ids expression text)

probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' > "$probe/probe.cc"
if ! command -v clang++ >/dev/null ||
   ! clang++ -fsanitize=fuzzer,address,undefined "$probe/probe.cc" -o "$probe/probe" 2>/dev/null; then
  echo "fuzz: skipped, clang++ with libFuzzer is not available (install clang and libclang-rt-dev)"
  exit 0
fi

CXX=clang++ cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=Release -DEMBEDDING_PLAYGROUND_FUZZ=ON >/dev/null
cmake --build build/fuzz -j"$(nproc)" --target playground_fuzz_seeds "${targets[@]/#/fuzz_}" >/dev/null
build/fuzz/playground_fuzz_seeds build/fuzz/corpus
mkdir -p build/fuzz/artifacts
for t in "${targets[@]}"; do
  log=build/fuzz/fuzz_$t.log
  if build/fuzz/fuzz_$t -runs=100000 -max_total_time="$seconds" -max_len=1024 -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix=build/fuzz/artifacts/$t- -print_final_stats=1 build/fuzz/corpus/$t >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz: $t: $runs inputs, no crash"
  else
    echo "fuzz: $t FAILED (full log: $log)"
    grep -E "ERROR|runtime error|what\(\)|terminate|Test unit written|SUMMARY" "$log" | head -20
    exit 1
  fi
done
