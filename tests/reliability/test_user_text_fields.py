"""Battery 12c: the line dialog (income, expense, one-off, debt names) and What if?'s scenario
name refuse the hidden Unicode tricks with the field named, and store nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from budget_tutor.storage import Store

from .helpers import base_plan
from .test_user_text_and_privacy import TRICKS

#: What a text field of the app can hold (Qt drops a lone surrogate from a QLineEdit).
FIELD_TRICKS = [(text, shown) for text, shown in TRICKS if shown != "U+DFFF"]


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
