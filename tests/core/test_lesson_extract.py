"""The extractor (lessons.pot) and the ``lessons check`` command."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from babel.messages.pofile import read_po

from budget_tutor.lessons import check
from budget_tutor.lessons.extract import extract_messages, to_catalog, write_pot

PACKS = Path(__file__).resolve().parents[1] / "fixtures" / "packs"
GOOD = PACKS / "good" / "p01-every-step.yaml"


def test_extract_every_translatable_string_with_lines_and_comments() -> None:
    messages = {m: (locs, comments) for m, locs, comments in extract_messages([GOOD], base=PACKS)}
    assert messages["Every kind of step"] == (
        [("good/p01-every-step.yaml", 4)],
        ["lesson p01-every-step"],
    )
    locs, comments = messages[
        "Nilufar writes every purchase in a **notebook**.\n\nHer husband sends money from Russia."
    ]
    assert locs == [("good/p01-every-step.yaml", 14)]  # the "text: |" line
    assert comments == ["lesson p01-every-step, step story (story)"]
    assert messages["Ask who keeps a notebook. (5 min)"][1] == [
        "lesson p01-every-step, step story (story) - trainer notes, shown to trainers only"
    ]
    for expected in ["Yes: food comes first.", "Needs", "Money from Russia", "Emergency fund",
                     "Write down every purchase for one week.", "Put each card in the right basket.",
                     "A test lesson that uses every step type once."]:  # fmt: skip
        assert expected in messages, expected
    # ids, sources, units, functions and arguments are not translated
    for absent in ["p01-every-step", "need", "TJS", "remittance_received", "8000", "add_goal",
                   "months_of_food", "Remittance fee 1 %, margin 1.5 %: test figures"]:  # fmt: skip
        assert absent not in messages, absent


def test_repeated_text_is_one_entry_with_every_location() -> None:
    messages = {m: locs for m, locs, _c in extract_messages([GOOD], base=PACKS)}
    assert messages["Flour"] == [("good/p01-every-step.yaml", 36), ("good/p01-every-step.yaml", 46)]


def test_course_assessment_is_extracted() -> None:
    messages = {m: c for m, _l, c in extract_messages([PACKS / "builtin" / "course.yaml"])}
    assert messages["Which is a need?"] == ["course test-course, assessment item a-needs"]
    assert "The exchange rate margin" in messages


def test_folder_and_bad_files(tmp_path: Path) -> None:
    errors: list = []  # type: ignore[type-arg]
    found = extract_messages([PACKS / "hostile-tags", GOOD], errors=errors)
    assert len(errors) == 1 and any(m == "Every kind of step" for m, _l, _c in found)


def test_write_pot_is_readable_by_babel(tmp_path: Path) -> None:
    out = tmp_path / "lessons.pot"
    count = write_pot([PACKS / "builtin"], out, base=PACKS)
    catalog = read_po(io.BytesIO(out.read_bytes()))
    assert len(list(m for m in catalog if m.id)) == count > 20
    entry = catalog.get("Welcome to the course.")
    assert entry is not None and entry.locations == [("builtin/m00-welcome.yaml", 12)]
    assert to_catalog([("x", [("f", 1)], ["c"])]).get("x") is not None


def test_check_clean_and_broken(capsys) -> None:  # type: ignore[no-untyped-def]
    assert check.run([str(PACKS / "good"), "--no-translations"]) == 0
    out = capsys.readouterr().out
    assert out.strip().endswith("0 errors, 0 warnings")
    assert check.run([str(PACKS / "mixed"), str(PACKS / "hostile-tags")]) == 1
    lines = capsys.readouterr().out.splitlines()
    broken = str(PACKS / "mixed" / "p03-broken.yaml")
    assert f"{broken}:21: no option is marked 'correct: true'" in lines
    assert (
        f"{broken}:37: the stated answer 901.25 differs from the computed answer 897.14 (tolerance 1)"
        in lines
    )
    assert any(
        line.startswith(str(PACKS / "hostile-tags" / "x01-tags.yaml") + ":3: the tag !!python")
        for line in lines
    )


def test_check_single_files_and_translation_warnings(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert check.run([str(GOOD)]) == 0  # warnings only
    out = capsys.readouterr().out.splitlines()
    assert f"{GOOD}:4: warning: missing translation (tg): Every kind of step" in out
    assert f"{GOOD}:4: warning: missing translation (ru): Every kind of step" not in out  # in ru.po
    assert f"{GOOD}:13: warning: missing translation (ru): Nilufar's notebook" in out
    assert check.run([str(GOOD), "--strict"]) == 1
    capsys.readouterr()
    course = PACKS / "builtin" / "course.yaml"
    assert check.run([str(course), "--no-translations"]) == 0
    copy = tmp_path / "b"
    shutil.copytree(PACKS / "builtin", copy)
    (copy / "m01-money.yaml").unlink()
    assert check.run([str(copy / "course.yaml"), "--no-translations"]) == 1
    assert (
        "the course lists the lesson 'm01-money', which does not exist" in capsys.readouterr().out
    )


def test_check_builtin_translations_against_a_locales_folder(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    locales = tmp_path / "locales"
    for lang in ("ru", "tg"):
        folder = locales / lang / "LC_MESSAGES" / "lessons.d"
        folder.mkdir(parents=True)
        entries = "".join(
            f'\nmsgid "{m}"\nmsgstr "[{lang}] {m}"\n'
            for m, _l, _c in extract_messages([PACKS / "builtin" / "m01-money.yaml"])
            if m != "Garden"
        )
        (folder / "m01-money.po").write_text(
            f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            + entries,
            encoding="utf-8",
        )
    path = PACKS / "builtin" / "m01-money.yaml"
    assert check.run([str(path), "--locales", str(locales), "--strict"]) == 1
    out = capsys.readouterr().out.splitlines()
    warnings = [line for line in out if "missing translation" in line]
    assert warnings == [
        f"{path}:16: warning: missing translation (tg): Garden",
        f"{path}:16: warning: missing translation (ru): Garden",
        f"{path}:29: warning: missing translation (tg): Garden",
        f"{path}:29: warning: missing translation (ru): Garden",
    ]


def test_check_bad_command_line(capsys) -> None:  # type: ignore[no-untyped-def]
    assert check.run([]) == 2
    assert check.run(["/no/such/path.yaml"]) == 1
    assert "/no/such/path.yaml: no such file or folder" in capsys.readouterr().out
