"""Plan files: every field written and read back, every kind of bad input named, atomic writes."""

from __future__ import annotations

import copy
import dataclasses
import errno
import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from budget_tutor import i18n, planfile
from budget_tutor.model import (
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
from budget_tutor.money import Currency
from budget_tutor.planfile import PlanFileError, load_plan_file, plan_from_dict, plan_to_dict
from budget_tutor.scenarios import (
    CHANGE_TYPES,
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
from budget_tutor.storage import DiskFull, StorageError


def full_plan() -> Plan:
    """A plan where every field of every record is set to something other than its default."""
    cow = Investment(
        "inv-cow",
        "Cow",
        InvestmentKind.COW,
        700_000,
        Month(2027, 4),
        running_costs=Schedule.monthly(15_000),
        income=Schedule(
            by_month=(0, 0, 0, 40_000, 40_000, 45_000, 45_000, 45_000, 40_000, 0, 0, 0)
        ),
        income_delay_months=2,
        resale_value=600_000,
    )
    loan = Debt(
        "debt-mfi",
        "Microloan",
        LenderKind.MICROFINANCE,
        1_000_000,
        Decimal("36.5"),
        Month(2027, 5),
        monthly_payment=None,
        term_months=12,
        received=True,
    )
    return Plan(
        household=Household(
            "Раҳимовҳо «Кӯлоб»",
            people=6,
            region="Kŭlob <b>",
            currency=Currency.TJS,
            start_month=Month(2027, 3),
            opening_cash=85_050,
        ),
        incomes=(
            Income(
                "inc-remit",
                "Husband in Russia",
                IncomeKind.REMITTANCE,
                Schedule.monthly(1_400_000, (4, 5, 6, 7, 8, 9, 10, 11)),
                currency=Currency.RUB,
                fee_percent=Decimal("1.25"),
                fee_fixed=5_000,
                rate_margin_percent=Decimal("1.5"),
            ),
            Income(
                "inc-garden", "Apricots", IncomeKind.GARDEN, Schedule.yearly(300_000, (6, 7, 8))
            ),
        ),
        expenses=(
            Expense("exp-food", "Food", ExpenseCategory.FOOD, Schedule.monthly(150_000)),
            Expense(
                "exp-coal",
                "Coal",
                ExpenseCategory.HEATING,
                Schedule(amount=180_000, per=Per.YEAR, months=(11, 12, 1, 2)),
                essential=False,
            ),
        ),
        one_offs=(
            OneOffCost(
                "oo-toi", "Wedding", ExpenseCategory.CEREMONIES, 1_500_000, Month(2027, 9), False
            ),
        ),
        savings=(
            SavingsPlace(
                "sav-dep",
                "Deposit",
                SavingsKind.DEPOSIT,
                opening_balance=120_000,
                annual_rate=Decimal("9.75"),
                contribution=Schedule.monthly(20_000, (1, 2, 3)),
                percent_of_remittance=Decimal("10"),
                lump_sums=((Month(2027, 6), 100_000), (Month(2027, 12), 1)),
                habit_from=Month(2027, 4),
            ),
        ),
        goals=(SavingsGoal("goal-roof", "Roof", 600_000, "sav-dep", Month(2028, 10), priority=2),),
        debts=(
            Debt(
                "debt-shop",
                "Shop",
                LenderKind.SHOP,
                200_000,
                Decimal(0),
                Month(2027, 1),
                monthly_payment=25_000,
            ),
        ),
        investments=(cow,),
        rates=RateSettings(tjs_per_rub=Decimal("0.1220"), tjs_per_usd=Decimal("10.9")),
        scenarios=(
            Scenario(
                "sc-all",
                "Everything at once",
                (
                    RemittanceChange(Decimal("-20"), Month(2027, 5)),
                    ExchangeRateShock(Decimal("-30.5"), Month(2027, 6), Currency.USD),
                    ReplayEpisode("2014-15", Month(2027, 3)),
                    MigrantReturns(Month(2027, 8), months=6, new_local_income=80_000),
                    MigrantReturns(Month(2027, 8)),
                    OneOffExpense("Surgery", 900_000, Month(2027, 7), ExpenseCategory.HEALTH),
                    SavingHabit(10_000, Decimal("5"), "sav-dep", Month(2027, 4)),
                    SavingHabit(),
                    AddInvestment(cow),
                    PutOnDeposit(700_000, Month(2027, 4), Decimal("12")),
                    TakeLoan(loan),
                ),
                description="Line one\nline two",
            ),
            Scenario("sc-empty", "Nothing changes"),
        ),
    )


def test_every_field_of_every_record_is_in_the_format() -> None:
    records = [
        Household,
        Schedule,
        Income,
        Expense,
        OneOffCost,
        SavingsPlace,
        SavingsGoal,
        Debt,
        Investment,
        RateSettings,
        *CHANGE_TYPES.values(),
    ]
    for cls in records:
        expected = {f.name for f in dataclasses.fields(cls)}
        if cls in CHANGE_TYPES.values():
            expected -= {"kind"}  # the tag, written as "kind" beside the fields
        assert set(planfile.record_fields(cls)) == expected, cls.__name__
    plan_fields = {f.name for f in dataclasses.fields(Plan)}
    assert plan_fields <= set(plan_to_dict(full_plan()))


def test_full_plan_round_trips_through_json() -> None:
    plan = full_plan()
    text = planfile.plan_to_json(plan)
    assert planfile.plan_from_json(text) == plan
    assert planfile.plan_from_json(text.encode("utf-8")) == plan


def test_document_shape() -> None:
    doc = plan_to_dict(full_plan())
    assert doc["format"] == "budget-tutor-plan"
    assert doc["version"] == 1
    assert doc["household"]["opening_cash"] == "850.50"
    assert doc["incomes"][0]["schedule"] == {
        "amount": "14000.00",
        "per": "month",
        "months": [4, 5, 6, 7, 8, 9, 10, 11],
        "by_month": None,
    }
    assert doc["incomes"][0]["fee_percent"] == "1.25"
    assert doc["savings"][0]["lump_sums"][1] == {"month": "2027-12", "amount": "0.01"}
    assert doc["rates"] == {"tjs_per_rub": "0.1220", "tjs_per_usd": "10.9"}
    kinds = [c["kind"] for c in doc["scenarios"][0]["changes"]]
    assert set(kinds) == set(CHANGE_TYPES)
    # no binary floats anywhere in the document
    assert "float" not in {type(v).__name__ for v in _leaves(doc)}


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v)]
    return [value]


