#!/usr/bin/env bash
# The release wasm's size against its budget (gzip -9 of what `trunk build --release`
# wrote to dist/). A size is deterministic, so unlike a timing it may fail `make test`.
# Over budget, it names the largest contributors (twiggy, on the build that keeps names).
#   scripts/size.sh BUDGET_BYTES
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:?usage: scripts/size.sh BUDGET_BYTES}
wasm=$(ls dist/*_bg.wasm)
raw=$(wc -c < "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
printf 'size: %s is %d bytes, %d gzip -9 (budget %d)\n' "$wasm" "$raw" "$gz" "$budget"
if [ "$gz" -gt "$budget" ]; then
  echo "size: over budget by $((gz - budget)) bytes. Largest contributors (before wasm-bindgen and wasm-opt):"
  named=target/wasm32-unknown-unknown/release/article-annotator.wasm
  if command -v twiggy >/dev/null && [ -f "$named" ]; then
    twiggy top -n 25 "$named" | grep -v 'function names\|__wasm_bindgen_unstable'
  else
    echo "(install twiggy, or run 'make setup-test', to see them)"
  fi
  exit 1
fi
