"""Coverage-guided fuzzing with atheris (where it installs; it is not a project dependency).

    .venv/bin/python tests/reliability/atheris_fuzz.py <target> -runs=20000 -max_len=4096

Targets: amount, plan, lesson, po. Each input may only raise the declared validation error;
anything else is a crash that atheris reports (non-zero exit, the input saved as crash-*).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

with atheris.instrument_imports():
    from budget_tutor import i18n, planfile
    from budget_tutor.lessons.loader import LessonLoadError, parse_yaml
    from budget_tutor.lessons.validate import validate_lesson
    from budget_tutor.money import AmountError, parse_amount

FOLDER = Path(tempfile.mkdtemp(prefix="budget-tutor-atheris-"))


def amount(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    locale = ("en", "ru", "tg")[fdp.ConsumeIntInRange(0, 2)]
    negative = fdp.ConsumeBool()
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
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
    assert planfile.plan_from_json(planfile.plan_to_json(result)) == result


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


TARGETS = {"amount": amount, "plan": plan, "lesson": lesson, "po": po}

if __name__ == "__main__":
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()