def test_optional_fields_take_the_model_defaults() -> None:
    doc = {
        "format": "budget-tutor-plan",
        "version": 1,
        "household": {"name": "Minimal"},
        "expenses": [{"id": "e", "name": "Food", "category": "food", "schedule": {"amount": "10"}}],
    }
    plan = plan_from_dict(doc)
    assert plan == Plan(
        Household("Minimal"),
        expenses=(Expense("e", "Food", ExpenseCategory.FOOD, Schedule(amount=1000)),),
    )


@pytest.mark.parametrize(
    ("text", "minor"),
    [
        ("0", 0),
        ("1234.5", 123450),
        ("1234.50", 123450),
        ("0.01", 1),
        ("99999999.99", 99_999_999_99),
    ],
)
def test_amounts_read_strictly(text: str, minor: int) -> None:
    assert planfile.amount_from_text(text, "x") == minor
    assert planfile.amount_from_text(planfile.amount_to_text(minor), "x") == minor


# -- bad documents: each names its field ---------------------------------------------------------


def _doc() -> dict[str, Any]:
    return json.loads(planfile.plan_to_json(full_plan()))


def _set(path: list[Any], value: Any) -> Any:
    def change(doc: dict[str, Any]) -> None:
        target: Any = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _delete(path: list[Any]) -> Any:
    def change(doc: dict[str, Any]) -> None:
        target: Any = doc
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


