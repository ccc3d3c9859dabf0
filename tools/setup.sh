#!/usr/bin/env bash
# Installs whatever this project needs that the machine lacks: Debian packages (with sudo
# when not root, and saying so) and the npm packages from package-lock.json. Idempotent:
# a second run installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  g++ cmake make            # native build
  libgtest-dev libgmock-dev # GoogleTest (sources in /usr/src/googletest for the WASM build)
  libeigen3-dev             # linear algebra (header-only)
  emscripten node-acorn     # C++ -> WebAssembly; acorn for Emscripten's JS optimizer
  unicode-data              # Unicode tables for the tokenizers
  chromium                  # browser tests (driven by playwright-core)
  python3-gensim python3-sklearn python3-numpy  # independent oracles in the parity tests
  clang libclang-rt-dev     # libFuzzer, AddressSanitizer, UBSan for tools/fuzz.sh
  python3-torch             # the course CBOW's oracle (tests/parity/course_cbow_torch.py)
  umap-learn                # UMAP oracle for the map parity test (tests/parity/maps.test.mjs)
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

if ((${#missing[@]})); then
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: installing Debian packages with sudo (not root): ${missing[*]}"
    SUDO=(sudo)
  else
    echo "setup: installing Debian packages: ${missing[*]}"
  fi
  "${SUDO[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "setup: Debian packages present"
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "setup: warning: Node $(node --version) found; the playground's JS API and tests need Node >= 20" >&2
fi

# npm ci when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
else
  echo "setup: npm packages present"
fi
