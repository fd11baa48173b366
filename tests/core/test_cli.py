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
    for scenario in plan.scenarios:
        assert f"== {scenario.name} ==" in out
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
