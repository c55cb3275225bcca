"""`quiz results export|import`: an assignment's answers gathered in the teacher's store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quiz.engine.store import Store

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def run_results(args: argparse.Namespace) -> int:
    from quiz.commands.stores import store_from_args

    store = store_from_args(args, create=args.results_command == "import")
    try:
        if store.notice:
            print(f"quiz results: {store.notice}", file=sys.stderr)
        if args.results_command == "export":
            return _export(store, args)
        return _import(store, args.files)
    finally:
        store.close()


def _export(store: Store, args: argparse.Namespace) -> int:
    from quiz.engine import results
    from quiz.engine.assignments import AssignmentError, find

    try:
        assignment = find(store, args.assignment)
    except AssignmentError as exc:
        print(f"quiz results: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    data = results.export(store, assignment, args.player)
    print(results.to_text(data))
    answers = sum(len(r["answers"]) for r in data["rounds"])
    print(
        f"quiz results: {len(data['rounds'])} round(s), {answers} answer(s) of {assignment.code}",
        file=sys.stderr,
    )
    return EXIT_OK


def _import(store: Store, files: list[Path]) -> int:
    from quiz.engine import results

    status = EXIT_OK
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(
                f"{path}: refused: cannot be read ({getattr(exc, 'strerror', None) or exc})", file=sys.stderr
            )
            status = EXIT_REFUSED
            continue
        try:
            done = results.import_text(store, text)
        except results.ResultsError as exc:
            print(f"{path}: refused: {exc}", file=sys.stderr)
            status = EXIT_REFUSED
            continue
        who = ", ".join(done.players) or "nobody new"
        line = f"{path}: {done.rounds} round(s) and {done.answers} answer(s) added ({who})"
        if done.skipped:
            line += f"; {done.skipped} round(s) already here, counted once"
        print(line)
    return status

