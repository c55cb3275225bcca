"""A player's accuracy round by round, for the stats screen's chart.

The engine's `quiz.engine.stats.compute` gives the totals and the tallies by
topic, source, type and certainty; it has no series over time, which the
chart needs: this groups the same answer rows by round, oldest first.
Nothing here shows a date: the chart's axis is the order of rounds, so the
screen is the same whatever day it is drawn.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def round_accuracies(rows: Iterable[Any]) -> list[float]:
    """Mean credit of each round, oldest first, from the store's `AnswerRow`s."""
    credit: dict[int, float] = {}
    answered: dict[int, int] = {}
    for row in rows:
        key = int(row.round_id)
        credit[key] = credit.get(key, 0.0) + float(row.credit)
        answered[key] = answered.get(key, 0) + 1
    return [credit[key] / answered[key] for key in sorted(credit)]
