"""safe_write: exports are verified, fsynced and renamed; a failure leaves the old file untouched.

The full-disk tests use a real 64 KiB tmpfs where the machine lets us mount one (root); the
injected-ENOSPC tests run everywhere.
"""

from __future__ import annotations

import errno
import os
import shutil
import struct
import subprocess
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from budget_tutor import i18n, safe_write
from budget_tutor.safe_write import ExportError, verify_pdf, verify_png


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload))
    )


def tiny_png() -> bytes:
    """A 1×1 grey PNG, built by hand from the PNG specification."""
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80")
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )


def tiny_pdf(size: int = 100) -> bytes:
    """A one-page PDF with a classic cross-reference table, offsets counted by hand."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size} {size}] >>".encode(),
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 4\n0000000000 65535 f \n"
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += b"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n" + str(xref).encode() + b"\n%%EOF\n"
    return out


def leftovers(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.endswith(".tmp"))


# -- verifiers ----------------------------------------------------------------------------------


def test_a_complete_pdf_passes_and_every_truncation_fails() -> None:
    pdf = tiny_pdf()
    assert verify_pdf(pdf) is None
    # Every cut before the final newline is incomplete (16 KiB cuts were the attack).
    failures = [cut for cut in range(len(pdf) - 1) if verify_pdf(pdf[:cut]) is None]
    assert failures == []


def test_a_pdf_whose_startxref_points_nowhere_fails() -> None:
    pdf = tiny_pdf()
    broken = pdf.replace(b"startxref\n", b"startxref\n9").replace(b"%%EOF", b"%%EOF")
    assert verify_pdf(broken) is not None
    no_root = pdf.replace(b"/Root 1 0 R", b"/Info 1 0 R")
    assert verify_pdf(no_root) is not None


def test_a_complete_png_passes_and_every_truncation_or_bit_flip_fails() -> None:
    png = tiny_png()
    assert verify_png(png) is None
    assert [cut for cut in range(len(png)) if verify_png(png[:cut]) is None] == []
    flipped = []
    for i in range(8, len(png)):
        damaged = bytearray(png)
        damaged[i] ^= 0x10
        if verify_png(bytes(damaged)) is None:
            flipped.append(i)
    assert flipped == []


# -- writing ------------------------------------------------------------------------------------


def test_a_new_file_gets_normal_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        safe_write.write_bytes(tmp_path / "plan.csv", b"a,b\n")
    finally:
        os.umask(old)
    target = tmp_path / "plan.csv"
    assert target.read_bytes() == b"a,b\n"
    assert target.stat().st_mode & 0o777 == 0o644
    assert leftovers(tmp_path) == []


def test_an_incomplete_file_never_replaces_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "chart.png"
    target.write_bytes(tiny_png())
    with pytest.raises(ExportError) as info:
        safe_write.write_bytes(target, tiny_png()[:-12])
    assert target.read_bytes() == tiny_png()
    assert info.value.reason == "the file came out incomplete"
    assert leftovers(tmp_path) == []


def test_a_writer_that_fails_silently_is_caught(tmp_path: Path) -> None:
    """A QPdfWriter on a full disk stops writing without an error: the check finds it."""
    target = tmp_path / "handout.pdf"
    target.write_bytes(tiny_pdf())

    def truncating_writer(tmp: Path) -> None:
        tmp.write_bytes(tiny_pdf()[:100])

    with pytest.raises(ExportError):
        safe_write.write_with(target, truncating_writer)
    assert target.read_bytes() == tiny_pdf()
    assert leftovers(tmp_path) == []

    safe_write.write_with(target, lambda tmp: tmp.write_bytes(tiny_pdf(size=200)))
    assert target.read_bytes() == tiny_pdf(size=200)
    assert leftovers(tmp_path) == []


def test_an_empty_export_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        safe_write.write_bytes(tmp_path / "out.json", b"")
    assert not (tmp_path / "out.json").exists()


def test_a_folder_in_the_way_is_named(tmp_path: Path) -> None:
    (tmp_path / "out.csv").mkdir()
    with pytest.raises(ExportError) as info:
        safe_write.write_bytes(tmp_path / "out.csv", b"x")
    assert info.value.reason == "there is a folder with that name"


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as info:
        safe_write.write_bytes(tmp_path / "nowhere" / "out.csv", b"x")
    assert info.value.reason == "the folder does not exist"


@pytest.mark.parametrize(
    ("code", "english"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EDQUOT, "the disk is full"),
        (errno.EACCES, "this folder cannot be written to; choose another one"),
        (errno.EROFS, "this folder cannot be written to; choose another one"),
        (errno.EIO, "the disk could not be read or written (it may be damaged or removed)"),
        (errno.EFBIG, "the file is too large for this disk"),
        (errno.EPROTO, "the computer could not write the file (error number 71)"),
    ],
)
@pytest.mark.parametrize("site", ["write", "fsync", "replace"])
def test_injected_errors_keep_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, english: str, site: str
) -> None:
    target = tmp_path / "plan.json"
    target.write_bytes(b'{"old": true}')

    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(safe_write.os, site, fail)
    with pytest.raises(ExportError) as info:
        safe_write.write_bytes(target, b'{"new": true}')
    monkeypatch.undo()
    assert target.read_bytes() == b'{"old": true}'
    assert info.value.errno == code
    assert info.value.reason == english
    assert os.strerror(code) not in info.value.message()
    assert "plan.json" in info.value.message()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(("lang", "reason"), [("ru", "диск заполнен"), ("tg", "диск пур аст")])
def test_the_message_is_translated_and_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, reason: str
) -> None:
    i18n.set_language(lang)

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_write.os, "write", full)
    with pytest.raises(ExportError) as info:
        safe_write.write_bytes(tmp_path / "Хона.csv", b"x")
    text = info.value.message()
    assert reason in text
    assert "Хона.csv" in text
    assert "No space" not in text and "could not be saved" not in text
    assert str(info.value) == text


def test_lone_surrogates_in_text_are_written_not_raised(tmp_path: Path) -> None:
    safe_write.write_text(tmp_path / "out.csv", "Roof \udfff\n")
    assert (tmp_path / "out.csv").read_bytes() == b"Roof ?\n"


# -- a real full disk ---------------------------------------------------------------------------


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs (needs root and a kernel that lets us mount)."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root: the injected ENOSPC tests cover this")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.decode().strip()})")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_a_real_full_disk_keeps_the_old_file(tiny_disk: Path) -> None:
    target = tiny_disk / "handout.pdf"
    old = tiny_pdf()
    safe_write.write_bytes(target, old)
    big = tiny_pdf() + b"%" + b"x" * 200_000 + b"\n%%EOF\n"
    with pytest.raises(ExportError) as info:
        safe_write.write_bytes(target, big)
    assert info.value.errno == errno.ENOSPC
    assert info.value.reason == "the disk is full"
    assert target.read_bytes() == old
    assert leftovers(tiny_disk) == []
    # A writer that ignores the full disk (as QPdfWriter does) is caught by the check.

    def silent(tmp: Path) -> None:
        try:
            tmp.write_bytes(big)
        except OSError:
            pass

    with pytest.raises(ExportError) as silent_info:
        safe_write.write_with(target, silent)
    # the writer said nothing, but the disk is (nearly) full: that is the reason given
    assert silent_info.value.reason == "the disk is full"
    assert target.read_bytes() == old
    assert leftovers(tiny_disk) == []
