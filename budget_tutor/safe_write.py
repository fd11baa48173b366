"""Writing the files a family exports (handouts, chart pictures, plan files, CSV/JSON) safely.

Every export goes the same way, so that a full disk, a crash or a broken writer can never leave a
truncated file in place of a good one:

1. the content is written to a temporary file in the target's own folder (same filesystem, so the
   final rename is atomic), named ``.<name>.XXXXXXXX.tmp``, created with normal permissions (``0666`` minus the umask, i.e.
   usually ``0644``; not the ``0600`` of :func:`tempfile.mkstemp`);
2. the temporary file is read back and verified complete: its size is what was written and more
   than 0 bytes; a PDF starts with ``%PDF-``, ends with ``%%EOF`` and its ``startxref`` points at a
   cross-reference table whose trailer names the document's ``/Root``; a PNG has the signature, every
   chunk's CRC is right and it ends with ``IEND``;
3. it is flushed to the disk (``fsync``) and ``os.replace``-d over the old file, then the folder is
   fsynced.

On any failure the temporary file is removed, the old file is untouched and :class:`ExportError`
is raised. Its :meth:`~ExportError.message` names the file and the reason in the family's language
("the disk is full", never the operating system's English text).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

from budget_tutor.i18n import N_, _, safe_format

#: A verifier reads the complete file's bytes and returns None, or why the file is not complete.
Verifier = Callable[[bytes], "str | None"]

_MSG_EXPORT_FAILED = N_(
    "“{file}” could not be saved: {reason}. The old file, if any, is unchanged."
)
_MSG_INCOMPLETE = N_("the file came out incomplete")
_MSG_EMPTY = N_("the file came out empty")

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_IEND = b"\x00\x00\x00\x00IEND\xaeB`\x82"


class ExportError(OSError):
    """A file could not be written; the old file (if any) is untouched.

    ``path`` is the file the family chose, ``reason`` a translated phrase ("the disk is full"),
    also in ``strerror`` (so code that shows ``exc.strerror`` of an ``OSError`` shows it),
    ``errno`` the operating system's error number when there was one.
    """

    def __init__(self, path: Path, reason: str, errno_code: int | None = None) -> None:
        super().__init__(errno_code, reason, str(path))
        self.path = path
        self.reason = reason

    def message(self) -> str:
        """One translated sentence naming the file and the reason."""
        return safe_format(
            _(_MSG_EXPORT_FAILED), _MSG_EXPORT_FAILED, file=self.path.name, reason=self.reason
        )

    def __str__(self) -> str:
        return self.message()


def os_error_reason(exc: OSError) -> str:
    """Why a file could not be written, as a short translated phrase (never the OS's English)."""
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return _("the disk is full")
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("this folder cannot be written to; choose another one")
    if code in (errno.ENOENT, errno.ENOTDIR):
        return _("the folder does not exist")
    if code == errno.EISDIR:
        return _("there is a folder with that name")
    if code == errno.ENAMETOOLONG:
        return _("the file name is too long")
    if code == errno.EFBIG:
        return _("the file is too large for this disk")
    if code == errno.EIO:
        return _("the disk could not be read or written (it may be damaged or removed)")
    if code is None:
        return _(_MSG_INCOMPLETE)
    # Translators: {code} is a number such as 28; the message is shown when no better reason is known.
    template = _("the computer could not write the file (error number {code})")
    return safe_format(
        template, "the computer could not write the file (error number {code})", code=code
    )


# -- verifiers --------------------------------------------------------------------------------


def verify_nonempty(data: bytes) -> str | None:
    return None if data else _(_MSG_EMPTY)


def verify_pdf(data: bytes) -> str | None:
    """None when ``data`` is a complete PDF: header, ``%%EOF``, a ``startxref`` that points at a
    cross-reference table (or stream) and a trailer with ``/Root``."""
    if not data:
        return _(_MSG_EMPTY)
    if not data.startswith(b"%PDF-"):
        return _(_MSG_INCOMPLETE)
    tail = data[-1024:]
    match = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*\Z", tail)
    if match is None:
        return _(_MSG_INCOMPLETE)
    offset = int(match.group(1))
    if not 0 < offset < len(data):
        return _(_MSG_INCOMPLETE)
    body = data[offset:]
    if body.startswith(b"xref"):
        trailer = re.search(rb"trailer\s*<<(.*?)>>\s*startxref", body, re.S)
        if trailer is None or b"/Root" not in trailer.group(1):
            return _(_MSG_INCOMPLETE)
        return None
    # A cross-reference stream (PDF 1.5+): "N G obj << /Type /XRef ... /Root ... >>".
    stream = re.match(rb"\d+\s+\d+\s+obj\s*<<(.*?)>>", body, re.S)
    if stream is None or b"/XRef" not in stream.group(1) or b"/Root" not in stream.group(1):
        return _(_MSG_INCOMPLETE)
    return None


def verify_png(data: bytes) -> str | None:
    """None when ``data`` is a complete PNG: signature, chunks with the right CRCs, ``IEND`` last."""
    if not data:
        return _(_MSG_EMPTY)
    if not data.startswith(PNG_SIGNATURE) or not data.endswith(_IEND):
        return _(_MSG_INCOMPLETE)
    pos = len(PNG_SIGNATURE)
    while pos < len(data):
        if pos + 12 > len(data):
            return _(_MSG_INCOMPLETE)
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        end = pos + 8 + length
        if end + 4 > len(data):
            return _(_MSG_INCOMPLETE)
        (crc,) = struct.unpack(">I", data[end : end + 4])
        if zlib.crc32(data[pos + 4 : end]) != crc:
            return _(_MSG_INCOMPLETE)
        pos = end + 4
        if kind == b"IEND":
            return None if pos == len(data) else _(_MSG_INCOMPLETE)
    return _(_MSG_INCOMPLETE)


def verifier_for(path: Path) -> Verifier:
    """The verifier of a file by its name's ending (``.pdf``, ``.png``; else non-empty)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return verify_pdf
    if suffix == ".png":
        return verify_png
    return verify_nonempty


# -- writing ----------------------------------------------------------------------------------


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory handles
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some filesystems refuse fsync on directories
        pass
    finally:
        os.close(fd)


#: Less free space than this when a written file fails its check means the disk filled up.
NEARLY_FULL_BYTES = 256 * 1024


def _disk_nearly_full(folder: Path) -> bool:
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):  # pragma: no cover - no statvfs (Windows)
        return False
    return info.f_bavail * info.f_frsize < NEARLY_FULL_BYTES


def _temp_path(target: Path) -> Path:
    return target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"


def _remove_stale_temps(target: Path, current: Path) -> None:
    """Delete ``.<name>.XXXXXXXX.tmp`` files (only the names this module makes for ``target``)
    that an earlier export of the same file left when it was killed before its rename."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[A-Za-z0-9_]{{8}}\.tmp")
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for other in names:
        if other != current.name and pattern.fullmatch(other):
            try:
                os.unlink(target.parent / other)
            except OSError:
                pass


