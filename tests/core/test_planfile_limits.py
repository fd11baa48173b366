"""The plan file's size limits are enforced (docs/plan-format.md): an id of more than 64
characters and a section of more than 1,000 lines are refused with the field named."""

from __future__ import annotations

import copy

import pytest

from budget_tutor import planfile, samples
from budget_tutor.planfile import (
    MAX_ID_LENGTH,
    MAX_LINES,
    PlanFileError,
    plan_from_dict,
    plan_to_dict,
)


@pytest.fixture
def document():
    return plan_to_dict(samples.build_sample("karimov-kulob"))


def test_an_id_at_the_limit_is_accepted_and_one_past_it_refused(document):
    at_limit = copy.deepcopy(document)
    at_limit["incomes"][0]["id"] = "i" * MAX_ID_LENGTH
    assert plan_from_dict(at_limit).incomes[0].id == "i" * 64
    too_long = copy.deepcopy(document)
    too_long["incomes"][0]["id"] = "i" * (MAX_ID_LENGTH + 1)
    with pytest.raises(PlanFileError) as caught:
        plan_from_dict(too_long)
    assert "incomes[0].id" in str(caught.value)


def test_a_section_of_more_than_1000_lines_is_refused(document):
    expense = document["expenses"][0]
    many = copy.deepcopy(document)
    many["expenses"] = [dict(expense, id=f"e{i}") for i in range(MAX_LINES + 1)]
    with pytest.raises(PlanFileError) as caught:
        plan_from_dict(many)
    assert "expenses" in str(caught.value) and "1000" in str(caught.value).replace(
        "\u00a0", ""
    ).replace(",", "").replace(" ", "")
    enough = copy.deepcopy(document)
    enough["expenses"] = [dict(expense, id=f"e{i}") for i in range(MAX_LINES)]
    assert len(plan_from_dict(enough).expenses) == MAX_LINES
    assert planfile.MAX_LINES == 1000
