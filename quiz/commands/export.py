"""`quiz export`: the bank for Moodle (GIFT) or Anki (`.apkg`), with the filters of `quiz play`.

GIFT goes to standard output unless `-o FILE` is given; an Anki package
always goes to a file. A summary (questions by type, what was left out or
skipped, and why) goes to standard error. Every failure is one line on
standard error and a non-zero exit: 1 for a bank with errors, 2 for an
option, a filter or an output file that does not work.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import IO

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def _fail(message: str, status: int = EXIT_USAGE) -> int:
    print(f"quiz export: {message}", file=sys.stderr)
    return status


def run_export(args: argparse.Namespace) -> int:
    from quiz.commands.play import options_from_args
    from quiz.content.bank import ContentUnreadable, load_bank
    from quiz.content.report import format_text
    from quiz.engine.setup import OptionsError
    from quiz.export import ExportError, select

    form = getattr(args, "format", "gift")
    output: Path | None = getattr(args, "output", None)
    if form == "anki" and output is None:
        return _fail("an Anki package is a file: give it one with -o FILE.apkg")
    try:
        options = options_from_args(args)
    except OptionsError as exc:
        return _fail(str(exc))
    try:
        result = load_bank(options.content_dir, options.seeds_dir)
    except ContentUnreadable as exc:
        return _fail(str(exc))
    if not result.ok:
        print(format_text(result), file=sys.stderr)
        return _fail("the question bank has errors (above); fix them and run `quiz check`.", EXIT_CONTENT)
    try:
        selection = select(result.bank, options.spec, include_generated=bool(args.include_generated))
    except ExportError as exc:
        return _fail(str(exc))

    target = str(output) if output is not None else "standard output"
    try:
        if form == "anki":
            assert output is not None
            try:
                from quiz.export import anki
            except ImportError:
                return _fail("Anki export needs genanki: pip install 'csto-quiz[anki]'")
            anki.write_apkg(selection, result.bank, output)
            summary = anki.summary(selection, target)
        else:
            from quiz.export import gift, write_atomically

            data = gift.to_gift(selection, result.bank).encode("utf-8")
            if output is None:
                sys.stdout.flush()
                sys.stdout.buffer.write(data)  # UTF-8 whatever the terminal's locale; Moodle reads UTF-8
                sys.stdout.buffer.flush()
            else:
                write_atomically(output, lambda handle: _write_all(handle, data))
            summary = gift.summary(selection, target)
    except BrokenPipeError:
        raise  # `quiz export | head`: not a failure to write; the command line handles it
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return _fail(f"cannot write {output}: {reason}" if output is not None else f"cannot write: {reason}")
    print("\n".join(summary.lines()), file=sys.stderr)
    return EXIT_OK


def _write_all(handle: IO[bytes], data: bytes) -> None:
    handle.write(data)
