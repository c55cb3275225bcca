"""Every command's options, in one argparse parser: argparse lives here and nowhere else.

Each command's work lives in its own module in this package, imported only
when that command runs, so `quiz check` never loads Textual and `quiz` (play)
starts as fast as it can.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quiz import __version__

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors on exit status 2 and no traceback."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"quiz: error: {message}\n")


def _content_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("content")
    group.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        help="folder of the bank's .toml files (default: ./content if present, else the bundled one)",
    )
    group.add_argument(
        "--seeds",
        type=Path,
        metavar="DIR",
        help="folder of the articles and sources.toml (default: ./seeds if present, else the bundled one)",
    )


def _play_options(parser: argparse.ArgumentParser) -> None:
    """The options both faces of the game take (and `quiz assign create`)."""
    from quiz.engine.modes import MODES

    _content_options(parser)
    group = parser.add_argument_group("round")
    group.add_argument("--mode", choices=MODES, default="quick", help="kind of round (default: quick)")
    _filter_options(group)
    group.add_argument(
        "--count", type=int, default=10, metavar="N", help="questions in the round (default: 10)"
    )
    group.add_argument(
        "--seed", type=int, metavar="N", help="the same seed and bank always give the same round"
    )
    group.add_argument(
        "--confidence",
        action="store_true",
        help="certainty-based marking: rate your confidence 1-3 before each verdict",
    )
    group.add_argument("--player", metavar="NAME", help="player name (default: the last player)")
    _store_options(group)


def _store_options(group: argparse.ArgumentParser | argparse._ArgumentGroup, whose: str = "progress") -> None:
    """Where progress is kept: the options every command that opens the store shares."""
    group.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help=f"where {whose} is kept (default: $QUIZ_DATA_DIR or the user data folder)",
    )
    group.add_argument(
        "--db",
        metavar="URL",
        help=f"keep {whose} in this database instead: sqlite:///path/to/file"
        " or postgresql://user@host:port/dbname (default: $QUIZ_DB)",
    )


def _filter_options(group: argparse._ArgumentGroup) -> None:
    """Which questions: the filters `quiz play` and `quiz export` share."""
    group.add_argument("--topic", action="append", metavar="TOPIC", help="only this topic (repeatable)")
    group.add_argument(
        "--type",
        action="append",
        metavar="TYPE",
        dest="types",
        help="only this question type (repeatable)",
    )
    group.add_argument(
        "--source",
        action="append",
        metavar="SOURCE",
        help="only questions citing this source (repeatable)",
    )
    group.add_argument(
        "--difficulty",
        action="append",
        type=int,
        choices=(1, 2, 3),
        help="only this difficulty (repeatable)",
    )
    group.add_argument(
        "--skill", action="append", metavar="SKILL", help="only this reading skill (repeatable)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="quiz",
        description="A quiz game on the CSTO and the 2022 intervention in Kazakhstan, from real sources, "
        "and where they disagree. With no command, starts the game.",
    )
    parser.add_argument("--version", action="version", version=f"quiz {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    play = commands.add_parser("play", help="play a round (the default command)")
    _play_options(play)
    play.add_argument(
        "--plain",
        action="store_true",
        help="plain lines on standard input and output, for screen readers and scripts",
    )
    play.add_argument(
        "--assignment",
        metavar="CODE|FILE",
        help="play an assignment: its code (like K7Q-3XD), or a file from `quiz assign share`",
    )

    check = commands.add_parser("check", help="check the question bank and report every problem")
    _content_options(check)
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help="report format (default: text)"
    )

    schema = commands.add_parser("schema", help="print the JSON Schema of a content file, for editors")
    schema.add_argument(
        "--file",
        choices=("questions", "sources", "campaign"),
        default="questions",
        help="which file's schema: the bank's question files, seeds/sources.toml or a campaign file"
        " such as content/campaign.toml (default: questions)",
    )

    stats = commands.add_parser("stats", help="a player's history: accuracy by topic, source and type")
    stats.add_argument("--player", metavar="NAME", help="one player (default: every player)")
    stats.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="table, json, or csv of every answer",
    )
    _store_options(stats)
    _content_options(stats)

    preview = commands.add_parser(
        "preview",
        help="show one question as a player sees it, with its answer and feedback (records nothing)",
    )
    preview.add_argument(
        "id", metavar="ID", help="the question's id (a generated one: <dispute>~match or ~which)"
    )
    preview.add_argument(
        "--seed",
        type=int,
        default=0,
        metavar="N",
        help="the order of choices, as a round with this seed shows it",
    )
    _content_options(preview)

    export = commands.add_parser("export", help="export the bank for Moodle (GIFT) or Anki (.apkg)")
    export.add_argument(
        "--format",
        choices=("gift", "anki"),
        default="gift",
        help="gift: a text file for Moodle; anki: an .apkg package (default: gift)",
    )
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="the file to write (GIFT goes to standard output without it)",
    )
    export.add_argument(
        "--include-generated",
        action="store_true",
        help="also export the questions made from the disputes",
    )
    _content_options(export)
    _filter_options(export.add_argument_group("which questions (as for play)"))

    review = commands.add_parser("review", help="spaced review: reset a player's review schedule")
    review_commands = review.add_subparsers(
        dest="review_command", metavar="ACTION", parser_class=_Parser, required=True
    )
    reset = review_commands.add_parser(
        "reset", help="forget a player's review schedule (their answers and stats are kept)"
    )
    reset.add_argument("--player", metavar="NAME", required=True, help="whose schedule to reset")
    reset.add_argument("--yes", action="store_true", help="do not ask first")
    _store_options(reset)

    serve = commands.add_parser(
        "serve", help="serve the game in a browser: every tab is a player (needs the serve extra)"
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for a classroom)",
    )
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    serve.add_argument(
        "--class-code",
        metavar="CODE",
        help="ask every player for this code before anything else",
    )
    _store_options(serve, whose="every player's progress")
    _content_options(serve)

    assign = commands.add_parser("assign", help="a fixed round for a class, under a code to read aloud")
    assign_commands = assign.add_subparsers(
        dest="assign_command", metavar="ACTION", parser_class=_Parser, required=True
    )
    create = assign_commands.add_parser("create", help="draw a round once and keep it under a new code")
    create.add_argument("title", help='what the class sees, e.g. "Week 3: the deployment"')
    _play_options(create)  # review and campaign are refused in words by quiz.engine.assignments
    create.add_argument("--due", metavar="YYYY-MM-DD", help="the date it is due")
    listing = assign_commands.add_parser("list", help="every assignment, with how many have finished it")
    _store_options(listing)
    share = assign_commands.add_parser(
        "share", help="print an assignment as a file pupils can play at home (quiz play --assignment FILE)"
    )
    share.add_argument("code", help="the assignment's code")
    _store_options(share)

    results = commands.add_parser(
        "results", help="an assignment's answers: export on a pupil's machine, import"
    )
    results_commands = results.add_subparsers(
        dest="results_command", metavar="ACTION", parser_class=_Parser, required=True
    )
    export = results_commands.add_parser("export", help="print an assignment's answers as a signed JSON file")
    export.add_argument("--assignment", required=True, metavar="CODE", help="the assignment's code")
    export.add_argument("--player", metavar="NAME", help="one player's answers (default: everyone's here)")
    _store_options(export)
    merge = results_commands.add_parser(
        "import", help="merge results files into this store (the same file twice counts once)"
    )
    merge.add_argument("files", nargs="+", type=Path, metavar="FILE", help="files from quiz results export")
    _store_options(merge)

    copy = results_commands.add_parser(
        "copy",
        help="copy a whole store into another, e.g. to a PostgreSQL server (twice copies nothing twice)",
    )
    copy.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="URL",
        help="the store to copy: sqlite:///path or a folder",
    )
    copy.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="URL",
        help="where to copy it: postgresql://user@host/dbname",
    )

    dashboard = commands.add_parser(
        "class", help="the teacher's dashboard of an assignment, refreshing while pupils play"
    )
    dashboard.add_argument("code", nargs="?", help="the assignment's code (default: choose, or the latest)")
    dashboard.add_argument(
        "--format",
        choices=("csv", "json"),
        help="print the dashboard's figures instead of showing it (default: the full-screen dashboard)",
    )
    _store_options(dashboard)
    _content_options(dashboard)
    return parser
