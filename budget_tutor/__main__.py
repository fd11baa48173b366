"""The one entry point: ``budget-tutor`` (the app) and its subcommands (``plan``, ``lessons``,
``selfcheck``…)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in (
        "plan",
        "handout",
        "results",
        "guide",
        "materials",
        "lessons",
        "translations",
        "--help",
        "-h",
        "--version",
    ):
        from budget_tutor.cli import run

        try:
            return run(args)
        except BrokenPipeError:  # output piped into `head` and closed: not an error
            sys.stderr.close()
            return 0
    if args and args[0] == "selfcheck":
        from budget_tutor.ui.self_check import run as run_self_check

        return run_self_check(args[1:])
    from budget_tutor.ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
