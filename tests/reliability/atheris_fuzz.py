"""Coverage-guided fuzzing with atheris (where it installs; it is not a project dependency).

    .venv/bin/python tests/reliability/atheris_fuzz.py <target> -runs=20000 -max_len=4096

Targets: amount, plan, projection, lesson, po. Each input may only raise the declared validation
error; anything else is a crash that atheris reports (non-zero exit, the input saved as crash-*).
Texts include lone surrogates (``ConsumeUnicode``, not ``ConsumeUnicodeNoSurrogates``); whatever
is accepted must encode as strict UTF-8; ``projection`` runs every plan that validates over 120
months with every scenario and prints it in the CLI's three formats.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

with atheris.instrument_imports():
    from budget_tutor import cli, i18n, planfile
    from budget_tutor.lessons.loader import LessonLoadError, parse_yaml
    from budget_tutor.lessons.validate import validate_lesson
    from budget_tutor.money import AmountError, parse_amount
    from budget_tutor.projection import compare

FOLDER = Path(tempfile.mkdtemp(prefix="budget-tutor-atheris-"))


def amount(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    locale = ("en", "ru", "tg")[fdp.ConsumeIntInRange(0, 2)]
    negative = fdp.ConsumeBool()
    text = fdp.ConsumeUnicode(fdp.remaining_bytes())  # lone surrogates included
    try:
        value = parse_amount(text, locale, allow_negative=negative)
    except AmountError:
        return
    assert isinstance(value, int) and (negative or value >= 0)


def plan(data: bytes) -> None:
    try:
        result = planfile.plan_from_json(data)
    except planfile.PlanFileError:
        return
    encoded = planfile.plan_to_json(result).encode("utf-8")  # strict: no lone surrogate kept
    assert planfile.plan_from_json(encoded) == result


def projection(data: bytes) -> None:
    import io

    try:
        result = planfile.plan_from_json(data)
    except planfile.PlanFileError:
        return
    months = min(120, 2200 * 12 + 11 - result.household.start_month.index + 1)
    comparison = compare(result, list(result.scenarios), months)
    for write in (cli.write_csv, cli.write_json):
        out = io.StringIO()
        write(comparison, out)
        out.getvalue().encode("utf-8")
    out = io.StringIO()
    cli.write_table(comparison, "ru", out)
    out.getvalue().encode("utf-8")


def lesson(data: bytes) -> None:
    path = FOLDER / "x99-fuzz.yaml"
    path.write_bytes(data)
    validate_lesson(path, pack_root=FOLDER, pack_id="fuzz")
    try:
        parse_yaml(data.decode("utf-8", "replace"), "x99-fuzz.yaml")
    except LessonLoadError:
        pass


def po(data: bytes) -> None:
    try:
        i18n.parse_po(data, "fuzz.po")
    except (ValueError, UnicodeDecodeError):
        pass
    path = FOLDER / "fuzz.po"
    path.write_bytes(data)
    i18n.clear_cache()
    i18n.load_catalog(path, "ru", "budget_tutor", [])


TARGETS = {
    "amount": amount,
    "plan": plan,
    "projection": projection,
    "lesson": lesson,
    "po": po,
}

if __name__ == "__main__":
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()
