"""The home screen: who is playing, what to play, and the ways into the library.

It is the first thing painted, so it is built from Textual and its words
alone: nothing here imports the rest of the engine or the bank. Until the app posts the loaded game, the modes
are shown, and a choice made meanwhile is kept and acted on once it is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quiz.engine.words import MODE_BLURBS, MODE_TITLES, plural
from quiz.tui.messages import (
    JoinAssignment,
    OpenCampaign,
    OpenClass,
    OpenDisputes,
    OpenLibrary,
    OpenStats,
    PlayerChosen,
    ResumeRound,
    StartRound,
)
from quiz.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from quiz.engine.setup import PlayOptions
    from quiz.tui.game import Game

MODES: list[tuple[str, str, str]] = [(mode, title, MODE_BLURBS[mode]) for mode, title in MODE_TITLES.items()]
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


def mode_prompt(number: int, title: str, blurb: str, count: str = "") -> Content:
    return Content.assemble(
        (f" {number} ", "bold $text-accent"),
        " ",
        (title, "bold"),
        *(("  ", (count, "bold $text-warning")) if count else ()),
        "  ",
        (blurb, "$text-muted"),
    )


class OptionChip(Static, can_focus=False):
    """A round option that a click (or its key) changes."""

    DEFAULT_CSS = """
    OptionChip.chip {
        width: auto;
        padding: 0 1;
        margin-right: 1;
        background: $surface;
    }
    OptionChip.chip:hover {
        background: $boost;
        color: $text-accent;
    }
    """

    def __init__(self, action: str, *, id: str, tooltip: str) -> None:
        super().__init__("", id=id, classes="chip", markup=False)
        self.action = action
        self.tooltip = tooltip

    async def on_click(self) -> None:
        await self.screen.run_action(self.action)


class HomeScreen(Screen[None]):
    """Pick a mode and the round's options; open the library, disputes, stats."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "play('quick')", "Quick", id="home.quick", show=False),
        Binding("2", "play('drill')", "Drill", id="home.drill", show=False),
        Binding("3", "play('disputes')", "Disputes round", id="home.disputes-round", show=False),
        Binding("4", "play('review')", "Review", id="home.review", show=False),
        Binding("5", "play('campaign')", "Campaign", id="home.campaign", show=False),
        Binding("6", "play('due')", "Due for review", id="home.due", show=False),
        Binding("r", "resume", "Resume the round", id="home.resume", tooltip="Back to the round you left"),
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

    def __init__(self, options: PlayOptions) -> None:
        super().__init__()
        self.options = options
        self.count = 10
        self.topic: str | None = None
        self.certainty = False
        self.game: Game | None = None
        self._composed = False
        self._loaded: Game | None = None  # loaded before this screen was mounted
        self._queued: str | None = None  # an action chosen while the bank loads
        self.left_round: tuple[int, int] | None = None  # a round left unfinished: answered, total

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
                classes="screen-title",
            )
            yield Static("Loading the question bank…", id="player", markup=False)
            yield Static("", id="bank", markup=False)
            notice = Static("", id="notice", classes="notice", markup=False)
            notice.display = False
            yield notice
            resume = Static("", id="resume", markup=False)
            resume.display = False
            yield resume
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
        yield KeysFooter()

    def on_mount(self) -> None:
        spec = self.options.spec
        self.count = spec.count
        self.topic = spec.topics[0] if spec.topics else None
        self.certainty = spec.confidence
        self.show_options()
        self.query_one("#modes", OptionList).focus()
        self._composed = True
        if self._loaded is not None:
            self.game_ready(self._loaded)
        if self.left_round is not None:  # told before this screen was mounted
            self.show_left_round(self.left_round)

    # --- state shown ----------------------------------------------------------

    def game_ready(self, game: Game) -> None:
        """Called by the app once the bank is loaded (kept for `on_mount`, if that is sooner)."""
        if not self._composed:
            self._loaded = game
            return
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
        self.show_due()
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
                self.show_due()
            elif self.options.spec.mode != "campaign":  # open_campaign asks the name itself
                self.action_player(first=True)  # a choice made while loading follows the name
                return
        self._run_queued()

    def _queue_until_loaded(self, action: str) -> bool:
        """While the bank loads, keep `action` for when it is loaded; the last choice wins.

        True if it was kept (the caller does nothing more now).
        """
        if self.game is not None:
            return False
        self._queued = action
        return True

    def _run_queued(self) -> None:
        action, self._queued = self._queued, None
        if action is not None:
            self.call_later(self.run_action, action)

    def _restore_options(self, game: Game) -> None:
        spec = self.options.spec
        preferences = game.preferences()
        if spec.count == 10:  # the default: the player's last choice wins
            self.count = preferences.round_size
        if not spec.confidence:
            self.certainty = preferences.certainty

    def show_player(self) -> None:
        player = self.game.player if self.game else None
        self.query_one("#player", Static).update(
            Content.assemble(
                ("Player: ", "bold"), Content(player or "(nobody yet)"), ("   p to switch", "$text-muted")
            )
        )

    def show_left_round(self, left: tuple[int, int] | None) -> None:
        """Offer to resume a round left with questions to come (`left`: answered, total), or not."""
        self.left_round = left
        if not self._composed:
            return
        resume = self.query_one("#resume", Static)
        resume.display = left is not None
        if left is not None:
            answered, total = left
            resume.update(
                Content.assemble(
                    (" r ", "bold $text-accent"),
                    " ",
                    ("Resume the round you left", "bold"),
                    (f"  {answered} of {total} answered", "$text-muted"),
                )
            )
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "resume" and self.left_round is None)

    def action_resume(self) -> None:
        if self.left_round is not None:
            self.post_message(ResumeRound())

    def show_due(self) -> None:
        """How many reviews are due today, beside the due mode."""
        if self.game is None:
            return
        number, (mode, title, blurb) = next((i, m) for i, m in enumerate(MODES, 1) if m[0] == "due")
        count = self.game.due_today()
        prompt = mode_prompt(number, title, blurb, f"{count} due today" if count else "")
        self.query_one("#modes", OptionList).replace_option_prompt(mode, prompt)

    def on_screen_resume(self) -> None:
        self.show_due()  # back from a round: fewer are due

    def show_options(self) -> None:
        self.query_one("#opt-size", Static).update(
            Content.assemble(("n ", "bold $text-accent"), f"{self.count} questions")
        )
        from quiz.engine.words import topic_name

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

        spec = self.options.spec
        topics = (self.topic,) if self.topic else ()
        return replace(spec, mode=mode, topics=topics, count=self.count, confidence=self.certainty)

    def action_play(self, mode: str) -> None:
        if self._queue_until_loaded(f"play({mode!r})"):
            return
        if mode == "campaign":
            self.post_message(OpenCampaign())
            return
        if mode == "drill" and not self.topic:
            self._pick_topic(then_play=True)
            return
        self.post_message(StartRound(self.spec(mode)))

    def action_size(self) -> None:
        self.count = SIZES[(SIZES.index(self.count) + 1) % len(SIZES)] if self.count in SIZES else 10
        self.show_options()
        if self.game:
            self.game.update_preferences(round_size=self.count)

    def action_certainty(self) -> None:
        self.certainty = not self.certainty
        self.show_options()
        if self.game:
            self.game.update_preferences(certainty=self.certainty)

    def action_topic(self) -> None:
        if not self._queue_until_loaded("topic"):
            self._pick_topic(then_play=False)

    def _pick_topic(self, *, then_play: bool) -> None:
        from quiz.engine.words import topic_name
        from quiz.tui.screens.pick import PickScreen

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
                self.post_message(StartRound(self.spec("drill")))

        self.app.push_screen(PickScreen("Which topic?", choices, current=self.topic or ""), chosen)

    def action_player(self, first: bool = False) -> None:
        from quiz.tui.screens.player import PlayerScreen

        if self._queue_until_loaded("player"):
            return
        game = self.game
        if game is None:
            return

        def chosen(name: str | None) -> None:
            if name:
                game.set_player(name)
                self.show_player()
                self.post_message(PlayerChosen())
            elif game.player is None:
                game.set_player("Player")
                self.show_player()
            self.show_due()
            if first:
                self._run_queued()

        self.app.push_screen(PlayerScreen(game.players(), current=game.player, first=first), chosen)

    def action_library(self) -> None:
        if not self._queue_until_loaded("library"):
            self.post_message(OpenLibrary())

    def action_disputes(self) -> None:
        if not self._queue_until_loaded("disputes"):
            self.post_message(OpenDisputes())

    def action_stats(self) -> None:
        if not self._queue_until_loaded("stats"):
            self.post_message(OpenStats())

    def action_join(self) -> None:
        if not self._queue_until_loaded("join"):
            self.post_message(JoinAssignment())

    def action_class(self) -> None:
        if not self._queue_until_loaded("class"):
            self.post_message(OpenClass())
