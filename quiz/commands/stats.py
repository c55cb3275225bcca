"""`quiz stats`: a player's record as a table, JSON, or CSV of every answer.

Reads the progress store only (never the bank), so it starts fast and works
after the bank has changed (with `--content`, it reads the bank too, to count
the questions not yet begun). A missing store is an empty record, not an error.
A store that cannot be read (damaged, which moves it aside like in the game,
locked, or from a newer version) is reported with its reason and exit status 3,
so that a teacher's script never takes an empty export for an empty class.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.content.names import Names
    from quiz.engine.store import Store

EXIT_OK, EXIT_NO_PLAYER, EXIT_UNREADABLE = 0, 1, 3


def run_stats(args: argparse.Namespace) -> int:
    import sqlite3

    from quiz.commands.stores import store_from_args
    from quiz.content.text import clean_line
    from quiz.engine import stats
    from quiz.engine.review import review_stats

    store = store_from_args(args, create=False)
    try:
        if store.notice:
            reason = store.notice.replace("Progress is not being saved: ", "")
            print(f"quiz stats: cannot read the progress: {reason}", file=sys.stderr)
            return EXIT_UNREADABLE
        player = clean_line(getattr(args, "player", None) or "").strip() or None
        if player is not None:
            player = find_player(store, player, "quiz stats")
            if player is None:
                return EXIT_NO_PLAYER
        form = getattr(args, "format", "table")
        campaigns = store.campaign_results(player)
        try:
            if form == "csv":
                stats.write_csv(store.stored_answers(player), sys.stdout, campaigns)
                return EXIT_OK
            figures = stats.summarise(store.answer_facts(player), player, campaigns)
        except sqlite3.Error as exc:  # the file failed while its answers were read
            print(f"quiz stats: cannot read the progress: {exc}", file=sys.stderr)
            return EXIT_UNREADABLE
        figures.review = review_stats(store, player, bank_ids=_bank_ids(args))
        if form == "json":
            print(stats.to_json(figures))
        else:
            named = figures.answered or figures.campaigns  # nothing to name in an empty record
            print(stats.to_table(figures, _names(args) if named else None))
        return EXIT_OK
    finally:
        store.close()


def find_player(store: Store, name: str, command: str) -> str | None:
    """The stored spelling of a player's name; None, once said on stderr, if there is none."""
    known = store.players()
    found = [known_name for known_name in known if known_name.casefold() == name.casefold()]
    if found:
        return found[0]
    from quiz.content.problems import did_you_mean

    hint = did_you_mean(name, known)
    listing = ", ".join(known) if known else "none yet"
    print(f"{command}: no player named {name!r}{hint} (players: {listing})", file=sys.stderr)
    return None


def _names(args: argparse.Namespace) -> Names:
    """The titles of articles, campaigns and endings, for people to read."""
    from quiz.content.names import read_names
    from quiz.paths import default_content_dir, default_seeds_dir

    content = getattr(args, "content", None) or default_content_dir()
    return read_names(Path(content), Path(getattr(args, "seeds", None) or default_seeds_dir()))


def _bank_ids(args: argparse.Namespace) -> list[str] | None:
    """With --content, the bank's question ids (so new questions are counted); else None, unread."""
    if getattr(args, "content", None) is None:
        return None
    from quiz.content.bank import ContentUnreadable, load_bank
    from quiz.engine.rounds import question_ids
    from quiz.paths import default_seeds_dir

    try:
        result = load_bank(args.content, getattr(args, "seeds", None) or default_seeds_dir())
    except ContentUnreadable as exc:
        print(f"quiz stats: {exc}; new questions are not counted.", file=sys.stderr)
        return None
    if not result.ok:
        print("quiz stats: the question bank has errors, so new questions are not counted.", file=sys.stderr)
        return None
    return question_ids(result.bank)
