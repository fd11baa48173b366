"""Property: any valid plan survives plan -> dict -> JSON text -> plan unchanged, and the
document reader never lets anything but PlanFileError escape."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budget_tutor import planfile, text_rules
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
from budget_tutor.rates import EPISODES
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

texts = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x7f").filter(
        lambda c: ord(c) >= 32 or c in "\n\t"
    ),
    max_size=12,
).filter(lambda t: text_rules.text_problem(t, multiline=True) is None)  # what B's rule accepts
names = texts
ids = st.text("abcdefghij-_0123456789ёҳӣ", min_size=1, max_size=12)
amounts = st.integers(min_value=0, max_value=MAX_AMOUNT)
months = st.builds(Month, st.integers(1900, 2200), st.integers(1, 12))
percents = st.decimals(min_value=0, max_value=100, places=4)
rates = st.decimals(min_value=0, max_value=1000, places=3)
changes_pct = st.decimals(min_value=-100, max_value=1000, places=2)
exchange = st.decimals(min_value=Decimal("0.0001"), max_value=1_000_000, places=4)


@dataclass(frozen=True)
class Bounds:
    """The value strategies plans are drawn from: the round trip uses the whole valid range;
    the extremes test (test_planfile_extremes.py) biases every one to its limits."""

    amounts: st.SearchStrategy[int] = amounts
    months: st.SearchStrategy[Month] = months
    percents: st.SearchStrategy[Decimal] = percents
    rates: st.SearchStrategy[Decimal] = rates
    changes_pct: st.SearchStrategy[Decimal] = changes_pct
    exchange: st.SearchStrategy[Decimal] = exchange
    max_lines: int = 2
    max_changes: int = 4


FULL_RANGE = Bounds()


def schedules(b: Bounds = FULL_RANGE) -> st.SearchStrategy[Schedule]:
    return st.one_of(
        st.lists(b.amounts, min_size=12, max_size=12).map(lambda a: Schedule(by_month=tuple(a))),
        st.builds(
            Schedule,
            amount=b.amounts,
            per=st.sampled_from(Per),
            months=st.lists(st.integers(1, 12), unique=True, max_size=12).map(tuple),
        ),
    )


def debts(line_id: st.SearchStrategy[str], b: Bounds = FULL_RANGE) -> st.SearchStrategy[Debt]:
    return st.one_of(
        st.builds(
            Debt,
            line_id,
            names,
            st.sampled_from(LenderKind),
            b.amounts,
            b.rates,
            b.months,
            monthly_payment=b.amounts,
            term_months=st.none() | st.integers(1, 600),
            received=st.booleans(),
        ),
        st.builds(
            Debt,
            line_id,
            names,
            st.sampled_from(LenderKind),
            b.amounts,
            b.rates,
            b.months,
            monthly_payment=st.none(),
            term_months=st.integers(1, 600),
            received=st.booleans(),
        ),
    )


def investments(
    line_id: st.SearchStrategy[str], b: Bounds = FULL_RANGE
) -> st.SearchStrategy[Investment]:
    return st.builds(
        Investment,
        line_id,
        names,
        st.sampled_from(InvestmentKind),
        b.amounts,
        b.months,
        schedules(b),
        schedules(b),
        st.integers(0, MAX_HORIZON),
        b.amounts,
    )


def change_strategies(b: Bounds = FULL_RANGE) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.builds(RemittanceChange, b.changes_pct, b.months),
        st.builds(ExchangeRateShock, b.changes_pct, b.months, st.sampled_from(Currency)),
        st.builds(ReplayEpisode, st.sampled_from(sorted(EPISODES)), b.months),
        st.builds(MigrantReturns, b.months, st.none() | st.integers(1, MAX_HORIZON), b.amounts),
        st.builds(OneOffExpense, names, b.amounts, b.months, st.sampled_from(ExpenseCategory)),
        st.builds(SavingHabit, b.amounts, b.percents, st.just("") | ids, st.none() | b.months),
        st.builds(AddInvestment, investments(ids, b)),
        st.builds(PutOnDeposit, b.amounts, b.months, b.rates),
        st.builds(TakeLoan, debts(ids, b)),
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
def plans(draw: st.DrawFn, b: Bounds = FULL_RANGE) -> Plan:
    few = {"max_size": b.max_lines}

    def lines(*args: Any) -> tuple[Any, ...]:
        return _unique(draw(st.lists(st.builds(*args), **few)))

    savings = lines(
        SavingsPlace,
        ids,
        names,
        st.sampled_from(SavingsKind),
        b.amounts,
        b.rates,
        schedules(b),
        b.percents,
        st.lists(st.tuples(b.months, b.amounts), max_size=3).map(tuple),
        st.none() | b.months,
    )
    goals: tuple[SavingsGoal, ...] = ()
    if savings:
        goals = lines(
            SavingsGoal,
            ids,
            names,
            b.amounts,
            st.sampled_from([p.id for p in savings]),
            st.none() | b.months,
            st.integers(1, 1000),
        )
    household = draw(
        st.builds(
            Household,
            names.filter(lambda s: s.strip() != ""),
            st.integers(1, 100),
            names,
            st.sampled_from(Currency),
            b.months,
            b.amounts,
        )
    )
    return Plan(
        household=household,
        incomes=lines(
            Income,
            ids,
            names,
            st.sampled_from(IncomeKind),
            schedules(b),
            st.sampled_from(Currency),
            b.percents,
            b.amounts,
            b.percents,
        ),
        expenses=lines(
            Expense, ids, names, st.sampled_from(ExpenseCategory), schedules(b), st.booleans()
        ),
        one_offs=lines(
            OneOffCost,
            ids,
            names,
            st.sampled_from(ExpenseCategory),
            b.amounts,
            b.months,
            st.booleans(),
        ),
        savings=savings,
        goals=goals,
        debts=_unique(draw(st.lists(debts(ids, b), **few))),
        investments=_unique(draw(st.lists(investments(ids, b), **few))),
        rates=RateSettings(draw(st.none() | b.exchange), draw(st.none() | b.exchange)),
        scenarios=_unique(
            draw(
                st.lists(
                    st.builds(
                        Scenario,
                        ids,
                        names,
                        st.lists(change_strategies(b), max_size=b.max_changes).map(tuple),
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
