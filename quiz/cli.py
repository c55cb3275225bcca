"""The `quiz` command: play (the default), check, schema, stats, preview, export, review,
serve, assign, results, class.

The options are read by `quiz.commands.parser`; each command runs from its own
module in `quiz.commands`, imported only when that command runs.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from quiz.commands.parser import EXIT_OK, build_parser

EXIT_UNREACHABLE = 1  # the database server named by --db or QUIZ_DB cannot be reached

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    # `quiz` alone, or `quiz --plain ...`, plays.
    if not arguments or (arguments[0].startswith("-") and arguments[0] not in {"-h", "--help", "--version"}):
        arguments = ["play", *arguments]
    args = parser.parse_args(arguments)
    try:
        if args.command == "check":
            from quiz.commands.check import run_check

            return run_check(args)
        if args.command == "schema":
            from quiz.commands.schema import run_schema

            return run_schema(args)
        if args.command == "stats":
            from quiz.commands.stats import run_stats

            return run_stats(args)
        if args.command == "preview":
            from quiz.commands.preview import run_preview

            return run_preview(args)
        if args.command == "export":
            from quiz.commands.export import run_export

            return run_export(args)
        if args.command == "review":
            from quiz.commands.review import run_review

            return run_review(args)
        if args.command == "assign":
            from quiz.commands.assign import run_assign

            return run_assign(args)
        if args.command == "results":
            from quiz.commands.results import run_results

            return run_results(args)
        if args.command == "class":
            from quiz.commands.classroom import run_class

            return run_class(args)
        if args.command == "serve":
            from quiz.commands.serve import run_serve

            return run_serve(args)
        from quiz.commands.play import run_play

        return run_play(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `quiz check | head`: the reader went away; nothing to report.
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:
        from quiz.engine.store import StoreUnreachable  # only on the way out: a plain start pays nothing

        if not isinstance(exc, StoreUnreachable):
            raise
        print(f"quiz {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_UNREACHABLE
