"""Property: any valid plan survives plan -> dict -> JSON text -> plan unchanged, and the
document reader never lets anything but PlanFileError escape."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budget_tutor import planfile
from budget_tutor.model import (
    MAX_HORIZON,
    Debt,
    Expense,
    ExpenseCategory,
    Household,
    Income,
    IncomeKind,
    Investment,
    InvestmentKind,
    LenderKind,
    Month,
    OneOffCost,
    Per,
    Plan,
    RateSettings,
    SavingsGoal,
    SavingsKind,
    SavingsPlace,
    Schedule,
)
from budget_tutor.money import MAX_AMOUNT, Currency
from budget_tutor.planfile import PlanFileError
from budget_tutor.scenarios import (
    AddInvestment,
    ExchangeRateShock,
    MigrantReturns,
    OneOffExpense,
    PutOnDeposit,
    RemittanceChange,
    ReplayEpisode,
    SavingHabit,
    Scenario,
    TakeLoan,
)

amounts = st.integers(min_value=0, max_value=MAX_AMOUNT)
texts = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x7f").filter(
        lambda c: ord(c) >= 32 or c in "\n\t"
    ),
    max_size=12,
)
names = texts
ids = st.text("abcdefghij-_0123456789ёҳӣ", min_size=1, max_size=12)
months = st.builds(Month, st.integers(1900, 2200), st.integers(1, 12))
percents = st.decimals(min_value=0, max_value=100, places=4)
rates = st.decimals(min_value=0, max_value=1000, places=3)
changes_pct = st.decimals(min_value=-100, max_value=1000, places=2)
exchange = st.decimals(min_value=Decimal("0.0001"), max_value=1_000_000, places=4)


@st.composite
def schedules(draw: st.DrawFn) -> Schedule:
    if draw(st.booleans()):
        return Schedule(by_month=tuple(draw(st.lists(amounts, min_size=12, max_size=12))))
    chosen = draw(st.lists(st.integers(1, 12), unique=True, max_size=12))
    return Schedule(amount=draw(amounts), per=draw(st.sampled_from(Per)), months=tuple(chosen))


def debts(line_id: st.SearchStrategy[str]) -> st.SearchStrategy[Debt]:
    return st.one_of(
        st.builds(
            Debt,
            line_id,
            names,
            st.sampled_from(LenderKind),
            amounts,
            rates,
            months,
            monthly_payment=amounts,
            term_months=st.none() | st.integers(1, 600),
            received=st.booleans(),
        ),
        st.builds(
            Debt,
            line_id,
            names,
            st.sampled_from(LenderKind),
            amounts,
            rates,
            months,
            monthly_payment=st.none(),
            term_months=st.integers(1, 600),
            received=st.booleans(),
        ),
    )


def investments(line_id: st.SearchStrategy[str]) -> st.SearchStrategy[Investment]:
    return st.builds(
        Investment,
        line_id,
        names,
        st.sampled_from(InvestmentKind),
        amounts,
        months,
        schedules(),
        schedules(),
        st.integers(0, MAX_HORIZON),
        amounts,
    )


change_strategies = st.one_of(
    st.builds(RemittanceChange, changes_pct, months),
    st.builds(ExchangeRateShock, changes_pct, months, st.sampled_from(Currency)),
    st.builds(ReplayEpisode, ids, months),
    st.builds(MigrantReturns, months, st.none() | st.integers(1, MAX_HORIZON), amounts),
    st.builds(OneOffExpense, names, amounts, months, st.sampled_from(ExpenseCategory)),
    st.builds(SavingHabit, amounts, percents, st.just("") | ids, st.none() | months),
    st.builds(AddInvestment, investments(ids)),
    st.builds(PutOnDeposit, amounts, months, rates),
    st.builds(TakeLoan, debts(ids)),
)


def _unique(lines: list[Any]) -> tuple[Any, ...]:
    seen: set[str] = set()
    result = []
    for line in lines:
        if line.id not in seen:
            seen.add(line.id)
            result.append(line)
    return tuple(result)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    few = {"max_size": 2}
    savings = _unique(
        draw(
            st.lists(
                st.builds(
                    SavingsPlace,
                    ids,
                    names,
                    st.sampled_from(SavingsKind),
                    amounts,
                    rates,
                    schedules(),
                    percents,
                    st.lists(st.tuples(months, amounts), max_size=3).map(tuple),
                    st.none() | months,
                ),
                **few,
            )
        )
    )
    goals: tuple[SavingsGoal, ...] = ()
    if savings:
        goals = _unique(
            draw(
                st.lists(
                    st.builds(
                        SavingsGoal,
                        ids,
                        names,
                        amounts,
                        st.sampled_from([p.id for p in savings]),
                        st.none() | months,
                        st.integers(1, 1000),
                    ),
                    **few,
                )
            )
        )
    household = draw(
        st.builds(
            Household,
            names.filter(lambda s: s.strip() != ""),
            st.integers(1, 100),
            names,
            st.sampled_from(Currency),
            months,
            amounts,
        )
    )
    return Plan(
        household=household,
        incomes=_unique(
            draw(
                st.lists(
                    st.builds(
                        Income,
                        ids,
                        names,
                        st.sampled_from(IncomeKind),
                        schedules(),
                        st.sampled_from(Currency),
                        percents,
                        amounts,
                        percents,
                    ),
                    **few,
                )
            )
        ),
        expenses=_unique(
            draw(
                st.lists(
                    st.builds(
                        Expense,
                        ids,
                        names,
                        st.sampled_from(ExpenseCategory),
                        schedules(),
                        st.booleans(),
                    ),
                    **few,
                )
            )
        ),
        one_offs=_unique(
            draw(
                st.lists(
                    st.builds(
                        OneOffCost,
                        ids,
                        names,
                        st.sampled_from(ExpenseCategory),
                        amounts,
                        months,
                        st.booleans(),
                    ),
                    **few,
                )
            )
        ),
        savings=savings,
        goals=goals,
        debts=_unique(draw(st.lists(debts(ids), **few))),
        investments=_unique(draw(st.lists(investments(ids), **few))),
        rates=RateSettings(draw(st.none() | exchange), draw(st.none() | exchange)),
        scenarios=_unique(
            draw(
                st.lists(
                    st.builds(
                        Scenario,
                        ids,
                        names,
                        st.lists(change_strategies, max_size=4).map(tuple),
                        texts,
                    ),
                    **few,
                )
            )
        ),
    )


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_plan_dict_json_plan_is_identity(plan: Plan) -> None:
    text = json.dumps(planfile.plan_to_dict(plan), ensure_ascii=False)
    assert planfile.plan_from_dict(json.loads(text)) == plan
    assert planfile.plan_from_json(planfile.plan_to_json(plan).encode("utf-8")) == plan


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def damaged_documents(draw: st.DrawFn) -> Any:
    """A valid plan document with one value somewhere replaced by arbitrary JSON."""
    doc: Any = planfile.plan_to_dict(draw(plans()))
    node = doc
    while True:
        keys = list(node.keys()) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        key = draw(st.sampled_from(keys))
        if isinstance(node[key], dict | list) and node[key] and draw(st.booleans()):
            node = node[key]
            continue
        node[key] = draw(json_values)
        break
    return doc


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_documents())
def test_damaged_documents_raise_only_plan_file_errors(doc: Any) -> None:
    try:
        plan = planfile.plan_from_dict(doc)
    except PlanFileError as error:
        assert str(error)  # a message, whatever the damage
    else:
        assert planfile.plan_from_dict(planfile.plan_to_dict(plan)) == plan
