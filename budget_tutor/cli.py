"""The command line: ``budget-tutor plan``, ``budget-tutor lessons check``, ``budget-tutor translations``.

For trainers preparing handouts and for scripts. Messages are translated (``--lang``); a bad file
exits non-zero with the same clear message the app shows.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from budget_tutor import __version__, i18n
from budget_tutor.i18n import _, ngettext, pgettext, safe_format
from budget_tutor.model import MAX_HORIZON, Month, Plan, month_label
from budget_tutor.money import format_amount, format_money, format_percent, minor_to_text
from budget_tutor.projection import Comparison, Projection, compare
from budget_tutor.scenarios import Scenario
from budget_tutor.wording import balance_text, in_month

EXIT_OK = 0
EXIT_CANNOT_WRITE = 1
EXIT_BAD_INPUT = 2

COLUMNS = (
    ("month", None),
    ("income", "income"),
    ("spending", "spending"),
    ("debt_service", "debt_service"),
    ("saved", "contributions"),
    ("from_savings", "withdrawals"),
    ("cash", "cash_close"),
    ("savings", "savings_total"),
)


#: What JSON and CSV carry for each month (docs/plan-output.md): the table's columns, then every
#: other flow, so that each month reconciles from the output alone.
FLOW_COLUMNS = (
    *COLUMNS,
    ("cash_open", "cash_open"),
    ("remittance_income", "remittance_income"),
    ("transfer_cost", "transfer_cost"),
    ("investment_income", "investment_income"),
    ("investment_costs", "investment_costs"),
    ("loans_received", "loans_received"),
    ("debt_interest", "debt_interest"),
    ("debt_balance", "debt_balance"),
    ("interest_earned", "interest_earned"),
    ("owed_to_others", "owed_to_others"),
    ("borrowed_from_others", "borrowed_from_others"),
    ("repaid_to_others", "repaid_to_others"),
)


def _headers() -> list[str]:
    return [
        _("Month"),
        _("Income"),
        _("Spending"),
        _("Debt payments"),
        _("Put into savings"),
        _("Taken from savings"),
        _("Cash at month end"),
        _("Savings"),
    ]


def _row_values(
    projection: Projection, columns: Sequence[tuple[str, str | None]] = COLUMNS
) -> list[tuple[Month, list[int]]]:
    out = []
    for row in projection.rows:
        out.append((row.month, [getattr(row, str(attr)) for _key, attr in columns[1:]]))
    return out


def _summary_lines(projection: Projection, lang: str) -> list[str]:
    s = projection.summary

    def money(v: int) -> str:
        return format_money(v, lang)

    lines = [
        _("Income: {amount}").format(amount=money(s.total_income)),
        _("Spending: {amount}").format(amount=money(s.total_spending)),
        _("Food is {percent} of spending").format(percent=format_percent(s.food_share, lang)),
        _("Savings rate: {percent} of income").format(percent=format_percent(s.savings_rate, lang)),
        # Translators: {in_month} is "in March 2027" as a sentence says it (wording.in_month).
        _("Lowest cash {in_month}: {amount}").format(
            amount=balance_text(s.lowest_balance, lang), in_month=in_month(s.lowest_month)
        ),
    ]
    if s.first_short_month is None:
        lines.append(_("The money does not run out."))
    else:
        lines.append(
            _("The money runs out {in_month}.").format(in_month=in_month(s.first_short_month))
        )
    for goal in s.goals:
        if goal.reached is None:
            lines.append(_("Goal “{goal}” is not reached in this plan.").format(goal=goal.name))
        else:
            lines.append(
                _("Goal “{goal}” is reached {in_month}.").format(
                    goal=goal.name, in_month=in_month(goal.reached)
                )
            )
    for year, cost in sorted(s.transfer_cost_by_year.items()):
        if cost:
            lines.append(
                _("Cost of receiving money from abroad in {year}: {amount}").format(
                    year=year, amount=money(cost)
                )
            )
    lines.append(_("Savings at the end: {amount}").format(amount=money(s.end_savings)))
    return lines


def _title(projection: Projection) -> str:
    return projection.scenario_name or _("Plan as it is")


def _table_cell(minor: int, column: str, lang: str) -> str:
    """A number of the text table; cash below zero in words ("short by 2 070"), never "-2 070"."""
    if column == "cash" and minor < 0:
        template = pgettext("balance below zero", "short by {amount}")
        return safe_format(template, "short by {amount}", amount=format_amount(-minor, lang))
    return format_amount(minor, lang)


def write_table(comparison: Comparison, lang: str, out: TextIO) -> None:
    headers = _headers()
    for projection in comparison.all:
        out.write(f"== {_title(projection)} ==\n")
        rows = [
            [month_label(month, lang, short=True)]
            + [
                _table_cell(v, key, lang)
                for (key, _attr), v in zip(COLUMNS[1:], values, strict=True)
            ]
            for month, values in _row_values(projection)
        ]
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
        out.write("  ".join(h.ljust(widths[i]) for i, h in enumerate(headers)).rstrip() + "\n")
        for r in rows:
            cells = [r[0].ljust(widths[0])] + [c.rjust(widths[i + 1]) for i, c in enumerate(r[1:])]
            out.write("  ".join(cells).rstrip() + "\n")
        out.write("\n")
        for line in _summary_lines(projection, lang):
            out.write(f"  {line}\n")
        out.write("\n")
    for diff in comparison.differences:
        more = diff.end_savings + diff.end_cash
        if more >= 0:
            text = _("“{scenario}” leaves {amount} more than the plan as it is.")
        else:
            text = _("“{scenario}” leaves {amount} less than the plan as it is.")
        out.write(
            text.format(scenario=diff.scenario_name, amount=format_money(abs(more), lang)) + "\n"
        )


def write_csv(comparison: Comparison, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["scenario", *(key for key, _attr in FLOW_COLUMNS)])
    for projection in comparison.all:
        sid = projection.scenario_id or "baseline"
        for month, values in _row_values(projection, FLOW_COLUMNS):
            writer.writerow([sid, month.iso(), *(_amount_text(v) for v in values)])


def _amount_text(minor: int) -> str:
    """Exact text of an amount for CSV and JSON (integers only: the two agree to the diram)."""
    return minor_to_text(minor)


def write_json(comparison: Comparison, out: TextIO, plan: Plan | None = None) -> None:
    """The projections as JSON (docs/plan-output.md); with ``plan``, also its opening money."""

    def projection_dict(p: Projection) -> dict[str, object]:
        s = p.summary
        return {
            "scenario": p.scenario_id or "baseline",
            "name": p.scenario_name,
            "months": [
                {
                    "month": m.iso(),
                    **{
                        k: _amount_text(v)
                        for (k, _a), v in zip(FLOW_COLUMNS[1:], vals, strict=True)
                    },
                }
                for m, vals in _row_values(p, FLOW_COLUMNS)
            ],
            **(
                {}
                if plan is None
                else {
                    "opening": {
                        "cash": _amount_text(plan.household.opening_cash),
                        "savings": _amount_text(sum(x.opening_balance for x in plan.savings)),
                    }
                }
            ),
            "summary": {
                "total_income": _amount_text(s.total_income),
                "total_spending": _amount_text(s.total_spending),
                "savings_rate_percent": str(s.savings_rate),
                "food_share_percent": str(s.food_share),
                "lowest_balance": _amount_text(s.lowest_balance),
                "lowest_month": s.lowest_month.iso(),
                "first_short_month": s.first_short_month.iso() if s.first_short_month else None,
                "goals": {g.goal_id: g.reached.iso() if g.reached else None for g in s.goals},
                "goals_first_reached": {
                    g.goal_id: g.first_reached.iso() if g.first_reached else None for g in s.goals
                },
                "borrowed_from_others": _amount_text(s.borrowed_from_others),
                "transfer_cost_by_year": {
                    str(y): _amount_text(c) for y, c in sorted(s.transfer_cost_by_year.items())
                },
                "end_savings": _amount_text(s.end_savings),
                "end_cash": _amount_text(s.end_cash),
                "net_worth_end": _amount_text(s.net_worth_end),
            },
        }

    json.dump(
        {"projections": [projection_dict(p) for p in comparison.all]},
        out,
        ensure_ascii=False,
        indent=2,
    )
    out.write("\n")


def _pick_scenarios(available: Sequence[Scenario], wanted: Sequence[str]) -> list[Scenario]:
    if any(w == "all" for w in wanted):
        return list(available)
    picked = []
    for name in wanted:
        match = [s for s in available if name in (s.id, s.name)]
        if not match:
            names = ", ".join(s.id for s in available) or "-"
            raise LookupError(
                _("There is no scenario “{name}” in this plan. Scenarios: {names}").format(
                    name=name, names=names
                )
            )
        picked.append(match[0])
    return picked


def plan_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from budget_tutor.planfile import load_plan_file
    from budget_tutor.samples import localized_if_sample
    from budget_tutor.storage import StorageError

    try:
        plan = load_plan_file(args.file)
    except StorageError as exc:
        err.write(
            _("Cannot read the plan file {file}: {problem}").format(
                file=args.file, problem=str(exc)
            )
            + "\n"
        )
        return EXIT_BAD_INPUT
    plan = localized_if_sample(plan)  # a sample's names in the language asked for
    try:
        scenarios = _pick_scenarios(plan.scenarios, args.scenario or [])  # type: ignore[arg-type]
    except LookupError as exc:
        err.write(f"{exc.args[0]}\n")
        return EXIT_BAD_INPUT
    last_month = Month(2200, 12)  # the calendar's end (Month refuses later years)
    fit = last_month.index - plan.household.start_month.index + 1
    if args.months > fit:
        err.write(
            # Translators: {start} is "in March 2195" as a sentence says it; {last} a month
            # and year ("December 2200"); keep "--months" as it is (an option).
            ngettext(
                "The plan starts {start}: only {n} month fits before the end of the "
                "calendar ({last}). Use --months {n}.",
                "The plan starts {start}: only {n} months fit before the end of the "
                "calendar ({last}). Use --months {n} or fewer.",
                fit,
            ).format(
                start=in_month(plan.household.start_month),
                n=fit,
                last=month_label(last_month, args.lang),
            )
            + "\n"
        )
        return EXIT_BAD_INPUT
    comparison = compare(plan, scenarios, args.months)
    target = out if args.output is None else io.StringIO()
    if args.format == "csv":
        write_csv(comparison, target)
    elif args.format == "json":
        write_json(comparison, target, plan)
    else:
        write_table(comparison, args.lang, target)
    if args.output is not None:
        from budget_tutor.safe_write import ExportError, write_text

        assert isinstance(target, io.StringIO)
        try:  # a temporary file, verified, fsynced, then renamed: the old file survives a failure
            write_text(args.output, target.getvalue())
        except ExportError as exc:
            err.write(exc.message() + "\n")
            return EXIT_CANNOT_WRITE
    return EXIT_OK


def handout_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """One PDF handout per plan file (docs/handout.md); every bad file is named, the others are
    still written; non-zero exit if any failed."""
    from budget_tutor.ui.handout_export import write_handouts

    failed = 0
    for source, written, problem in write_handouts(args.files, args.out):
        if written is not None:
            out.write(_("Written: {file}").format(file=str(written)) + "\n")
        else:
            failed += 1
            err.write(
                _("Cannot read the plan file {file}: {problem}").format(
                    file=str(source), problem=problem
                )
                + "\n"
            )
    return EXIT_BAD_INPUT if failed else EXIT_OK


def _months(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_HORIZON:
        raise argparse.ArgumentTypeError(
            ngettext(
                "the horizon is 1 to {n} month", "the horizon is 1 to {n} months", MAX_HORIZON
            ).format(n=MAX_HORIZON)
        )
    return value


def results_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``results merge FILE... --out FILE``: all files are read and checked first; one refused
    file means nothing is written."""
    from pathlib import Path

    from budget_tutor import results
    from budget_tutor.safe_write import ExportError

    target = Path(args.out)
    try:
        merged = results.merge_files([Path(f) for f in args.files], target)
    except results.ResultsFileError as exc:
        print(exc.message(), file=err)
        print(_("Nothing was written."), file=err)
        return EXIT_BAD_INPUT
    except ExportError as exc:
        print(exc.message(), file=err)
        return EXIT_CANNOT_WRITE
    for conflict in merged.conflicts:
        workshop, participant, phase, item = conflict.key
        print(
            _(
                "Conflict: participant {participant}, workshop {workshop}, {phase}-test, item "
                "{item} was answered differently; the later answer ({moment}) is kept."
            ).format(participant=participant, workshop=workshop, phase=phase, item=item,
                     moment=conflict.kept.answered_on),
            file=err,
        )  # fmt: skip
    print(
        _("{rows} answers from {files} files written to {path} ({duplicates} repeated answers "
          "counted once, {conflicts} conflicts).").format(
            rows=len(merged.rows), files=merged.files, path=target,
            duplicates=merged.duplicates, conflicts=len(merged.conflicts),
        ),
        file=out,
    )  # fmt: skip
    return EXIT_OK


