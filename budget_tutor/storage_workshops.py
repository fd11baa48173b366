"""The workshop tables of the store (schema 3, ``storage_schema.WORKSHOP_DDL``): workshops,
participants, attendance and test answers. ``Store`` takes these methods from :class:`WorkshopTables`; each change is one
transaction (``_write``), and every value is checked before it is written."""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from budget_tutor.i18n import N_
from budget_tutor.storage_errors import InvalidValue
from budget_tutor.text_rules import text_problem
from budget_tutor.workshops import (
    FORMS,
    PHASES,
    Participant,
    TestAnswer,
    Workshop,
    valid_code,
    valid_participant_code,
)

if TYPE_CHECKING:
    import sqlite3
    from contextlib import AbstractContextManager

LAPTOP_SALT_SETTING = "laptop_salt"
_MSG_BAD_WORKSHOP = N_("The workshop cannot be saved: {reason}")
_MSG_BAD_CODE = N_("a workshop's code is 1 to 32 Latin letters, digits, dots or dashes")
_MSG_BAD_PARTICIPANT = N_("a participant's code is 1 to 32 letters, digits, dots or dashes")
_MSG_BAD_DATES = N_("the last day is before the first day, or the workshop is longer than 31 days")
_MSG_CODE_TAKEN = N_("the code “{code}” is already used")


