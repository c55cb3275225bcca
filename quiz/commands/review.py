"""`quiz review reset`: forget a player's review schedule, after asking.

The player's answers, rounds and stats stay; only the cards go, so every
question is new again in the due mode.
"""

from __future__ import annotations

import argparse
import sys

EXIT_OK, EXIT_NO_PLAYER, EXIT_USAGE = 0, 1, 2


def run_review(args: argparse.Namespace) -> int:
    # Only `reset` for now; argparse requires the action.
    return _reset(args)


def _reset(args: argparse.Namespace) -> int:
    from quiz.commands.stats import find_player
    from quiz.commands.stores import store_from_args
    from quiz.content.text import clean_line

    name = clean_line(args.player or "").strip()
    if not name:
        print("quiz review reset: --player needs a name", file=sys.stderr)
        return EXIT_USAGE
    store = store_from_args(args, create=False)
    try:
        if store.notice:
            print(f"quiz review reset: {store.notice}", file=sys.stderr)
            return EXIT_NO_PLAYER
        player = find_player(store, name, "quiz review reset")
        if player is None:
            return EXIT_NO_PLAYER
        cards = len(store.card_ids(player))
        if not cards:
            print(f"{player} has no review schedule to reset.")
            return EXIT_OK
        what = f"{cards} card{'' if cards == 1 else 's'}"
        if not args.yes:
            print(
                f"Reset {player}'s review schedule ({what})? Their answers and stats are kept. [y/N] ",
                end="",
                flush=True,
            )
            reply = sys.stdin.readline()
            if reply.strip().lower() not in {"y", "yes"}:
                print("Nothing was reset.")
                return EXIT_OK
        store.reset_cards(player)
        print(f"Reset {player}'s review schedule: {what} forgotten; every question is new again.")
        return EXIT_OK
    finally:
        store.close()
