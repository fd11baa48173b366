"""Batteries 12 and 13: user text is text, and one family's data stays its own.

12: household, income, expense, goal, savings, debt and scenario names like
``<b>x</b><img src=http://127.0.0.1:PORT/x>`` render literally on every page of the real main
window (every QLabel, tooltip, button, list and table of QApplication.allWidgets()), in the
handout (its HTML, its PDF) and in the exported plan file; a local HTTP server records 0 requests.

13: household A carries canary strings in its lines, goals and lesson answers. The app is used on
A (pages, export, handout), then B is opened and exported, an unexpected error "crashes" the app,
and it is started again. The canaries appear nowhere outside A's own records: not in the log files,
the QSettings file, temporary files, window titles, B's pages, B's export, or B's undo history.
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from budget_tutor import i18n, paths, planfile
from budget_tutor.model import Plan
from budget_tutor.storage import StorageError, Store
from budget_tutor.ui.app import run_app

from .helpers import base_plan, sample_plans
from .ui_checks import all_widgets, html_problems, http_spy, shown_texts

PAGES = ("plan", "whatif", "progress", "lessons")


def renamed(plan: Plan, name: str) -> Plan:
    """Every name in the plan set to ``name`` (with a number, so ids stay apart)."""

    def each(lines: tuple, prefix: str) -> tuple:  # type: ignore[type-arg]
        return tuple(
            dataclasses.replace(line, name=f"{name} {prefix}{n}") for n, line in enumerate(lines)
        )

    return plan.replace(
        household=dataclasses.replace(plan.household, name=name),
        incomes=each(plan.incomes, "i"),
        expenses=each(plan.expenses, "e"),
        one_offs=each(plan.one_offs, "o"),
        savings=each(plan.savings, "s"),
        goals=each(plan.goals, "g"),
        debts=each(plan.debts, "d"),
        scenarios=each(plan.scenarios, "c"),
    )


@pytest.fixture
def app_window(qtbot) -> Iterator:  # type: ignore[no-untyped-def]
    """Start the real app on a data directory; closes it after."""
    windows = []

    def start(data: Path):  # type: ignore[no-untyped-def]
        assert run_app(["--data-dir", str(data)], exec_loop=False) == 0
        window = run_app.last_window  # type: ignore[attr-defined]
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield start
    for window in windows:
        stop(window)


def stop(window) -> None:  # type: ignore[no-untyped-def]
    if getattr(window.session.store, "_conn", None) is not None:
        window.close()
        run_app.last_error_handler.uninstall()  # type: ignore[attr-defined]
        window.session.store.close()


def visit_every_page(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.resize(1100, 750)
    for key in PAGES:
        window.show_page(key)
        QApplication.processEvents()
        window.grab()  # paint it: anything a label would load, it loads now
    window.show_households()
    QApplication.processEvents()
    window.grab()


def test_user_text_is_shown_literally_everywhere(qtbot, app_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from budget_tutor.ui.handout_export import HandoutExport

    data = tmp_path / "data"
    with http_spy() as (port, requests):
        hostile = f"<b>x</b><img src=http://127.0.0.1:{port}/x>"
        plan = renamed(base_plan(), hostile)
        with Store.open(data) as store:
            store.set_setting("language", "en")
            household = store.create_household(plan)
            store.set_setting("last_household", str(household))
        window = app_window(data)
        assert window.session.household_id == household
        visit_every_page(window, qtbot)
        problems = html_problems(all_widgets(), "<b>x</b>")
        assert problems == []
        literal = [t for _, _, t, _ in shown_texts(all_widgets()) if hostile in t]
        assert literal, "the name is not shown at all"
        assert hostile in window.windowTitle() or "<b>x</b>" in window.windowTitle()
        # the handout: escaped in its HTML, literal in its text, and a PDF that loads nothing
        export = HandoutExport(window.session.plan)
        document = export.document()
        assert hostile in document.toPlainText()
        assert f'src="http://127.0.0.1:{port}' not in document.toHtml()
        pdf = tmp_path / "handout.pdf"
        assert export.write_pdf(pdf) >= 1
        assert pdf.read_bytes().startswith(b"%PDF")
        # the exported plan file keeps the text exactly
        planfile.save_plan_file(tmp_path / "plan.json", window.session.plan)
        assert planfile.load_plan_file(tmp_path / "plan.json").household.name == hostile
        QApplication.processEvents()
        qtbot.wait(200)
    assert requests == []


CANARY = "CANARY-q7Zx"


def files_with(root: Path, needle: bytes, skip: tuple[Path, ...] = ()) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if any(path.is_relative_to(s) for s in skip) or not path.is_file():
            continue
        try:
            if needle in path.read_bytes():
                found.append(path)
        except OSError:
            continue
    return found


def test_one_familys_data_stays_its_own(qtbot, app_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    usb = tmp_path / "usb"
    usb.mkdir()
    temp_root = Path(tempfile.gettempdir())
    temp_before = set(temp_root.iterdir())
    a_plan = renamed(sample_plans()[0], f"{CANARY} line")
    a_plan = a_plan.replace(household=dataclasses.replace(a_plan.household, name="Family A"))
    with Store.open(data) as store:
        store.set_setting("language", "en")
        a = store.create_household(a_plan)
        b = store.create_household(sample_plans()[1])
        store.record_step(
            a, "m01", "s1", answer={"text": f"{CANARY} answer"}, score=None, done=True
        )
        store.set_setting("last_household", str(a))

    window = app_window(data)
    session = window.session
    assert session.household_id == a
    visit_every_page(window, qtbot)
    plan = session.plan
    session.apply_edit(plan.replace(household=dataclasses.replace(plan.household, people=9)), "x")
    planfile.save_plan_file(usb / "family-a.json", session.plan)  # A's own record
    # switch to B, use it, export it
    session.open_household(b)
    assert session.household_id == b
    visit_every_page(window, qtbot)
    window.show_page("plan")
    QApplication.processEvents()
    planfile.save_plan_file(usb / "family-b.json", session.plan)
    b_screens = [
        w for w in all_widgets() if not window.household_page.isAncestorOf(w)
    ]  # the household list names every family on the laptop, by design
    leaks = [
        f"{type(w).__name__} {where}"
        for w, where, text, _ in shown_texts(b_screens)
        if CANARY in text
    ]
    assert leaks == []
    assert CANARY not in window.windowTitle()
    assert not session.can_undo() or CANARY not in session.undo_description()
    assert CANARY.encode() not in (usb / "family-b.json").read_bytes()
    # an unexpected error whose message quotes A's text, then a restart
    try:
        raise RuntimeError(f"failed on {CANARY} line e0")
    except RuntimeError as exc:
        run_app.last_error_handler(type(exc), exc, exc.__traceback__)  # type: ignore[attr-defined]
    stop(window)
    i18n.set_language("en")
    window = app_window(data)
    assert window.session.household_id == b
    visit_every_page(window, qtbot)
    stop(window)
    # where A's data must not be
    logs = paths.log_dir(data)
    assert list(logs.iterdir()), "the app wrote no log at all"
    assert files_with(logs, CANARY.encode()) == []
    settings_files = [p for p in data.iterdir() if p.suffix in (".ini", ".conf")]
    assert settings_files, "no QSettings file found"
    assert all(CANARY.encode() not in p.read_bytes() for p in settings_files)
    new_temp = [p for p in set(temp_root.iterdir()) - temp_before if not tmp_path.is_relative_to(p)]
    for entry in new_temp:
        hits = [entry] if entry.is_file() else files_with(entry, CANARY.encode())
        assert not (entry.is_file() and CANARY.encode() in entry.read_bytes()), entry
        assert entry.is_file() or hits == [], hits
    # what is left that holds the canary: A's own records only (database, its backups, A's export)
    holders = files_with(tmp_path, CANARY.encode())
    allowed = {usb / "family-a.json"}
    for path in holders:
        assert (
            path in allowed
            or path.name.startswith("budget.sqlite")
            or path.parent.name == "backups"
        ), f"A's data leaked into {path}"


# -- 12b: hidden Unicode tricks in every user text (issue 16, point 9 and the name half of 6) ----

#: (text, the code point the message must name) — written out by hand.
TRICKS = [
    ("Rent\u202egnirts", "U+202E"),  # right-to-left override
    ("Roof \u2066x\u2069", "U+2066"),  # left-to-right isolate
    ("Roof\x85x", "U+0085"),  # C1 next line
    ("x\x9b31m", "U+009B"),  # C1 control sequence introducer
    ("Roof \udfff", "U+DFFF"),  # lone surrogate, from a JSON escape
    ("\u2800\u200b", "invisible"),  # braille blank + zero width space: nothing visible
]


def text_fields(document: dict) -> list[tuple[str, list]]:  # type: ignore[type-arg]
    """Every user-text field of a plan document: (field path, key path)."""
    fields: list[tuple[str, list]] = [  # type: ignore[type-arg]
        ("household.name", ["household", "name"]),
        ("household.region", ["household", "region"]),
    ]
    for section in ("incomes", "expenses", "one_offs", "savings", "goals", "debts", "investments"):
        for i, _line in enumerate(document.get(section, [])):
            fields.append((f"{section}[{i}].name", [section, i, "name"]))
    for i, scenario in enumerate(document.get("scenarios", [])):
        fields.append((f"scenarios[{i}].name", ["scenarios", i, "name"]))
        fields.append((f"scenarios[{i}].description", ["scenarios", i, "description"]))
        for j, change in enumerate(scenario.get("changes", [])):
            if "name" in change:
                fields.append(
                    (f"scenarios[{i}].changes[{j}].name", ["scenarios", i, "changes", j, "name"])
                )
    return fields


def _put(document: dict, keys: list, value: str) -> None:  # type: ignore[type-arg]
    target = document
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = value


def test_every_user_text_refuses_every_trick_in_file_store_and_cli(tmp_path: Path) -> None:
    from budget_tutor.cli import run_captured

    plans = sample_plans()
    measured = {"fields": 0, "refused by the file": 0, "refused by the store": 0, "cli exit 2": 0}
    with Store.open(tmp_path / "data") as store:
        for plan in plans:
            document = planfile.plan_to_dict(plan)
            fields = text_fields(document)
            assert len(fields) > 20  # the samples have many names: the loop is not empty
            for field, keys in fields:
                for text, shown in TRICKS:
                    hostile = json.loads(json.dumps(document))
                    _put(hostile, keys, text)
                    path = tmp_path / "hostile.budget.json"
                    path.write_text(json.dumps(hostile), encoding="ascii")  # escapes survive
                    measured["fields"] += 1
                    with pytest.raises(planfile.PlanFileError) as info:
                        planfile.load_plan_file(path)
                    message = str(info.value)
                    assert info.value.field == field, (field, text)
                    assert message.startswith(f"{field}: the text "), message
                    assert shown in message, message
                    message.encode("utf-8")
                    measured["refused by the file"] += 1
                    # the store refuses the same plan built in Python (never via the file)
                    bad_plan = _with_text(plan, keys, text)
                    if bad_plan is not None:
                        with pytest.raises(StorageError):
                            store.create_household(bad_plan)
                        measured["refused by the store"] += 1
                    # the command line: a message naming the field, never a traceback
                    if keys[0] in ("goals", "scenarios") and keys[-1] == "name":
                        code, out, err = run_captured(["plan", str(path)])
                        assert code == 2 and out == "" and field in err, err
                        assert "Traceback" not in err
                        measured["cli exit 2"] += 1
        assert store.list_households() == []
    # measured, not constants: every field × every trick was tried and refused
    print("user-text tricks:", measured)
    assert measured["refused by the file"] == measured["fields"] >= 3 * 20 * len(TRICKS)
    assert measured["refused by the store"] == measured["fields"]
    assert measured["cli exit 2"] >= len(TRICKS) * 3


def _with_text(plan: Plan, keys: list, text: str) -> Plan | None:  # type: ignore[type-arg]
    """The plan with the text at ``keys`` (a document path) replaced, as a Python object."""
    if keys[0] == "household":
        return plan.replace(household=dataclasses.replace(plan.household, **{keys[1]: text}))
    section, index = keys[0], keys[1]
    lines = list(getattr(plan, section))
    if section == "scenarios" and keys[2] == "changes":
        scenario = lines[index]
        changes = list(scenario.changes)
        changes[keys[3]] = dataclasses.replace(changes[keys[3]], name=text)
        lines[index] = dataclasses.replace(scenario, changes=tuple(changes))
    else:
        lines[index] = dataclasses.replace(lines[index], **{keys[2]: text})
    return plan.replace(**{section: tuple(lines)})


def test_no_trick_name_reaches_the_screen_through_an_import(
    qtbot, app_window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from budget_tutor.ui import messages

    data = tmp_path / "data"
    with Store.open(data) as store:
        store.set_setting("language", "ru")
    window = app_window(data)
    page = window.household_page
    for text, shown in TRICKS:
        document = planfile.plan_to_dict(sample_plans()[0])
        document["household"]["name"] = text
        path = tmp_path / "family.budget.json"
        path.write_text(json.dumps(document), encoding="ascii")
        messages_seen: list[str] = []
        window.session.error_shown.connect(messages_seen.append)
        monkeypatch.setattr(messages, "choose_file_to_open", lambda *a, p=path, **k: str(p))
        page.import_plan_file()
        window.session.error_shown.disconnect(messages_seen.append)
        assert len(messages_seen) == 1
        message = messages_seen[0]
        assert message.startswith("«family.budget.json»") or "family.budget.json" in message
        assert "household.name" in message and "Something went wrong" not in message
        if shown != "invisible":
            assert shown in message
        assert "the text" not in message  # Russian, not English
    assert window.session.store.list_households() == []
    # this window and its dialogs (earlier tests in the process may leave widgets of their own)
    mine = [w for w in all_widgets() if w is window or window.isAncestorOf(w)]
    assert len(mine) > 20
    shown_now = [t for _, _, t, _ in shown_texts(mine)]
    assert not any(trick in t for trick, _ in TRICKS for t in shown_now)
