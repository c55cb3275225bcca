"""Points, the streak bonus and certainty-based marks.

- Points: 100, 200 or 300 by difficulty, times the credit.
- Streak: the number of fully right answers in a row, this one included. A
  fully right answer earns a bonus of 10% for each fully right answer just
  before it, up to 50% (the second in a row earns +10%, the sixth +50%).
  Anything less than fully right ends the streak and earns no bonus.
- Certainty-based marks (Gardner-Medwin): with confidence 1, 2 or 3 given
  before the verdict, a right answer earns 1, 2 or 3 marks and any other
  0, -2 or -6. A partly right answer counts as not right: the marks reward
  knowing whether you know, and calibration counts only fully right answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz.engine.playable import Award, Verdict

BASE_POINTS = {1: 100, 2: 200, 3: 300}
STREAK_STEP_PERCENT = 10
STREAK_CAP_PERCENT = 50
RIGHT_MARKS = {1: 1, 2: 2, 3: 3}
WRONG_MARKS = {1: 0, 2: -2, 3: -6}
CONFIDENCE_LEVELS = (1, 2, 3)


def certainty_marks(confidence: int, right: bool) -> int:
    if confidence not in RIGHT_MARKS:
        raise ValueError(f"confidence is 1, 2 or 3, not {confidence!r}")
    return RIGHT_MARKS[confidence] if right else WRONG_MARKS[confidence]


def award(difficulty: int, verdict: Verdict, streak_before: int, confidence: int | None = None) -> Award:
    """What one answer earns, given the streak of fully right answers before it."""
    right = verdict.outcome == "right"
    streak = streak_before + 1 if right else 0
    bonus = min(STREAK_CAP_PERCENT, STREAK_STEP_PERCENT * (streak - 1)) if right else 0
    base = BASE_POINTS.get(difficulty, 100 * difficulty)
    # Whole points, halves rounded up.
    points = int(base * verdict.credit * (100 + bonus) / 100 + 0.5)
    marks = certainty_marks(confidence, right) if confidence is not None else None
    return Award(points=points, streak=streak, bonus_percent=bonus, marks=marks, confidence=confidence)


@dataclass
class Scorer:
    """Running totals over a round."""

    points: int = 0
    streak: int = 0
    best_streak: int = 0
    marks: int = 0

    def score(self, difficulty: int, verdict: Verdict, confidence: int | None = None) -> Award:
        """What an answer earns, added to the totals."""
        result = award(difficulty, verdict, self.streak, confidence)
        self.points += result.points
        self.streak = result.streak
        self.best_streak = max(self.best_streak, self.streak)
        if result.marks is not None:
            self.marks += result.marks
        return result
