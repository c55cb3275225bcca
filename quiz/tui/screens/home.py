"""The home screen: who is playing, what to play, and the ways into the library.

It is the first thing painted, so it is built from Textual alone: nothing here
imports the engine or the bank. Until the app posts the loaded game, the modes
are shown but starting one says the bank is loading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp
    from quiz.tui.game import Game

MODES: list[tuple[str, str, str]] = [
    ("quick", "Quick round", "mixed questions from the whole bank"),
    ("drill", "Topic drill", "questions on one topic"),
    ("disputes", "Where sources disagree", "the questions about disputes"),
    ("review", "Review my mistakes", "questions you got wrong before"),
    ("campaign", "Campaign", "the Kazakhstan briefing: a text adventure through the reports"),
]
SIZES = (5, 10, 15, 20)
HOME_KEYS = [
    ("l", "Library of sources"),
    ("d", "Disputes"),
    ("s", "Stats"),
    ("p", "Switch player"),
    ("j", "Join an assignment"),
    ("a", "Class dashboard"),
    ("?", "Help"),
    ("q", "Quit"),
]


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def mode_prompt(number: int, title: str, blurb: str) -> Content:
    return Content.assemble(
        (f" {number} ", "bold $text-accent"), " ", (title, "bold"), "  ", (blurb, "$text-muted")
    )


class OptionChip(Static, can_focus=False):
    """A round option that a click (or its key) changes."""

    def __init__(self, action: str, *, id: str, tooltip: str) -> None:
        super().__init__("", id=id, classes="chip", markup=False)
        self.action = action
        self.tooltip = tooltip

    async def on_click(self) -> None:
        await self.screen.run_action(self.action)


class HomeScreen(Screen[None]):
    """Pick a mode and the round's options; open the library, disputes, stats."""

    app: QuizApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "play('quick')", "Quick", id="home.quick", show=False),
        Binding("2", "play('drill')", "Drill", id="home.drill", show=False),
        Binding("3", "play('disputes')", "Disputes round", id="home.disputes-round", show=False),
        Binding("4", "play('review')", "Review", id="home.review", show=False),
        Binding("5", "play('campaign')", "Campaign", id="home.campaign", show=False),
        Binding("n", "size", "Size", id="home.size", tooltip="Change the number of questions", show=False),
        Binding("t", "topic", "Topic", id="home.topic", tooltip="Choose the topic", show=False),
        Binding(
            "c",
            "certainty",
            "Certainty",
            id="home.certainty",
            tooltip="Certainty marking on or off",
            show=False,
        ),
        Binding("p", "player", "Player", id="home.player", tooltip="Switch player", show=False),
        Binding("l", "library", "Library", id="home.library", tooltip="The articles and their sources"),
        Binding("d", "disputes", "Disputes", id="home.disputes", tooltip="Where the sources disagree"),
        Binding("s", "stats", "Stats", id="home.stats", tooltip="Your history"),
        Binding("q", "app.quit", "Quit", id="home.quit", tooltip="Quit the game"),
        Binding("j", "join", "Join", id="home.join", tooltip="Join an assignment with its code", show=False),
        Binding("a", "class", "Class", id="home.class", tooltip="The class dashboard (teachers)", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.count = 10
        self.topic: str | None = None
        self.certainty = False
        self.game: Game | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="home"):
            yield Static(
                Content.assemble(
                    ("CSTO quiz", "bold $text-primary"),
                    (
                        "  ·  the January 2022 intervention in Kazakhstan, and where sources disagree",
                        "$text-muted",
                    ),
                ),
                id="home-title",
            )
            yield Static("Loading the question bank…", id="player", markup=False)
            yield Static("", id="bank", markup=False)
            notice = Static("", id="notice", classes="notice", markup=False)
            notice.display = False
            yield notice
            yield OptionList(
                *[Option(mode_prompt(i + 1, t, b), id=m) for i, (m, t, b) in enumerate(MODES)],
                id="modes",
                markup=False,
            )
            with Horizontal(id="round-options"):
                yield OptionChip("size", id="opt-size", tooltip="Questions per round (n)")
                yield OptionChip("topic", id="opt-topic", tooltip="Topic for drills and rounds (t)")
                yield OptionChip("certainty", id="opt-certainty", tooltip="Rate your certainty 1-3 (c)")
            with Vertical(id="home-more"):
                yield Static(
                    Content.assemble(
                        *[part for key, what in HOME_KEYS for part in ((key, "bold"), f" {what}   ")]
                    ),
                    id="home-keys",
                )
        yield Footer()

    def on_mount(self) -> None:
        options = self.app.options
        spec = getattr(options, "spec", None)
        if spec is not None:
            self.count = spec.count
            self.topic = spec.topics[0] if spec.topics else None
            self.certainty = spec.confidence
        self.show_options()
        self.query_one("#modes", OptionList).focus()
        if self.app.game is not None:
            self.game_ready(self.app.game)

    # --- state shown ----------------------------------------------------------

    def game_ready(self, game: Game) -> None:
        """Called by the app once the bank is loaded (or on mount, if it already is)."""
        if self.game is game:
            return
        self.game = game
        self._restore_options(game)
        if game.notice:
            notice = self.query_one("#notice", Static)
            notice.update(Content.assemble(("⚠ ", "bold"), Content(game.notice)))
            notice.display = True
            self.notify(game.notice, title="Progress", severity="warning", markup=False)
        self.show_player()
        self.show_options()
        bank = game.bank
        self.query_one("#bank", Static).update(
            Content.styled(
                f"{plural(len(bank.questions), 'question')} and"
                f" {plural(len(bank.disputes), 'dispute')} from {plural(len(bank.sources), 'article')}",
                "$text-muted",
            )
        )
        if game.player is None:
            name = game.last_player()
            if name:
                game.set_player(name)
                self.show_player()
            elif self.app.options.spec.mode != "campaign":  # open_campaign asks the name itself
                self.action_player(first=True)

    def _restore_options(self, game: Game) -> None:
        spec = self.app.options.spec
        if spec.count == 10:  # the default: the player's last choice wins
            saved = game.get_setting("round.count")
            if saved and saved.isdigit():
                self.count = int(saved)
        if not spec.confidence:
            self.certainty = game.get_setting("round.certainty") == "on"

    def show_player(self) -> None:
        player = self.game.player if self.game else None
        self.query_one("#player", Static).update(
            Content.assemble(
                ("Player: ", "bold"), Content(player or "(nobody yet)"), ("   p to switch", "$text-muted")
            )
        )

    def show_options(self) -> None:
        self.query_one("#opt-size", Static).update(
            Content.assemble(("n ", "bold $text-accent"), f"{self.count} questions")
        )
        from quiz.tui.text import topic_name

        self.query_one("#opt-topic", Static).update(
            Content.assemble(
                ("t ", "bold $text-accent"),
                "Topic: ",
                Content(topic_name(self.topic) if self.topic else "all"),
            )
        )
        self.query_one("#opt-certainty", Static).update(
            Content.assemble(
                ("c ", "bold $text-accent"), f"Certainty marking: {'on' if self.certainty else 'off'}"
            )
        )

    # --- actions --------------------------------------------------------------

    @on(OptionList.OptionSelected, "#modes")
    def _mode_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.action_play(event.option.id)

    def spec(self, mode: str) -> Any:
        from dataclasses import replace

        spec = self.app.options.spec
        topics = (self.topic,) if self.topic else ()
        return replace(spec, mode=mode, topics=topics, count=self.count, confidence=self.certainty)

    def action_play(self, mode: str) -> None:
        game = self.app.require_game()
        if game is None:
            return
        if mode == "campaign":
            self.app.open_campaign()
            return
        if mode == "drill" and not self.topic:
            self._pick_topic(then_play=True)
            return
        self.app.start_round(self.spec(mode))

    def action_size(self) -> None:
        self.count = SIZES[(SIZES.index(self.count) + 1) % len(SIZES)] if self.count in SIZES else 10
        self.show_options()
        if self.game:
            self.game.set_setting("round.count", str(self.count))

    def action_certainty(self) -> None:
        self.certainty = not self.certainty
        self.show_options()
        if self.game:
            self.game.set_setting("round.certainty", "on" if self.certainty else "off")

    def action_topic(self) -> None:
        if self.app.require_game() is not None:
            self._pick_topic(then_play=False)

    def _pick_topic(self, *, then_play: bool) -> None:
        from quiz.tui.screens.pick import PickScreen
        from quiz.tui.text import topic_name

        assert self.game is not None
        choices = [("", "All topics")] + [(t, topic_name(t)) for t in self.game.topics]
        if then_play:
            choices = choices[1:]

        def chosen(topic: str | None) -> None:
            if topic is None:
                return
            self.topic = topic or None
            self.show_options()
            if then_play and self.topic:
                self.app.start_round(self.spec("drill"))

        self.app.push_screen(PickScreen("Which topic?", choices, current=self.topic or ""), chosen)

    def action_player(self, first: bool = False) -> None:
        from quiz.tui.screens.player import PlayerScreen

        game = self.app.require_game()
        if game is None:
            return

        def chosen(name: str | None) -> None:
            if name:
                game.set_player(name)
                self.show_player()
            elif game.player is None:
                game.set_player("Player")
                self.show_player()

        self.app.push_screen(PlayerScreen(game.players(), current=game.player, first=first), chosen)

    def action_library(self) -> None:
        self.app.open_library()

    def action_disputes(self) -> None:
        self.app.open_disputes()

    def action_stats(self) -> None:
        self.app.open_stats()

    def action_join(self) -> None:
        self.app.join_assignment()

    def action_class(self) -> None:
        self.app.open_class()
