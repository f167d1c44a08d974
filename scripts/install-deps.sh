#!/usr/bin/env bash
# Installs the system packages Lantern builds against, when they are missing.
# Debian packages: libcmark-dev (CommonMark) and pkg-config (SwiftPM finds libcmark through it).
set -euo pipefail

missing=()
for pkg in libcmark-dev pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}"
