"""A round in play, as its question and summary screens share it.

The session is the engine's; a `RoundInPlay` adds what the screens share: the
game, the narrowing the round was started with (to play it again), and the HUD's
figures. Each answer is judged, scored and recorded by the session in one call,
so leaving or quitting only has to end the session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quiz.engine.playable import Answer
    from quiz.engine.session import GameSession, Step
    from quiz.engine.spec import RoundSpec
    from quiz.tui.game import Game


class RoundInPlay:
    """One round of the TUI: its session, the game around it, and how it was narrowed."""

    def __init__(self, game: Game, session: GameSession, spec: RoundSpec, narrow: dict[str, Any]) -> None:
        self.game = game
        self.session = session
        self.spec = spec
        self.narrow = narrow
        self.ended = False

    @property
    def steps(self) -> list[Step]:
        return self.session.steps

    @property
    def confidence(self) -> bool:
        return bool(self.spec.confidence)

    def hud(self) -> dict[str, Any]:
        session = self.session
        return {
            "total": session.total,
            "done": len(self.steps),
            "points": session.points,
            "streak": session.streak,
            "marks": session.marks if self.confidence else None,
        }

    def answer(self, given: Answer, confidence: int | None, seconds: float | None) -> Step:
        """Judge, score and record the answer to the current question."""
        return self.session.answer(given, confidence=confidence, seconds=seconds)

    def end(self) -> str | None:
        """End the round as it stands (once); a sentence for the player if the store refused."""
        if self.ended:
            return None
        self.ended = True
        try:
            self.session.end()
        except Exception as exc:  # the store may refuse; play goes on
            return f"Could not record the round: {exc}"
        return None
