"""`quiz stats`: a player's record as a table, JSON, or CSV of every answer.

Reads the progress store only (never the bank), so it starts fast and works
after the bank has changed (with `--content`, it reads the bank too, to count
the questions not yet begun). A missing store is an empty record, not an error;
a damaged one is reported, moved aside like in the game, and read as empty.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.engine.store import Store

EXIT_OK, EXIT_NO_PLAYER = 0, 1


def run_stats(args: argparse.Namespace) -> int:
    from quiz.engine import stats
    from quiz.engine.review import review_stats
    from quiz.engine.store import Store
    from quiz.engine.text import clean_line
    from quiz.paths import data_dir

    store = Store.open(data_dir(getattr(args, "data_dir", None)), create=False)
    try:
        if store.notice:
            print(f"quiz stats: {store.notice}", file=sys.stderr)
        player = clean_line(getattr(args, "player", None) or "").strip() or None
        if player is not None:
            player = find_player(store, player, "quiz stats")
            if player is None:
                return EXIT_NO_PLAYER
        rows = store.answers(player)
        form = getattr(args, "format", "table")
        if form == "csv":
            stats.write_csv(rows, sys.stdout)
            return EXIT_OK
        figures = stats.compute(rows, player, store.campaign_results(player))
        figures.review = review_stats(store, player, bank_ids=_bank_ids(args))
        print(stats.to_json(figures) if form == "json" else stats.to_table(figures))
        return EXIT_OK
    finally:
        store.close()


def find_player(store: Store, name: str, command: str) -> str | None:
    """The stored spelling of a player's name; None, once said on stderr, if there is none."""
    known = store.players()
    found = [known_name for known_name in known if known_name.casefold() == name.casefold()]
    if found:
        return found[0]
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    listing = ", ".join(known) if known else "none yet"
    print(f"{command}: no player named {name!r}{hint} (players: {listing})", file=sys.stderr)
    return None


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
