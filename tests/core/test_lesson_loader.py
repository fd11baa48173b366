"""The safe YAML loader: hostile files are refused with a clear message and no harm."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from budget_tutor.lessons import loader
from budget_tutor.lessons.loader import LessonLoadError, load_yaml, parse_yaml

PACKS = Path(__file__).resolve().parents[1] / "fixtures" / "packs"


def test_lines_are_recorded_for_every_value() -> None:
    doc = parse_yaml("a: 1\nsteps:\n  - id: x\n    text: hi\n  - id: y\n", "f.yaml")
    assert doc.data == {"a": 1, "steps": [{"id": "x", "text": "hi"}, {"id": "y"}]}
    assert doc.line(("a",)) == 1
    assert doc.line(("steps", 0, "text")) == 4
    assert doc.line(("steps", 1, "id")) == 5
    assert doc.line(("steps", 1, "missing")) == 5  # falls back to the nearest parent


def test_python_tag_is_refused_and_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "owned"
    text = f"title: !!python/object/apply:os.system ['touch {marker}']\n"
    with pytest.raises(LessonLoadError) as info:
        parse_yaml(text, "evil.yaml")
    assert info.value.line == 1
    assert "!!python/object/apply:os.system" in str(info.value)
    assert not marker.exists()


@pytest.mark.parametrize("tag", ["!!python/name:os.system", "!foo", "!!python/tuple"])
def test_other_unsafe_or_unknown_tags_are_refused(tag: str) -> None:
    with pytest.raises(LessonLoadError, match="not allowed"):
        parse_yaml(f"x: {tag} [1]\n", "f.yaml")


def test_hostile_fixture_with_python_tag() -> None:
    with pytest.raises(LessonLoadError) as info:
        load_yaml(PACKS / "hostile-tags" / "x01-tags.yaml")
    assert info.value.file.endswith("x01-tags.yaml") and info.value.line == 3


def test_alias_bomb_is_refused_fast_and_small() -> None:
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(LessonLoadError, match="alias bomb"):
        load_yaml(PACKS / "hostile-bomb" / "x02-bomb.yaml")
    elapsed = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1.0
    assert peak < 20_000_000


def test_too_many_aliases_are_refused() -> None:
    text = "a: &a 1\nb: [" + ", ".join(["*a"] * (loader.MAX_ALIASES + 1)) + "]\n"
    with pytest.raises(LessonLoadError, match="aliases"):
        parse_yaml(text, "f.yaml")


def test_a_few_aliases_are_fine() -> None:
    doc = parse_yaml("a: &a [1, 2]\nb: *a\n", "f.yaml")
    assert doc.data == {"a": [1, 2], "b": [1, 2]}


def test_recursive_alias_is_refused() -> None:
    with pytest.raises(LessonLoadError, match="refers to itself"):
        parse_yaml("a: &a [*a]\n", "f.yaml")


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    with pytest.raises(LessonLoadError, match="nested"):
        load_yaml(PACKS / "hostile-deep" / "x03-deep.yaml")
    with pytest.raises(LessonLoadError, match="nested"):
        parse_yaml("a: " + "{b: " * 100 + "1" + "}" * 100 + "\n", "f.yaml")


def test_huge_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)  # sparse: 100 MB without using the disk
    reads: list[int] = []
    real_open = open

    def spy_open(path, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == big:
            reads.append(1)
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", spy_open)
    with pytest.raises(LessonLoadError) as info:
        load_yaml(big)
    assert "104857600 bytes" in str(info.value)
    assert info.value.file == str(big)
    assert reads == []  # never opened, let alone read whole


def test_invalid_utf8_names_the_file_and_line() -> None:
    path = PACKS / "hostile-utf8" / "x04-utf8.yaml"
    with pytest.raises(LessonLoadError) as info:
        load_yaml(path)
    assert info.value.file == str(path)
    assert info.value.line == 3
    assert "UTF-8" in str(info.value)


def test_syntax_error_has_a_line() -> None:
    with pytest.raises(LessonLoadError) as info:
        parse_yaml("a: 1\nb: [1, 2\nc: 3\n", "f.yaml")
    assert info.value.line is not None and info.value.line >= 2
    assert "not valid YAML" in str(info.value)


def test_two_documents_are_refused() -> None:
    with pytest.raises(LessonLoadError, match="exactly one"):
        parse_yaml("a: 1\n---\nb: 2\n", "f.yaml")


def test_missing_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(LessonLoadError, match="cannot be read"):
        load_yaml(tmp_path / "nope.yaml")


def test_byte_order_mark_is_accepted() -> None:
    doc = parse_yaml(loader.decode_utf8("\ufeffa: 1\n".encode(), "f.yaml"), "f.yaml")
    assert doc.data == {"a": 1}


HOSTILE_TEXTS = {
    "python tag": "a: !!python/object/apply:os.system ['true']\n",
    "deep": "a: " + "[" * 60 + "]" * 60 + "\n",
    "very deep": "a: " + "[" * 20000 + "]" * 20000 + "\n",
    "aliases": "a: &a 1\nb: [" + ", ".join(["*a"] * (loader.MAX_ALIASES + 1)) + "]\n",
    "recursive": "a: &a [*a]\n",
    "control character": "a: b\x07c\n",
    "syntax": "a: [1\n",
    "two documents": "a: 1\n---\nb: 2\n",
}


@pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure-python"])
@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_both_parsers_refuse_the_same_hostile_input(fast: bool, name: str) -> None:
    with pytest.raises(LessonLoadError) as info:
        parse_yaml(HOSTILE_TEXTS[name], "f.yaml", fast=fast)
    assert info.value.line is not None or name == "control character"


def test_both_parsers_give_the_same_document() -> None:
    text = (PACKS / "good" / "p01-every-step.yaml").read_text(encoding="utf-8")
    fast, slow = parse_yaml(text, "f.yaml", fast=True), parse_yaml(text, "f.yaml", fast=False)
    assert fast.data == slow.data and fast.lines == slow.lines


# -- only regular files, only inside the pack (issue 16, item 2) -----------------------------------

import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

LESSON = (PACKS / "good" / "p01-every-step.yaml").read_text(encoding="utf-8")


@pytest.mark.timeout(20)
def test_a_fifo_named_yaml_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "x01-pipe.yaml"
    os.mkfifo(fifo)
    start = time.perf_counter()
    with pytest.raises(LessonLoadError) as info:
        load_yaml(fifo)
    assert time.perf_counter() - start < 5
    assert str(info.value) == (
        "the file is not a regular file (a device, a pipe or a folder): it was not read"
    )


@pytest.mark.timeout(20)
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/tty", "/dev/urandom"])
def test_a_device_behind_a_link_is_refused(tmp_path: Path, device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    link = tmp_path / "x02-device.yaml"
    link.symlink_to(device)
    with pytest.raises(LessonLoadError) as info:
        load_yaml(link)
    assert "not a regular file" in str(info.value) or "cannot be read" in str(info.value)


def test_a_link_out_of_the_pack_is_refused_only_for_packs(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    outside = tmp_path / "other.yaml"
    outside.write_text("a: 1\n", encoding="utf-8")
    (pack / "x03-link.yaml").symlink_to(outside)
    with pytest.raises(LessonLoadError) as info:
        load_yaml(pack / "x03-link.yaml", root=pack)
    assert str(info.value) == "the file is a link to a file outside the pack: it was not read"
    assert load_yaml(pack / "x03-link.yaml").data == {"a": 1}  # a plain file elsewhere is fine
    (pack / "real.yaml").write_text("b: 2\n", encoding="utf-8")
    (pack / "x04-inside.yaml").symlink_to(pack / "real.yaml")
    assert load_yaml(pack / "x04-inside.yaml", root=pack).data == {"b": 2}


def hostile_pack(root: Path) -> Path:
    """A pack with the freezing picture, a FIFO lesson, a device lesson and a link out of it."""
    from tests.core.test_lesson_sanitize import fan_out_svg

    pack = root / "hostile-files"
    (pack / "pictures").mkdir(parents=True)
    (pack / "pack.yaml").write_text("format: 1\nid: hostile-files\ntitle: Files\n", "utf-8")
    (pack / "pictures" / "flour.svg").write_bytes(fan_out_svg(10, 9))
    lesson = LESSON.replace("id: p01-every-step", "id: x10-bomb")
    (pack / "x10-bomb.yaml").write_text(lesson, encoding="utf-8")
    os.mkfifo(pack / "x11-pipe.yaml")
    (pack / "x12-zero.yaml").symlink_to("/dev/zero")
    secret = root / "secret.yaml"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    (pack / "x13-secret.yaml").symlink_to(secret)
    os.mkfifo(pack / "pictures" / "pipe.svg")
    return pack


def test_lessons_check_reports_the_picture_and_never_hangs(tmp_path: Path) -> None:
    pack = hostile_pack(tmp_path)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "budget_tutor", "lessons", "check", "--no-translations", str(pack)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    elapsed = time.perf_counter() - start
    assert elapsed < 30, f"lessons check took {elapsed:.1f} s"
    out = proc.stdout
    assert proc.returncode == 1, out + proc.stderr
    assert "Traceback" not in proc.stderr
    bomb = str(pack / "x10-bomb.yaml")
    assert (
        f"{bomb}:18: the picture 'pictures/flour.svg' is not allowed: its references expand to "
        "more than 50000 elements" in out
    )
    assert (
        f"{pack / 'x11-pipe.yaml'}: the file is not a regular file (a device, a pipe or a folder): "
        "it was not read" in out
    )
    # a link to /dev/zero leads outside the pack: refused before it is opened
    assert f"{pack / 'x12-zero.yaml'}: the file is a link to a file outside the pack" in out
    assert (
        f"{pack / 'x13-secret.yaml'}: the file is a link to a file outside the pack: it was not read"
        in out
    )
    assert "hunter2" not in out


def test_the_pack_loads_with_the_lesson_usable_and_the_picture_refused(tmp_path: Path) -> None:
    from budget_tutor.lessons.library import load_pack
    from budget_tutor.lessons.validate import PICTURE_REFUSED

    status, _catalogs = load_pack(hostile_pack(tmp_path))
    assert [lesson.id for lesson in status.lessons] == ["x10-bomb"]
    refused = [p for p in status.problems if p.category == PICTURE_REFUSED]
    assert refused and all("pictures/flour.svg" in p.english for p in refused)
    names = sorted(Path(p.file).name for p in status.problems if p.category != PICTURE_REFUSED)
    assert names == ["x11-pipe.yaml", "x12-zero.yaml", "x13-secret.yaml"]


def test_the_refused_picture_reason_is_translated_inside_the_message(tmp_path: Path) -> None:
    from budget_tutor import i18n
    from budget_tutor.lessons.library import load_pack
    from budget_tutor.lessons.validate import PICTURE_REFUSED

    status, _catalogs = load_pack(hostile_pack(tmp_path))
    problem = next(p for p in status.problems if p.category == PICTURE_REFUSED)
    assert problem.english == (
        "the picture 'pictures/flour.svg' is not allowed: its references expand to more than "
        "50000 elements"
    )
    i18n.set_language("ru")
    assert problem.message == (
        "картинка 'pictures/flour.svg' недопустима: ссылки в файле разворачиваются больше чем в "
        "50000 элементов"
    )
