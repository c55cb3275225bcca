"""The App: the screens' common ground, the loaded game, themes and commands.

Start-up is ordered for speed: the home screen is composed from nothing but
Textual, paints, and only then a thread loads the bank and opens the store
(pydantic, the checked bank or TOML, the articles, SQLite). The home screen
shows "Loading" until `GameReady` arrives, and keeps a key pressed meanwhile.
"""

from __future__ import annotations

import asyncio
import threading
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message

from quiz.engine.words import plural
from quiz.tui.commands import QuizCommands
from quiz.tui.messages import (
    LOADING,
    BeginJourney,
    JoinAssignment,
    LeaveRound,
    OpenCampaign,
    OpenClass,
    OpenContradiction,
    OpenDisputes,
    OpenLibrary,
    OpenPassage,
    OpenStats,
    PlayerChosen,
    ResumeRound,
    StartRound,
)
from quiz.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from quiz.engine.setup import GameSetup, PlayOptions
    from quiz.tui.data.campaign import JourneyInPlay
    from quiz.tui.data.round import RoundInPlay
    from quiz.tui.game import Game

EMPTY = {
    "review": "No mistakes to review yet: play a round first.",
    "disputes": "No dispute questions match these options.",
    "drill": "No questions on this topic match these options.",
}
"""Why a round of this mode has no questions, when the engine does not say."""


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

    # The home screen's sheet is read with the app's: the first paint parses once.
    CSS_PATH = ["app.tcss", "screens/home.tcss"]  # noqa: RUF012
    TITLE = "CSTO quiz"
    COMMANDS = App.COMMANDS | {QuizCommands}
    ENABLE_COMMAND_PALETTE = True
    # Below 80 columns, the dispute panel stacks its positions (see DisputePanel).
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
        # A round left with questions to come, until it is resumed and finished or
        # another round begins. Its answers are in the store already; the round itself
        # is kept there too (quiz.engine.left_round), to be offered on the next start.
        self.left_round: RoundInPlay | None = None

    def get_default_screen(self) -> HomeScreen:
        return HomeScreen(self.options)

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

    @work(exclusive=True, group="load", name="load the bank")
    async def load_game(self) -> None:
        """Load the bank and open the store, off the event loop.

        In a daemon thread rather than a thread worker: the process waits for a
        thread worker before it exits, so quitting while the bank loads would not
        end at once. This worker only waits for the thread's answer.
        """
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[GameReady | GameFailed] = loop.create_future()

        def settle(outcome: GameReady | GameFailed | BaseException) -> None:
            if answer.done():  # cancelled: the app is quitting
                return
            if isinstance(outcome, BaseException):
                answer.set_exception(outcome)  # the worker shows it, as a thread worker would
            else:
                answer.set_result(outcome)

        def load() -> None:
            outcome: GameReady | GameFailed | BaseException
            try:
                outcome = loaded_game(self.options)
            except BaseException as exc:
                outcome = exc
            try:
                loop.call_soon_threadsafe(settle, outcome)
            except RuntimeError:
                return  # the app has ended: nobody is waiting
            warm_up()

        threading.Thread(target=load, name="load the bank", daemon=True).start()
        self.post_message(await answer)

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
            if isinstance(screen, HomeScreen):
                screen.game_ready(message.game)
        self._restore_left_round(message.game)
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
            theme = self.game.preferences().theme
            if theme and theme in self.available_themes:
                self.theme = theme
        self._theme_loaded = True

    def watch_theme(self, theme: str) -> None:
        if self._theme_loaded and self.game is not None:
            self.game.update_preferences(theme=theme)

    # --- what the screens ask for (quiz.tui.messages) ---------------------------

    def require_game(self) -> Game | None:
        """The loaded game, or None with a note to the player that it is loading."""
        if self.game is None:
            self.notify(LOADING, timeout=2)
        return self.game

    def action_help(self) -> None:
        from quiz.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        """Quit; a round in play is ended first, so it is recorded as it stands."""
        if self.game is not None:  # else no round has begun: quit without importing its screens
            from quiz.tui.screens.question import QuestionScreen

            for screen in self.screen_stack:
                if isinstance(screen, QuestionScreen):
                    if not screen.round.session.finished:
                        # offered on the next start
                        self.game.keep_left_round(screen.round.session, screen.round.narrow)
                    screen.round.end()
        if self.left_round is not None:
            self.left_round.end()
        self.exit()

    def on_leave_round(self, message: LeaveRound) -> None:
        """Home, with the round kept so that the home screen offers to resume it."""
        self.left_round = message.round
        message.round.game.keep_left_round(message.round.session, message.round.narrow)
        self.pop_screen()
        self._show_left_round()
        answered = len(message.round.steps)
        if answered:
            self.notify(
                f"Round left: {plural(answered, 'answer')} kept. r resumes it.", timeout=3, markup=False
            )

    def on_resume_round(self, message: ResumeRound) -> None:
        from quiz.tui.screens.question import QuestionScreen

        paused, self.left_round = self.left_round, None
        self._show_left_round()
        if paused is not None and not paused.session.finished:
            paused.game.forget_left_round()
            self.push_screen(QuestionScreen(paused))

    def on_player_chosen(self, message: PlayerChosen) -> None:
        """A left round is its player's: another player is offered their own, never it."""
        game = self.game
        if game is None:
            return
        held = self.left_round
        if held is not None and held.session.player.casefold() != (game.player or "").casefold():
            self.left_round = None  # still kept in the store under its player, for when they are back
        self._restore_left_round(game)
        self._show_left_round()

    def _restore_left_round(self, game: Game) -> None:
        """A round left in an earlier run: offered on home; or, if it cannot be played on, why not."""
        from quiz.tui.data.round import RoundInPlay

        if self.left_round is not None:
            return
        session, problem = game.left_round()
        if problem:
            self.notify(problem, title="Resume", severity="warning", timeout=6, markup=False)
        if session is not None:
            self.left_round = RoundInPlay(game, session, session.spec, {})
            self._show_left_round()

    def _forget_left_round(self) -> None:
        """Another round begins: the one left is over, as it stands."""
        if self.left_round is not None:
            problem = self.left_round.end()
            self.left_round.game.forget_left_round()
            self.left_round = None
            self._show_left_round()
            if problem:
                self.notify(problem, severity="warning", markup=False)

    def _show_left_round(self) -> None:
        paused = self.left_round
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.show_left_round(
                    None if paused is None else (paused.session.index, paused.session.total)
                )

    def on_start_round(self, message: StartRound) -> None:
        """Begin a round (narrowed to some questions or disputes if asked) and show its first question."""
        from quiz.tui.data.round import RoundInPlay
        from quiz.tui.screens.question import QuestionScreen

        game = self.require_game()
        if game is None:
            return
        spec = message.spec
        narrow: dict[str, Any] = {}
        if message.question_ids is not None:
            narrow["question_ids"] = list(message.question_ids)
        if message.dispute_ids is not None:
            narrow["dispute_ids"] = list(message.dispute_ids)
        if message.replay is not None:
            narrow["replay"] = list(message.replay)
        session = game.session(spec, **narrow)
        if session.total == 0 or session.finished:
            reason = session.empty_reason or EMPTY.get(spec.mode, "No questions match these options.")
            self.notify(reason, severity="warning", timeout=4, markup=False)
            return
        self._forget_left_round()
        if game.notice:
            self.notify(game.notice, title="Progress", severity="warning", markup=False, timeout=4)
        screen = QuestionScreen(RoundInPlay(game, session, spec, narrow))
        if message.replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def on_open_passage(self, message: OpenPassage) -> None:
        """An article, at a passage (from a feedback, a scene, the library or the palette)."""
        from quiz.tui.screens.reader import ReaderScreen

        game = self.require_game()
        if game is not None:
            self.push_screen(ReaderScreen(game, message.source_id, quote=message.quote))

    def on_open_library(self, message: OpenLibrary) -> None:
        from quiz.tui.screens.library import LibraryScreen

        game = self.require_game()
        if game is not None:
            self.push_screen(LibraryScreen(game))

    def on_open_disputes(self, message: OpenDisputes) -> None:
        from quiz.tui.screens.disputes import DisputesScreen

        game = self.require_game()
        if game is not None:
            self.push_screen(DisputesScreen(game, message.dispute_id))

    def on_join_assignment(self, message: JoinAssignment) -> None:
        self.join_assignment(message.code)

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

    def on_open_class(self, message: OpenClass) -> None:
        self.open_class(message.code)

    def open_class(self, code: str = "") -> None:
        """The teacher's dashboard of an assignment: the code given, or one picked from the list."""
        from quiz.tui.screens.classroom import open_class

        game = self.require_game()
        if game is not None:
            open_class(self, game, code)

    def on_open_stats(self, message: OpenStats) -> None:
        from quiz.tui.screens.stats import StatsScreen

        game = self.require_game()
        if game is not None:
            self.push_screen(StatsScreen(game))

    # --- the campaign -------------------------------------------------------------

    def on_open_campaign(self, message: OpenCampaign) -> None:
        self.open_campaign()

    def open_campaign(self) -> None:
        """Resume the current player's saved journey (after asking), or begin one."""
        from quiz.tui.data.campaign import JourneyInPlay, campaign_to_play
        from quiz.tui.screens.campaign import CampaignScreen
        from quiz.tui.screens.campaign_dialogs import ResumeScreen
        from quiz.tui.screens.campaign_views import EndingScreen
        from quiz.tui.screens.player import PlayerScreen

        game = self.require_game()
        if game is None:
            return
        campaign_id = campaign_to_play(game.bank.campaigns)
        if campaign_id is None:
            self.notify(
                "This content has no campaign (content/campaign.toml).", severity="warning", markup=False
            )
            return
        if any(isinstance(screen, (CampaignScreen, EndingScreen)) for screen in self.screen_stack):
            self.notify("The campaign is open already.", timeout=2, markup=False)
            return
        player = game.player
        if player is None:
            if isinstance(self.screen, PlayerScreen):  # already being asked (the home screen's first run)
                self.notify("Say who is playing first.", timeout=3, markup=False)
                return

            def chosen(name: str | None) -> None:
                game.set_player(name or "Player")
                for screen in self.screen_stack:
                    if isinstance(screen, HomeScreen) and screen.is_mounted:
                        screen.show_player()
                self.open_campaign()

            self.push_screen(PlayerScreen(game.players(), current=None, first=True), chosen)
            return
        from quiz.engine.campaign.journey import Journey, SavedJourneyOutdated

        try:
            saved = self._saved_journey(game, campaign_id, player)
        except SavedJourneyOutdated:
            from quiz.tui.screens.campaign_dialogs import OutdatedJourneyScreen

            def restart(yes: bool | None) -> None:
                if yes:
                    seed = game.options.spec.seed
                    journey = Journey.restart_outdated(game.bank, game.store, campaign_id, player, seed)
                    self.begin_journey(JourneyInPlay(game, journey))

            self.push_screen(OutdatedJourneyScreen(), restart)
            return
        if saved is None:
            self.begin_journey(JourneyInPlay.new(game, campaign_id, player))
            return

        def answered(choice: str | None) -> None:
            if choice == "resume":
                self.begin_journey(saved, intro=False)
            elif choice == "new":
                self.begin_journey(saved.restart())

        self.push_screen(ResumeScreen(saved), answered)

    def _saved_journey(self, game: Game, campaign_id: str, player: str) -> JourneyInPlay | None:
        """The player's saved journey in this campaign, if there is one that can be read.

        Raises SavedJourneyOutdated when the save's scene is gone from the campaign.
        """
        from quiz.engine.campaign.journey import Journey, SavedJourneyUnreadable
        from quiz.tui.data.campaign import JourneyInPlay

        try:
            journey = Journey.saved(game.bank, game.store, campaign_id, player)
        except SavedJourneyUnreadable as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return None
        return None if journey is None else JourneyInPlay(game, journey)

    def on_begin_journey(self, message: BeginJourney) -> None:
        self.begin_journey(message.journey, intro=message.intro, replace=message.replace)

    def begin_journey(self, journey: JourneyInPlay, *, intro: bool = True, replace: bool = False) -> None:
        """Show a journey's scene (the intro first, for a new one)."""
        from quiz.tui.screens.campaign import CampaignScreen
        from quiz.tui.screens.campaign_dialogs import IntroScreen

        screen = CampaignScreen(journey)
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        if game_notice := journey.game.notice:
            self.notify(game_notice, title="Progress", severity="warning", markup=False, timeout=4)
        if intro:
            self.push_screen(IntroScreen(journey))

    def on_open_contradiction(self, message: OpenContradiction) -> None:
        from quiz.tui.screens.campaign_steps import ContradictionScreen

        run = message.journey.run
        if run.contradiction is None:
            self.notify("There is no contradiction to catch in this scene.", timeout=3, markup=False)
            return
        if not run.pair_found and not run.contradiction_solved and len(run.notebook) < 2:
            self.notify(
                "Keep at least two pieces of evidence in your notebook first (k).",
                severity="warning",
                timeout=4,
                markup=False,
            )
            return
        self.push_screen(ContradictionScreen(message.journey))


def loaded_game(options: PlayOptions) -> GameReady | GameFailed:
    """The bank and the store, or why they cannot be had."""
    from quiz.content.bank import ContentUnreadable
    from quiz.engine.setup import BankHasErrors, load_setup
    from quiz.engine.store import StoreUnreachable
    from quiz.tui.game import Game

    try:
        setup = load_setup(options)
    except ContentUnreadable as exc:
        return GameFailed(f"The content cannot be read.\n\n{exc}", 2)
    except StoreUnreachable as exc:
        return GameFailed(f"Progress cannot be kept: {exc}.", 1)
    except BankHasErrors as exc:
        from quiz.content.report import format_text

        text = "The question bank has errors; run `quiz check` for details.\n\n" + format_text(exc.result)
        return GameFailed(text, 1)
    return GameReady(Game(setup))


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