def _duplicate_line(section: str) -> Any:
    def change(doc: dict[str, Any]) -> None:
        doc[section].append(copy.deepcopy(doc[section][0]))

    return change


BAD = [
    # amounts
    (
        _set(["incomes", 0, "schedule", "amount"], "abc"),
        "incomes[0].schedule.amount",
        '"abc" is not an amount',
    ),
    (_set(["incomes", 0, "schedule", "amount"], 1400.5), "incomes[0].schedule.amount", "in quotes"),
    (
        _set(["incomes", 0, "schedule", "amount"], "12.345"),
        "incomes[0].schedule.amount",
        "is not an amount",
    ),
    (
        _set(["incomes", 0, "schedule", "amount"], "1e6"),
        "incomes[0].schedule.amount",
        "is not an amount",
    ),
    (
        _set(["incomes", 0, "schedule", "amount"], "NaN"),
        "incomes[0].schedule.amount",
        "is not an amount",
    ),
    (
        _set(["incomes", 0, "schedule", "amount"], "1 000"),
        "incomes[0].schedule.amount",
        "is not an amount",
    ),
    (
        _set(["incomes", 0, "schedule", "amount"], "1,50"),
        "incomes[0].schedule.amount",
        "is not an amount",
    ),
    (
        _set(["incomes", 0, "schedule", "amount"], ""),
        "incomes[0].schedule.amount",
        "is not an amount",
    ),
    (
        _set(["expenses", 1, "schedule", "amount"], "-5.00"),
        "expenses[1].schedule.amount",
        "below zero",
    ),
    (_set(["one_offs", 0, "amount"], "100000000.00"), "one_offs[0].amount", "too large"),
    (
        _set(["savings", 0, "lump_sums", 1, "amount"], "x"),
        "savings[0].lump_sums[1].amount",
        "not an amount",
    ),
    (
        _set(["investments", 0, "income", "by_month", 3], "1.2.3"),
        "investments[0].income.by_month[3]",
        "not an amount",
    ),
    (
        _set(["investments", 0, "income", "by_month"], ["1.00"] * 11),
        "investments[0].income.by_month",
        "12 amounts",
    ),
    # rates and percentages
    (
        _set(["incomes", 0, "fee_percent"], "150"),
        "incomes[0].fee_percent",
        "outside the allowed range",
    ),
    (_set(["incomes", 0, "fee_percent"], 1.5), "incomes[0].fee_percent", "in quotes"),
    (_set(["incomes", 0, "fee_percent"], "1,5"), "incomes[0].fee_percent", "is not a number"),
    (_set(["incomes", 0, "fee_percent"], "Infinity"), "incomes[0].fee_percent", "is not a number"),
    (_set(["rates", "tjs_per_rub"], "0"), "rates.tjs_per_rub", "above zero"),
    (
        _set(["savings", 0, "annual_rate"], "-1"),
        "savings[0].annual_rate",
        "outside the allowed range",
    ),
    # enums
    (
        _set(["incomes", 0, "kind"], "salary"),
        "incomes[0].kind",
        '"salary" is not one of: remittance,',
    ),
    (_set(["incomes", 0, "currency"], "EUR"), "incomes[0].currency", "is not one of"),
    (_set(["expenses", 0, "category"], None), "expenses[0].category", "is not one of"),
    (_set(["expenses", 0, "schedule", "per"], "week"), "expenses[0].schedule.per", "is not one of"),
    (_set(["debts", 0, "lender"], "uncle"), "debts[0].lender", "is not one of"),
    (_set(["savings", 0, "kind"], "gold"), "savings[0].kind", "is not one of"),
    (_set(["investments", 0, "kind"], "goat"), "investments[0].kind", "is not one of"),
    (_set(["household", "currency"], "tjs"), "household.currency", "is not one of"),
    # missing, unknown and wrongly typed fields
    (_delete(["incomes", 0, "name"]), "incomes[0].name", "missing"),
    (_delete(["household"]), "household", "missing"),
    (_delete(["goals", 0, "place_id"]), "goals[0].place_id", "missing"),
    (_set(["incomes", 0, "colour"], "red"), "incomes[0].colour", "not part of"),
    (_set(["extra"], 1), "extra", "not part of"),
    (_set(["household", "people"], "six"), "household.people", "not a whole number"),
    (_set(["household", "people"], True), "household.people", "not a whole number"),
    (_set(["household", "people"], 0), "household.people", "outside the allowed range"),
    (_set(["household", "name"], "  "), "household.name", "a name is needed"),
    (_set(["household", "name"], 5), "household.name", "not text"),
    (_set(["household", "name"], "x" * 201), "household.name", "longer than 200"),
    (_set(["household", "region"], "a\x00b"), "household.region", "control character (U+0000)"),
    (_set(["expenses", 0, "essential"], "yes"), "expenses[0].essential", "not true or false"),
    (_set(["incomes"], {"a": 1}), "incomes", "is not a list"),
    (_set(["incomes", 1], "income"), "incomes[1]", "is not an object"),
    (_set(["household"], []), "household", "is not an object"),
    (_set(["incomes", 0, "id"], ""), "incomes[0].id", "an id must be"),
    (_set(["debts", 0, "term_months"], 601), "debts[0].term_months", "outside the allowed range"),
    # months
    (_set(["household", "start_month"], "2027-13"), "household.start_month", "is not a month"),
    (_set(["household", "start_month"], "27-01"), "household.start_month", "is not a month"),
    (_set(["household", "start_month"], "2027-1"), "household.start_month", "is not a month"),
    (_set(["one_offs", 0, "month"], 202709), "one_offs[0].month", "is not a month"),
    (
        _set(["expenses", 0, "schedule", "months"], [1, 13]),
        "expenses[0].schedule.months[1]",
        "1 to 12",
    ),
    (
        _set(["expenses", 0, "schedule", "months"], [2, 2]),
        "expenses[0].schedule.months[1]",
        "appears twice",
    ),
    # cross-checks
    (_duplicate_line("expenses"), "expenses[2].id", 'the id "exp-food" is used twice'),
    (_duplicate_line("scenarios"), "scenarios[2].id", "used twice"),
    (
        _set(["goals", 0, "place_id"], "sav-nowhere"),
        "goals[0].place_id",
        "not the id of a savings place",
    ),
    (
        _set(["debts", 0, "monthly_payment"], None),
        "debts[0].monthly_payment",
        "monthly payment or a term",
    ),
    # scenarios and their changes
    (
        _set(["scenarios", 0, "changes", 0, "kind"], "lottery"),
        "scenarios[0].changes[0].kind",
        "not a kind of change",
    ),
    (_delete(["scenarios", 0, "changes", 0, "kind"]), "scenarios[0].changes[0].kind", "missing"),
    (
        _delete(["scenarios", 0, "changes", 0, "percent"]),
        "scenarios[0].changes[0].percent",
        "missing",
    ),
    (
        _set(["scenarios", 0, "changes", 1, "percent"], "-101"),
        "scenarios[0].changes[1].percent",
        "outside",
    ),
    (
        _set(["scenarios", 0, "changes", 3, "months"], 0),
        "scenarios[0].changes[3].months",
        "outside",
    ),
    (
        _set(["scenarios", 0, "changes", 8, "investment", "cost"], "x"),
        "scenarios[0].changes[8].investment.cost",
        "not an amount",
    ),
    (
        _set(["scenarios", 0, "changes", 10, "debt", "term_months"], None),
        "scenarios[0].changes[10].debt.monthly_payment",
        "monthly payment or a term",
    ),
    (_set(["scenarios", 0, "changes"], "none"), "scenarios[0].changes", "is not a list"),
    (_set(["scenarios", 0, "unknown"], 1), "scenarios[0].unknown", "not part of"),
]


