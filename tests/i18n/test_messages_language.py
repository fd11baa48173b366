"""Issue 15.2: every message in the user's language — command-line help and errors (argparse's
own texts too), `lessons check --lang`, the data-folder error and the second-instance question."""

from __future__ import annotations

from pathlib import Path

import pytest

from budget_tutor import cli, i18n
from tests.i18n.ui_tour import english_words


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    i18n.set_language("en")


def _command_names() -> list[str]:
    import argparse

    parser = cli.build_parser()
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return [name for action in subs for name in action.choices]


def _english(text: str) -> list[str]:
    """English words other than option names, metavars, file types and choices."""
    import re

    text = re.sub(r"--?[\w-]+|\{[^}]*\}|\b[A-Z_]{2,}\b|budget-tutor[\w ]*|\(\.\w+\)", " ", text)
    commands = (*_command_names(), "check")  # typed as they are
    for word in ("all", "id", "table", "csv", "json", "extract", "update", "compile", *commands):
        text = re.sub(rf"\b{word}\b", " ", text)
    return english_words(text)


@pytest.mark.parametrize("lang", ["tg", "ru"])
@pytest.mark.parametrize(
    "command", [["--help"], ["plan", "--help"], ["handout", "--help"], ["lessons", "check", "-h"]]
)
def test_help_is_in_the_language(command: list[str], lang: str) -> None:
    code, out, err = cli.run_captured([*command, "--lang", lang])
    assert code == 0, err
    assert "usage:" not in out and "options:" not in out and "show this help" not in out
    assert {"tg": "истифода:", "ru": "использование:"}[lang] in out
    assert _english(out) == [], out


def test_argparse_errors_are_in_the_language(tmp_path: Path) -> None:
    code, _out, err = cli.run_captured(["plan", "--lang", "ru", "--format", "xml", "a.json"])
    assert code == 2
    assert "ошибка" in err and "недопустимый вариант" in err, err
    assert "error" not in err and "invalid choice" not in err
    code, _out, err = cli.run_captured(["plan", "--lang", "tg"])
    assert code == 2
    assert "хато" in err and "ин аргументҳо лозиманд: FILE" in err, err


def test_lessons_check_speaks_the_language(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.yaml"
    code, out, _err = cli.run_captured(["lessons", "check", "--lang", "tg", str(missing)])
    assert code == 1
    assert f"{missing}: чунин файл ё ҷузвдон нест" in out
    assert "хатоҳо: 1" in out, out
    code, out, _err = cli.run_captured(["lessons", "check", "--lang", "ru", str(missing)])
    assert f"{missing}: нет такого файла или папки" in out


def test_the_data_folder_error_is_translated(tmp_path, capsys, monkeypatch) -> None:
    from budget_tutor import paths
    from budget_tutor.ui.app import EXIT_NOT_STARTED, run_app

    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code = run_app(["--data-dir", str(blocker / "data"), "--lang", "ru"], exec_loop=False)
    assert code == EXIT_NOT_STARTED
    err = capsys.readouterr().err
    assert "Budget Tutor не может использовать папку данных" in err, err
    assert "cannot use" not in err


def test_the_second_start_asks_in_the_remembered_language(qtbot, tmp_path, monkeypatch) -> None:
    """Another Budget Tutor holds the data; the setting says Russian; no --lang is given."""
    from budget_tutor import paths
    from budget_tutor.storage import Store
    from budget_tutor.ui import app, messages

    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    data = tmp_path / "data"
    first = Store.open(data)
    try:
        first.set_setting("language", "ru")
        assert app.remembered_language(data) == "ru"  # read while the other one holds it
        asked: list[tuple[str, str, list[str]]] = []

        def choose(parent, title, text, choices, cancel=True):  # type: ignore[no-untyped-def]
            asked.append((title, text, list(choices)))
            return len(choices) - 1  # Quit

        monkeypatch.setattr(messages, "ask_choice", choose)
        code = app.run_app(["--data-dir", str(data)], exec_loop=False)
    finally:
        first.close()
    assert code == app.EXIT_NOT_STARTED
    ((title, text, choices),) = asked
    assert title == "Budget Tutor уже открыт на этом компьютере", title
    assert choices[-1] != "Quit" and not english_words(" ".join(choices)), choices
    assert not english_words(text.replace(str(data), "")), text


def test_no_remembered_language_in_a_new_or_damaged_folder(tmp_path) -> None:
    from budget_tutor.ui.app import remembered_language

    assert remembered_language(tmp_path) is None
    (tmp_path / "budget.sqlite").write_bytes(b"not a database at all" * 100)
    assert remembered_language(tmp_path) is None
