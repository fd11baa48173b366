"""Anonymous pre/post results for the donor: the file format, merging many laptops' files, and
the group report's figures.

The format (``docs/results-format.md``) is one row per answered test item, CSV (UTF-8) or XLSX,
with a fixed header. No name leaves the laptop: a participant is a hash of their participant code
with a salt that belongs to the laptop (``participant_hash``), so the same person on the same
laptop is the same row key, and nobody can turn the hash back into a code without the laptop.

Merging (``merge_files``) reads every file completely before anything is written; a foreign or
damaged file is refused with the file, row and field named (:class:`ResultsFileError`), and then
nothing is written at all. Rows that are the same answer seen twice (the same file copied from two
sticks) are kept once; the same participant, workshop, phase and item answered differently is a
conflict: reported, and the later answer kept.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from pathlib import Path

from budget_tutor.i18n import N_, _, safe_format

SCHEMA = "budget-tutor-results/1"
PHASES = ("pre", "post")
FORMS = ("A", "B")
MAX_FILE_BYTES = 50 * 2**20
MAX_ROWS = 500_000

_HEX16 = re.compile(r"[0-9a-f]{16}\Z")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\Z")
_ANSWER = re.compile(r"(?:[0-9]{1,2}|-)\Z")


@dataclass(frozen=True, order=True)
class ResultRow:
    """One answered item. ``answer`` is the chosen option's number in the item's stored order
    (0-based) or ``-`` for no answer; ``correct`` is 1 or 0."""

    schema: str
    laptop: str
    workshop: str
    workshop_name: str
    region: str
    place: str
    start_date: str
    end_date: str
    participant: str
    phase: str
    form: str
    item: str
    objective: str
    answer: str
    correct: int
    answered_on: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        """One answer per participant, workshop, phase and item."""
        return (self.workshop, self.participant, self.phase, self.item)


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(ResultRow))

_MSG_FOREIGN = N_("{file}: not a Budget Tutor results file (the first row must be: {header})")
_MSG_FIELD = N_("{file}, row {row}: “{field}” is not valid: {reason}")
_MSG_TOO_BIG = N_("{file}: the file is too big for a results file")
_MSG_UNREADABLE = N_("{file}: cannot be read ({reason})")


class ResultsFileError(ValueError):
    """A results file that cannot be used; ``message()`` names the file, row and field."""

    def __init__(self, template: str, **values: object) -> None:
        super().__init__(template.format(**values))
        self.template = template
        self.values = values

    def message(self) -> str:
        return safe_format(_(self.template), self.template, **self.values)


def participant_hash(code: str, laptop_salt: str) -> str:
    """The anonymous key of a participant code on one laptop (16 hex digits of SHA-256)."""
    normalised = " ".join(code.split()).casefold()
    digest = hashlib.sha256(f"{laptop_salt}\x00{normalised}".encode()).hexdigest()
    return digest[:16]


# --------------------------------------------------------------------------------------------
# reading and validating
# --------------------------------------------------------------------------------------------


def _iso_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _iso_moment(text: str) -> bool:
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _plain(text: str, limit: int) -> bool:
    return len(text) <= limit and all(ch.isprintable() for ch in text)


_MUST_SCHEMA = N_("it must be {expected}")
_MUST_HEX = N_("it must be 16 hexadecimal digits")
_MUST_ID = N_("it must be a short code of letters and digits")
_MUST_TEXT_200 = N_("it must be plain text of at most 200 characters")
_MUST_TEXT_100 = N_("it must be plain text of at most 100 characters")
_MUST_DATE = N_("it must be a date written YYYY-MM-DD")
_MUST_PHASE = N_("it must be pre or post")
_MUST_FORM = N_("it must be A or B")
_MUST_ANSWER = N_("it must be an option number or -")
_MUST_BIT = N_("it must be 0 or 1")
_MUST_MOMENT = N_("it must be a date and time (ISO 8601)")

#: column → (is the value valid?, why not)
_RULES: dict[str, tuple[Callable[[str], bool], str]] = {
    "schema": (lambda v: v == SCHEMA, _MUST_SCHEMA),
    "laptop": (lambda v: bool(_HEX16.match(v)), _MUST_HEX),
    "workshop": (lambda v: bool(_ID.match(v)), _MUST_ID),
    "workshop_name": (lambda v: _plain(v, 200), _MUST_TEXT_200),
    "region": (lambda v: _plain(v, 100), _MUST_TEXT_100),
    "place": (lambda v: _plain(v, 100), _MUST_TEXT_100),
    "start_date": (_iso_date, _MUST_DATE),
    "end_date": (_iso_date, _MUST_DATE),
    "participant": (lambda v: bool(_HEX16.match(v)), _MUST_HEX),
    "phase": (lambda v: v in PHASES, _MUST_PHASE),
    "form": (lambda v: v in FORMS, _MUST_FORM),
    "item": (lambda v: bool(_ID.match(v)), _MUST_ID),
    "objective": (lambda v: bool(_ID.match(v)), _MUST_ID),
    "answer": (lambda v: bool(_ANSWER.match(v)), _MUST_ANSWER),
    "correct": (lambda v: v in ("0", "1"), _MUST_BIT),
    "answered_on": (_iso_moment, _MUST_MOMENT),
}


def _field_problem(name: str, value: str) -> str | None:
    """Why ``value`` is not valid for column ``name``, in the active language; None if valid."""
    valid, reason = _RULES[name]
    return None if valid(value) else safe_format(_(reason), reason, expected=SCHEMA)


def rows_from_table(table: Iterable[Sequence[object]], source: str) -> list[ResultRow]:
    """Validate a table (header first) and return its rows; raises ResultsFileError."""
    iterator = iter(table)
    header = [str(c).strip() if c is not None else "" for c in next(iterator, [])]
    if tuple(header) != COLUMNS:
        raise ResultsFileError(_MSG_FOREIGN, file=source, header=",".join(COLUMNS))
    rows: list[ResultRow] = []
    valid: set[tuple[str, str]] = set()
    for number, raw in enumerate(iterator, start=2):
        cells = ["" if c is None else str(c) for c in raw]
        if not any(c.strip() for c in cells):
            continue  # a blank line (a spreadsheet's trailing rows)
        if len(cells) != len(COLUMNS):
            raise ResultsFileError(_MSG_FIELD, file=source, row=number, field="…",
                                   reason=_("it has {count} cells, not {expected}").format(
                                       count=len(cells), expected=len(COLUMNS)))  # fmt: skip
        values = dict(zip(COLUMNS, cells, strict=True))
        for name, value in values.items():
            if (name, value) in valid:
                continue  # most cells repeat (the workshop, the dates, the items): check once
            problem = _field_problem(name, value)
            if problem is None:
                valid.add((name, value))
            else:
                raise ResultsFileError(_MSG_FIELD, file=source, row=number, field=name,
                                       reason=problem)  # fmt: skip
        if values["end_date"] < values["start_date"]:
            raise ResultsFileError(_MSG_FIELD, file=source, row=number, field="end_date",
                                   reason=_("it is before the start date"))  # fmt: skip
        if len(rows) >= MAX_ROWS:
            raise ResultsFileError(_MSG_TOO_BIG, file=source)
        rows.append(ResultRow(**{**values, "correct": int(values["correct"])}))  # type: ignore[arg-type]
    return rows


def read_results_file(path: Path) -> list[ResultRow]:
    """Read a ``.csv`` or ``.xlsx`` results file completely; raises ResultsFileError."""
    source = path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ResultsFileError(_MSG_UNREADABLE, file=source, reason=_("not a file"))
        if size > MAX_FILE_BYTES:
            raise ResultsFileError(_MSG_TOO_BIG, file=source)
        data = path.read_bytes()
    except OSError as exc:
        raise ResultsFileError(_MSG_UNREADABLE, file=source, reason=exc.strerror or "?") from None
    if path.suffix.lower() == ".xlsx":
        return rows_from_table(_xlsx_table(data, source), source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ResultsFileError(_MSG_UNREADABLE, file=source,
                               reason=_("it is not UTF-8 text")) from None  # fmt: skip
    try:
        return rows_from_table(csv.reader(io.StringIO(text, newline="")), source)
    except csv.Error as exc:
        raise ResultsFileError(_MSG_UNREADABLE, file=source, reason=str(exc)) from None


def _xlsx_table(data: bytes, source: str) -> list[list[object]]:

    try:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        table = [list(r) for r in sheet.iter_rows(values_only=True)]
        book.close()
    except Exception:  # a hostile or damaged workbook: refused with a plain reason, never a crash
        raise ResultsFileError(
            _MSG_UNREADABLE, file=source, reason=_("it is not a workbook that can be read")
        ) from None
    return table


# --------------------------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------------------------


def table_of(rows: Iterable[ResultRow]) -> list[list[object]]:
    return [list(COLUMNS)] + [[getattr(r, c) for c in COLUMNS] for r in rows]


def csv_bytes(rows: Iterable[ResultRow]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerows(table_of(rows))
    return buf.getvalue().encode("utf-8")


def xlsx_bytes(rows: Iterable[ResultRow]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("results")
    for line in table_of(rows):
        sheet.append(line)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def write_results_file(path: Path, rows: Sequence[ResultRow]) -> None:
    """Write atomically and verified (:mod:`budget_tutor.safe_write`): CSV, or XLSX by suffix."""
    from budget_tutor import safe_write

    data = xlsx_bytes(rows) if path.suffix.lower() == ".xlsx" else csv_bytes(rows)

    def complete(written: bytes) -> str | None:
        if written != data:
            return _("the file came out incomplete")
        return None

    safe_write.write_bytes(path, data, verify=complete)


# --------------------------------------------------------------------------------------------
# merging
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    """The same participant, workshop, phase and item answered differently in two files."""

    key: tuple[str, str, str, str]
    kept: ResultRow
    dropped: ResultRow


@dataclass
class Merged:
    rows: list[ResultRow]
    duplicates: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    files: int = 0


def merge_rows(row_sets: Iterable[Sequence[ResultRow]]) -> Merged:
    """Combine rows: identical answers once, a differing answer reported and the later kept."""
    chosen: dict[tuple[str, str, str, str], ResultRow] = {}
    merged = Merged(rows=[])
    for rows in row_sets:
        merged.files += 1
        for row in rows:
            before = chosen.get(row.key)
            if before is None:
                chosen[row.key] = row
            elif (before.answer, before.correct) == (row.answer, row.correct):
                merged.duplicates += 1
            else:
                kept, dropped = (
                    (row, before) if row.answered_on > before.answered_on else (before, row)
                )
                chosen[row.key] = kept
                merged.conflicts.append(Conflict(row.key, kept, dropped))
    merged.rows = sorted(
        chosen.values(), key=lambda r: (r.workshop, r.participant, r.phase, r.item)
    )
    return merged


def merge_files(paths: Sequence[Path], out: Path) -> Merged:
    """Read every file (all or nothing), merge, write ``out``; raises ResultsFileError before
    anything is written when one file is refused."""
    row_sets = [read_results_file(p) for p in paths]
    merged = merge_rows(row_sets)
    write_results_file(out, merged.rows)
    return merged


# --------------------------------------------------------------------------------------------
# the group report's figures
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Share:
    """How many of the participants who answered got it right."""

    correct: int
    answered: int

    @property
    def percent(self) -> int | None:
        """Whole percent, half up; None when nobody answered."""
        if not self.answered:
            return None
        return (200 * self.correct + self.answered) // (2 * self.answered)


@dataclass(frozen=True)
class ReportLine:
    """One item or one objective: share correct before and after, and the gain in points."""

    key: str
    pre: Share
    post: Share

    @property
    def gain(self) -> int | None:
        if self.pre.percent is None or self.post.percent is None:
            return None
        return self.post.percent - self.pre.percent


@dataclass(frozen=True)
class GroupReport:
    items: tuple[ReportLine, ...]
    objectives: tuple[ReportLine, ...]
    participants: int
    difficult: tuple[str, ...]  # items under DIFFICULT_PERCENT correct after the course


DIFFICULT_PERCENT = 60


def group_report(rows: Iterable[ResultRow], workshop: str | None = None) -> GroupReport:
    """Per item and per objective: share correct pre and post, and the gain; the difficult items
    are those fewer than 60 % answered right in the post-test (lowest first)."""
    counts: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    people: set[str] = set()
    for row in rows:
        if workshop is not None and row.workshop != workshop:
            continue
        people.add(row.participant)
        for kind, key in (("item", row.item), ("objective", row.objective)):
            entry = counts[(kind, key, row.phase)]
            entry[1] += 1
            entry[0] += row.correct

    def lines(kind: str) -> tuple[ReportLine, ...]:
        keys = sorted({k for (t, k, _p) in counts if t == kind})
        return tuple(ReportLine(k, Share(*counts.get((kind, k, "pre"), [0, 0])),
                                Share(*counts.get((kind, k, "post"), [0, 0]))) for k in keys)  # fmt: skip

    items = lines("item")
    difficult = sorted(
        (
            line
            for line in items
            if line.post.percent is not None and line.post.percent < DIFFICULT_PERCENT
        ),
        key=lambda line: (line.post.percent, line.key),
    )
    return GroupReport(items, lines("objective"), len(people), tuple(x.key for x in difficult))