@pytest.mark.parametrize(("change", "field", "message"), BAD)
def test_bad_field_is_named(change: Any, field: str, message: str) -> None:
    doc = _doc()
    change(doc)
    with pytest.raises(PlanFileError) as info:
        plan_from_dict(json.loads(json.dumps(doc)))
    assert info.value.field == field
    assert str(info.value).startswith(f"{field}: ")
    assert message in str(info.value)


def test_message_matches_the_documented_example() -> None:
    doc = _doc()
    doc["incomes"].append(copy.deepcopy(doc["incomes"][0]))
    doc["incomes"][2]["id"] = "third"
    doc["incomes"][2]["schedule"]["amount"] = "abc"
    with pytest.raises(PlanFileError) as info:
        plan_from_dict(doc)
    assert str(info.value) == 'incomes[2].schedule.amount: "abc" is not an amount'
    assert isinstance(info.value, StorageError)


def test_long_bad_values_are_shortened_in_messages() -> None:
    doc = _doc()
    doc["incomes"][0]["kind"] = "y" * 5000
    with pytest.raises(PlanFileError) as info:
        plan_from_dict(doc)
    assert len(str(info.value)) < 300


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"[1, 2]", "does not hold a Budget Tutor plan"),
        (b'"plan"', "does not hold a Budget Tutor plan"),
        (b"\xff\xfe{}", "not a text file in UTF-8"),
        (b'{"format": "budget-tutor-plan", "version": 1,', "damaged or not a plan"),
        (b"", "damaged or not a plan"),
        (b'{"format": "budget-tutor-plan", "version": NaN}', "NaN, Infinity or thousands"),
        (
            b'{"format": "budget-tutor-plan", "version": ' + b"9" * 5000 + b"}",
            "thousands of digits",
        ),
        (b'{"format": "budget-tutor-plan",\n "version": 1,,}', "at line 2, column 15"),
        (b'{"format": "budget-tutor-plan", "format": "x"}', 'The key "format" appears twice'),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"format": "moneyguru", "version": 1}', '"moneyguru" is not a Budget Tutor plan file'),
        (b'{"version": 1}', "format: this field is missing"),
        (b'{"format": "budget-tutor-plan"}', "version: this field is missing"),
        (
            b'{"format": "budget-tutor-plan", "version": "1"}',
            'version: "1" is not a plan-file version',
        ),
        (b'{"format": "budget-tutor-plan", "version": 0}', "version: 0 is not a plan-file version"),
        (b'{"format": "budget-tutor-plan", "version": 1}', "household: this field is missing"),
    ],
)
def test_bad_files_are_refused_with_a_message(raw: bytes, message: str) -> None:
    with pytest.raises(PlanFileError) as info:
        planfile.plan_from_json(raw)
    assert message in str(info.value)


