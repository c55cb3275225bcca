"""`quiz serve`: the full game in a browser, one process per tab, on one shared data folder.

textual-serve (the `serve` extra) is imported here only. Each browser
connection runs `quiz play` in a subprocess whose standard output is the
transport, so the child prints nothing before the app runs; this process's
own messages go to standard error and to the start-up lines below.

The class code reaches the children through the environment, never their
command line (which anyone on the machine can read with `ps`).
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import shlex
import sys
from pathlib import Path

EXIT_OK, EXIT_UNREACHABLE, EXIT_USAGE, EXIT_MISSING = 0, 1, 2, 3

# Read by `quiz play` in a served child (see quiz.commands.play).
SERVED_ENV = "QUIZ_SERVED"
CLASS_CODE_ENV = "QUIZ_CLASS_CODE"


def is_loopback(host: str) -> bool:
    if host in {"localhost", "localhost.localdomain"}:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def child_command(args: argparse.Namespace, data_dir: Path) -> str:
    """The `quiz play` each browser tab runs: absolute folders, the same Python."""
    from quiz.paths import default_content_dir, default_seeds_dir

    content = Path(args.content or default_content_dir()).resolve()
    seeds = Path(args.seeds or default_seeds_dir()).resolve()
    parts = [
        sys.executable,
        "-m",
        "quiz",
        "play",
        "--content",
        str(content),
        "--seeds",
        str(seeds),
        "--data-dir",
        str(data_dir.resolve()),
    ]
    if getattr(args, "assignment", None):
        parts += ["--assignment", args.assignment]
    return " ".join(shlex.quote(part) for part in parts)


def run_serve(args: argparse.Namespace) -> int:
    from quiz.paths import data_dir as default_data_dir
    from quiz.paths import store_url

    try:
        from textual_serve.server import Server
    except ImportError:
        print(
            "quiz serve: textual-serve is not installed; install the game with its serve extra:"
            ' python3 -m pip install ".[serve]"',
            file=sys.stderr,
        )
        return EXIT_MISSING
    if not 1 <= args.port <= 65535:
        print(f"quiz serve: error: --port must be between 1 and 65535, not {args.port}", file=sys.stderr)
        return EXIT_USAGE
    code = (args.class_code or "").strip()
    if args.class_code is not None and not code:
        print("quiz serve: error: --class-code must not be empty", file=sys.stderr)
        return EXIT_USAGE
    folder = default_data_dir(args.data_dir)
    command = child_command(args, folder)
    database = store_url(getattr(args, "db", None))
    kept_in = str(folder)
    if database:
        from quiz.engine.store import StoreUnreachable, open_store

        try:  # said now, once, rather than in every tab
            store = open_store(database, folder)
        except StoreUnreachable as exc:
            print(f"quiz serve: error: {exc}", file=sys.stderr)
            return EXIT_UNREACHABLE
        kept_in = store.location or kept_in
        store.close()
        # Through the environment, not the tabs' command line, where a password would show.
        os.environ["QUIZ_DB"] = database
    os.environ[SERVED_ENV] = "1"
    if code:
        os.environ[CLASS_CODE_ENV] = code
    else:
        os.environ.pop(CLASS_CODE_ENV, None)
    url = f"http://{args.host}:{args.port}"

    class QuizServer(Server):
        def initialize_logging(self) -> None:
            # Problems only, on standard error: a request log is noise in a classroom.
            import logging

            logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="quiz serve: %(message)s")

        async def on_startup(self, app: object) -> None:
            print(f"quiz serve: the game is at {url} (every tab is a player)", flush=True)
            print(f"quiz serve: answers are kept in {kept_in}", flush=True)
            if not is_loopback(args.host):
                warning = "anyone who can reach this port can play"
                if not code:
                    warning += " (set --class-code CODE to ask for a code)"
                print(f"quiz serve: warning: {warning}", flush=True)
            elif code:
                print("quiz serve: players are asked for the class code first", flush=True)
            print("quiz serve: press Ctrl+C to stop", flush=True)

    server = QuizServer(command, host=args.host, port=args.port, title="CSTO quiz")
    try:
        server.serve()
    except OSError as exc:
        print(
            f"quiz serve: cannot listen on {args.host}:{args.port} ({exc.strerror or exc})", file=sys.stderr
        )
        return EXIT_USAGE
    return EXIT_OK
