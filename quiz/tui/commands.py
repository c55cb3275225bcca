"""The command palette's game commands: start a round, open an article or a dispute.

"Change theme" comes with Textual's system commands. Discovery lists the
rounds at once; articles and disputes are listed once the bank is loaded.
Titles come from the bank, so every display string is `Content`.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp

ROUNDS = [
    ("quick", "Start a quick round", "Mixed questions from the whole bank"),
    ("drill", "Start a topic drill", "Questions on the topic chosen on the home screen"),
    ("disputes", "Start a round on the disputes", "Where the sources disagree"),
    ("review", "Review my mistakes", "Questions you got wrong before"),
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

    def _commands(self) -> list[tuple[Content, Any, str]]:
        app: QuizApp = self.app  # type: ignore[assignment]
        commands: list[tuple[Content, Any, str]] = []
        for mode, title, help_text in ROUNDS:
            commands.append((Content(title), partial(self._start, mode), help_text))
        commands.append(
            (
                Content("Play the campaign"),
                app.open_campaign,
                "The Kazakhstan briefing, a text adventure through the reports; your journey is saved",
            )
        )
        commands.append(
            (
                Content("Join an assignment"),
                app.join_assignment,
                "Type the code your teacher gave you and play its round",
            )
        )
        commands.append(
            (
                Content("Open the class dashboard"),
                app.open_class,
                "For teachers: an assignment's results and item analysis, refreshing while pupils play",
            )
        )
        game = app.game
        if game is not None:
            for source_id in game.source_ids():
                card = game.card(source_id)
                commands.append(
                    (
                        Content.assemble("Open article: ", Content(card.title)),
                        partial(app.open_article, source_id),
                        card.byline,
                    )
                )
            for dispute in game.bank.disputes:
                commands.append(
                    (
                        Content.assemble("Open dispute: ", Content(dispute.title)),
                        partial(app.open_disputes, dispute.id),
                        "Its positions side by side",
                    )
                )
        return commands

    def _start(self, mode: str) -> None:
        from quiz.tui.screens.home import HomeScreen

        app: QuizApp = self.app  # type: ignore[assignment]
        home = next((s for s in app.screen_stack if isinstance(s, HomeScreen)), None)
        if home is not None and app.screen is home:
            home.action_play(mode)
        else:
            app.start_round(replace(app.options.spec, mode=mode))

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
