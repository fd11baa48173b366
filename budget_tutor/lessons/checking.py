"""Answer checking for every exercise type, and pre-test/post-test scoring. Pure core, no Qt.

Scores are ``Decimal`` fractions from 0 to 1 (1 = all right), rounded to two decimals.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from budget_tutor.i18n import N_, _
from budget_tutor.lessons.model import (
    MONEY_UNITS,
    AssessmentItem,
    CalculationStep,
    QuizOption,
    QuizStep,
    SeasonCalendarStep,
    SortStep,
)
from budget_tutor.money import AmountError, parse_amount

_TWO = Decimal("0.01")


def _score(right: Decimal | int, total: Decimal | int) -> Decimal:
    if not total:
        return Decimal(1)
    value = Decimal(right) / Decimal(total)
    return max(Decimal(0), min(Decimal(1), value)).quantize(_TWO, rounding=ROUND_HALF_UP)


# ------------------------------------------------------------------------------------------------
# quiz (and assessment items)
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuizResult:
    correct: bool
    score: Decimal
    #: For every chosen option, in option order: (index, right?, feedback msgid).
    feedback: tuple[tuple[int, bool, str], ...]
    missed: tuple[int, ...]  # right options the learner did not choose


def check_options(options: tuple[QuizOption, ...], chosen: Collection[int]) -> QuizResult:
    """One right answer: right or wrong. Several: (right ticks − wrong ticks) / right options."""
    picked = {i for i in chosen if 0 <= i < len(options)}
    right = {i for i, o in enumerate(options) if o.correct}
    good = len(picked & right)
    bad = len(picked - right)
    if len(right) <= 1:
        score = Decimal(1) if picked == right else Decimal(0)
    else:
        score = _score(good - bad, len(right))
    feedback = tuple((i, options[i].correct, options[i].feedback) for i in sorted(picked))
    return QuizResult(picked == right, score, feedback, tuple(sorted(right - picked)))


def check_quiz(step: QuizStep, chosen: Collection[int]) -> QuizResult:
    return check_options(step.options, chosen)


# ------------------------------------------------------------------------------------------------
# sort
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SortResult:
    correct: bool
    score: Decimal
    per_card: tuple[bool, ...]  # card order; an unplaced card is wrong
    unplaced: tuple[int, ...]


def check_sort(step: SortStep, placement: Mapping[int, str]) -> SortResult:
    """``placement`` maps a card's index to the id of the group it was put in."""
    per_card = tuple(placement.get(i) == card.group for i, card in enumerate(step.cards))
    unplaced = tuple(i for i in range(len(step.cards)) if i not in placement)
    right = sum(per_card)
    return SortResult(all(per_card), _score(right, len(step.cards)), per_card, unplaced)


# ------------------------------------------------------------------------------------------------
# calculation
# ------------------------------------------------------------------------------------------------

_NOT_A_NUMBER = N_('"{text}" is not a number. Type digits, for example 12 or 4,5.')
_EMPTY = N_("Type your answer first.")


class AnswerError(ValueError):
    """A typed answer that is not a number; ``str()`` is translated when shown."""

    def __init__(self, msgid: str, text: str) -> None:
        super().__init__(msgid)
        self.msgid = msgid
        self.text = text

    def __str__(self) -> str:
        return _(self.msgid).format(text=self.text)


@dataclass(frozen=True)
class CalculationResult:
    correct: bool
    score: Decimal
    value: Decimal  # what the learner typed, in the step's unit
    expected: Decimal
    difference: Decimal


def parse_answer(step: CalculationStep, text: str, locale: str) -> Decimal:
    """The learner's typed answer as a Decimal in the step's unit.

    Money is parsed with :func:`budget_tutor.money.parse_amount` in ``locale`` (negative amounts
    allowed: a difference can be below zero); months and percentages accept an integer or a
    decimal with ``,`` or ``.``. Raises :class:`AmountError` or :class:`AnswerError`.
    """
    if step.unit in MONEY_UNITS:
        minor = parse_amount(text, locale, allow_negative=True)
        return Decimal(minor) / 100
    raw = text.strip().rstrip("%").strip()
    if not raw:
        raise AnswerError(_EMPTY, text)
    cleaned = raw.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    if len(cleaned) > 20 or not all(ch.isdigit() or ch in ".-\u2212" for ch in cleaned):
        raise AnswerError(_NOT_A_NUMBER, text)
    try:
        value = Decimal(cleaned.replace("\u2212", "-"))
    except InvalidOperation as exc:
        raise AnswerError(_NOT_A_NUMBER, text) from exc
    if not value.is_finite():
        raise AnswerError(_NOT_A_NUMBER, text)
    return value


