"""`quiz check`: load the bank and report every problem, as text or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quiz.commands.parser import EXIT_CONTENT, EXIT_OK, EXIT_USAGE


def _resolve_content(args: argparse.Namespace) -> tuple[Path, Path]:
    from quiz.paths import default_content_dir, default_seeds_dir

    return (args.content or default_content_dir(), args.seeds or default_seeds_dir())


def run_check(args: argparse.Namespace) -> int:
    from quiz.content.bank import ContentUnreadable, load_bank
    from quiz.content.report import format_json, format_text

    content_dir, seeds_dir = _resolve_content(args)
    try:
        result = load_bank(content_dir, seeds_dir)
    except ContentUnreadable as exc:
        print(f"quiz check: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(format_json(result) if args.format == "json" else format_text(result))
    return EXIT_OK if result.ok else EXIT_CONTENT
