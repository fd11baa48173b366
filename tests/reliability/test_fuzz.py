"""Battery 9 (and 10's loader side): fuzzing the parsers that read what people type or pass around.

Under hypothesis, for a bounded number of examples (FAST on every run, SLOW with --run-slow):

- ``money.parse_amount``: only AmountError escapes;
- ``planfile.plan_from_json``: only PlanFileError escapes — on raw bytes, on any JSON and on real
  plan documents with one value swapped for junk (text with lone surrogates, written both as JSON
  escapes and as raw bytes); what is accepted writes back as strict UTF-8;
- the projection and the CLI's writers on every fuzzed plan that validates (120 months, every
  scenario): no exception, and the output encodes as UTF-8;
- the lesson loader (``lessons.validate.validate_lesson`` on a file, which parses with the limited
  YAML loader): only LessonLoadError/problems, never an exception — on text and on real lessons
  with one value swapped;
- the catalog loader: ``i18n.parse_po`` raises only ValueError/UnicodeDecodeError, and
  ``i18n.load_catalog`` never raises; every entry it keeps formats without a single attribute or
  index access (battery 10's runtime guarantee, extended to fuzzed catalogs).

Each input must finish in under a second with a tracemalloc peak under PEAK_BYTES.
"""

from __future__ import annotations

import copy
import json
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budget_tutor import i18n, planfile
from budget_tutor.lessons.loader import LessonLoadError, parse_yaml
from budget_tutor.lessons.validate import validate_lesson
from budget_tutor.money import AmountError, parse_amount

from .helpers import REPO, SAMPLES

FAST = 100
SLOW = 3000
PEAK_BYTES = 64 * 1024 * 1024
SECONDS = 1.0

GOOD_LESSON = REPO / "tests" / "fixtures" / "packs" / "good" / "p01-every-step.yaml"
GOOD_PO = REPO / "tests" / "i18n" / "fixtures" / "broken_tg.po"


