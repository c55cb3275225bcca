"""From command-line options to a game ready to play, for both faces.

`play_options` turns the options of `quiz play` into plain data without
loading anything, so a face can start drawing at once; `load_setup` then loads the
bank (refusing one that fails `quiz check`) and opens the progress store,
which never fails (see `Store.notice`). A round is then
`GameSession(setup.bank, spec, setup.store, player)`, or `start_round(setup)`
with the spec and player from the command line.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from quiz.content.text import clean_line
from quiz.engine.kinds import QUESTION_TYPES
from quiz.engine.modes import MODES
from quiz.engine.session import GameSession
from quiz.engine.spec import RoundSpec

if TYPE_CHECKING:  # the bank and the store are loaded by `load_setup`, not on import
    from quiz.content.bank import Bank, LoadResult
    from quiz.engine.store import Store


T = TypeVar("T")


class OptionsError(ValueError):
    """An option that cannot make a round (a usage error: exit status 2)."""


@dataclass(frozen=True)
class PlayOptions:
    """Plain data from the command line; nothing loaded yet."""

    content_dir: Path
    seeds_dir: Path
    data_dir: Path
    spec: RoundSpec
    player: str | None
    cache_dir: Path | None = None  # where the checked bank is kept; None: checked on every start
    store_url: str | None = None  # --db / QUIZ_DB: a database instead of the data folder's file


def play_options(
    *,
    content_dir: Path | None = None,
    seeds_dir: Path | None = None,
    data_dir: Path | None = None,
    store_url: str | None = None,
    mode: str | None = None,
    topics: Iterable[str] | None = None,
    types: Iterable[str] | None = None,
    sources: Iterable[str] | None = None,
    difficulties: Iterable[int] | None = None,
    skills: Iterable[str] | None = None,
    count: int | None = None,
    seed: int | None = None,
    confidence: bool = False,
    player: str | None = None,
) -> PlayOptions:
    """The options of `quiz play` (either face). Raises OptionsError for a bad value."""
    from quiz.paths import cache_dir, default_content_dir, default_seeds_dir
    from quiz.paths import data_dir as default_data_dir
    from quiz.paths import store_url as default_store_url

    if count is None:
        count = 10
    if count < 1:
        raise OptionsError(f"--count must be at least 1, not {count}")
    if seed is not None and not -(2**63) <= seed < 2**63:
        raise OptionsError("--seed must fit in 64 bits")
    mode = mode or "quick"
    if mode not in MODES:
        raise OptionsError(f"--mode must be one of {', '.join(MODES)}, not {mode!r}")
    from quiz.engine.review import BadNow, check_now

    try:
        check_now()
    except BadNow as exc:
        raise OptionsError(str(exc)) from None
    kinds = _unique(types)
    for kind in kinds:
        if kind not in QUESTION_TYPES:
            close = difflib.get_close_matches(kind, QUESTION_TYPES, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise OptionsError(
                f"--type {kind!r} is not a question type{hint} (types: {', '.join(QUESTION_TYPES)})"
            )
    spec = RoundSpec(
        mode=mode,
        topics=_unique(topics),
        types=kinds,
        sources=_unique(sources),
        difficulties=_unique(difficulties),
        skills=_unique(skills),
        count=count,
        seed=seed,
        confidence=bool(confidence),
    )
    return PlayOptions(
        content_dir=content_dir or default_content_dir(),
        seeds_dir=seeds_dir or default_seeds_dir(),
        data_dir=default_data_dir(data_dir),
        spec=spec,
        player=clean_line(player or "").strip() or None,
        cache_dir=cache_dir(),
        store_url=default_store_url(store_url),
    )


def _unique(values: Iterable[T] | None) -> tuple[T, ...]:
    return tuple(dict.fromkeys(values or ()))


class BankHasErrors(Exception):
    """The bank failed `quiz check`; `result` holds the problems to report."""

    def __init__(self, result: LoadResult):
        super().__init__(f"the question bank has {len(result.errors)} error(s); run `quiz check`")
        self.result = result


@dataclass
class GameSetup:
    """What a face needs before the first round."""

    options: PlayOptions
    bank: Bank
    store: Store
    player: str | None  # --player, else the store's last player, else None (the face asks)


def load_setup(options: PlayOptions) -> GameSetup:
    """Load the bank and open the store.

    Raises `ContentUnreadable` (a missing folder or file) or `BankHasErrors`;
    opening the store raises only `StoreUnreachable`, for a database server
    that cannot be reached. A bank unchanged since it was last checked
    is read back from the cache folder instead of being checked again.
    """
    from quiz.content.cache import load_checked
    from quiz.engine.store import open_store

    result = load_checked(options.content_dir, options.seeds_dir, options.cache_dir)
    if not result.ok:
        raise BankHasErrors(result)
    store = open_store(options.store_url, options.data_dir)
    player = options.player or store.last_player()
    return GameSetup(options=options, bank=result.bank, store=store, player=player)


def start_round(setup: GameSetup, spec: RoundSpec | None = None, player: str | None = None) -> GameSession:
    """A new round: the command line's spec and player unless others are given."""
    return GameSession(setup.bank, spec or setup.options.spec, setup.store, player or setup.player)
