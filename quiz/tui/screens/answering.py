"""What a round's question and a campaign's question have in common.

Both ask one `Playable`, then show its feedback in place of the question on the
same screen. The feedback is composed out of sight while the player thinks,
revealed in one batch, and only focused once it is painted, because a change
of focus or of bindings recomposes the Footer and would delay the paint the
player waits for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from textual import on
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.engine.kinds import kind_of
from quiz.engine.playable import Playable
from quiz.engine.words import topic_name
from quiz.tui.text import lit
from quiz.tui.widgets.answer import AnswerWidget
from quiz.tui.widgets.answer_widgets import answer_widget_for
from quiz.tui.widgets.feedback import FeedbackView

if TYPE_CHECKING:
    from quiz.tui.game import Game


class AnsweringScreen(Screen[None]):
    """A question, then its feedback, on one screen (its child `#question-body` holds the question)."""

    phase: reactive[str] = reactive("question", bindings=True)
    playable: Playable
    _after_reveal: Callable[[], None] | None = None
    _feedback: FeedbackView | None = None

    def meta_line(self) -> Static:
        """``Topic · ●●○ · one answer``, above the prompt."""
        playable = self.playable
        stars = "●" * playable.difficulty + "○" * (3 - playable.difficulty)
        kind = kind_of(playable.type).label
        return Static(
            Content.assemble(Content(topic_name(playable.topic)), f"  ·  {stars}  ·  {kind}"),
            id="question-meta",
        )

    def answer_parts(self) -> Iterator[Static | AnswerWidget]:
        """The prompt, the hint of its answer widget, and the widget."""
        yield Static(lit(self.playable.prompt), id="prompt")
        widget = answer_widget_for(self.playable)
        yield Static(widget.render_hint(), id="hint", markup=False)
        yield widget

    def start_answering(self) -> None:
        """Keys to the answer widget, the question read from its first line; the feedback
        prepared once the question has painted."""
        self.query_one(AnswerWidget).focus_default()
        self.call_after_refresh(self.query_one("#question-body").scroll_home, animate=False)
        self.call_after_refresh(self.prepare_feedback)

    def feedback_game(self) -> Game:
        """The game the feedback reads sources and passages from."""
        raise NotImplementedError

    async def prepare_feedback(self) -> FeedbackView:
        """The feedback, composed out of sight once the question is on screen (or now, if asked sooner).

        Kept rather than queried: on the key press every DOM walk is time
        between the key and the paint.
        """
        if self._feedback is not None:
            return self._feedback
        view = self._feedback = FeedbackView(self.feedback_game(), self.playable)
        view.display = False
        await self.mount(view, before=self.query_one(Footer))
        # It will take the question's place, so it will have the question's width.
        view.prepare(self.query_one("#question-body").outer_size.width)
        return view

    def reveal_feedback(self, view: FeedbackView, painted: Callable[[], None]) -> None:
        """Swap the question for the feedback in one paint; then call `painted` and move the focus.

        The rest waits for the feedback's `Shown`, posted once the frame that
        holds it is painted: the verdict already shows the points, so the HUD
        (score, streak, progress) can follow a frame later, and a change of focus or bindings (which recomposes the Footer) cannot
        delay that frame.
        """
        self._after_reveal = painted
        with self.app.batch_update():
            self.get_child_by_id("question-body").display = False
            view.display = True

    @on(FeedbackView.Shown)
    def _feedback_shown(self, event: FeedbackView.Shown) -> None:
        event.stop()
        painted, self._after_reveal = self._after_reveal, None
        if painted is None:
            return  # shown again (back from the reader), not revealed
        painted()
        self.query_one(FeedbackView).focus()
        self.phase = "feedback"