def test_newer_version_is_refused_clearly() -> None:
    doc = _doc()
    doc["version"] = 2
    doc["new_feature"] = {"anything": True}
    with pytest.raises(PlanFileError) as info:
        plan_from_dict(doc)
    assert info.value.field == "version"
    assert "newer Budget Tutor" in str(info.value)
    assert "file version 2" in str(info.value)


def test_files_over_5_mb_are_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_bytes(b" " * (planfile.MAX_FILE_BYTES + 1))
    with pytest.raises(PlanFileError) as info:
        load_plan_file(path)
    assert "at most 5242880 bytes" in str(info.value)


def test_message_is_translated_when_shown(tmp_path: Path) -> None:
    folder = tmp_path / "locales" / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "budget_tutor.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && '
        '(n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
        'msgid "\\"{text}\\" is not an amount"\nmsgstr "«{text}» — это не сумма"\n',
        encoding="utf-8",
    )
    doc = _doc()
    doc["incomes"][0]["schedule"]["amount"] = "abc"
    with pytest.raises(PlanFileError) as info:
        plan_from_dict(doc)
    error = info.value
    i18n.set_override_dir(tmp_path / "locales")
    i18n.set_language("ru")
    assert str(error) == "incomes[0].schedule.amount: «abc» — это не сумма"
    i18n.set_language("en")
    assert str(error) == 'incomes[0].schedule.amount: "abc" is not an amount'


