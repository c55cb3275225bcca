"""The question screen, and the feedback that follows it on the same screen.

Phase "question": the prompt, the answer widget for its type, the HUD. The
answer widget posts `Answered`; with certainty marking on, the confidence
modal asks 1-3; then the session judges, scores and records the answer in
one call (through the `RoundInPlay`).

Phase "feedback": right, partly right or wrong, points, the explanation and
the evidence. Its `FeedbackView` is mounted (hidden) as soon as the question
has painted, while the player reads, so a key press only fills in the verdict
and reveals it: the feedback paints within a frame of the key. Enter goes on (a new question screen, or the summary); `o` opens the article at the
passage in focus; Escape asks, then leaves the round: home offers to resume it.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quiz.engine.playable import Answer, Playable
from quiz.engine.session import Step
from quiz.tui.data.round import RoundInPlay
from quiz.tui.messages import LeaveRound
from quiz.tui.screens.answering import AnsweringScreen
from quiz.tui.widgets.answer import AnswerWidget
from quiz.tui.widgets.evidence import open_passage
from quiz.tui.widgets.footer import KeysFooter
from quiz.tui.widgets.hud import RoundHud

if TYPE_CHECKING:
    from quiz.tui.game import Game


class QuestionScreen(AnsweringScreen):
    CSS_PATH = "round.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "next", "Next", id="feedback.next", tooltip="On to the next question"),
        Binding(
            "o",
            "open_article",
            "Open article",
            id="feedback.open",
            tooltip="Read the article at this passage",
        ),
        Binding(
            "escape", "leave", "Leave round", id="round.leave", tooltip="Back home; answers so far are kept"
        ),
    ]

    def __init__(self, round: RoundInPlay) -> None:
        super().__init__(classes="round-screen")
        self.round = round
        current = round.session.current
        assert current is not None, "a question screen needs a question"
        self.playable: Playable = current
        self.number = len(round.steps) + 1
        self.shown_at = time.monotonic()
        self.step: Step | None = None

    def compose(self) -> ComposeResult:
        yield RoundHud()
        if self.round.game.notice:
            yield Static(Content.assemble("⚠ ", Content(self.round.game.notice)), classes="notice")
        # Not focusable: a click on the prompt must leave the keys with the answer widget.
        with VerticalScroll(id="question-body", can_focus=False):
            yield self.meta_line()
            yield from self.answer_parts()
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(RoundHud).show(number=self.number, **self.round.hud())
        self.start_answering()

    def feedback_game(self) -> Game:
        return self.round.game

    # --- answering ------------------------------------------------------------

    @on(AnswerWidget.Answered)
    async def _answered(self, event: AnswerWidget.Answered) -> None:
        event.stop()
        if self.phase != "question" or self.step is not None:
            return
        seconds = time.monotonic() - self.shown_at
        if not self.round.confidence:
            await self.give(event.answer, None, seconds)
            return
        from quiz.tui.screens.confidence import ConfidenceScreen

        async def rated(level: int | None) -> None:
            if level is not None:
                await self.give(event.answer, level, seconds)

        self.app.push_screen(ConfidenceScreen(), rated)

    async def give(self, answer: Answer, confidence: int | None, seconds: float) -> None:
        if self.phase != "question" or self.step is not None:
            return
        step = self.round.answer(answer, confidence, round(seconds, 1))
        # A plain flag, not `phase`: a change of bindings recomposes the Footer,
        # which is left for after the feedback has painted.
        self.step = step
        view = await self.prepare_feedback()  # already done, unless the player was very quick
        view.show(step)
        self.reveal_feedback(view, self._feedback_painted)

    def _feedback_painted(self) -> None:
        self.query_one(RoundHud).show(number=self.number, **self.round.hud())

    # --- feedback ---------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next", "open_article"):
            return self.phase == "feedback"
        return True

    def action_next(self) -> None:
        if self.phase != "feedback":
            return
        if self.round.session.finished:
            from quiz.tui.screens.summary import SummaryScreen

            self.end_round()
            self.app.switch_screen(SummaryScreen(self.round))
        else:
            self.app.switch_screen(QuestionScreen(self.round))

    def action_open_article(self) -> None:
        open_passage(self)

    def end_round(self) -> None:
        """End the round as it stands: what was answered is kept."""
        problem = self.round.end()
        if problem:
            self.notify(problem, severity="warning", markup=False)

    def action_leave(self) -> None:
        """Escape mid-round: ask first, then go home with the round kept to resume."""
        session = self.round.session
        if session.finished:  # the last answer is in: nothing left to come back to
            self.end_round()
            self.app.pop_screen()
            return
        from quiz.tui.screens.leave import LeaveRoundScreen

        def chosen(leave: bool | None) -> None:
            if leave:
                self.post_message(LeaveRound(self.round))

        self.app.push_screen(LeaveRoundScreen(session.index, session.total), chosen)
