"""Battery 12c: the line dialog (income, expense, one-off, debt names) and What if?'s scenario
name refuse the hidden Unicode tricks with the field named, and store nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from budget_tutor.model import Plan
from budget_tutor.storage import Store

from .helpers import base_plan
from .test_user_text_and_privacy import TRICKS

#: What a text field of the app can hold (Qt drops a lone surrogate from a QLineEdit).
FIELD_TRICKS = [(text, shown) for text, shown in TRICKS if shown != "U+DFFF"]


@pytest.mark.parametrize(
    ("section", "text", "shown"),
    [
        (section, text, shown)
        for section in ("incomes", "expenses", "one_offs", "debts")
        for text, shown in FIELD_TRICKS
    ],
)
def test_a_line_name_with_a_trick_is_refused_in_the_dialog(
    qtbot, tmp_path: Path, section: str, text: str, shown: str
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from budget_tutor.model import Household
    from budget_tutor.ui.plan_page import PlanPage
    from budget_tutor.ui.session import AppSession

    with Store.open(tmp_path / "data") as store:
        session = AppSession(store)
        hid = store.create_household(Plan(household=Household(name="Rahimovs")))
        session.open_household(hid)
        page = PlanPage(session)
        qtbot.addWidget(page)
        page.resize(1024, 700)
        page.show()
        page.show_section(section)
        part = page.section(section)
        qtbot.mouseClick(part.add_button, Qt.MouseButton.LeftButton)
        dialog = part.dialog
        dialog.name_edit.setText(text)
        for edit in (getattr(dialog, "amount_edit", None), getattr(dialog, "principal_edit", None)):
            if edit is not None and edit.isVisibleTo(dialog):
                edit.line_edit.setText("100")
        if section == "debts":
            dialog.term_spin.setValue(10)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible(), "the dialog accepted a hidden trick"
        problems = dialog.problem_label.text()
        assert "Name: the text " in problems
        if shown != "invisible":
            assert shown in problems
        assert getattr(store.load_plan(hid), section) == ()
        page.close()


@pytest.mark.parametrize(("text", "shown"), FIELD_TRICKS)
def test_a_scenario_name_with_a_trick_is_refused(
    qtbot, tmp_path: Path, text: str, shown: str
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from budget_tutor.ui.session import AppSession
    from budget_tutor.ui.whatif_page import WhatIfPage

    with Store.open(tmp_path / "data") as store:
        session = AppSession(store)
        session.open_household(store.create_household(base_plan().replace(scenarios=())))
        page = WhatIfPage(session)
        qtbot.addWidget(page)
        page.resize(1024, 700)
        page.show()
        page.sliders.one_off_slider.setValue(20)
        page.sliders.name_edit.setText(text)
        qtbot.mouseClick(page.sliders.save_button, Qt.MouseButton.LeftButton)
        message = page.sliders.message_label.text()
        assert message.startswith(page.sliders.name_label.text() + ": the text "), message
        if shown != "invisible":
            assert shown in message
        assert session.plan.scenarios == ()
        assert store.load_plan(session.household_id).scenarios == ()
        page.close()
