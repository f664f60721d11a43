#!/usr/bin/env bash
# Install Saring with every optional part and the test tools into the active Python environment,
# plus the Debian packages it uses: mythes-id (Indonesian thesaurus), postgresql (server backend and
# its tests) and chromium (the browser test of the web page). apt is skipped when not root or not Debian.
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(mythes-id postgresql chromium tesseract-ocr tesseract-ocr-ind fonts-dejavu-core
              fonts-roboto-unhinted fonts-liberation2)  # fonts: the OCR tests and benchmarks/ocr_eval.py
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "install.sh: apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "install.sh: not root or no apt-get; skipping Debian packages (${APT_PACKAGES[*]})" >&2
fi

python3 -m pip install -q -e ".[all,dev]"
echo "install.sh: done ($(saring --version))"
