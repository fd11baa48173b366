"""Issue 15.3: sample households in the current language everywhere — the command line too — and
in the app a sample's texts follow a language switch until the user edits them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from budget_tutor import cli, i18n, samples

SAMPLES_DIR = Path(samples.__file__).parent / "data" / "samples"


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("lang", "goal", "scenario"),
    [
        ("tg", "Тӯйи Нодир", "Такрори марти 2022"),
        ("ru", "Свадьба Нодира", "Повтор марта 2022"),
    ],
)
def test_the_command_line_shows_sample_names_in_the_language(lang, goal, scenario):
    plan_file = SAMPLES_DIR / "sharipov-isfara.json"
    code, out, err = cli.run_captured(
        ["plan", str(plan_file), "--lang", lang, "--scenario", "replay-2022"]
    )
    assert code == 0, err
    assert f"«{goal}»" in out, out[-800:]
    assert f"== {scenario} ==" in out
    assert "Nodir" not in out and "Replay March 2022" not in out


def test_an_edited_sample_file_is_not_renamed():
    plan = samples.build_sample("karimov-kulob")
    edited = plan.replace(household=dataclasses.replace(plan.household, name="Our own plan"))
    i18n.set_language("tg")
    assert samples.localized_if_sample(edited) is edited


def test_sample_texts_follow_the_language_until_edited():
    i18n.set_language("tg")
    plan = samples.localized(samples.build_sample("karimov-kulob"))
    assert plan.household.name == "Оилаи Каримовҳо (Кӯлоб)"
    # the user renames one expense; the rest stays a sample's text
    food = plan.expenses[0]
    mine = plan.replace(expenses=(dataclasses.replace(food, name="Хӯроки мо"), *plan.expenses[1:]))
    i18n.set_language("ru")
    shown = samples.follow_language(mine)
    assert shown.household.name == "Семья Каримовых (Куляб)"
    assert shown.goals[0].name == "Резервный фонд: еда на три месяца"
    assert shown.expenses[0].name == "Хӯроки мо"  # edited: exactly as typed
    assert shown.expenses[1].name != mine.expenses[1].name
    i18n.set_language("en")
    back = samples.follow_language(shown)
    assert back.household.name == "Karimov family (Kulob)"
    assert back.expenses[0].name == "Хӯроки мо"
    # a plan with no sample text is the very same object
    assert samples.follow_language(back.replace(expenses=())) is not None
    own = samples.follow_language(
        mine.replace(household=dataclasses.replace(mine.household, name="Ном", region="Ҷой"))
    )
    assert own.household.name == "Ном"


def test_the_open_sample_follows_a_language_switch(qtbot, tmp_path):
    from tests.i18n.ui_tour import start_app, stop_app

    window = start_app(qtbot, tmp_path / "data", "tg")
    try:
        page = window.household_page
        hid = page._create_and_open(page.sample_plans()[0])
        assert hid is not None
        session = window.session
        assert session.plan.household.name == "Оилаи Каримовҳо (Кӯлоб)"
        session.set_language("ru")
        assert session.plan.household.name == "Семья Каримовых (Куляб)"
        assert session.plan.goals[0].name == "Резервный фонд: еда на три месяца"
        # the user edits a goal's name: it stays as typed through later switches
        goal = dataclasses.replace(session.plan.goals[0], name="Наша подушка")
        assert session.apply_edit(session.plan.replace(goals=(goal,)), "rename goal")
        session.set_language("tg")
        assert session.plan.goals[0].name == "Наша подушка"
        assert session.plan.household.name == "Оилаи Каримовҳо (Кӯлоб)"
        # reopened from the store: still in the screen's language
        session.close_household()
        session.open_household(hid)
        assert session.plan.expenses[0].name == "Хӯрок"
        assert session.plan.goals[0].name == "Наша подушка"
    finally:
        stop_app(window)


def test_the_household_list_follows_a_language_switch(qtbot, tmp_path):
    from tests.i18n.ui_tour import start_app, stop_app

    window = start_app(qtbot, tmp_path / "data", "tg")
    try:
        page = window.household_page
        assert page._create_and_open(page.sample_plans()[0]) is not None
        window.show_households()
        texts = [page.list.item(i).text() for i in range(page.list.count())]
        assert texts and texts[0].startswith("Оилаи Каримовҳо (Кӯлоб)\n6 нафар")
        window.session.set_language("ru")
        qtbot.waitUntil(lambda: page.list.item(0).text().startswith("Семья Каримовых"))
        assert page.list.item(0).text() == "Семья Каримовых (Куляб)\n6 человек, Хатлон, Куляб"
    finally:
        stop_app(window)
