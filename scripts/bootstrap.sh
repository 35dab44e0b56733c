#!/usr/bin/env bash
# Install what is missing (Debian 12 packages) and build build/prepub.
# Usage: bash scripts/bootstrap.sh [--test-deps]   (--test-deps also installs what the tests use)
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=(build-essential cmake pkg-config libglib2.0-dev libmagic-dev libpoppler-glib-dev libzip-dev
      libpcre2-dev libxml2-dev libjson-glib-dev libcairo2-dev)
if [ "${1:-}" = "--test-deps" ]; then
  pkgs+=(poppler-utils zip unzip python3 fonts-noto-cjk chromium file git libreoffice-writer-nogui)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
echo "bootstrap: build/prepub is ready" >&2
