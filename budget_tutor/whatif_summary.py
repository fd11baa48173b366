"""One comparison, read three ways: the What if? table, its sentences and the handout.

:func:`comparison_rows` turns a :class:`~budget_tutor.projection.Comparison` into one
:class:`ScenarioRow` per projection (the baseline first). Every number a family reads about a
scenario is a field of its row, computed once here: the table's cells (:func:`row_cells`) and the
sentences (:func:`row_sentences`) only format those fields, so they cannot contradict each
other — "3,250 less" in the table is "3,250 less" in the words, and "better off by 3,750" is
that same 3,250 less plus the 7,000 the cow is worth.

A balance below zero is never written as money: it is "short by …"
(:func:`budget_tutor.wording.balance_text`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from budget_tutor.i18n import _, ngettext, pgettext, safe_format
from budget_tutor.model import Month, month_label
from budget_tutor.money import MINOR_PER_MAJOR, format_money, round_minor
from budget_tutor.projection import Comparison, GoalResult, Projection
from budget_tutor.wording import balance_text, in_month


@dataclass(frozen=True)
class ScenarioRow:
    """What one scenario leaves the family, and how it differs from the plan as it is."""

    scenario_id: str | None  # None: the plan as it is
    name: str
    money_at_end: int  # savings + purse at the end (below zero: short)
    owned_at_end: int  # what investments (a cow, a term deposit) are worth at the end
    owed_at_end: int  # debt still owed at the end
    lowest_month: Month
    lowest_balance: int  # the purse at the end of the hardest month
    first_short_month: Month | None
    short_by: int  # how much is missing in the first short month (0: never short)
    goals: tuple[GoalResult, ...]
    months: int
    # against the plan as it is (0 / equal for the baseline's own row)
    difference: int  # money_at_end − the baseline's
    owned_difference: int
    owed_difference: int
    worth_difference: int  # difference + owned_difference − owed_difference
    baseline_first_short_month: Month | None
    baseline_goals: tuple[GoalResult, ...]

    @property
    def is_baseline(self) -> bool:
        return self.scenario_id is None


def _first_shortfall(projection: Projection) -> int:
    month = projection.summary.first_short_month
    for row in projection.rows:
        if row.month == month:
            return max(0, -row.cash_close)
    return 0


def _row(projection: Projection, name: str, base: Projection | None) -> ScenarioRow:
    s = projection.summary
    money = s.end_savings + s.end_cash
    b = (base or projection).summary
    base_money = b.end_savings + b.end_cash
    difference = money - base_money
    owned_difference = s.investment_value - b.investment_value
    owed_difference = s.end_debt - b.end_debt
    return ScenarioRow(
        scenario_id=projection.scenario_id,
        name=name,
        money_at_end=money,
        owned_at_end=s.investment_value,
        owed_at_end=s.end_debt,
        lowest_month=s.lowest_month,
        lowest_balance=s.lowest_balance,
        first_short_month=s.first_short_month,
        short_by=_first_shortfall(projection),
        goals=s.goals,
        months=s.months,
        difference=difference,
        owned_difference=owned_difference,
        owed_difference=owed_difference,
        worth_difference=difference + owned_difference - owed_difference,
        baseline_first_short_month=b.first_short_month,
        baseline_goals=b.goals,
    )


def comparison_rows(comparison: Comparison, names: Sequence[str]) -> tuple[ScenarioRow, ...]:
    """One row per projection of ``comparison`` (the baseline first), named by ``names``."""
    base = comparison.baseline
    return tuple(
        _row(proj, name, None if i == 0 else base)
        for i, (proj, name) in enumerate(zip(comparison.all, names, strict=True))
    )


# ------------------------------------------------------------------------------------------------
# formatting: the table
# ------------------------------------------------------------------------------------------------


def _amount(minor: int, locale: str) -> str:
    return format_money(minor, locale, decimals=False)


def _whole(minor: int) -> int:
    """An amount rounded to whole somoni (half away from zero), for a table or a sentence."""
    return round_minor(Decimal(minor) / MINOR_PER_MAJOR) * MINOR_PER_MAJOR


def difference_text(minor: int, locale: str) -> str:
    """A difference in words: "3,250 TJS more", "3,250 TJS less", "the same"."""
    if minor > 0:
        # Translators: a table cell: the scenario leaves this much more money. Keep {amount}.
        return safe_format(
            pgettext("difference", "{amount} more"), "{amount} more", amount=_amount(minor, locale)
        )
    if minor < 0:
        # Translators: a table cell: the scenario leaves this much less money. Keep {amount}.
        return safe_format(
            pgettext("difference", "{amount} less"), "{amount} less", amount=_amount(-minor, locale)
        )
    return pgettext("difference", "the same")


def row_cells(row: ScenarioRow, locale: str) -> tuple[str, ...]:
    """The table's cells for one row: name, money at the end, difference, the month the money
    runs out. Below zero is "short by …"; the difference counts what the family owns on a
    second line when that changes the picture (a cow, a deposit, a loan). How much is missing
    that month, the hardest month and the goals are in the sentences (:func:`row_sentences`)."""
    if row.is_baseline:
        difference = "\u2014"
    else:
        difference = difference_text(row.difference, locale)
        if row.worth_difference != row.difference:
            difference += "\n" + safe_format(
                # Translators: second line of the difference cell, e.g. "counting what you own:
                # 3,750 TJS more". {difference} is "3,750 TJS more" or "… less".
                _("counting what you own: {difference}"),
                "counting what you own: {difference}",
                difference=difference_text(row.worth_difference, locale),
            )
    runs_out = (
        month_label(row.first_short_month, locale, short=True)
        if row.first_short_month is not None
        else pgettext("money runs out", "No")
    )
    return (row.name, balance_text(_whole(row.money_at_end), locale), difference, runs_out)


# ------------------------------------------------------------------------------------------------
# formatting: the sentences
# ------------------------------------------------------------------------------------------------


def _end_sentence(row: ScenarioRow, locale: str) -> str:
    if row.difference > 0:
        return safe_format(
            _("With this, you have {amount} more at the end."),
            "With this, you have {amount} more at the end.",
            amount=_amount(row.difference, locale),
        )
    if row.difference < 0:
        return safe_format(
            _("With this, you have {amount} less at the end."),
            "With this, you have {amount} less at the end.",
            amount=_amount(-row.difference, locale),
        )
    return _("With this, you have the same money at the end.")


def _worth_sentence(row: ScenarioRow, locale: str) -> str | None:
    """How what the family owns and owes changes the end result, in the same numbers."""
    if row.worth_difference == row.difference:
        return None
    better = row.worth_difference >= 0
    worth = _amount(abs(row.worth_difference), locale)
    if row.owed_difference == 0 and row.owned_difference > 0:
        template, english = (
            (
                _(
                    "But you also own something worth {owned}: counting it, you are {amount} better off."
                ),
                "But you also own something worth {owned}: counting it, you are {amount} better off.",
            )
            if better
            else (
                _("You also own something worth {owned}: counting it, you are {amount} worse off."),
                "You also own something worth {owned}: counting it, you are {amount} worse off.",
            )
        )
        return safe_format(
            template, english, owned=_amount(row.owned_difference, locale), amount=worth
        )
    template, english = (
        (
            _("Counting what you own and what you owe, you are {amount} better off."),
            "Counting what you own and what you owe, you are {amount} better off.",
        )
        if better
        else (
            _("Counting what you own and what you owe, you are {amount} worse off."),
            "Counting what you own and what you owe, you are {amount} worse off.",
        )
    )
    return safe_format(template, english, amount=worth)


def _short_sentence(row: ScenarioRow, locale: str) -> str | None:
    short, base_short = row.first_short_month, row.baseline_first_short_month
    if short is None:
        return _("The money no longer runs out.") if base_short is not None else None
    shortfall = balance_text(-_whole(row.short_by), locale)
    if base_short is None:
        # Translators: {in_month} is "in March 2027" (wording.in_month); {shortfall} is
        # "short by 2,070 TJS" (wording.balance_text).
        template, english = (
            _("The money runs out {in_month}: {shortfall}."),
            "The money runs out {in_month}: {shortfall}.",
        )
    elif short != base_short:
        return safe_format(
            # Translators: {in_month} is "in March 2027"; {base_month} is "May 2027" (a label).
            _("The money runs out {in_month} instead of {base_month}: {shortfall}."),
            "The money runs out {in_month} instead of {base_month}: {shortfall}.",
            in_month=in_month(short),
            base_month=month_label(base_short, locale),
            shortfall=shortfall,
        )
    else:
        template, english = (
            _("The money still runs out {in_month}: {shortfall}."),
            "The money still runs out {in_month}: {shortfall}.",
        )
    return safe_format(template, english, in_month=in_month(short), shortfall=shortfall)


def _hardest_sentence(row: ScenarioRow, locale: str) -> str:
    month = month_label(row.lowest_month, locale)
    if row.lowest_balance >= 0:
        return safe_format(
            _("The hardest month is {month}, with {amount} in the purse."),
            "The hardest month is {month}, with {amount} in the purse.",
            month=month,
            amount=_amount(row.lowest_balance, locale),
        )
    return safe_format(
        # Translators: {shortfall} is "short by 2,070 TJS" (wording.balance_text).
        _("The hardest month is {month}: {shortfall}."),
        "The hardest month is {month}: {shortfall}.",
        month=month,
        shortfall=balance_text(_whole(row.lowest_balance), locale),
    )


def _goal_sentences(row: ScenarioRow, locale: str) -> list[str]:
    before_of = {g.goal_id: g.reached for g in row.baseline_goals}
    out = []
    for goal in row.goals:
        before, after = before_of.get(goal.goal_id), goal.reached
        if before == after:
            if after is not None:
                out.append(
                    safe_format(
                        # Translators: {in_month} is "in March 2027" as a sentence says it.
                        _("“{goal}” is reached as before, {in_month}."),
                        "“{goal}” is reached as before, {in_month}.",
                        goal=goal.name,
                        in_month=in_month(after),
                    )
                )
            continue
        if before is not None and after is not None:
            moved = after.minus(before)
            count = abs(moved)
            if moved > 0:
                english = "“{goal}” is reached {count} months later, {in_month}."
                template = ngettext(
                    "“{goal}” is reached {count} month later, {in_month}.",
                    "“{goal}” is reached {count} months later, {in_month}.",
                    count,
                )
            else:
                english = "“{goal}” is reached {count} months earlier, {in_month}."
                template = ngettext(
                    "“{goal}” is reached {count} month earlier, {in_month}.",
                    "“{goal}” is reached {count} months earlier, {in_month}.",
                    count,
                )
            out.append(
                safe_format(
                    template, english, goal=goal.name, count=count, in_month=in_month(after)
                )
            )
        elif after is None:
            english = "“{goal}” is no longer reached in {count} months."
            template = ngettext(
                "“{goal}” is no longer reached in {count} month.",
                "“{goal}” is no longer reached in {count} months.",
                row.months,
            )
            out.append(safe_format(template, english, goal=goal.name, count=row.months))
        else:
            out.append(
                safe_format(
                    _("“{goal}” is now reached, {in_month}."),
                    "“{goal}” is now reached, {in_month}.",
                    goal=goal.name,
                    in_month=in_month(after),
                )
            )
    return out


def row_sentences(row: ScenarioRow, locale: str) -> tuple[str, ...]:
    """Plain sentences about a scenario's row: more or less at the end (and counting what the
    family owns), whether and when the money runs out, the hardest month, each goal."""
    sentences = [_end_sentence(row, locale)]
    for sentence in (_worth_sentence(row, locale), _short_sentence(row, locale)):
        if sentence is not None:
            sentences.append(sentence)
    sentences.append(_hardest_sentence(row, locale))
    sentences.extend(_goal_sentences(row, locale))
    return tuple(sentences)