def bounded(call: Callable[[], Any], allowed: tuple[type[BaseException], ...]) -> Any:
    """Run one input: only ``allowed`` may escape, in under SECONDS and PEAK_BYTES."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        return call()
    except allowed:
        return None
    finally:
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert elapsed < SECONDS, f"one input took {elapsed:.2f} s"
        assert peak < PEAK_BYTES, f"one input used {peak} bytes"


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        derandomize=True,
    )


def both(
    test: Callable[..., None], **strategies: st.SearchStrategy[Any]
) -> tuple[Callable[..., None], Callable[..., None]]:
    """The property at FAST examples, and a slow-marked copy at SLOW."""
    fast = settings(fuzz_settings(FAST))(given(**strategies)(test))
    slow = settings(fuzz_settings(SLOW))(given(**strategies)(test))
    slow = pytest.mark.timeout(3600)(pytest.mark.slow(slow))
    return fast, slow


# ------------------------------------------------------------------------------------------------
# amounts
# ------------------------------------------------------------------------------------------------

AMOUNT_ALPHABET = "0123456789 ,.-+eE_\u00a0\u202f\u2009'٫٬०१۱NaInfity\t\n"
#: Any text, lone surrogates included (hypothesis leaves category Cs out unless asked).
any_text = st.text(st.characters(blacklist_categories=()), max_size=60)
amount_texts = st.one_of(
    st.text(),
    any_text,
    st.text(alphabet=AMOUNT_ALPHABET, max_size=40),
    st.text(alphabet="0123456789", min_size=200, max_size=5000),
)


def _amounts(text: str, locale: str, negative: bool) -> None:
    value = bounded(lambda: parse_amount(text, locale, allow_negative=negative), (AmountError,))
    if value is not None:
        assert isinstance(value, int)
        assert negative or value >= 0


test_fuzz_amount_parser, test_fuzz_amount_parser_slow = both(
    _amounts, text=amount_texts, locale=st.sampled_from(["en", "ru", "tg"]), negative=st.booleans()
)


# ------------------------------------------------------------------------------------------------
# plan files
# ------------------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.text(st.characters(blacklist_categories=()), max_size=12)  # lone surrogates too
    | st.sampled_from(
        [
            *("1.00", "-1", "2027-01", "remittance", "food", "TJS", "1e9", "", "Roof \udfff"),
            *("99999999.99", "0.01", "1000", "-100", "1000000", "2200-12", "1900-01"),
        ]
    ),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5)
    ),
    max_leaves=30,
)
SAMPLE_DOC = json.loads((SAMPLES / "nazarov-rasht.json").read_text(encoding="utf-8"))


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


SAMPLE_PATHS = _paths(SAMPLE_DOC)[1:]


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    doc = copy.deepcopy(SAMPLE_DOC)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(SAMPLE_PATHS))
        parent = doc
        try:
            for key in path[:-1]:
                parent = parent[key]
            if draw(st.booleans()) and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = draw(json_values)
        except (KeyError, IndexError, TypeError):
            continue
    return doc


def to_bytes(doc: Any, escaped: bool) -> bytes:
    """A document as a file holds it: JSON escapes (``\\udfff``: valid UTF-8 that decodes to a
    lone surrogate) or raw UTF-8, where a lone surrogate becomes bytes that are not UTF-8."""
    return json.dumps(doc, ensure_ascii=escaped).encode("utf-8", "surrogatepass")


mutated_plans = st.builds(to_bytes, mutated_documents(), st.booleans())


plan_inputs = st.one_of(
    st.binary(max_size=2000),
    json_values.map(lambda v: json.dumps(v).encode()),
    mutated_plans,
    st.integers(1, 20000).map(lambda n: b"[" * n + b"]" * n),  # deep nesting
    st.integers(1, 5000).map(lambda n: b'{"format": 1' + b"0" * n + b"}"),  # a huge integer
)


def _plans(raw: bytes) -> None:
    plan = bounded(lambda: planfile.plan_from_json(raw), (planfile.PlanFileError,))
    if plan is not None:  # whatever is accepted writes as UTF-8 and reads back the same
        encoded = planfile.plan_to_json(plan).encode("utf-8")  # strict: no lone surrogate
        assert planfile.plan_from_json(encoded) == plan


test_fuzz_plan_file_import, test_fuzz_plan_file_import_slow = both(_plans, raw=plan_inputs)


def test_plan_errors_name_a_field_and_are_messages() -> None:
    doc = copy.deepcopy(SAMPLE_DOC)
    doc["incomes"][1]["schedule"]["amount"] = {"x": [1]}
    with pytest.raises(planfile.PlanFileError) as info:
        planfile.plan_from_json(json.dumps(doc))
    assert info.value.field.startswith("incomes[1].schedule")
    assert "Traceback" not in str(info.value)


# ------------------------------------------------------------------------------------------------
# the projection and the CLI on fuzzed plans
# ------------------------------------------------------------------------------------------------


def _projection(raw: bytes, months: int) -> None:
    """Whatever plan a file may hold once validated, the projection of every scenario over up to
    120 months and the CLI's three outputs finish without an exception (a plan that starts too
    late for the horizon is refused by the CLI with a message, exit 2)."""
    import io

    from budget_tutor import cli
    from budget_tutor.projection import compare

    plan = bounded(lambda: planfile.plan_from_json(raw), (planfile.PlanFileError,))
    if plan is None:
        return
    fit = 2200 * 12 + 11 - plan.household.start_month.index + 1
    horizon = min(months, fit)

    def run() -> None:
        comparison = compare(plan, list(plan.scenarios), horizon)
        for write in (cli.write_csv, cli.write_json):
            out = io.StringIO()
            write(comparison, out)
            out.getvalue().encode("utf-8")
        out = io.StringIO()
        cli.write_table(comparison, "ru", out)
        out.getvalue().encode("utf-8")

    seconds = SECONDS * 10  # 120 months of every scenario of a sample household
    start = time.perf_counter()
    run()
    assert time.perf_counter() - start < seconds


def _valid_extreme_plans() -> st.SearchStrategy[bytes]:
    """Plans drawn over the whole validated range, biased to its limits (1000 %, 99,999,999.99,
    +1000 % changes, up to 40 changes a scenario): most fuzzed samples are refused, these are not."""
    import dataclasses
    from decimal import Decimal

    from budget_tutor.model import Month
    from tests.core import test_planfile_roundtrip as rt
    from tests.core.test_planfile_extremes import EXTREMES

    bounds = dataclasses.replace(
        EXTREMES,
        rates=st.sampled_from([Decimal(1000), Decimal("999.999")]) | EXTREMES.rates,
        months=st.builds(Month, st.integers(2000, 2080), st.integers(1, 12)),
    )
    return rt.plans(bounds).map(lambda plan: planfile.plan_to_json(plan).encode("utf-8"))


test_fuzz_projection_of_plans, test_fuzz_projection_of_plans_slow = both(
    _projection,
    raw=st.one_of(_valid_extreme_plans(), _valid_extreme_plans(), mutated_plans),  # 2/3 valid
    months=st.sampled_from([12, 120, 120]),
)


# ------------------------------------------------------------------------------------------------
# lesson files
# ------------------------------------------------------------------------------------------------

GOOD_LESSON_DOC = yaml.safe_load(GOOD_LESSON.read_text(encoding="utf-8"))
LESSON_PATHS = _paths(GOOD_LESSON_DOC)[1:]
yaml_junk = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "!!python/object/apply:os.system ['echo hi']",
            "&a [*a]",
            "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c, *c]",
            "[" * 500,
            "{" * 500,
            "<script>alert(1)</script>",
            "![x](file:///etc/passwd)",
            "[x](javascript:alert(1))",
            "../../../../etc/passwd",
            "\udcff",
        ]
    ),
)


@st.composite
def lesson_files(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["text", "bytes", "mutated"]))
    if kind == "text":
        return draw(yaml_junk).encode("utf-8", "surrogateescape")
    if kind == "bytes":
        return draw(st.binary(max_size=2000))
    doc = copy.deepcopy(GOOD_LESSON_DOC)
    path = draw(st.sampled_from(LESSON_PATHS))
    parent = doc
    try:
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = draw(json_values | yaml_junk)
    except (KeyError, IndexError, TypeError):
        pass
    return yaml.safe_dump(doc, allow_unicode=True).encode("utf-8", "surrogateescape")


_lesson_dir: list[Path] = []


def _lesson_folder() -> Path:
    import tempfile

    if not _lesson_dir:
        folder = Path(tempfile.mkdtemp(prefix="budget-tutor-fuzz-pack-"))
        (folder / "pictures").mkdir()
        _lesson_dir.append(folder)
    return _lesson_dir[0]


def _lessons(raw: bytes) -> None:
    folder = _lesson_folder()
    path = folder / "x99-fuzz.yaml"
    path.write_bytes(raw)

    def load() -> None:
        lesson, problems = validate_lesson(path, pack_root=folder, pack_id="fuzz")
        assert lesson is not None or problems, "a refused lesson must say why"
        for problem in problems:
            assert isinstance(problem.msgid, str)

    bounded(load, ())
    text = raw.decode("utf-8", "replace")
    bounded(lambda: parse_yaml(text, "x99-fuzz.yaml"), (LessonLoadError,))


test_fuzz_lesson_loader, test_fuzz_lesson_loader_slow = both(_lessons, raw=lesson_files())


# ------------------------------------------------------------------------------------------------
# translation catalogs
# ------------------------------------------------------------------------------------------------


class Recorder:
    """A value that records any attribute or item access."""

    def __init__(self, log: list[str]) -> None:
        object.__setattr__(self, "_log", log)

    def __getattribute__(self, name: str) -> Any:
        if name in ("__format__", "__str__", "__repr__", "__class__", "__init__", "_log"):
            return object.__getattribute__(self, name)
        object.__getattribute__(self, "_log").append(name)
        return object.__getattribute__(self, name)

    def __getitem__(self, key: object) -> Any:
        object.__getattribute__(self, "_log").append(f"[{key!r}]")
        return "x"

    def __format__(self, spec: str) -> str:
        return format("v", spec) if spec and len(spec) < 10 else "v"


PO_LINES = GOOD_PO.read_text(encoding="utf-8").splitlines()
po_junk = st.sampled_from(
    [
        'msgstr "{0.__class__}"',
        'msgstr "{x[0]}"',
        'msgstr "{amount:>99999999}"',
        'msgstr "{amount:{amount}}"',
        'msgstr[5] "x"',
        '"Plural-Forms: nplurals=9; plural=n(n);\\n"',
        "\"Plural-Forms: nplurals=1; plural=__import__('os');\\n\"",
        'msgid "{month}"',
        "#, fuzzy",
        '"\\',
        "msgctxt",
        "",
    ]
)


@st.composite
def po_files(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["bytes", "lines"]))
    if kind == "bytes":
        return draw(st.binary(max_size=1500))
    lines = list(PO_LINES)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(lines)))
        if draw(st.booleans()) and lines:
            del lines[min(at, len(lines) - 1)]
        else:
            lines.insert(at, draw(po_junk | st.text(max_size=40)))
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def _catalogs(raw: bytes) -> None:
    bounded(lambda: i18n.parse_po(raw, "fuzz.po"), (ValueError, UnicodeDecodeError))
    folder = _lesson_folder()
    path = folder / "fuzz.po"
    path.write_bytes(raw)
    i18n.clear_cache()
    problems: list[i18n.CatalogProblem] = []
    catalog = bounded(lambda: i18n.load_catalog(path, "tg", "budget_tutor", problems), ())
    if catalog is None:
        return
    for entry in _entries(catalog):
        msgid, translations = entry
        for text in translations:
            log: list[str] = []
            names = {name for _, name, _, _ in _fields(msgid) if name}
            values = {name: Recorder(log) for name in names}
            i18n.safe_format(text, msgid, **values)
            assert log == [], f"{text!r} touched {log}"


def _fields(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    import string

    try:
        return list(string.Formatter().parse(text))
    except ValueError:
        return []


def _entries(catalog: i18n.Catalog) -> list[tuple[str, list[str]]]:
    """(msgid, its usable translations) of a loaded catalog."""
    found = [(key.split(i18n._CONTEXT_SEP)[-1], [text]) for key, text in catalog.messages.items()]
    found += [
        (key.split(i18n._CONTEXT_SEP)[-1], list(forms)) for key, forms in catalog.plurals.items()
    ]
    return found


test_fuzz_catalog_loader, test_fuzz_catalog_loader_slow = both(_catalogs, raw=po_files())


# ------------------------------------------------------------------------------------------------
# atheris (coverage-guided), where it installs: not a project dependency
# ------------------------------------------------------------------------------------------------

ATHERIS_RUNS = int(__import__("os").environ.get("RELIABILITY_ATHERIS_RUNS", "20000"))


@pytest.mark.slow
@pytest.mark.timeout(7200)
@pytest.mark.parametrize("target", ["amount", "plan", "projection", "lesson", "po"])
def test_atheris(target: str, tmp_path: Path) -> None:
    import subprocess
    import sys

    pytest.importorskip("atheris")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    seed_files = {
        "amount": [b"\x00\x001 234,50", b"\x01\x01-12.5"],
        "plan": [(SAMPLES / "nazarov-rasht.json").read_bytes()],
        "projection": [(SAMPLES / "nazarov-rasht.json").read_bytes()],
        "lesson": [GOOD_LESSON.read_bytes()],
        "po": [GOOD_PO.read_bytes()],
    }[target]
    for n, data in enumerate(seed_files):
        (seeds / f"seed-{n}").write_bytes(data)
    done = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).with_name("atheris_fuzz.py")),
            target,
            f"-runs={ATHERIS_RUNS}",
            "-max_len=65536",
            "-timeout=1",
            "-rss_limit_mb=1024",
            str(seeds),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    tail = done.stderr.strip().splitlines()[-3:]
    print("ATHERIS", target, ATHERIS_RUNS, " | ".join(tail))
    assert done.returncode == 0, done.stderr[-3000:]
