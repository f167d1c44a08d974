#!/usr/bin/env bash
# Installs the system packages Lantern builds and tests against, when they are missing.
# Build: libcmark-dev (CommonMark), libqrencode-dev (QR codes on print sheets), and pkg-config
# (SwiftPM finds both libraries through it); libsqlite3-dev, the SQLite that GRDB (the collector's
# store) links against; libvips-dev, which makes the item pictures' small WebP versions.
# Tests: zbar-tools (zbarimg decodes the print sheets' QR codes) and librsvg2-bin (rsvg-convert
# rasterises their SVG for it), libvips-tools (`vips` makes the large test photos).
# Deploy: rclone (`lantern deploy` uploads public/ through it; its tests serve a WebDAV remote with it).
set -euo pipefail

missing=()
for pkg in libcmark-dev libqrencode-dev pkg-config libsqlite3-dev libvips-dev zbar-tools librsvg2-bin libvips-tools rclone; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
