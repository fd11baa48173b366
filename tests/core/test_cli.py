"""`budget-tutor plan`: every sample household and scenario, in every language and format."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from budget_tutor.cli import run_captured
from budget_tutor.planfile import load_plan_file
from budget_tutor.resources import data_dir

SAMPLES = sorted((data_dir() / "samples").glob("*.json"))


def test_there_are_at_least_three_samples_with_two_scenarios_each() -> None:
    assert len(SAMPLES) >= 3
    for path in SAMPLES:
        assert len(load_plan_file(path).scenarios) >= 2, path.name


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["en", "ru", "tg"])
def test_table_for_every_sample_and_scenario(path: Path, lang: str) -> None:
    plan = load_plan_file(path)
    code, out, err = run_captured(
        ["plan", str(path), "--months", "24", "--scenario", "all", "--lang", lang]
    )
    assert code == 0, err
    from budget_tutor import i18n

    i18n.set_language(lang)  # a sample's names are shown in --lang (from the catalog)
    for scenario in plan.scenarios:
        assert f"== {i18n._(scenario.name)} ==" in out
    i18n.set_language("en")
    # 24 month rows for the baseline and for each scenario
    assert out.count("\n== ") + out.startswith("== ") == 1 + len(plan.scenarios)
    assert "2028" in out


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_csv_and_json_agree(path: Path) -> None:
    code, out_csv, _ = run_captured(
        ["plan", str(path), "--months", "13", "--format", "csv", "--scenario", "all"]
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out_csv)))
    code, out_json, _ = run_captured(
        ["plan", str(path), "--months", "13", "--format", "json", "--scenario", "all"]
    )
    assert code == 0
    data = json.loads(out_json)
    plan = load_plan_file(path)
    assert len(data["projections"]) == 1 + len(plan.scenarios)
    assert len(rows) == 13 * (1 + len(plan.scenarios))
    first = data["projections"][0]["months"][0]
    assert rows[0]["cash"] == first["cash"]
    assert rows[0]["month"] == first["month"]


def test_bad_file_exits_non_zero_with_the_field(tmp_path: Path) -> None:
    good = json.loads(SAMPLES[0].read_text(encoding="utf-8"))
    good["incomes"][0]["schedule"]["amount"] = "abc"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(good), encoding="utf-8")
    code, out, err = run_captured(["plan", str(bad)])
    assert code == 2
    assert "incomes[0]" in err and "abc" in err
    assert out == ""


def test_missing_file_and_unknown_scenario(tmp_path: Path) -> None:
    code, _out, err = run_captured(["plan", str(tmp_path / "nope.json")])
    assert code == 2 and err
    code, _out, err = run_captured(["plan", str(SAMPLES[0]), "--scenario", "no-such-thing"])
    assert code == 2 and "no-such-thing" in err


def test_months_out_of_range_is_an_error() -> None:
    code, _out, err = run_captured(["plan", str(SAMPLES[0]), "--months", "500"])
    assert code == 2 and "120" in err


def test_installed_command_runs_as_a_process() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "budget_tutor",
            "plan",
            str(SAMPLES[0]),
            "--months",
            "3",
            "--lang",
            "tg",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "2027" in proc.stdout


# -- exact money in files, safe output files, text the console cannot encode -------------------


def _big_plan(tmp_path: Path) -> Path:
    """Wages of 99,999,999.99 dollars at 1,000,000 somoni a dollar, and one diram in the purse:
    the purse holds 9,999,999,999,000,001 dirams after a month, more than a float holds exactly
    (as a float divided by 100 it prints as ...0000.02, a diram off)."""
    from decimal import Decimal

    from budget_tutor.model import (
        Household,
        Income,
        IncomeKind,
        Month,
        Plan,
        RateSettings,
        Schedule,
    )
    from budget_tutor.money import MAX_AMOUNT, Currency
    from budget_tutor.planfile import save_plan_file

    income = Income(
        "i", "From abroad", IncomeKind.WAGES, Schedule.monthly(MAX_AMOUNT), Currency.USD
    )
    plan = Plan(
        Household("Big", start_month=Month(2027, 1), opening_cash=1),
        incomes=(income,),
        rates=RateSettings(tjs_per_usd=Decimal(1_000_000)),
    )
    path = tmp_path / "big.json"
    save_plan_file(path, plan)
    return path


def test_csv_and_json_agree_to_the_diram_for_huge_amounts(tmp_path: Path) -> None:
    path = _big_plan(tmp_path)
    code, out_csv, err = run_captured(["plan", str(path), "--months", "2", "--format", "csv"])
    assert code == 0, err
    code, out_json, err = run_captured(["plan", str(path), "--months", "2", "--format", "json"])
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out_csv)))
    months = json.loads(out_json)["projections"][0]["months"]
    # 9,999,999,999 dirams of dollars x 1,000,000 = 99,999,999,990,000.00 somoni, plus the diram:
    assert rows[0]["income"] == months[0]["income"] == "99999999990000.00"
    assert rows[0]["cash"] == months[0]["cash"] == "99999999990000.01"
    assert rows[1]["cash"] == months[1]["cash"] == "199999999980000.01"
    for row, month in zip(rows, months, strict=True):
        for key, value in month.items():
            assert row[key] == value


def test_small_amounts_keep_their_sign_and_dirams() -> None:
    from budget_tutor.cli import _amount_text

    assert [_amount_text(v) for v in (0, 5, -5, 100, -12345, 10**30 + 1)] == [
        "0.00",
        "0.05",
        "-0.05",
        "1.00",
        "-123.45",
        "10000000000000000000000000000.01",
    ]


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_output_file_is_written_safely(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    code, out, err = run_captured(["plan", str(SAMPLES[0]), "--format", fmt, "-o", str(target)])
    assert (code, out, err) == (0, "", "")
    code, printed, _err = run_captured(["plan", str(SAMPLES[0]), "--format", fmt])
    assert target.read_text(encoding="utf-8") == printed
    assert target.stat().st_mode & 0o077 == 0o644 & ~_umask() & 0o077  # not 0600
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def _umask() -> int:
    import os

    old = os.umask(0o022)
    os.umask(old)
    return old


def test_a_failed_output_file_keeps_the_old_one_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from budget_tutor import i18n, safe_write

    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")

    def full(*_args: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_write.os, "write", full)
    code, out, err = run_captured(
        ["plan", str(SAMPLES[0]), "--format", "csv", "-o", str(target), "--lang", "ru"]
    )
    monkeypatch.undo()
    i18n.set_language("en")
    assert code == 1 and out == ""
    assert err == (
        "Не удалось сохранить «out.csv»: диск заполнен. Прежний файл, если он был, не изменён.\n"
    )
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(os.listdir(tmp_path)) == ["out.csv"]


def test_a_missing_output_folder_is_named(tmp_path: Path) -> None:
    code, _out, err = run_captured(
        ["plan", str(SAMPLES[0]), "-o", str(tmp_path / "nowhere" / "x.csv"), "--format", "csv"]
    )
    assert code == 1
    assert (
        err
        == "“x.csv” could not be saved: the folder does not exist. The old file, if any, is unchanged.\n"
    )


def _plan_with_lone_surrogates(tmp_path: Path) -> Path:
    """A plan file whose goal and scenario names carry a lone surrogate escape (``\\udfff``),
    as the attack wrote them; the file is otherwise a sample."""
    doc = json.loads(SAMPLES[0].read_text(encoding="utf-8"))
    doc["household"]["name"] = "Roof \\udfff"
    for scenario in doc["scenarios"]:
        scenario["name"] = "Roof \\udfff"
    for goal in doc.get("goals", []):
        goal["name"] = "Roof \\udfff"
    path = tmp_path / "surrogates.json"
    path.write_text(json.dumps(doc).replace("\\\\udfff", "\\udfff"), encoding="utf-8")
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_lone_surrogates_and_a_narrow_console_never_give_a_traceback(
    tmp_path: Path, encoding: str, fmt: str
) -> None:
    """Such names are refused by the plan-file rules (engineer B's text_rules) with a message that
    quotes them; with or without that rule the console must never see UnicodeEncodeError."""
    import os

    path = _plan_with_lone_surrogates(tmp_path)
    assert "\\udfff" in path.read_text(encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    proc = subprocess.run(
        [sys.executable, "-m", "budget_tutor", "plan", str(path), "--format", fmt, "--lang", "ru",
         "--scenario", "all"],
        capture_output=True,
        timeout=60,
        env=env,
    )  # fmt: skip
    stderr = proc.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in stderr and "UnicodeEncodeError" not in stderr, stderr
    assert proc.returncode in (0, 2)
    if proc.returncode == 2:
        assert "household.name" in stderr  # refused, naming the field
    # Cyrillic on an ASCII console comes out as "?" rather than a crash:
    assert proc.stdout or proc.stderr


def test_write_functions_replace_lone_surrogates_when_a_plan_has_them(tmp_path: Path) -> None:
    """A plan made in memory (not read from a file) may still carry a lone surrogate: the CLI's
    writers and the safe output file never raise on it."""
    from budget_tutor.cli import write_csv, write_json, write_table
    from budget_tutor.planfile import load_plan_file as load
    from budget_tutor.projection import compare
    from budget_tutor.safe_write import write_text

    plan = load(SAMPLES[0])
    scenario = plan.scenarios[0].__class__(
        plan.scenarios[0].id, "Roof \udfff", plan.scenarios[0].changes
    )
    comparison = compare(plan.replace(scenarios=(scenario,)), [scenario], 3)
    for writer in (write_csv, write_json):
        text = io.StringIO()
        writer(comparison, text)
        write_text(tmp_path / "out.txt", text.getvalue())
        assert "\udfff" not in (tmp_path / "out.txt").read_text(encoding="utf-8")
    text = io.StringIO()
    write_table(comparison, "ru", text)
    write_text(tmp_path / "out.txt", text.getvalue())
    assert "Roof ?" in (tmp_path / "out.txt").read_text(encoding="utf-8")


def test_russian_on_an_ascii_console_is_replaced_not_a_traceback() -> None:
    import os

    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    proc = subprocess.run(
        [sys.executable, "-m", "budget_tutor", "plan", str(SAMPLES[0]), "--lang", "ru",
         "--months", "2"],
        capture_output=True,
        timeout=60,
        env=env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode("utf-8", errors="replace")
    assert b"Traceback" not in proc.stderr
    assert b"?" in proc.stdout and b"2027" in proc.stdout


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_a_plan_with_lone_surrogates_prints_on_a_strict_utf8_stream(
    monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """If a plan with ``"Roof \\udfff"`` names reaches the CLI (today's rules refuse it when read;
    a plan made before them, or by code, may not), the names come out with "?" and no error
    (CSV has scenario ids, not names)."""
    from budget_tutor import cli, planfile
    from budget_tutor.model import SavingsGoal
    from budget_tutor.scenarios import Scenario

    plan = load_plan_file(SAMPLES[0])
    place = plan.savings[0]
    goal = SavingsGoal("roof", "Roof \udfff", 100, place.id)
    scenario = Scenario("roof", "Roof \udfff", plan.scenarios[0].changes)
    bad = plan.replace(goals=(*plan.goals, goal), scenarios=(scenario,))
    monkeypatch.setattr(planfile, "load_plan_file", lambda _path: bad)
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8")  # strict, as a UTF-8 terminal is
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    code = cli.run(["plan", "x.json", "--scenario", "all", "--format", fmt], out, err)
    out.flush()
    assert code == 0
    text = raw.getvalue().decode("utf-8")
    assert "roof," in text if fmt == "csv" else "Roof ?" in text