# -- files ---------------------------------------------------------------------------------------


def test_save_and_load_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.budget.json"
    planfile.save_plan_file(path, full_plan())
    assert load_plan_file(path) == full_plan()
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "budget-tutor-plan"
    assert os.listdir(tmp_path) == ["plan.budget.json"]


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError) as info:
        load_plan_file(tmp_path / "nowhere.json")
    assert "nowhere.json" in str(info.value)
    assert "could not be read" in str(info.value)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + planfile.plan_to_json(full_plan()).encode())
    assert load_plan_file(path) == full_plan()


@pytest.mark.parametrize("failing", ["replace", "fsync", "write"])
def test_failed_write_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "plan.json"
    old = Plan(Household("Old family"))
    planfile.save_plan_file(path, old)
    before = path.read_bytes()

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.EIO, "Input/output error")

    if failing == "write":
        real_write = os.write

        def half_then_fail(fd: int, data: bytes) -> int:
            real_write(fd, bytes(data[: len(data) // 2]))
            raise OSError(errno.EIO, "Input/output error")

        monkeypatch.setattr(planfile.os, "write", half_then_fail)
    else:
        monkeypatch.setattr(planfile.os, failing, boom)
    with pytest.raises(PlanFileError) as info:
        planfile.save_plan_file(path, full_plan())
    assert "could not be written" in str(info.value)
    assert "The old file is unchanged" in str(info.value)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["plan.json"]
    assert load_plan_file(path) == old


def test_disk_full_on_export_is_disk_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(planfile.os, "fsync", full)
    with pytest.raises(DiskFull) as info:
        planfile.save_plan_file(tmp_path / "plan.json", full_plan())
    assert "disk is full" in str(info.value)
    monkeypatch.undo()
    assert os.listdir(tmp_path) == []


def test_the_documented_example_is_a_valid_plan() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "plan-format.md").read_text("utf-8")
    example = doc.split("```json\n", 1)[1].split("```", 1)[0]
    plan = planfile.plan_from_json(example)
    assert plan.household.name == "Rahimovs, Kulob"
    assert planfile.plan_to_json(plan) == example  # the example is exactly what the app writes


def test_month_lists_are_written_on_one_line_and_names_are_untouched() -> None:
    plan = full_plan().replace(household=Household("[\n  4,\n  5\n] and [ 1, 2 ]"))
    text = planfile.plan_to_json(plan)
    assert '"months": [4, 5, 6, 7, 8, 9, 10, 11]' in text
    assert planfile.plan_from_json(text) == plan


def test_an_unknown_currency_episode_is_refused_with_the_known_ones() -> None:
    """A ReplayEpisode of an episode the app has no rates for used to pass validation and crash
    the projection with KeyError (found by test_planfile_extremes)."""
    doc = planfile.plan_to_dict(full_plan())
    doc["scenarios"] = [
        {
            "id": "s",
            "name": "Crisis",
            "changes": [{"kind": "replay_episode", "episode": "1998", "from_month": "2027-01"}],
        }
    ]
    with pytest.raises(PlanFileError) as info:
        planfile.plan_from_dict(doc)
    assert info.value.field == "scenarios[0].changes[0].episode"
    assert str(info.value).endswith('"1998" is not one of: 2014-15, 2022-03, 2022-12')
