"""The App: the screens' common ground, the loaded game, themes and commands.

Start-up is ordered for speed: the home screen is composed from nothing but
Textual, paints, and only then a worker thread loads the bank and opens the
store (pydantic, TOML, 38 KB of articles, SQLite). The home screen shows
"Loading" until `GameReady` arrives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message

from quiz.tui.commands import QuizCommands
from quiz.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from quiz.engine.setup import GameSetup, PlayOptions
    from quiz.tui.game import Game


class GameReady(Message):
    """The bank is loaded and the store open."""

    def __init__(self, game: Game) -> None:
        self.game = game
        super().__init__()


class GameFailed(Message):
    """The bank could not be loaded: the text to show, and the exit status."""

    def __init__(self, text: str, status: int) -> None:
        self.text = text
        self.status = status
        super().__init__()


class QuizApp(App[int]):
    """The quiz game."""

    CSS_PATH = "app.tcss"
    TITLE = "CSTO quiz"
    COMMANDS = App.COMMANDS | {QuizCommands}
    ENABLE_COMMAND_PALETTE = True
    # Below 80 columns, the dispute panel stacks its positions (see app.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", id="help", tooltip="Keys, scoring and certainty marking"),
        Binding("question_mark", "help", "Help", id="help-key", show=False),
        Binding("ctrl+q", "quit", "Quit", id="quit", tooltip="Quit (answers so far are kept)", show=False),
    ]

    def __init__(
        self,
        options: PlayOptions,
        *,
        setup: GameSetup | None = None,
        served: bool = False,
        class_code: str | None = None,
        dashboard: str | None = None,
    ) -> None:
        super().__init__()
        self._dashboard = dashboard  # `quiz class [CODE]`: opened once the bank is loaded
        self.options = options
        self.game: Game | None = None
        self._preloaded = setup
        # Served in a browser: the gate asks the name (and class code) before anything else.
        self._gate_open = not served
        self._class_code = class_code
        self._held: GameReady | None = None
        self._gate_player: str | None = None
        self._theme_loaded = False
        self._campaign_opened = False  # `quiz play --mode campaign` opens it once, when the bank is loaded

    def get_default_screen(self) -> HomeScreen:
        return HomeScreen()

    def on_mount(self) -> None:
        if not self._gate_open:
            from quiz.tui.screens.gate import GateScreen

            self.push_screen(GateScreen(self._class_code), self._through_gate)
        if self._preloaded is not None:
            from quiz.tui.game import Game

            self.post_message(GameReady(Game(self._preloaded)))
        else:
            # After the first paint: the bank is not needed to draw the home screen.
            self.call_after_refresh(self.load_game)

    @work(thread=True, exclusive=True, group="load", name="load the bank")
    def load_game(self) -> None:
        """Load the bank and open the store, off the event loop."""
        from quiz.content.bank import ContentUnreadable
        from quiz.engine.setup import BankHasErrors, load_setup
        from quiz.tui.game import Game

        try:
            setup = load_setup(self.options)
        except ContentUnreadable as exc:
            self.post_message(GameFailed(f"The content cannot be read.\n\n{exc}", 2))
            return
        except BankHasErrors as exc:
            from quiz.content.report import format_text

            self.post_message(
                GameFailed(
                    "The question bank has errors; run `quiz check` for details.\n\n"
                    + format_text(exc.result),
                    1,
                )
            )
            return
        self.post_message(GameReady(Game(setup)))
        warm_up()

    def _through_gate(self, name: str | None) -> None:
        self._gate_open = True
        self._gate_player = name
        if self._held is not None:
            self.post_message(GameReady(self._held.game))

    def on_game_ready(self, message: GameReady) -> None:
        if not self._gate_open:
            self._held = message  # the home screen gets the game once the player is known
            return
        if self._gate_player:
            message.game.set_player(self._gate_player)
        self.game = message.game
        self._restore_theme()
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen) and screen.is_mounted:
                screen.game_ready(message.game)
        if self._dashboard is not None:
            self.call_after_refresh(self.open_class, self._dashboard)
            self._dashboard = None
        code = getattr(self.options.spec, "assignment", None)
        if code and not self._campaign_opened:  # `quiz play --assignment CODE`: straight into it
            self._campaign_opened = True
            self.call_after_refresh(self.join_assignment, code)
        if self.options.spec.mode == "campaign" and not self._campaign_opened:
            self._campaign_opened = True
            self.call_after_refresh(self.open_campaign)

    def on_game_failed(self, message: GameFailed) -> None:
        from quiz.tui.screens.failed import FailedScreen

        self.push_screen(FailedScreen(message.text, message.status))

    # --- themes -------------------------------------------------------------

    def _restore_theme(self) -> None:
        if self.game is not None:
            theme = self.game.get_setting("theme")
            if theme and theme in self.available_themes:
                self.theme = theme
        self._theme_loaded = True

    def watch_theme(self, theme: str) -> None:
        if self._theme_loaded and self.game is not None:
            self.game.set_setting("theme", theme)

    # --- actions any screen can use -----------------------------------------

    def on_open_passage(self, message: Any) -> None:
        """A passage (in a feedback or a scene) asked for its article."""
        self.open_article(message.source_id, message.quote)

    def action_help(self) -> None:
        from quiz.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        """Quit; a round in play is ended first, so it is recorded as it stands."""
        from quiz.tui.screens.question import QuestionScreen

        for screen in self.screen_stack:
            if isinstance(screen, QuestionScreen):
                screen.round.end()
        self.exit()

    def require_game(self) -> Game | None:
        """The loaded game, or None with a note to the player that it is loading."""
        if self.game is None:
            self.notify("The question bank is still loading…", timeout=2)
        return self.game

    def start_round(self, spec: Any, **narrow: Any) -> None:
        """Start a round from anywhere: home, summary, disputes, the palette."""
        from quiz.tui.screens.round import start_round

        game = self.require_game()
        if game is not None:
            start_round(self, game, spec, **narrow)

    def open_article(self, source_id: str, quote: str | None = None) -> None:
        from quiz.tui.screens.reader import ReaderScreen

        game = self.require_game()
        if game is not None:
            self.push_screen(ReaderScreen(game, source_id, quote=quote))

    def open_library(self) -> None:
        from quiz.tui.screens.library import LibraryScreen

        game = self.require_game()
        if game is not None:
            self.push_screen(LibraryScreen(game))

    def open_disputes(self, dispute_id: str | None = None) -> None:
        from quiz.tui.screens.disputes import DisputesScreen

        game = self.require_game()
        if game is not None:
            self.push_screen(DisputesScreen(game, dispute_id))

    def open_campaign(self) -> None:
        """The campaign: resume the player's journey (after asking) or begin one."""
        from quiz.tui.screens.campaign import open_campaign

        open_campaign(self)

    def join_assignment(self, code: str | None = None) -> None:
        """Play an assignment: the code given, or the one the player types."""
        from quiz.tui.screens.join import JoinScreen, join_assignment

        game = self.require_game()
        if game is None:
            return
        if code:
            join_assignment(self, game, code)
            return

        def typed(code: str | None) -> None:
            if code:
                join_assignment(self, game, code)

        self.push_screen(JoinScreen(), typed)

    def open_class(self, code: str = "") -> None:
        """The teacher's dashboard of an assignment: the code given, or one picked from the list."""
        from quiz.tui.screens.classroom import open_class

        game = self.require_game()
        if game is not None:
            open_class(self, game, code)

    def open_stats(self) -> None:
        from quiz.tui.screens.stats import StatsScreen

        game = self.require_game()
        if game is not None:
            self.push_screen(StatsScreen(game))


def warm_up() -> None:
    """Import what the first answer needs, off the event loop, while the player reads the home screen.

    Otherwise the first key press of a round pays for importing the question
    and feedback screens, their widgets and the engine's judging code.
    """
    import quiz.engine.answers
    import quiz.engine.parse
    import quiz.tui.screens.question
    import quiz.tui.screens.summary
    import quiz.tui.widgets.choices
    import quiz.tui.widgets.match
    import quiz.tui.widgets.number
    import quiz.tui.widgets.order  # noqa: F401


def make_app(
    options: PlayOptions,
    *,
    setup: GameSetup | None = None,
    served: bool = False,
    class_code: str | None = None,
    dashboard: str | None = None,
) -> QuizApp:
    """The one way the game's App is made: by `run_tui`, by the tests and the benchmark.

    With `setup` (tests), the bank is already loaded and no worker runs.
    `served` (by `quiz serve`) asks each player's name first, and the class code if given.
    """
    return QuizApp(options, setup=setup, served=served, class_code=class_code, dashboard=dashboard)
