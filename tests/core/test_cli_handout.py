"""`budget-tutor handout FILE... --lang tg|ru --out DIR`: one PDF per plan file for a workshop.

The command runs as its own process (it needs Qt to write PDFs; the core tests never import Qt),
on every sample plan file in Tajik and in Russian; the PDFs are read back as text with the
standard-library reader of ``tests/pdftext.py``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from budget_tutor import i18n
from budget_tutor.planfile import load_plan_file
from budget_tutor.resources import data_dir
from budget_tutor.samples import localized
from tests.pdftext import NEGATIVE_AMOUNT, pdf_squeezed, squeeze

SAMPLES = sorted((data_dir() / "samples").glob("*.json"))
ROOT = Path(__file__).resolve().parents[2]

#: Month names in a whole date, as each language writes them (genitive in Russian, izofa in Tajik).
DATE_MONTHS = {
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "tg": "январи феврали марти апрели майи июни июли августи сентябри октябри ноябри декабри",
}
MADE_ON = {"ru": "Составлен {day} {month} {year} г.", "tg": "Таҳия шуд: {day} {month} {year}"}
CANNOT_READ = {"ru": "Не удаётся прочитать файл плана", "tg": "Файли нақша"}


def run_handout(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "budget_tutor", "handout", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=180,
    )


@pytest.fixture(scope="module", params=["tg", "ru"])
def batch(request, tmp_path_factory):
    """Every sample, plus three bad files, in one run of the command."""
    lang = request.param
    folder = tmp_path_factory.mktemp(f"handouts-{lang}")
    bad = folder / "bad"
    bad.mkdir()
    broken = bad / "broken.json"
    broken.write_text('{"format": "budget-tutor-plan", "version": 1, "household": 5}')
    missing = bad / "missing.json"
    files = [str(SAMPLES[0]), str(broken), str(missing), str(bad), *map(str, SAMPLES[1:])]
    before = dt.date.today()
    result = run_handout(*files, "--lang", lang, "--out", str(folder / "out"))
    return lang, folder / "out", result, (broken, missing, bad), {before, dt.date.today()}


def test_every_sample_gets_a_pdf_and_bad_files_are_named(batch) -> None:
    lang, out, result, bad_files, _days = batch
    assert result.returncode == 2, result.stderr
    written = sorted(p.name for p in out.glob("*.pdf"))
    assert written == sorted(f"{p.stem}.pdf" for p in SAMPLES)
    assert not list(out.glob(".*"))  # no temporary files left
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3, result.stderr
    for path, line in zip(bad_files, errors, strict=True):
        assert str(path) in line
        assert CANNOT_READ[lang] in line  # translated, not English
        assert "Cannot read" not in line
    for sample in SAMPLES:
        assert str(out / f"{sample.stem}.pdf") in result.stdout


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_each_handout_is_in_the_language_and_true(batch, sample: Path) -> None:
    lang, out, _result, _bad, days = batch
    data = (out / f"{sample.stem}.pdf").read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    text = pdf_squeezed(data)
    assert "\ufffd" not in text
    # the sample's names in the family's language (as the app shows a sample)
    i18n.set_language(lang)
    plan = localized(load_plan_file(sample))
    assert squeeze(plan.household.name) in text
    for scenario in plan.scenarios[:3]:
        assert squeeze(scenario.name) in text  # type: ignore[attr-defined]
    for goal in plan.goals:
        assert squeeze(goal.name) in text
    # the date it was made, in correct grammar, once
    months = DATE_MONTHS[lang].split()
    made = {
        squeeze(MADE_ON[lang].format(day=d.day, month=months[d.month - 1], year=d.year))
        for d in days
    }
    assert any(m in text for m in made), made
    assert "г.." not in text
    # no negative amount shown as money; no English words left
    assert not NEGATIVE_AMOUNT.search(text), NEGATIVE_AMOUNT.findall(text)
    english = re.findall(r"(?i)(?:month|money|savings|short|purse|plan|the)", text)
    assert not english, english


def test_all_good_files_exit_zero(tmp_path) -> None:
    result = run_handout(str(SAMPLES[0]), "--lang", "ru", "--out", str(tmp_path / "new" / "dir"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "new" / "dir" / f"{SAMPLES[0].stem}.pdf").is_file()
    assert result.stderr == ""


def test_plan_table_says_short_by_instead_of_a_negative_cash() -> None:
    from budget_tutor.cli import run_captured

    rasht = next(p for p in SAMPLES if p.stem == "nazarov-rasht")
    code, out, err = run_captured(["plan", str(rasht), "--lang", "ru"])
    assert code == 0, err
    out = out.replace("\u00a0", " ")
    # September 2027: the purse ends 1,690 short (docs/samples.md); the lowest is December
    september = next(line for line in out.splitlines() if line.startswith("сент. 2027"))
    assert "не хватает 1 690" in september
    table = [line for line in out.splitlines() if re.match(r"\w+\.? 20\d\d ", line)]
    assert len(table) == 12 and not any(NEGATIVE_AMOUNT.search(line) for line in table)
    assert "Меньше всего наличных в декабре 2027 г.: не хватает 3 440 сомони" in out


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_plan_sentences_in_russian_end_with_one_stop(sample: Path) -> None:
    from budget_tutor.cli import run_captured

    code, out, err = run_captured(["plan", str(sample), "--scenario", "all", "--lang", "ru"])
    assert code == 0, err
    assert "г.." not in out