def print_kit_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``guide --out FILE`` and ``materials --module ID --out DIR``: the printed trainer's kit."""
    from pathlib import Path

    from budget_tutor.safe_write import ExportError
    from budget_tutor.ui import trainer_kit_pdf

    trainer_kit_pdf.ensure_gui()
    library = trainer_kit_pdf._library()
    try:
        if args.command == "guide":
            trainer_kit_pdf.write_guide(Path(args.out), library)
            print(_("Written: {path}").format(path=args.out), file=out)
            return EXIT_OK
        wanted = args.module or ["all"]
        known = [x.id for x in library.course_lessons()]  # type: ignore[attr-defined]
        ids = []
        for name in known if "all" in wanted else wanted:
            # "m04" names "m04-receiving-remittances"
            found = [k for k in known if k == name or k.startswith(f"{name}-")]
            if len(found) != 1:
                print(_("There is no module “{id}”.").format(id=name), file=err)
                return EXIT_BAD_INPUT
            ids.append(found[0])
        for lesson_id in ids:
            for path in trainer_kit_pdf.write_materials(Path(args.out), lesson_id, library):
                print(_("Written: {path}").format(path=path), file=out)
    except ExportError as exc:
        print(exc.message(), file=err)
        return EXIT_CANNOT_WRITE
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="budget-tutor",
        description=_(
            "Budget Tutor: family budget lessons and planner. Without a command, the app starts."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"budget-tutor {__version__}",
        help=_("show the program's version and exit"),
    )
    sub = parser.add_subparsers(dest="command")
    plan = sub.add_parser("plan", help=_("print the month-by-month projection of a plan file"))
    plan.add_argument("file", metavar="FILE", help=_("a plan file (.json)"))
    plan.add_argument("--months", type=_months, default=12, help=_("how many months (1 to 120)"))
    plan.add_argument(
        "--scenario",
        action="append",
        metavar="NAME",
        help=_("also project this scenario (id or name; 'all' for every one)"),
    )
    plan.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help=_("a table to read, or CSV or JSON for other programs"),
    )
    plan.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help=_("write to this file (safely: the old file stays until the new one is complete)"),
    )
    plan.add_argument(
        "--lang", choices=i18n.LANGUAGES, default="en", help=_("the language of the output")
    )
    lessons = sub.add_parser("lessons", help=_("check lesson files and lesson packs"))
    lessons.add_argument("action", choices=("check",), help=_("what to do"))
    lessons.add_argument(
        "paths", nargs="*", metavar="PATH", help=_("lesson files, pack folders or folders")
    )
    handout = sub.add_parser(
        "handout", help=_("write the family handout (PDF) of each plan file, for a workshop")
    )
    handout.add_argument("files", nargs="+", metavar="FILE", help=_("plan files (.json)"))
    handout.add_argument(
        "--lang", choices=i18n.LANGUAGES, default="tg", help=_("the language of the handouts")
    )
    handout.add_argument(
        "--out", required=True, metavar="DIR", help=_("the folder to write the PDF files into")
    )
    results = sub.add_parser(
        "results", help=_("combine the anonymous pre/post results of many laptops for the donor")
    )
    results.add_argument("action", choices=("merge",), help=_("what to do"))
    results.add_argument("files", nargs="+", metavar="FILE", help=_("results files (.csv, .xlsx)"))
    results.add_argument(
        "--out", required=True, metavar="FILE", help=_("the combined file (.csv or .xlsx)")
    )
    results.add_argument(
        "--lang", choices=i18n.LANGUAGES, default="en", help=_("the language of the messages")
    )
    guide = sub.add_parser("guide", help=_("print the trainer's guide (PDF) for the training"))
    guide.add_argument(
        "--lang", choices=i18n.LANGUAGES, default="tg", help=_("the language of the guide")
    )
    guide.add_argument("--out", required=True, metavar="FILE", help=_("the PDF file to write"))
    materials = sub.add_parser(
        "materials", help=_("print a module's cards, worksheet, answer key and take-home sheet")
    )
    materials.add_argument(
        "--module",
        action="append",
        metavar="ID",
        help=_("the module (e.g. m04); 'all' for every one"),
    )
    materials.add_argument(
        "--lang", choices=i18n.LANGUAGES, default="tg", help=_("the language of the materials")
    )
    materials.add_argument(
        "--out", required=True, metavar="DIR", help=_("the folder to write the PDF files into")
    )
    translations = sub.add_parser("translations", help=_("the translators' workflow"))
    translations.add_argument(
        "rest", nargs=argparse.REMAINDER, help=_("extract, update, compile, check or all")
    )
    return parser


