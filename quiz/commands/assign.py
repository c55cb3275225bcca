"""`quiz assign create|list|share`: a teacher's fixed rounds, each under a code to read aloud."""

from __future__ import annotations

import argparse
import sys

from quiz.engine.store import Store

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def run_assign(args: argparse.Namespace) -> int:
    from quiz.engine.assignments import AssignmentError

    try:
        if args.assign_command == "create":
            return _create(args)
        if args.assign_command == "share":
            return _share(args)
        return _list(args)
    except AssignmentError as exc:
        print(f"quiz assign: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _create(args: argparse.Namespace) -> int:
    from quiz.commands.play import options_from_args
    from quiz.content.bank import ContentUnreadable
    from quiz.content.report import format_text
    from quiz.engine import assignments
    from quiz.engine.setup import BankHasErrors, OptionsError, load_setup

    try:
        options = options_from_args(args)
    except OptionsError as exc:
        print(f"quiz assign: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        due = assignments.parse_due(args.due)
        setup = load_setup(options)
    except ContentUnreadable as exc:
        print(f"quiz assign: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BankHasErrors as exc:
        print(format_text(exc.result), file=sys.stderr)
        return EXIT_CONTENT
    try:
        if setup.store.notice:
            print(f"quiz assign: error: {setup.store.notice}", file=sys.stderr)
            return EXIT_USAGE
        made = assignments.create(setup.bank, setup.store, args.title, options.spec, due)
    finally:
        setup.store.close()
    print(made.code)
    print(
        f"quiz assign: {made.title!r}: {made.size} question(s), mode {made.spec.mode}, seed {made.spec.seed}"
        + (f", due {made.due}" if made.due else "")
        + f". Pupils join with the code {made.code} (home screen: j) or `quiz play --assignment {made.code}`.",
        file=sys.stderr,
    )
    return EXIT_OK


def _store(args: argparse.Namespace, *, create: bool = False) -> Store:
    from quiz.commands.stores import store_from_args

    return store_from_args(args, create=create)


def _list(args: argparse.Namespace) -> int:
    from quiz.content.text import clean_line
    from quiz.engine import assignments

    store = _store(args)
    try:
        made = assignments.all_assignments(store)
        if not made:
            print('No assignments yet: `quiz assign create "Title" --mode disputes --count 10` makes one.')
            return EXIT_OK
        rows = [("code", "title", "mode", "questions", "due", "started", "finished")]
        for a in made:
            p = assignments.progress(store, a)
            rows.append(
                (
                    a.code,
                    clean_line(a.title),
                    a.spec.mode,
                    str(a.size),
                    a.due or "-",
                    str(len(p.players)),
                    str(len(p.finished)),
                )
            )
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        for r in rows:
            print("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())
        return EXIT_OK
    finally:
        store.close()


def _share(args: argparse.Namespace) -> int:
    from quiz.engine import assignments

    store = _store(args)
    try:
        print(assignments.to_share(assignments.find(store, args.code)))
        return EXIT_OK
    finally:
        store.close()
