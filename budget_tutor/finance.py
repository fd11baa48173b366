"""Money formulas shared by the projection, the lessons' calculation exercises and the UI.

All amounts are ``int`` minor units, rates ``Decimal`` percentages (``Decimal("12")`` is 12 %).
Each function rounds once with :data:`budget_tutor.money.ROUNDING`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from budget_tutor.money import convert, percent_of, round_minor, round_to_places


def monthly_rate(annual_percent: Decimal) -> Decimal:
    """The monthly interest rate as a fraction: annual % / 12 / 100."""
    return annual_percent / Decimal(1200)


def monthly_interest(balance: int, annual_percent: Decimal) -> int:
    """Interest for one month on ``balance`` (annual rate / 12, rounded to the minor unit)."""
    if balance <= 0 or annual_percent == 0:
        return 0
    return round_minor(Decimal(balance) * monthly_rate(annual_percent))


def deposit_after(
    balance: int, annual_percent: Decimal, months: int, monthly_addition: int = 0
) -> int:
    """A deposit's balance after ``months`` months, interest compounded monthly (rounded each
    month, as the projection does), with ``monthly_addition`` added at the end of each month."""
    for _ in range(months):
        balance += monthly_interest(balance, annual_percent) + monthly_addition
    return balance


def annuity_payment(principal: int, annual_percent: Decimal, months: int) -> int:
    """The equal monthly payment that repays ``principal`` in ``months`` months (rounded up to the
    minor unit, so the loan is always repaid in time)."""
    if months <= 0:
        raise ValueError("a loan term must be at least one month")
    if principal <= 0:
        return 0
    r = monthly_rate(annual_percent)
    if r == 0:
        return int((Decimal(principal) / months).to_integral_value(rounding=ROUND_CEILING))
    factor = (1 + r) ** months
    payment = Decimal(principal) * r * factor / (factor - 1)
    return int(payment.to_integral_value(rounding=ROUND_CEILING))


@dataclass(frozen=True)
class LoanSchedule:
    payments: tuple[int, ...]
    interest: tuple[int, ...]
    balances: tuple[int, ...]  # after each payment

    @property
    def total_paid(self) -> int:
        return sum(self.payments)

    @property
    def total_interest(self) -> int:
        return sum(self.interest)


def loan_schedule(
    principal: int, annual_percent: Decimal, payment: int, max_months: int = 600
) -> LoanSchedule:
    """Month by month: interest on the balance, then the payment (the last one smaller)."""
    payments, interests, balances = [], [], []
    balance = principal
    for _ in range(max_months):
        if balance <= 0:
            break
        interest = monthly_interest(balance, annual_percent)
        due = balance + interest
        paid = min(payment, due)
        if paid <= interest and paid < due:
            raise ValueError("the payment does not cover the interest: the debt never ends")
        balance = due - paid
        payments.append(paid)
        interests.append(interest)
        balances.append(balance)
    return LoanSchedule(tuple(payments), tuple(interests), tuple(balances))


def loan_total_cost(principal: int, annual_percent: Decimal, months: int) -> int:
    """Total interest paid on an annuity loan of ``months`` months."""
    payment = annuity_payment(principal, annual_percent, months)
    return loan_schedule(principal, annual_percent, payment, months + 1).total_interest


@dataclass(frozen=True)
class TransferResult:
    """What a remittance turns into. Amounts of the sending currency are ``sent``/``fee``;
    somoni amounts are ``received`` and ``cost`` (fee and rate margin together, in somoni)."""

    sent: int
    fee: int
    received: int
    cost: int
    mid_value: int  # the whole amount at the official rate, in somoni


def remittance_received(
    amount: int,
    rate: Decimal,
    fee_percent: Decimal = Decimal(0),
    fee_fixed: int = 0,
    margin_percent: Decimal = Decimal(0),
) -> TransferResult:
    """A transfer of ``amount`` (sending currency) at the official ``rate`` (somoni per unit).

    fee = ``fee_percent`` % of amount + ``fee_fixed``; the rest is paid out at the official rate
    less ``margin_percent`` %. ``cost`` = official value of the whole amount − somoni received.
    """
    if amount <= 0:
        return TransferResult(0, 0, 0, 0, 0)
    fee = min(amount, percent_of(amount, fee_percent) + fee_fixed)
    payout_rate = rate * (1 - margin_percent / 100)
    received = convert(amount - fee, payout_rate)
    mid_value = convert(amount, rate)
    return TransferResult(amount, fee, received, mid_value - received, mid_value)


def months_to_goal(target: int, monthly: int, start: int = 0) -> int | None:
    """How many months of saving ``monthly`` reach ``target`` from ``start`` (None: never)."""
    if start >= target:
        return 0
    if monthly <= 0:
        return None
    needed = target - start
    return -(-needed // monthly)


def monthly_saving_for_goal(target: int, months: int, start: int = 0) -> int:
    """The monthly amount that reaches ``target`` in ``months`` months (rounded up)."""
    if months <= 0:
        raise ValueError("months must be at least 1")
    needed = max(0, target - start)
    return -(-needed // months)


def break_even_months(cost: int, monthly_profit: int) -> int | None:
    """Months of profit needed to earn back ``cost`` (None if the profit is zero or less)."""
    return months_to_goal(cost, monthly_profit)


def real_value_after(amount: int, inflation_percent: Decimal, years: int) -> int:
    """What ``amount`` will buy after ``years`` years of yearly inflation, in today's money."""
    value = Decimal(amount)
    for _ in range(years):
        value = value / (1 + inflation_percent / 100)
    return round_minor(value)


def share_percent(part: int, whole: int) -> Decimal:
    """``part`` as a percentage of ``whole``, to one decimal (0 when whole is 0)."""
    if whole == 0:
        return Decimal(0)
    return round_to_places(Decimal(part) * 100 / Decimal(whole), 1)  # any size, never fails
