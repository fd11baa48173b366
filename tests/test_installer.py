"""The Windows installer script compiles with NSIS's makensis (a Debian package), against a
small stand-in of the bundle so that it runs in seconds; the real bundle as payload is compiled
by the Windows workflow and was compiled here once (docs/install-windows.md)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "installer" / "budget-tutor.nsi"


@pytest.mark.skipif(
    shutil.which("makensis") is None, reason="makensis (Debian: nsis) not installed"
)
def test_installer_script_compiles(tmp_path):
    bundle = tmp_path / "budget-tutor"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "budget-tutor.exe").write_bytes(b"MZ stand-in")
    (bundle / "budget-tutor-cli.exe").write_bytes(b"MZ stand-in")
    shutil.copy(ROOT / "LICENSE", bundle / "_internal" / "LICENSE")
    out = tmp_path / "budget-tutor-0.1.0-setup.exe"
    run = subprocess.run(
        ["makensis", "-V2", "-DQUICK", f"-DBUNDLE={bundle}", f"-DOUTFILE={out}", str(SCRIPT)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "warning" not in (run.stdout + run.stderr).lower(), run.stdout[-2000:]
    data = out.read_bytes()
    assert data.startswith(b"MZ") and len(data) > 10_000


def test_installer_is_per_user_and_keeps_the_data_unless_asked():
    text = SCRIPT.read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in text
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP}"' in text
    assert "HKLM" not in text  # nothing machine-wide: no administrator needed
    delete = text.index('RMDir /r "$LOCALAPPDATA\\budget-tutor"')
    guard = text.rindex("${If} $DeleteData == ${BST_CHECKED}", 0, delete)
    assert text.index("${EndIf}", guard) > delete
    assert "${NSD_Uncheck} $DeleteData" in text
