"""Plant known faults in the money, storage, undo and language paths; each must be caught.

    .venv/bin/python tools/mutation_check.py            # every mutant; prints a table, exit 1 if one survives
    .venv/bin/python tools/mutation_check.py --list     # the mutants only

Each mutant is one textual change to one source file (the faults an outside audit planted, and
more of the same kind). For each, the file is changed in a copy of the repository (never the work
tree), the tests that guard it run there, and the mutant is **killed** when they fail. The result
is recorded in docs/mutation.md. A mutant whose ``old`` text is no longer in the file is reported
as **stale** (the code moved: update the mutant), never silently skipped.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Mutant:
    name: str
    path: str
    old: str
    new: str
    tests: tuple[str, ...]


MUTANTS = (
    # -- the six the outside audit found surviving -------------------------------------------
    Mutant(
        "savings withdrawal order ignored (deposit drawn before the cash box)",
        "budget_tutor/model.py",
        "    SavingsKind.CASH,\n    SavingsKind.SAVINGS_GROUP,\n    SavingsKind.DEPOSIT,",
        "    SavingsKind.DEPOSIT,\n    SavingsKind.SAVINGS_GROUP,\n    SavingsKind.CASH,",
        ("tests/core/test_projection.py", "tests/core/test_withdrawal_order.py"),
    ),
    Mutant(
        "undo pops the history before the save succeeded",
        "budget_tutor/history.py",
        "        snapshot = self._undo[-1]\n        self._save(snapshot.plan)\n        self._undo.pop()",
        "        snapshot = self._undo.pop()\n        self._save(snapshot.plan)",
        ("tests/core/test_history.py", "tests/ui/test_session.py"),
    ),
    Mutant(
        "redo pops the history before the save succeeded",
        "budget_tutor/history.py",
        "        snapshot = self._redo[-1]\n        self._save(snapshot.plan)\n        self._redo.pop()",
        "        snapshot = self._redo.pop()\n        self._save(snapshot.plan)",
        ("tests/core/test_history.py", "tests/ui/test_session.py"),
    ),
    Mutant(
        "QLocale.setDefault dropped on a language switch",
        "budget_tutor/ui/translator.py",
        '    QLocale.setDefault(QLocale(QT_LOCALES.get(lang, "en_US")))',
        "    pass",
        (
            "tests/ui/test_language_events.py",
            "tests/ui/test_amount_edit.py",
            "tests/i18n/test_mechanism.py",
            "tests/ui/test_qlocale_default.py",
        ),
    ),
    Mutant(
        "a plan section no longer retranslates on a language switch",
        "budget_tutor/ui/plan_sections.py",
        "        if event.type() == QEvent.Type.LanguageChange:\n            self.retranslate_ui()\n            self.refresh()",
        "        if False:\n            self.retranslate_ui()\n            self.refresh()",
        (
            "tests/ui/test_plan_page.py",
            "tests/ui/test_language_events.py",
            "tests/i18n/test_no_english.py",
        ),
    ),
    Mutant(
        "plan-file id length unchecked",
        "budget_tutor/planfile.py",
        "            or len(value) > MAX_ID_LENGTH",
        "            or False",
        ("tests/core/test_planfile.py", "tests/core/test_planfile_limits.py"),
    ),
    Mutant(
        "plan-file line count unchecked",
        "budget_tutor/planfile.py",
        "    if len(value) > MAX_LINES:",
        "    if False:",
        ("tests/core/test_planfile.py", "tests/core/test_planfile_limits.py"),
    ),
    # -- money -------------------------------------------------------------------------------
    Mutant(
        "rounding half even instead of half up",
        "budget_tutor/money.py",
        "ROUNDING = ROUND_HALF_UP",
        'ROUNDING = "ROUND_HALF_EVEN"',
        ("tests/core/test_money.py", "tests/core/test_rounding.py"),
    ),
    Mutant(
        "a scaled remittance truncated",
        "budget_tutor/projection.py",
        "gross = round_minor(Decimal(gross) * remit_factor)",
        "gross = int(Decimal(gross) * remit_factor)",
        ("tests/core/test_rounding.py",),
    ),
    Mutant(
        "transfer fee ignored",
        "budget_tutor/finance.py",
        "    fee = min(amount, percent_of(amount, fee_percent) + fee_fixed)",
        "    fee = 0",
        ("tests/core/test_projection.py", "tests/core/test_finance_rates.py"),
    ),
    Mutant(
        "a shortfall shown as a negative amount",
        "budget_tutor/wording.py",
        "    if minor >= 0:\n        return format_money(minor, locale, currency)",
        "    if True:\n        return format_money(minor, locale, currency)",
        ("tests/core/test_wording.py",),
    ),
    # -- storage -----------------------------------------------------------------------------
    Mutant(
        "a write not rolled back on failure",
        "budget_tutor/storage.py",
        '                    conn.execute("ROLLBACK")',
        "                    pass",
        ("tests/core/test_storage.py", "tests/core/test_history.py"),
    ),
    Mutant(
        "a migration that loses the settings table",
        "budget_tutor/storage_schema.py",
        "    3: WORKSHOP_DDL,",
        '    3: (*WORKSHOP_DDL, "DROP TABLE settings"),',
        ("tests/core/test_storage_migrations.py",),
    ),
    Mutant(
        "a PIN accepted whatever is typed",
        "budget_tutor/storage.py",
        '            scheme, n, r, p, salt_hex, digest_hex = stored.split("$")',
        '            return True\n            scheme, n, r, p, salt_hex, digest_hex = stored.split("$")',
        ("tests/core/test_storage.py", "tests/ui/test_pin_guarded_actions.py"),
    ),
    Mutant(
        "a results file with a bad cell accepted",
        "budget_tutor/results.py",
        "            if (name, value) in valid:",
        "            if True:",
        ("tests/core/test_results.py",),
    ),
)


_BASELINE: dict[tuple[str, ...], bool] = {}


def _tests_pass(tests: tuple[str, ...], python: str) -> bool:
    """The guarding tests pass on the unchanged code (else a "kill" would mean nothing)."""
    if tests not in _BASELINE:
        run = subprocess.run([python, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
                             cwd=ROOT, capture_output=True, text=True, timeout=900)  # fmt: skip
        _BASELINE[tests] = run.returncode == 0
    return _BASELINE[tests]


def run_mutant(m: Mutant, python: str) -> tuple[str, float]:
    source = ROOT / m.path
    text = source.read_text(encoding="utf-8")
    if text.count(m.old) != 1:
        return "stale", 0.0
    if not _tests_pass(m.tests, python):
        return "tests fail without the mutant", 0.0
    with tempfile.TemporaryDirectory(prefix="bt-mutant-") as tmp:
        copy = Path(tmp) / "repo"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "build", "dist",
                                                                   "__pycache__"))  # fmt: skip
        (copy / m.path).write_text(text.replace(m.old, m.new, 1), encoding="utf-8")
        start = time.perf_counter()
        run = subprocess.run([python, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                              *m.tests], cwd=copy, capture_output=True, text=True, timeout=900)  # fmt: skip
        elapsed = time.perf_counter() - start
    if run.returncode == 0:
        return "SURVIVED", elapsed
    if run.returncode in (1,):
        return "killed", elapsed
    return f"error (pytest exit {run.returncode})", elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    if args.list:
        for m in MUTANTS:
            print(f"{m.name}  [{m.path}]")
        return 0
    python = sys.executable
    survived = 0
    print("| mutant | file | guarded by | result |")
    print("|---|---|---|---|")
    for m in MUTANTS:
        result, seconds = run_mutant(m, python)
        survived += result != "killed"
        tests = ", ".join(Path(t).name for t in m.tests)
        print(f"| {m.name} | `{m.path}` | {tests} | {result} ({seconds:.0f} s) |", flush=True)
    print(f"\n{len(MUTANTS) - survived} of {len(MUTANTS)} mutants killed.")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
