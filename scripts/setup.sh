#!/bin/sh
# Set up Budget Tutor in ./.venv on Debian/Ubuntu (Python 3.11+).
#   sh scripts/setup.sh          the app
#   sh scripts/setup.sh --test   the app, its test tools and the linters (ruff, mypy)
# As root it installs the system libraries Qt needs with apt-get; otherwise it tells you the
# one apt-get line to run when one of them is missing.
set -eu
cd "$(dirname "$0")/.."
extras=""
[ "${1:-}" = "--test" ] && extras="[test,lint]"

# Libraries the Qt 6 wheels load on Linux (the xcb ones draw a real window on an X11 desktop),
# python3-venv for the virtualenv, gettext for the translators' msgfmt check.
PKGS="libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 \
libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 python3-venv gettext"
# The test tools also compile the Windows installer script (nsis) and render handouts (poppler).
[ "${1:-}" = "--test" ] && PKGS="$PKGS nsis poppler-utils"
missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
  done
fi
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing system packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq $missing >/dev/null
  else
    echo "Missing system packages:$missing"
    echo "Run: sudo apt-get install$missing"
    exit 1
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
# constraints.txt pins the versions CI was proved with; pip may take them from its cache.
.venv/bin/python -m pip install -q -c constraints.txt -e ".$extras"
