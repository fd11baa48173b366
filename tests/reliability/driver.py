"""Child process for the kill-while-saving battery: drives one write path in a loop.

    python tests/reliability/driver.py <path> <data_dir>

Prints ``READY`` once set up, then ``SAVED <n>`` (flushed) after each save that returned, i.e.
each save the user would have been shown as done. The parent kills it with SIGKILL at a random
moment and checks what a restart finds. Paths: create, edit, progress, settings, export, backup,
migrate.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from budget_tutor import planfile
from budget_tutor.lessons.progress import record_step
from budget_tutor.storage import Store
from tests.reliability.helpers import FIXTURE_V1, base_plan, plan_for

LIMIT = 1_000_000  # the parent always kills first


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def run(path: str, data: Path) -> None:
    if path == "migrate":
        data.mkdir(parents=True, exist_ok=True)
        say("READY")
        for n in range(1, LIMIT):
            folder = data / f"m{n}"
            folder.mkdir()
            tmp = folder / "copying.tmp"
            shutil.copyfile(FIXTURE_V1, tmp)
            os.replace(tmp, folder / "budget.sqlite")  # the v1 database is in place whole
            say(f"COPIED {n}")
            Store.open(folder).close()
            say(f"SAVED {n}")
        return
    store = Store.open(data)
    if path == "create":
        say("READY")
        for n in range(1, LIMIT):
            store.create_household(plan_for(n))
            say(f"SAVED {n}")
    elif path == "edit":
        existing = store.list_households()  # a restart after the previous kill goes on editing
        household = existing[0].id if existing else store.create_household(plan_for(0))
        say("READY")
        for n in range(1, LIMIT):
            store.save_plan(household, plan_for(n))
            say(f"SAVED {n}")
    elif path == "progress":
        household = store.create_household(base_plan())
        say("READY")
        for n in range(1, LIMIT):
            lesson = f"m{n % 3:02d}"
            record_step(
                store,
                household,
                lesson,
                f"s{n}",
                answer={"n": n, "text": "Ҳисоб"},
                score=Decimal(n % 100) / 100,
                done=True,
            )
            say(f"SAVED {n}")
    elif path == "settings":
        say("READY")
        for n in range(1, LIMIT):
            store.set_setting("language", ("en", "ru", "tg")[n % 3])
            store.set_setting("counter", str(n))
            say(f"SAVED {n}")
    elif path == "export":
        out = data / "usb"
        out.mkdir(exist_ok=True)
        say("READY")
        for n in range(1, LIMIT):
            planfile.save_plan_file(out / "plan.json", plan_for(n))
            say(f"SAVED {n}")
    elif path == "backup":
        say("READY")
        for n in range(1, LIMIT):
            store.set_setting("counter", str(n))
            store.backup("manual")
            say(f"SAVED {n}")
    elif path == "hold":  # a first Budget Tutor that stays open, editing now and then
        household = store.create_household(plan_for(0))
        say("READY")
        for n in range(1, LIMIT):
            store.save_plan(household, plan_for(n))
            say(f"SAVED {n}")
            time.sleep(0.01)
    else:
        raise SystemExit(f"unknown path {path!r}")


if __name__ == "__main__":
    run(sys.argv[1], Path(sys.argv[2]))