class WorkshopTables:
    """Mixed into ``Store``: needs ``conn``, ``_write()``, ``get_setting`` and ``set_setting``."""

    if TYPE_CHECKING:

        @property
        def conn(self) -> sqlite3.Connection: ...

        def _write(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def get_setting(self, key: str, default: str | None = None) -> str | None: ...
        def set_setting(self, key: str, value: str) -> None: ...

    # -- errors --------------------------------------------------------------------------------

    @staticmethod
    def _refuse(reason: str, **values: Any) -> Exception:
        return WorkshopRefused(reason, **values)

    # -- the laptop's salt ---------------------------------------------------------------------

    def laptop_salt(self) -> str:
        """A random secret of this laptop, made once: it keeps participant codes anonymous in
        the donor's results (``results.participant_hash``) and never leaves the laptop."""
        salt = self.get_setting(LAPTOP_SALT_SETTING)
        if not salt:
            salt = secrets.token_hex(16)
            self.set_setting(LAPTOP_SALT_SETTING, salt)
        return salt

    # -- workshops -----------------------------------------------------------------------------

    def create_workshop(self, code: str, name: str, place: str, region: str, trainer: str,
                        start: date, end: date) -> int:  # fmt: skip
        self._check_workshop(code, name, place, region, trainer, start, end)
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM workshops WHERE code = ?", (code,)).fetchone():
                raise self._refuse(_MSG_CODE_TAKEN, code=code)
            cursor = conn.execute(
                "INSERT INTO workshops (code, name, place, region, trainer, start_date, "
                "end_date, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (code, name.strip(), place.strip(), region.strip(), trainer.strip(),
                 start.isoformat(), end.isoformat(), _now()),
            )  # fmt: skip
            return int(cursor.lastrowid or 0)

    def _check_workshop(self, code: str, *texts_and_dates: Any) -> None:
        if not valid_code(code):
            raise self._refuse(_MSG_BAD_CODE)
        *texts, start, end = texts_and_dates
        for text in texts:
            problem = text_problem(text) if text else None
            if problem is not None:
                raise self._refuse(problem.msgid, char=problem.char)
        if end < start or (end - start).days > 30:
            raise self._refuse(_MSG_BAD_DATES)

    def workshops(self) -> list[Workshop]:
        rows = self.conn.execute(
            "SELECT id, code, name, place, region, trainer, start_date, end_date FROM workshops "
            "ORDER BY start_date DESC, id DESC"
        ).fetchall()
        return [_workshop(r) for r in rows]

    def workshop(self, workshop_id: int) -> Workshop:
        row = self.conn.execute(
            "SELECT id, code, name, place, region, trainer, start_date, end_date FROM workshops "
            "WHERE id = ?", (workshop_id,)
        ).fetchone()  # fmt: skip
        if row is None:
            raise KeyError(workshop_id)
        return _workshop(row)

    # -- participants and attendance -----------------------------------------------------------

    def add_participant(self, workshop_id: int, code: str, household_id: int | None = None) -> int:
        if not valid_participant_code(code):
            raise self._refuse(_MSG_BAD_PARTICIPANT)
        with self._write() as conn:
            taken = conn.execute("SELECT 1 FROM participants WHERE workshop_id = ? AND code = ?",
                                 (workshop_id, code)).fetchone()  # fmt: skip
            if taken:
                raise self._refuse(_MSG_CODE_TAKEN, code=code)
            cursor = conn.execute(
                "INSERT INTO participants (workshop_id, code, household_id) VALUES (?, ?, ?)",
                (workshop_id, code, household_id),
            )
            return int(cursor.lastrowid or 0)

    def participants(self, workshop_id: int) -> list[Participant]:
        rows = self.conn.execute(
            "SELECT id, workshop_id, code, household_id FROM participants WHERE workshop_id = ? "
            "ORDER BY id", (workshop_id,)
        ).fetchall()  # fmt: skip
        return [Participant(int(r[0]), int(r[1]), str(r[2]), r[3]) for r in rows]

    def set_attendance(self, participant_id: int, day: int, present: bool) -> None:
        if not 1 <= day <= 31:
            raise ValueError(day)
        with self._write() as conn:
            if present:
                conn.execute("INSERT OR IGNORE INTO attendance (participant_id, day) VALUES (?, ?)",
                             (participant_id, day))  # fmt: skip
            else:
                conn.execute("DELETE FROM attendance WHERE participant_id = ? AND day = ?",
                             (participant_id, day))  # fmt: skip

    def attendance(self, workshop_id: int) -> set[tuple[int, int]]:
        rows = self.conn.execute(
            "SELECT a.participant_id, a.day FROM attendance a JOIN participants p "
            "ON p.id = a.participant_id WHERE p.workshop_id = ?", (workshop_id,)
        ).fetchall()  # fmt: skip
        return {(int(r[0]), int(r[1])) for r in rows}

    # -- tests -----------------------------------------------------------------------------------

    def record_test(self, participant_id: int, phase: str, answers: Sequence[TestAnswer]) -> None:
        """Replace the participant's answers of one test (``pre`` or ``post``) in one step."""
        if phase not in PHASES:
            raise ValueError(phase)
        for a in answers:
            if a.phase != phase or a.form not in FORMS or a.participant_id != participant_id:
                raise ValueError(a)
        with self._write() as conn:
            conn.execute("DELETE FROM test_answers WHERE participant_id = ? AND phase = ?",
                         (participant_id, phase))  # fmt: skip
            conn.executemany(
                "INSERT INTO test_answers (participant_id, phase, form, item_id, option_order, "
                "answer, correct, answered_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(participant_id, phase, a.form, a.item_id, json.dumps(list(a.order)), a.answer,
                  int(a.correct), a.answered_on.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
                 for a in answers],
            )  # fmt: skip

    def test_answers(self, workshop_id: int) -> list[TestAnswer]:
        rows = self.conn.execute(
            "SELECT t.participant_id, t.phase, t.form, t.item_id, t.option_order, t.answer, "
            "t.correct, t.answered_on FROM test_answers t JOIN participants p "
            "ON p.id = t.participant_id WHERE p.workshop_id = ? ORDER BY t.participant_id, "
            "t.phase, t.item_id", (workshop_id,)
        ).fetchall()  # fmt: skip
        out = []
        for r in rows:
            try:
                order = tuple(int(x) for x in json.loads(r[4]))
                moment = datetime.fromisoformat(str(r[7]).replace("Z", "+00:00"))
            except (ValueError, TypeError):
                continue  # a damaged row is left out, never a crash
            out.append(TestAnswer(int(r[0]), str(r[1]), str(r[2]), str(r[3]), order,
                                  None if r[5] is None else int(r[5]), bool(r[6]), moment))  # fmt: skip
        return out


class WorkshopRefused(InvalidValue):
    """A workshop or participant that cannot be saved as given; the message names why."""

    def __init__(self, reason: str, **values: Any) -> None:
        super().__init__(_MSG_BAD_WORKSHOP)
        self.reason_msgid = reason
        self.values = values

    def user_message(self) -> str:
        from budget_tutor.i18n import _, safe_format

        reason = safe_format(_(self.reason_msgid), self.reason_msgid, **self.values)
        return safe_format(_(_MSG_BAD_WORKSHOP), _MSG_BAD_WORKSHOP, reason=reason)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _workshop(row: Any) -> Workshop:
    return Workshop(int(row[0]), str(row[1]), str(row[2]), str(row[3]), str(row[4]), str(row[5]),
                    date.fromisoformat(row[6]), date.fromisoformat(row[7]))  # fmt: skip
