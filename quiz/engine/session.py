"""One round being played: the single object both faces of the game drive.

A face asks the session for the current `Playable`, shows it, and hands back
the player's `Answer` (and confidence, when certainty marking is on). The
session judges it, scores it and records it in the progress store in one call,
and returns a `Step`. When the round is over, `summary()` gives what the summary
screen (or the plain summary) shows.

CONTRACT: the names and fields below are fixed; both faces are built against
them. Fields and methods may be added, never renamed or removed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quiz.content.text import clean_line
from quiz.engine.spec import RoundSpec

if TYPE_CHECKING:
    # Only for annotations: importing this module stays light (no pydantic), so
    # a face can build a RoundSpec and show its first screen before the bank loads.
    from quiz.content.bank import Bank
    from quiz.engine.playable import Answer, Award, Playable, Verdict
    from quiz.engine.rounds import Round
    from quiz.engine.scoring import Scorer
    from quiz.engine.store import Store


@dataclass(frozen=True)
class Step:
    """The result of answering one question."""

    playable: Playable
    given: Answer
    verdict: Verdict
    award: Award


@dataclass(frozen=True)
class TopicResult:
    topic: str
    answered: int
    credit: float  # sum of credit


@dataclass(frozen=True)
class Calibration:
    """Accuracy at one confidence level."""

    confidence: int
    answered: int
    right: int


@dataclass
class RoundSummary:
    answered: int
    total: int  # questions in the round
    points: int
    marks: int | None  # None unless certainty marking was on
    accuracy: float  # mean credit over answered questions, 0..1
    best_streak: int
    by_topic: list[TopicResult] = field(default_factory=list)
    calibration: list[Calibration] = field(default_factory=list)
    missed: list[Playable] = field(default_factory=list)  # credit < 1
    right: int = 0  # answers fully right
    partial: int = 0
    wrong: int = 0
    player: str | None = None
    seed: int | None = None  # give it as --seed to play the same round again
    mode: str = "quick"
    saved: bool = True  # False when the store is in memory (see GameSession.notice)


def calibration_of(answers: Iterable[tuple[int | None, bool]]) -> list[Calibration]:
    """Accuracy at each confidence level, from (confidence, fully right) pairs."""
    answered: dict[int, int] = {}
    right: dict[int, int] = {}
    for confidence, was_right in answers:
        if confidence is None:
            continue
        answered[confidence] = answered.get(confidence, 0) + 1
        right[confidence] = right.get(confidence, 0) + int(was_right)
    return [Calibration(level, answered[level], right[level]) for level in sorted(answered)]


DEFAULT_PLAYER = "player"


class GameSession:
    """One round being played.

    Build it with `GameSession(bank, spec, store, player)` (or
    `quiz.engine.setup.start_round(setup)`, which takes the spec and player
    from the command line). The round is drawn at once; it is recorded in the
    store with its first answer, so a round left before any answer leaves no
    trace.

    `player` None plays as "player". `clock` is for tests. `replay` plays
    exactly those question ids (see `quiz.engine.rounds.draw`).
    """

    def __init__(
        self,
        bank: Bank,
        spec: RoundSpec,
        store: Store,
        player: str | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        replay: Sequence[str] | None = None,
    ) -> None:
        # Loaded with the round, not on the first answer: a face paints the
        # verdict within a frame of the key press, and an import costs more.
        import quiz.engine.answers  # noqa: F401
        from quiz.engine.rounds import draw
        from quiz.engine.scoring import Scorer
        from quiz.engine.store import now

        self.bank = bank
        self.store = store
        self.player = clean_line(player or "").strip() or DEFAULT_PLAYER
        needs_history = spec.mode == "review" or spec.seed is None
        history = store.history(self.player) if needs_history else None
        queue = None
        if spec.mode == "due":
            from quiz.engine.review import queue as review_queue

            queue = review_queue(store, self.player)
        self.round: Round = draw(bank, spec, history, queue, replay=replay)
        self.spec = self.round.spec
        self.seed = self.round.seed
        # Only a round drawn from a given seed comes out the same again: without one,
        # the draw also leans on the player's history.
        self._repeatable = spec.seed is not None
        self.steps: list[Step] = []
        self._scorer: Scorer = Scorer()
        self._clock = clock
        self._shown_at = clock()
        self._started = now()
        self._round_id: int | None = None
        self._ended = False
        store.update_preferences(last_player=self.player)

    # --- where the round stands ----------------------------------------------

    @property
    def playables(self) -> tuple[Playable, ...]:
        return self.round.playables

    @property
    def total(self) -> int:
        """Questions in the round."""
        return len(self.round.playables)

    @property
    def index(self) -> int:
        """The 0-based place of the current question (= questions answered)."""
        return len(self.steps)

    @property
    def finished(self) -> bool:
        return self._ended or self.index >= self.total

    @property
    def current(self) -> Playable | None:
        return None if self.finished else self.round.playables[self.index]

    @property
    def points(self) -> int:
        return self._scorer.points

    @property
    def streak(self) -> int:
        return self._scorer.streak

    @property
    def best_streak(self) -> int:
        return self._scorer.best_streak

    @property
    def marks(self) -> int | None:
        """Certainty-based marks so far; None unless certainty marking is on."""
        return self._scorer.marks if self.spec.confidence else None

    @property
    def notice(self) -> str | None:
        """The store's notice: why progress is not being saved, if it is not."""
        return self.store.notice

    @property
    def repeatable(self) -> bool:
        """Whether the round was drawn from a given seed (and so comes out the same again)."""
        return self._repeatable

    @property
    def round_id(self) -> int | None:
        """The round's id in the store, once its first answer is recorded."""
        return self._round_id

    @property
    def empty_reason(self) -> str | None:
        """Why the round has no questions, in one sentence (None if it has some)."""
        return self.round.empty_reason

    # --- playing ---------------------------------------------------------------

    def shown(self) -> None:
        """Restart the clock of the current question (a face may call this when it
        actually shows the question; otherwise the clock runs from the previous answer)."""
        self._shown_at = self._clock()

    def answer(self, given: Answer, confidence: int | None = None, seconds: float | None = None) -> Step:
        """Judge, score and record an answer to the current question, and move on.

        The answer is committed to the store before this returns. Raises
        RuntimeError when the round is over, ValueError for a confidence other
        than 1, 2 or 3 or an answer of the wrong form for the question's type.
        """
        from quiz.engine.answers import judge
        from quiz.engine.scoring import CONFIDENCE_LEVELS
        from quiz.engine.store import AnswerRecord

        playable = self.current
        if playable is None:
            raise RuntimeError("the round is over")
        if confidence is not None and confidence not in CONFIDENCE_LEVELS:
            raise ValueError(f"confidence is 1, 2 or 3, not {confidence!r}")
        verdict = judge(playable, given)
        award = self._scorer.score(playable.difficulty, verdict, confidence)
        if seconds is None:
            seconds = max(0.0, self._clock() - self._shown_at)
        if self._round_id is None:
            self._round_id = self.store.start_round(
                self.player, self.spec, self.seed, self.total, started=self._started
            )
        self.store.record_answer(
            self._round_id,
            AnswerRecord(
                position=self.index,
                question_id=playable.id,
                type=playable.type,
                topic=playable.topic,
                sources=tuple(sorted(playable.sources)),
                difficulty=playable.difficulty,
                prompt=playable.prompt,
                given=given,
                outcome=verdict.outcome,
                credit=verdict.credit,
                points=award.points,
                streak=award.streak,
                confidence=award.confidence,
                marks=award.marks,
                seconds=round(seconds, 3),
                disputed=playable.dispute is not None,
            ),
        )
        step = Step(playable, given, verdict, award)
        self.steps.append(step)
        self._shown_at = self._clock()
        if self.index >= self.total:
            self.end()
        return step

    def restore(
        self, answers: Iterable[tuple[Answer, int | None]], *, round_id: int | None, repeatable: bool
    ) -> None:
        """Take up a round left earlier (see `quiz.engine.left_round`): judge and score the answers it
        had, already recorded in the store as round `round_id`, which the next answers join."""
        from quiz.engine.answers import judge

        for given, confidence in answers:
            playable = self.current
            if playable is None:
                break
            verdict = judge(playable, given)
            award = self._scorer.score(playable.difficulty, verdict, confidence)
            self.steps.append(Step(playable, given, verdict, award))
        self._round_id = round_id
        self._repeatable = repeatable
        self._shown_at = self._clock()

    def end(self) -> None:
        """End the round now, keeping what was answered. Safe to call twice."""
        if self._ended:
            return
        self._ended = True
        if self._round_id is not None:
            self.store.end_round(self._round_id)

    def summary(self) -> RoundSummary:
        steps = self.steps
        topics: dict[str, TopicResult] = {}
        for step in steps:
            topic = step.playable.topic
            before = topics.get(topic, TopicResult(topic, 0, 0.0))
            topics[topic] = TopicResult(topic, before.answered + 1, before.credit + step.verdict.credit)
        outcomes = [s.verdict.outcome for s in steps]
        return RoundSummary(
            answered=len(steps),
            total=self.total,
            points=self.points,
            marks=self.marks,
            accuracy=sum(s.verdict.credit for s in steps) / len(steps) if steps else 0.0,
            best_streak=self.best_streak,
            by_topic=list(topics.values()),
            calibration=calibration_of((s.award.confidence, s.verdict.outcome == "right") for s in steps),
            missed=[s.playable for s in steps if s.verdict.outcome != "right"],
            right=outcomes.count("right"),
            partial=outcomes.count("partial"),
            wrong=outcomes.count("wrong"),
            player=self.player,
            seed=self.seed if self._repeatable else None,
            mode=self.spec.mode,
            saved=self.store.saving,
        )
