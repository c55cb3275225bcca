"""`quiz results export|import|copy`: answers gathered in the teacher's store, or a whole store moved."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quiz.engine.store import Store

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def run_results(args: argparse.Namespace) -> int:
    from quiz.commands.stores import store_from_args

    if args.results_command == "copy":
        return _copy(args.source, args.target)

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


def _copy(source_url: str, target_url: str) -> int:
    """Everything in one store into another (a school moving to a server); twice adds nothing."""
    from quiz.engine.store import Store, StoreUnreachable

    source_url, target_url = _as_url(source_url), _as_url(target_url)
    if source_url == target_url:
        print("quiz results copy: error: --from and --to name the same store", file=sys.stderr)
        return EXIT_USAGE
    try:
        source = Store.connect(source_url, create=False)
    except StoreUnreachable as exc:
        print(f"quiz results copy: error: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    try:
        if source.notice or not source.saving:
            reason = source.notice or "there is no store there"
            print(f"quiz results copy: error: cannot read --from: {reason}", file=sys.stderr)
            return EXIT_REFUSED
        try:
            target = Store.connect(target_url)
        except StoreUnreachable as exc:
            print(f"quiz results copy: error: {exc}", file=sys.stderr)
            return EXIT_REFUSED
        try:
            if target.notice or not target.saving:
                print(f"quiz results copy: error: cannot write --to: {target.notice}", file=sys.stderr)
                return EXIT_REFUSED
            try:
                added = source.copy_to(target)
            except Exception as exc:  # the database's own error: nothing was copied
                print(
                    f"quiz results copy: error: nothing was copied: {target.location} failed ({exc})",
                    file=sys.stderr,
                )
                return EXIT_REFUSED
            print(_copied(added, source.location, target.location))
            return EXIT_OK
        finally:
            target.close()
    finally:
        source.close()


def _as_url(text: str) -> str:
    """A URL as given, or a plain path read as an SQLite file or data folder."""
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).resolve()}"


def _copied(added: dict[str, int], source: str | None, target: str | None) -> str:
    def count(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    parts = [
        count(added["players"], "player"),
        count(added["rounds"], "round") + f" ({count(added['answers'], 'answer')})",
        count(added["assignments"], "assignment"),
        count(added["cards"], "review card"),
        count(added["campaign_saves"], "saved campaign"),
        count(added["campaign_results"], "finished campaign"),
    ]
    line = f"Copied from {source} to {target}: " + ", ".join(parts) + "."
    if not any(added.values()):
        line += " Everything was already there."
    return line
