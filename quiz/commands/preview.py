"""`quiz preview ID`: one question as a player would see it, answer and feedback included.

Nothing is played and nothing is recorded; the bank is loaded and checked as
for play, so a question with problems is reported instead.
"""

from __future__ import annotations

import argparse
import sys

from quiz.commands.parser import EXIT_CONTENT, EXIT_OK, EXIT_USAGE


def run_preview(args: argparse.Namespace) -> int:
    from quiz.content.bank import ContentUnreadable, load_bank
    from quiz.content.problems import did_you_mean
    from quiz.content.report import format_text
    from quiz.engine.rounds import playable_for, question_ids
    from quiz.paths import default_content_dir, default_seeds_dir
    from quiz.plain.preview import preview_lines

    try:
        result = load_bank(args.content or default_content_dir(), args.seeds or default_seeds_dir())
    except ContentUnreadable as exc:
        print(f"quiz preview: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not result.ok:
        print(format_text(result), file=sys.stderr)
        print("quiz preview: the question bank has errors (above); fix them first.", file=sys.stderr)
        return EXIT_CONTENT
    bank = result.bank
    playable = playable_for(bank, args.id, seed=args.seed)
    if playable is None:
        hint = did_you_mean(args.id, question_ids(bank))
        print(
            f"quiz preview: no question {args.id!r}{hint}; `quiz check --format json` lists them",
            file=sys.stderr,
        )
        return EXIT_USAGE
    print("\n".join(preview_lines(bank, playable)))
    return EXIT_OK
