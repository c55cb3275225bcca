"""`quiz stats`: a player's record as a table, JSON, or CSV of every answer.

Reads the progress store only (never the bank), so it starts fast and works
after the bank has changed. A missing store is an empty record, not an error;
a damaged one is reported, moved aside like in the game, and read as empty.
"""

from __future__ import annotations

import argparse
import difflib
import sys

EXIT_OK, EXIT_NO_PLAYER = 0, 1


def run_stats(args: argparse.Namespace) -> int:
    from quiz.engine import stats
    from quiz.engine.store import Store
    from quiz.engine.text import clean_line
    from quiz.paths import data_dir

    store = Store.open(data_dir(getattr(args, "data_dir", None)), create=False)
    try:
        if store.notice:
            print(f"quiz stats: {store.notice}", file=sys.stderr)
        player = clean_line(getattr(args, "player", None) or "").strip() or None
        if player is not None:
            known = store.players()
            found = [name for name in known if name.casefold() == player.casefold()]
            if not found:
                close = difflib.get_close_matches(player, known, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                listing = ", ".join(known) if known else "none yet"
                print(f"quiz stats: no player named {player!r}{hint} (players: {listing})", file=sys.stderr)
                return EXIT_NO_PLAYER
            player = found[0]
        rows = store.answers(player)
        campaigns = store.campaign_results(player)
        form = getattr(args, "format", "table")
        if form == "csv":
            stats.write_csv(rows, sys.stdout, campaigns)
        elif form == "json":
            print(stats.to_json(stats.compute(rows, player, campaigns)))
        else:
            print(stats.to_table(stats.compute(rows, player, campaigns)))
        return EXIT_OK
    finally:
        store.close()
