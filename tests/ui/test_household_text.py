"""The household dialogs and plan-file import refuse hidden Unicode tricks with the field named
(translated), and store nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from budget_tutor import i18n, planfile
from budget_tutor.model import Household, Plan
from budget_tutor.storage import Store
from budget_tutor.ui import messages
from budget_tutor.ui.household_page import HouseholdPage
from budget_tutor.ui.session import AppSession

TRICKS = {
    "bidi override": ("Rent\u202egnirts", "U+202E"),
    "isolate": ("a\u2066b", "U+2066"),
    "C1 next line": ("Roof\x85x", "U+0085"),
    "C1 CSI": ("x\x9b31m", "U+009B"),
    "invisible only": ("\u2800\u200b", "only invisible characters"),
    "tab": ("a\tb", "U+0009"),
}
#: Only a file can carry a lone surrogate: Qt drops it from a QLineEdit's text.
FILE_TRICKS = {**TRICKS, "lone surrogate": ("Roof \udfff", "U+DFFF")}


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = Store.open(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture
def page(qtbot, store):  # type: ignore[no-untyped-def]
    p = HouseholdPage(AppSession(store))
    qtbot.addWidget(p)
    p.show()
    return p


@pytest.mark.parametrize("trick", list(TRICKS))
def test_new_household_dialog_refuses_the_trick_naming_the_field(qtbot, page, store, trick):  # type: ignore[no-untyped-def]
    text, shown = TRICKS[trick]
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    d = page.name_dialog
    d.name_edit.setText(text)  # pasted: typing cannot produce most of these
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert d.isVisible()
    assert d.problem_label.text().startswith("Name of the household: the text ")
    assert shown in d.problem_label.text()
    assert store.list_households() == []
    # the region too
    d.name_edit.setText("Rahimovs")
    d.region_edit.setText(text)
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert d.isVisible() and d.problem_label.text().startswith("Region or village: ")
    assert store.list_households() == []
    d.region_edit.setText("Kulob")
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert [(h.name, h.region) for h in store.list_households()] == [("Rahimovs", "Kulob")]


def test_rename_refuses_the_trick_and_keeps_the_name(qtbot, page, store):  # type: ignore[no-untyped-def]
    hid = store.create_household(Plan(household=Household(name="Karimovs")))
    page.refresh()
    page.select(hid)
    for text, shown in TRICKS.values():
        qtbot.mouseClick(page.rename_button, Qt.MouseButton.LeftButton)
        d = page.name_dialog
        d.name_edit.setText(text)
        qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
        assert d.isVisible() and shown in d.problem_label.text()
        d.reject()
    assert store.household(hid).name == "Karimovs"


@pytest.mark.parametrize("lang", ["tg", "ru"])
def test_the_message_is_in_the_language_of_the_screen(qtbot, page, lang):  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    d = page.name_dialog
    d.name_edit.setText("Rent\u202egnirts")
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    text = d.problem_label.text()
    field = d.name_label.text().replace("&", "").rstrip(":")
    assert text.startswith(field) and "U+202E" in text
    assert "the text" not in text and "reading direction" not in text  # no English left


@pytest.mark.parametrize("trick", ["bidi override", "C1 CSI", "lone surrogate", "invisible only"])
def test_importing_such_a_plan_file_names_the_problem(
    qtbot, page, store, monkeypatch, tmp_path, trick
):  # type: ignore[no-untyped-def]
    text, shown = FILE_TRICKS[trick]
    document = planfile.plan_to_dict(Plan(household=Household(name="x", people=3)))
    document["household"]["name"] = text
    path = tmp_path / "hostile.budget.json"
    path.write_text(json.dumps(document), encoding="ascii")  # \udfff travels as a JSON escape
    monkeypatch.setattr(messages, "choose_file_to_open", lambda *a, **k: str(path))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    error = page.session.last_error or ""
    assert error.startswith('"hostile.budget.json" cannot be used: household.name: the text ')
    assert shown in error and "Something went wrong" not in error
    assert store.list_households() == [] and page.session.household_id is None
