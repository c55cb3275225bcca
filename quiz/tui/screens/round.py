"""A round in play: the flow from question to feedback to the next, and the summary.

The session is the engine's; a `Round` adds what the screens share: the app,
the game, the steps answered so far (for reviewing them from the summary), and
how to leave. Escape on a question or a feedback screen leaves the round; what
was answered is already in the store, and the session is ended so that the
round is recorded as it stands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quiz.engine.session import Step
from quiz.engine.words import plural

if TYPE_CHECKING:
    from quiz.engine.session import GameSession
    from quiz.engine.spec import RoundSpec
    from quiz.tui.app import QuizApp
    from quiz.tui.game import Game

EMPTY = {
    "review": "No mistakes to review yet: play a round first.",
    "disputes": "No dispute questions match these options.",
    "drill": "No questions on this topic match these options.",
}


class Round:
    def __init__(
        self, app: QuizApp, game: Game, session: GameSession, spec: RoundSpec, narrow: dict[str, Any]
    ) -> None:
        self.app = app
        self.game = game
        self.session = session
        self.spec = spec
        self.narrow = narrow
        self.steps: list[Step] = []
        self.ended = False
        self._unrecorded: tuple[Step, float | None] | None = None

    @property
    def confidence(self) -> bool:
        return bool(self.spec.confidence)

    def hud(self) -> dict[str, Any]:
        session = self.session
        done = len(self.steps)
        return {
            "total": session.total,
            "done": done,
            "points": session.points,
            "streak": session.streak,
            "marks": session.marks if self.confidence else None,
        }

    def judge(self, given: Any, confidence: int | None, seconds: float | None) -> Step:
        """How the answer is judged and scored; recorded by `record`, or when the round ends.

        The screen shows the step first and records it once its feedback has
        painted, so that the store's write is not between the key and the paint.
        """
        step = self.session.judge(given, confidence=confidence)
        self._unrecorded = (step, seconds)
        return step

    def record(self) -> None:
        """Record the answer judged last, once (nothing if it is recorded already)."""
        unrecorded, self._unrecorded = self._unrecorded, None
        if unrecorded is not None:
            step, seconds = unrecorded
            self.session.record(step, seconds=seconds)
            self.steps.append(step)

    def next_screen(self) -> Any:
        from quiz.tui.screens.question import QuestionScreen

        if self.session.finished:
            return self.summary_screen()
        return QuestionScreen(self)

    def summary_screen(self) -> Any:
        from quiz.tui.screens.summary import SummaryScreen

        self.end()
        return SummaryScreen(self)

    def end(self) -> None:
        """End the round as it stands, with the answer judged last: leaving or quitting keeps it."""
        if not self.ended:
            self.record()
            self.ended = True
            try:
                self.session.end()
            except Exception as exc:  # the store may refuse; play goes on
                self.app.notify(f"Could not record the round: {exc}", severity="warning", markup=False)

    def leave(self) -> None:
        """Escape mid-round: keep what was answered and go back."""
        self.end()
        answered = len(self.steps)
        self.app.pop_screen()
        if answered:
            self.app.notify(
                f"Round left: your {plural(answered, 'answer')} are kept.", timeout=3, markup=False
            )


def start_round(app: QuizApp, game: Game, spec: RoundSpec, *, replace: bool = False, **narrow: Any) -> None:
    """Begin a round (narrowed to some questions or disputes if asked) and show its first question."""
    from quiz.tui.screens.question import QuestionScreen

    session = game.session(spec, **narrow)
    if session.total == 0 or session.finished:
        reason = getattr(session, "empty_reason", None) or EMPTY.get(
            spec.mode, "No questions match these options."
        )
        app.notify(reason, severity="warning", timeout=4, markup=False)
        return
    if game.notice:
        app.notify(game.notice, title="Progress", severity="warning", markup=False, timeout=4)
    screen = QuestionScreen(Round(app, game, session, spec, narrow))
    if replace:
        app.switch_screen(screen)
    else:
        app.push_screen(screen)
