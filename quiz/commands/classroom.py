"""`quiz class [CODE]`: the teacher's dashboard, full screen, or as CSV or JSON."""

from __future__ import annotations

import argparse
import sys

EXIT_OK, EXIT_USAGE = 0, 2


def run_class(args: argparse.Namespace) -> int:
    form = getattr(args, "format", None)
    if form in {"csv", "json"}:
        return _print(args, form)
    from dataclasses import replace

    from quiz.commands.play import options_from_args
    from quiz.engine.setup import OptionsError
    from quiz.tui import run_tui

    try:
        options = options_from_args(args)
    except OptionsError as exc:
        print(f"quiz class: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return run_tui(replace(options, player=options.player or "teacher"), dashboard=args.code or "")


def _print(args: argparse.Namespace, form: str) -> int:
    from quiz.commands.stores import store_from_args
    from quiz.content.bank import load_bank
    from quiz.engine import classroom
    from quiz.engine.assignments import AssignmentError, all_assignments, find
    from quiz.paths import default_content_dir, default_seeds_dir

    store = store_from_args(args, create=False)
    try:
        try:
            if args.code:
                assignment = find(store, args.code)
            else:
                made = all_assignments(store)
                if not made:
                    raise AssignmentError("no assignments yet (quiz assign create makes one)")
                assignment = made[-1]
        except AssignmentError as exc:
            print(f"quiz class: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        loaded = load_bank(args.content or default_content_dir(), args.seeds or default_seeds_dir())
        bank = loaded.bank if loaded.ok else None
        if bank is None:
            print(
                "quiz class: the question bank has errors; the disagreement map is left out", file=sys.stderr
            )
        report = classroom.report(store, assignment, bank)
    finally:
        store.close()
    if form == "json":
        print(classroom.to_json(report))
    else:
        classroom.write_csv(report, sys.stdout)
    return EXIT_OK