def _preselect_language(argv: Sequence[str]) -> None:
    """Apply ``--lang`` before argparse builds its (translated) help and errors."""
    for i, arg in enumerate(argv):
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in i18n.LANGUAGES:
            i18n.set_language(value)


def _replace_unencodable(*streams: TextIO) -> None:
    """Text the terminal cannot encode (a name with a lone surrogate, Cyrillic on an ASCII
    console) is written with replacement characters instead of ending in UnicodeEncodeError."""
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(AttributeError, ValueError, io.UnsupportedOperation):
                reconfigure(errors="replace")


def run(argv: Sequence[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    _replace_unencodable(out, err)
    _preselect_language(argv)
    i18n.translate_argparse()
    if argv and argv[0] == "translations":
        from budget_tutor.translations import run as run_translations

        return run_translations(list(argv[1:]))
    if argv and argv[0] == "lessons" and len(argv) > 1 and argv[1] == "check":
        from budget_tutor.lessons.check import run as run_check

        return run_check(list(argv[2:]))
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if args.command == "plan":
        return plan_command(args, out, err)
    if args.command == "handout":
        return handout_command(args, out, err)
    if args.command == "results":
        return results_command(args, out, err)
    if args.command in ("guide", "materials"):
        return print_kit_command(args, out, err)
    parser.print_help(out)
    return EXIT_OK


def run_captured(argv: Sequence[str]) -> tuple[int, str, str]:
    """Run a command and return its exit code, output and errors (for tests)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = run(argv, out, err)
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()
