"""What the screens ask of the app: messages that bubble up to `QuizApp`.

Screens never call the app's own methods; they post one of these and the app,
which owns the loaded game and the screen stack, does the rest. Each is
handled once the bank is loaded (before, the app says it is loading).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from quiz.engine.spec import RoundSpec
    from quiz.tui.data.campaign import JourneyInPlay
    from quiz.tui.data.round import RoundInPlay

LOADING = "The question bank is still loading…"
"""What the player is told when they ask for something the bank is needed for, too soon."""


class StartRound(Message):
    """Start a round; narrowed to some questions or disputes when ids are given.

    With `replace`, the round's first question takes the place of the screen
    that asked (the summary's "play again"), instead of going on top of it.
    """

    def __init__(
        self,
        spec: RoundSpec,
        *,
        replace: bool = False,
        question_ids: Sequence[str] | None = None,
        dispute_ids: Sequence[str] | None = None,
        replay: Sequence[str] | None = None,
    ) -> None:
        self.spec = spec
        self.replace = replace
        self.question_ids = question_ids
        self.dispute_ids = dispute_ids
        self.replay = replay  # exactly these questions, in this order
        super().__init__()


class OpenPassage(Message):
    """Open an article, at this passage when a quote is given."""

    def __init__(self, source_id: str, quote: str | None = None) -> None:
        self.source_id = source_id
        self.quote = quote
        super().__init__()


class OpenLibrary(Message):
    """Show the articles and their sources."""


class OpenDisputes(Message):
    """Show where the sources disagree, at one dispute if given."""

    def __init__(self, dispute_id: str | None = None) -> None:
        self.dispute_id = dispute_id
        super().__init__()


class OpenStats(Message):
    """Show the player's history."""


class JoinAssignment(Message):
    """Play an assignment: the code given, or one the player types."""

    def __init__(self, code: str | None = None) -> None:
        super().__init__()
        self.code = code


class OpenClass(Message):
    """The teacher's dashboard of an assignment: the code given, or one picked from the list."""

    def __init__(self, code: str = "") -> None:
        super().__init__()
        self.code = code


class OpenCampaign(Message):
    """Open the campaign: resume the player's saved journey (after asking) or begin one."""


class BeginJourney(Message):
    """Show a journey's scene (its intro first, for a new one)."""

    def __init__(self, journey: JourneyInPlay, *, intro: bool = True, replace: bool = False) -> None:
        self.journey = journey
        self.intro = intro
        self.replace = replace
        super().__init__()


class OpenContradiction(Message):
    """Open the scene's contradiction, when there is one the notebook can catch."""

    def __init__(self, journey: JourneyInPlay) -> None:
        self.journey = journey
        super().__init__()


class LeaveRound(Message):
    """The player left `round` with questions unanswered: keep it, to resume from home."""

    def __init__(self, round: RoundInPlay) -> None:
        self.round = round
        super().__init__()


class PlayerChosen(Message):
    """Another player is at the keyboard: the round they left, if any, is the one home offers."""


class ResumeRound(Message):
    """Go back to the round left earlier, at its next question."""
