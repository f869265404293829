#!/bin/sh
# Installs the lockfile'd npm folder (solc-js, OpenZeppelin, Uniswap v2 core, anvil) under target/ and
# compiles the Solidity sources into class path resources. Run by the Maven build (exec-maven-plugin).
#   sh build.sh NPM_DIR OUT_DIR
# Without node or npm the build goes on (the EVM tests then skip, or fail when CI=true).
set -eu
npm_dir="$1"
out_dir="$2"
here="$(pwd)"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then
    echo "fomo-evm: node and npm are required in CI (CI=true) to compile the contracts" >&2
    exit 1
  fi
  echo "fomo-evm: node or npm not found: contracts not compiled, the EVM tests will be skipped" >&2
  exit 0
fi
mkdir -p "$npm_dir"
cp "$here/package.json" "$here/package-lock.json" "$here/compile.mjs" "$here/merkle.mjs" "$npm_dir/"
# npm ci wipes and reinstalls node_modules; skip it while the installed lockfile is the current one.
if ! cmp -s "$npm_dir/package-lock.json" "$npm_dir/node_modules/.fomo-installed-lock.json" 2>/dev/null; then
  (cd "$npm_dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp "$npm_dir/package-lock.json" "$npm_dir/node_modules/.fomo-installed-lock.json"
fi
node "$npm_dir/compile.mjs" "$here/src" "$out_dir"
