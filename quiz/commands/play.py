"""`quiz play`: the plain face (`--plain`) or the full-screen one.

Options become `PlayOptions` here; the plain face loads the bank and the
store itself, the TUI gets the options and does so on its own screens. Bad
content or a bad option is reported in words, never with a traceback.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.engine.setup import PlayOptions

EXIT_CONTENT, EXIT_USAGE = 1, 2


def options_from_args(args: argparse.Namespace) -> PlayOptions:
    """The parsed options of `quiz play` as plain data. Raises OptionsError for a bad value."""
    from quiz.engine.setup import play_options

    return play_options(
        content_dir=getattr(args, "content", None),
        seeds_dir=getattr(args, "seeds", None),
        data_dir=getattr(args, "data_dir", None),
        store_url=getattr(args, "db", None),
        mode=getattr(args, "mode", None),
        topics=getattr(args, "topic", None),
        types=getattr(args, "types", None),
        sources=getattr(args, "source", None),
        difficulties=getattr(args, "difficulty", None),
        skills=getattr(args, "skill", None),
        count=getattr(args, "count", None),
        seed=getattr(args, "seed", None),
        confidence=bool(getattr(args, "confidence", False)),
        player=getattr(args, "player", None),
    )


def run_play(args: argparse.Namespace) -> int:
    from quiz.engine.setup import OptionsError

    try:
        options = options_from_args(args)
    except OptionsError as exc:
        print(f"quiz: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if getattr(args, "assignment", None):
        try:
            options = _with_assignment(options, args.assignment)
        except ValueError as exc:  # AssignmentError
            print(f"quiz: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
    if getattr(args, "plain", False):
        return _run_plain(options)
    import os

    from quiz.commands.serve import CLASS_CODE_ENV, SERVED_ENV
    from quiz.tui import run_tui

    # A browser tab of `quiz serve`: the code comes through the environment, not argv.
    served = os.environ.get(SERVED_ENV) == "1"
    class_code = os.environ.get(CLASS_CODE_ENV) or None if served else None
    return run_tui(options, served=served, class_code=class_code)


def _with_assignment(options: PlayOptions, code_or_file: str) -> PlayOptions:
    """The options with the assignment's round (its spec and seed) in place of the round options."""
    from dataclasses import replace

    from quiz.engine.assignments import open_assignment
    from quiz.engine.store import open_store

    store = open_store(options.store_url, options.data_dir)
    try:
        assignment = open_assignment(store, code_or_file)
    finally:
        store.close()
    return replace(options, spec=assignment.spec)


def _run_plain(options: PlayOptions) -> int:
    from quiz.content.bank import ContentUnreadable
    from quiz.content.report import format_text
    from quiz.engine.setup import BankHasErrors, load_setup
    from quiz.plain.round import run_plain

    try:
        setup = load_setup(options)
    except ContentUnreadable as exc:
        print(f"quiz: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BankHasErrors as exc:
        print(format_text(exc.result), file=sys.stderr)
        print("quiz: the question bank has errors (above); fix them and run `quiz check`.", file=sys.stderr)
        return EXIT_CONTENT
    if options.spec.assignment:
        from quiz.engine.assignments import AssignmentError, check_draw, find

        try:
            assignment = find(setup.store, options.spec.assignment)
            check_draw(setup.bank, assignment)
        except AssignmentError as exc:
            setup.store.close()
            print(f"quiz: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        print(f"Assignment {assignment.code}: {assignment.title}", flush=True)
    try:
        if options.spec.mode == "campaign":
            from quiz.plain.campaign import PlainCampaign

            return run_plain(setup, game=PlainCampaign)
        return run_plain(setup)
    finally:
        setup.store.close()
        if setup.store.waiting:  # the lock outlasted the game: say what was lost
            print(f"quiz: {setup.store.notice}", file=sys.stderr)
