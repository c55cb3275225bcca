"""The command palette's game commands: start a round, open an article or a dispute.

"Change theme" comes with Textual's system commands. Discovery lists the
rounds at once; articles and disputes are listed once the bank is loaded.
Titles come from the bank, so every display string is `Content`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.message import Message

from quiz.tui.messages import (
    LOADING,
    JoinAssignment,
    OpenCampaign,
    OpenClass,
    OpenDisputes,
    OpenPassage,
    StartRound,
)

if TYPE_CHECKING:
    from quiz.tui.game import Game


@runtime_checkable
class HoldsGame(Protocol):
    """An app with the loaded game (None while the bank loads)."""

    game: Game | None


ROUNDS = [
    ("quick", "Start a quick round", "Mixed questions from the whole bank"),
    ("drill", "Start a topic drill", "Questions on the topic chosen on the home screen"),
    ("disputes", "Start a round on the disputes", "Where the sources disagree"),
    ("review", "Review my mistakes", "Questions you got wrong before"),
    ("due", "Review what is due", "Spaced review: the questions due today, then new ones"),
]


def literal_highlight(matcher: Any, candidate: str) -> Content:
    """`Matcher.highlight` without its markup parsing (it calls `Content.from_markup`)."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class QuizCommands(Provider):
    """Rounds, articles and disputes."""

    @property
    def game(self) -> Game | None:
        return self.app.game if isinstance(self.app, HoldsGame) else None

    def _post(self, message: Callable[..., Message], *args: Any) -> None:
        """Ask the app, as the screens do (a new message each time: a command may run twice)."""
        self.app.post_message(message(*args))

    def _commands(self) -> list[tuple[Content, Any, str]]:
        commands: list[tuple[Content, Any, str]] = []
        for mode, title, help_text in ROUNDS:
            commands.append((Content(title), partial(self._start, mode), help_text))
        commands.append(
            (
                Content("Play the campaign"),
                partial(self._post, OpenCampaign),
                "The Kazakhstan briefing, a text adventure through the reports; your journey is saved",
            )
        )
        commands.append(
            (
                Content("Join an assignment"),
                partial(self._post, JoinAssignment),
                "Type the code your teacher gave you and play its round",
            )
        )
        commands.append(
            (
                Content("Open the class dashboard"),
                partial(self._post, OpenClass),
                "For teachers: an assignment's results and item analysis, refreshing while pupils play",
            )
        )
        game = self.game
        if game is not None:
            for source_id in game.source_ids():
                card = game.card(source_id)
                commands.append(
                    (
                        Content.assemble("Open article: ", Content(card.title)),
                        partial(self._post, OpenPassage, source_id),
                        card.byline,
                    )
                )
            for dispute in game.bank.disputes:
                commands.append(
                    (
                        Content.assemble("Open dispute: ", Content(dispute.title)),
                        partial(self._post, OpenDisputes, dispute.id),
                        "Its positions side by side",
                    )
                )
        return commands

    def _start(self, mode: str) -> None:
        from quiz.tui.screens.home import HomeScreen

        app = self.app
        home = next((s for s in app.screen_stack if isinstance(s, HomeScreen)), None)
        if home is not None and app.screen is home:
            home.action_play(mode)
        elif (game := self.game) is not None:
            app.post_message(StartRound(replace(game.options.spec, mode=mode)))
        else:
            app.notify(LOADING, timeout=2)

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            # `help` goes through `Content.from_markup`, which passes Content through untouched.
            yield DiscoveryHit(title, callback, help=Content(help_text))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title.plain)
            if score > 0:
                yield Hit(
                    score,
                    literal_highlight(matcher, title.plain),
                    callback,
                    help=Content(help_text),  # type: ignore[arg-type]
                )
