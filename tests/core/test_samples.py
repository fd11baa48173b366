"""Sample households: the shipped plan files match the builders, and names follow the language."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from budget_tutor import i18n
from budget_tutor.model import Month
from budget_tutor.planfile import load_plan_file, plan_to_dict
from budget_tutor.projection import project
from budget_tutor.resources import data_dir
from budget_tutor.samples import SAMPLES, build_sample, localized, localized_samples


@pytest.mark.parametrize("sample_id", list(SAMPLES))
def test_shipped_plan_file_is_what_the_builder_makes(sample_id: str) -> None:
    shipped = load_plan_file(data_dir() / "samples" / f"{sample_id}.json")
    assert plan_to_dict(shipped) == plan_to_dict(build_sample(sample_id))


def test_samples_teach_what_docs_say() -> None:
    kulob = project(build_sample("karimov-kulob"), 12).summary
    assert kulob.first_short_month == Month(2027, 3)  # the winter gap, before the first transfer
    isfara = project(build_sample("sharipov-isfara"), 24).summary
    assert isfara.first_short_month is None
    rasht = project(build_sample("nazarov-rasht"), 12).summary
    assert rasht.first_short_month == Month(2027, 9)  # the roof repair
    for build in SAMPLES.values():
        assert len(build().scenarios) >= 2


def test_localized_sample_speaks_the_active_language(tmp_path: Path) -> None:
    folder = tmp_path / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    cat = Catalog(locale="ru")
    cat.add("Karimov family (Kulob)", "Семья Каримовых (Куляб)")
    cat.add("Komil, from Russia", "Комил, из России")
    cat.add("The rouble falls 30% in March", "Рубль падает на 30% в марте")
    with open(folder / "budget_tutor.po", "wb") as fh:
        write_po(fh, cat)
    i18n.set_override_dir(tmp_path)
    i18n.set_language("ru")
    plan = localized(build_sample("karimov-kulob"))
    assert plan.household.name == "Семья Каримовых (Куляб)"
    assert plan.incomes[0].name == "Комил, из России"
    assert plan.scenarios[0].name == "Рубль падает на 30% в марте"  # type: ignore[attr-defined]
    # amounts are untouched
    assert plan.incomes[0].schedule == build_sample("karimov-kulob").incomes[0].schedule
    assert len(localized_samples()) == len(SAMPLES)
