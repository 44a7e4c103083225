#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already present.
#   scripts/setup.sh build   – wasm target, trunk, wasm-bindgen CLI, npm tools (wasm-opt)
#   scripts/setup.sh test    – the same, plus Chromium and ChromeDriver (Debian, as root)
# Nothing here downloads a prebuilt browser or toolchain: crates.io, npm and Debian only.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.22.1
want_browser=${1:-build}

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The CLI must be exactly the wasm-bindgen version Cargo.lock resolved.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (about 3 minutes)"
  # Not --locked: its lock file pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 15 minutes, once)"
  # trunk declares a newer rust-version than it needs; it builds and runs on 1.95.
  cargo install --locked trunk --version "$TRUNK_VERSION" --ignore-rust-version --force
fi

# twiggy names what takes the room when the wasm is over its size budget (scripts/size.sh).
TWIGGY_VERSION=0.8.0
if [ "$want_browser" = test ] && [ "$(twiggy --version 2>/dev/null | awk '{print $2}')" != "$TWIGGY_VERSION" ]; then
  say "installing twiggy $TWIGGY_VERSION (about 2 minutes)"
  cargo install --locked twiggy --version "$TWIGGY_VERSION" --force
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools (binaryen, playwright-core)"
  npm ci --no-audit --no-fund
fi

if [ "$want_browser" = test ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; }; then
  if [ "$(id -u)" = 0 ]; then
    say "installing Debian's chromium and chromium-driver"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  else
    say "chromium and chromedriver are missing: run 'sudo apt-get install chromium chromium-driver'"
    exit 1
  fi
fi

# Trunk runs offline; every crate must already be in the local registry.
cargo fetch --quiet
