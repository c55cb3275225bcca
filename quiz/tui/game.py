"""The TUI's one doorway to the engine and the bank.

Screens never reach into the bank's models or the store themselves: they ask a
`Game` (a thin adapter over the engine's `GameSetup`) for a new session, for a
source's card, for a passage inside its paragraph, or for the passages that
questions cite. Keeping that here means a change in the engine touches one
module of the TUI, and tests can see exactly what the TUI relies on.

The engine modules are imported inside the functions that need them, never at
import time: the home screen paints before the bank (pydantic, TOML, SQLite) is
loaded, in a worker.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from quiz.engine.words import byline, long_date

if TYPE_CHECKING:
    from quiz.content.bank import Bank
    from quiz.content.models import Source
    from quiz.engine.preferences import Preferences
    from quiz.engine.session import GameSession
    from quiz.engine.setup import GameSetup, PlayOptions
    from quiz.engine.spec import RoundSpec


@dataclass(frozen=True)
class SourceCard:
    """What a player needs to weigh a source: who, when, what kind, from where."""

    id: str
    title: str
    outlet: str
    date: str
    kind: str
    perspective: str
    author: str | None = None
    notes: str | None = None

    @property
    def byline(self) -> str:
        """``Outlet · 7 January 2022`` (with the author when known)."""
        return byline(self.author, self.outlet, self.date)


@dataclass(frozen=True)
class PassageView:
    """A quote inside its paragraph: `paragraph[start:end]` are the quoted words."""

    source_id: str
    quote: str
    paragraph: str
    start: int
    end: int
    article_start: int  # where the paragraph starts in the article


@dataclass(frozen=True)
class Citation:
    """One place in an article that a question or a dispute cites."""

    start: int
    end: int
    question_ids: tuple[str, ...]
    dispute_ids: tuple[str, ...]


class Game:
    """A loaded bank, a store and a player, as the screens use them."""

    def __init__(self, setup: GameSetup) -> None:
        self.setup = setup

    # --- the parts ----------------------------------------------------------

    @property
    def bank(self) -> Bank:
        return self.setup.bank

    @property
    def store(self) -> Any:
        return self.setup.store

    @property
    def options(self) -> PlayOptions:
        return self.setup.options

    @property
    def player(self) -> str | None:
        return self.setup.player

    @property
    def notice(self) -> str | None:
        """Why progress is not being saved, if it is not."""
        notice = getattr(self.store, "notice", None)
        return str(notice) if notice else None

    def set_player(self, name: str) -> None:
        """Play as `name` from now on, and remember it for next time."""
        self.setup.player = name
        self.store.add_player(name)
        self.store.update_preferences(last_player=name)

    def players(self) -> list[str]:
        return list(self.store.players())

    def last_player(self) -> str | None:
        return self.store.last_player()

    def preferences(self) -> Preferences:
        """The player's choices kept between starts (theme, round size, certainty marking)."""
        return self.setup.store.preferences()

    def update_preferences(self, **changes: Any) -> None:
        """Keep these choices for next time (see `quiz.engine.preferences`)."""
        self.setup.store.update_preferences(**changes)

    def due_today(self) -> int:
        """The player's reviews due by the end of today (0 before a player is chosen)."""
        from quiz.engine.review import due_today

        if not self.player:
            return 0
        return due_today(self.store, self.player)

    def review_stats(self) -> Any:
        """The player's review figures (`quiz.engine.review.ReviewStats`), new questions counted."""
        from quiz.engine.review import review_stats
        from quiz.engine.rounds import question_ids

        return review_stats(self.store, self.player or "", bank_ids=question_ids(self.bank))

    # --- rounds -------------------------------------------------------------

    def session(
        self,
        spec: RoundSpec,
        *,
        question_ids: Iterable[str] | None = None,
        dispute_ids: Iterable[str] | None = None,
        replay: Sequence[str] | None = None,
    ) -> GameSession:
        """A new round. With ids, the round draws only from those questions and disputes;
        with `replay`, it plays exactly those questions, in that order.

        (See `quiz.engine.rounds.narrowed`.)
        """
        from quiz.engine.rounds import narrowed
        from quiz.engine.session import GameSession

        bank = self.bank
        if question_ids is not None or dispute_ids is not None:
            bank, spec = narrowed(bank, spec, question_ids or (), dispute_ids or ())
        return GameSession(bank, spec, self.store, self.player, replay=replay)

    def keep_left_round(self, session: GameSession, narrow: Mapping[str, Any]) -> None:
        """Keep a round left before its end (and what it was narrowed to), to offer it again on
        the next start."""
        from quiz.engine.left_round import SETTING, left_round_json

        narrowed_to = {k: list(v) for k, v in narrow.items() if k in ("question_ids", "dispute_ids")}
        self.store.set_setting(SETTING, left_round_json(session, narrowed_to), session.player)

    def forget_left_round(self) -> None:
        from quiz.engine.left_round import SETTING

        if self.player and self.store.get_setting(SETTING, self.player):
            self.store.set_setting(SETTING, "", self.player)

    def left_round(self) -> tuple[GameSession | None, str | None]:
        """The round this player left in an earlier run, to resume; or why it cannot be (it is then
        set aside in the store, not deleted)."""
        from quiz.engine.left_round import SET_ASIDE, SETTING, CannotResume, resume

        player = self.player
        text = self.store.get_setting(SETTING, player) if player else None
        if not player or not text:
            return None, None
        try:
            return resume(self.bank, self.store, player, text), None
        except CannotResume as exc:
            self.store.set_setting(SET_ASIDE, text, player)
            self.store.set_setting(SETTING, "", player)
            return None, str(exc)

    def dispute_question_ids(self, dispute_id: str) -> list[str]:
        return [q.id for q in self.bank.questions if q.dispute == dispute_id]

    @cached_property
    def topics(self) -> list[str]:
        seen: dict[str, None] = {}
        for question in self.bank.questions:
            seen.setdefault(question.topic, None)
        for dispute in self.bank.disputes:
            seen.setdefault(dispute.topic, None)
        return sorted(seen)

    # --- sources and passages -----------------------------------------------

    def card(self, source_id: str) -> SourceCard:
        source: Source | None = self.bank.sources.get(source_id)
        if source is None:
            return SourceCard(source_id, source_id, "unknown source", "", "", "")
        return SourceCard(
            id=source.id,
            title=source.title,
            outlet=source.outlet,
            date=long_date(source.date),
            kind=source.kind,
            perspective=source.perspective,
            author=source.author,
            notes=source.notes,
        )

    def source_ids(self) -> list[str]:
        return list(self.bank.sources)

    def article_text(self, source_id: str) -> str:
        article = self.bank.articles.get(source_id)
        return article.text if article is not None else ""

    def passage(self, source_id: str, quote: str) -> PassageView | None:
        """The quote inside its paragraph, or None if the article lacks it."""
        article = self.bank.articles.get(source_id)
        if article is None:
            return None
        span = article.find(quote)
        if span is None:
            return None
        para = article.paragraph_around(span)
        return PassageView(
            source_id=source_id,
            quote=quote,
            paragraph=article.text[para.start : para.end],
            start=span.start - para.start,
            end=span.end - para.start,
            article_start=para.start,
        )

    @cached_property
    def _citations(self) -> dict[str, list[Citation]]:
        """Every cited passage of every article, with who cites it."""
        places: dict[tuple[str, int, int], tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
        for question in self.bank.questions:
            for evidence in question.evidence:
                self._cite(places, evidence.source, evidence.quote, question.id, 0)
        for dispute in self.bank.disputes:
            for position in dispute.position:
                self._cite(places, position.source, position.quote, dispute.id, 1)
        by_source: dict[str, list[Citation]] = defaultdict(list)
        for (source_id, start, end), (qids, dids) in places.items():
            by_source[source_id].append(
                Citation(start, end, tuple(dict.fromkeys(qids)), tuple(dict.fromkeys(dids)))
            )
        for citations in by_source.values():
            citations.sort(key=lambda c: (c.start, c.end))
        return dict(by_source)

    def _cite(
        self,
        places: dict[tuple[str, int, int], tuple[list[str], list[str]]],
        source_id: str,
        quote: str,
        owner: str,
        which: int,
    ) -> None:
        article = self.bank.articles.get(source_id)
        span = article.find(quote) if article is not None else None
        if span is not None:
            places[(source_id, span.start, span.end)][which].append(owner)

    def citations(self, source_id: str) -> list[Citation]:
        return self._citations.get(source_id, [])

    def question_prompt(self, question_id: str) -> str:
        if self.bank.has_question(question_id):
            return self.bank.question(question_id).prompt
        return question_id


def dispute_view(game: Game, dispute_id: str) -> Any:
    """A bank dispute in the form the engine gives the feedback screen."""
    from quiz.engine.playable import DisputePosition, DisputeView

    dispute = game.bank.dispute(dispute_id)
    return DisputeView(
        id=dispute.id,
        kind=dispute.kind,
        title=dispute.title,
        explanation=dispute.explanation,
        positions=tuple(DisputePosition(p.source, p.quote, p.claim) for p in dispute.position),
    )
