#!/bin/sh
# Build the self-contained one-folder bundle with PyInstaller: dist/budget-tutor/.
#   sh scripts/build-bundle.sh
# Needs the app's virtualenv (sh scripts/setup.sh); installs PyInstaller into it (the "bundle"
# extra). The same spec builds on Windows (see .github/workflows/windows-bundle.yml).
# Output: dist/budget-tutor/budget-tutor (budget-tutor.exe on Windows); its size is printed.
set -eu
cd "$(dirname "$0")/.."
PY=.venv/bin/python
[ -x "$PY" ] || PY=.venv/Scripts/python.exe
"$PY" -m pip install -q -c constraints.txt -e ".[bundle]"
# Compile the catalogs for the bundle (lessons.d merged in), outside the source tree.
rm -rf build/bundle-catalogs
"$PY" - <<'PYEOF'
from pathlib import Path
import hatch_build
out = Path("build/bundle-catalogs")
for po in sorted(Path("locales").glob("*/LC_MESSAGES/*.po")):
    hatch_build.compile_catalog(po, out / po.relative_to("locales").with_suffix(".mo"))
print("catalogs compiled:", len(list(out.rglob("*.mo"))))
PYEOF
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/budget-tutor.spec
du -sh dist/budget-tutor