def check_calculation(step: CalculationStep, text: str, locale: str) -> CalculationResult:
    """Compare a typed answer with the engine's answer (within the step's tolerance).

    Raises :class:`AmountError`/:class:`AnswerError` when the text is not a number: the UI shows
    that message next to the field and the answer is not scored.
    """
    value = parse_answer(step, text, locale)
    difference = value - step.answer
    ok = abs(difference) <= step.tolerance
    return CalculationResult(ok, Decimal(1) if ok else Decimal(0), value, step.answer, difference)


def calculation_error(exc: Exception) -> str:
    """The translated message for a rejected typed answer."""
    if isinstance(exc, (AmountError, AnswerError)):
        return str(exc)
    return _("This answer cannot be read.")


# ------------------------------------------------------------------------------------------------
# season calendar
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TokenResult:
    token_id: str
    score: Decimal
    right_months: tuple[int, ...]  # placed and expected
    missing_months: tuple[int, ...]  # expected, not placed
    extra_months: tuple[int, ...]  # placed, not expected

    @property
    def correct(self) -> bool:
        return not self.missing_months and not self.extra_months


@dataclass(frozen=True)
class CalendarResult:
    correct: bool
    score: Decimal
    tokens: tuple[TokenResult, ...]
    #: For each month 1..12: how many tokens are right in that month (placed iff expected).
    per_month: tuple[int, ...]


def check_calendar(step: SeasonCalendarStep, placed: Mapping[str, Iterable[int]]) -> CalendarResult:
    """``placed`` maps a token id to the months the learner put it on.

    A token scores |right| / |right ∪ placed| (placing it on every month does not earn points);
    the step's score is the mean over tokens.
    """
    results = []
    per_month = [0] * 12
    for token in step.tokens:
        chosen = {m for m in placed.get(token.id, ()) if 1 <= m <= 12}
        right = chosen & token.months
        union = chosen | token.months
        results.append(
            TokenResult(
                token.id,
                _score(len(right), len(union)),
                tuple(sorted(right)),
                tuple(sorted(token.months - chosen)),
                tuple(sorted(chosen - token.months)),
            )
        )
        for month in range(1, 13):
            if (month in chosen) == (month in token.months):
                per_month[month - 1] += 1
    total = sum((r.score for r in results), Decimal(0))
    score = _score(total, len(results)) if results else Decimal(1)
    return CalendarResult(all(r.correct for r in results), score, tuple(results), tuple(per_month))


# ------------------------------------------------------------------------------------------------
# pre-test and post-test
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssessmentResult:
    score: Decimal  # 0..1
    right: int  # items answered fully right
    total: int
    per_item: tuple[tuple[str, Decimal], ...]  # item id, score

    @property
    def percent(self) -> int:
        return int((self.score * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def score_assessment(
    items: Iterable[AssessmentItem], answers: Mapping[str, Collection[int]]
) -> AssessmentResult:
    """Score a pre-test or post-test: ``answers`` maps an item id to the chosen option indexes.
    An unanswered item scores 0."""
    per_item = []
    right = 0
    item_list = list(items)
    for item in item_list:
        result = check_options(item.options, answers.get(item.id, ()))
        per_item.append((item.id, result.score))
        right += result.correct
    total_score = sum((s for _i, s in per_item), Decimal(0))
    score = _score(total_score, len(item_list)) if item_list else Decimal(0)
    return AssessmentResult(score, right, len(item_list), tuple(per_item))


@dataclass(frozen=True)
class Improvement:
    pre: AssessmentResult | None
    post: AssessmentResult | None

    @property
    def points(self) -> int | None:
        """Post-test percent minus pre-test percent (None until both were taken)."""
        if self.pre is None or self.post is None:
            return None
        return self.post.percent - self.pre.percent


def improvement(pre: AssessmentResult | None, post: AssessmentResult | None) -> Improvement:
    return Improvement(pre, post)