def _create_temp(target: Path) -> tuple[Path, int]:
    """A new temporary file beside ``target`` (mode 0666 minus the umask), and its descriptor."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _attempt in range(20):
        tmp = _temp_path(target)
        try:
            return tmp, os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target.parent))


def _finish(tmp: Path, target: Path, expected: bytes | None, verify: Verifier) -> None:
    """Read the temporary file back, verify it, fsync it and move it over ``target``."""
    fd = os.open(tmp, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
    try:
        size = os.fstat(fd).st_size
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        written = b"".join(chunks)
        if len(written) != size or (expected is not None and written != expected):
            raise ExportError(target, _(_MSG_INCOMPLETE))
        problem = verify(written)
        if problem is not None:
            if _disk_nearly_full(target.parent):  # a writer that stops silently (QPdfWriter)
                raise ExportError(target, _("the disk is full"), errno.ENOSPC)
            raise ExportError(target, problem)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, target)
    _fsync_dir(target.parent)


def _run(target: Path, body: Callable[[Path], bytes | None], verify: Verifier) -> None:
    tmp: Path | None = None
    try:
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(target))
        tmp, fd = _create_temp(target)
        os.close(fd)
        expected = body(tmp)
        _finish(tmp, target, expected, verify)
        _remove_stale_temps(target, tmp)
        tmp = None
    except ExportError:
        raise
    except OSError as exc:
        raise ExportError(target, os_error_reason(exc), exc.errno) from exc
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def write_bytes(path: str | os.PathLike[str], data: bytes, verify: Verifier | None = None) -> None:
    """Write ``data`` to ``path`` safely (see the module's docstring); raises :class:`ExportError`.

    ``verify`` defaults to the verifier for the file's ending (:func:`verifier_for`).
    """
    target = Path(path)

    def body(tmp: Path) -> bytes:
        fd = os.open(tmp, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0))
        try:
            view = memoryview(data)
            while view:
                n = os.write(fd, view)
                if n <= 0:  # pragma: no cover - os.write raises instead
                    raise OSError(errno.EIO, "short write")
                view = view[n:]
        finally:
            os.close(fd)
        return data

    _run(target, body, verify or verifier_for(target))


def write_text(path: str | os.PathLike[str], text: str, verify: Verifier | None = None) -> None:
    """Write ``text`` as UTF-8 (lone surrogates become U+FFFD, never an encoding error)."""
    write_bytes(path, text.encode("utf-8", errors="replace"), verify)


def write_with(
    path: str | os.PathLike[str],
    writer: Callable[[Path], None],
    verify: Verifier | None = None,
) -> None:
    """Let ``writer(tmp_path)`` write the file itself (e.g. Qt's ``QPdfWriter``), then verify it,
    fsync it and move it over ``path``; raises :class:`ExportError` (old file untouched).

    ``writer`` may raise ``OSError`` or :class:`ExportError`; whatever it leaves is verified with
    ``verify`` (default: by the file's ending), so a writer that fails silently is caught too.
    """
    target = Path(path)

    def body(tmp: Path) -> None:
        writer(tmp)
        return None

    _run(target, body, verify or verifier_for(target))
