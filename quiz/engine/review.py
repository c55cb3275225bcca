"""Spaced review: when each question comes back, by the FSRS scheduler (`fsrs`).

Every answer, in every mode and in the campaign, reviews the player's card
for that question (`rating_for` turns the answer, and its certainty when
certainty marking is on, into FSRS's rating). The card belongs to the
question's id, so editing a question keeps its schedule; a question removed
from the bank is skipped when a round is drawn.

The clock is read in one place, `clock()`: `QUIZ_NOW` (an ISO 8601 date-time)
stands in for the real time, so a teacher can show a month of reviews in an
afternoon and tests need no sleeps. Days ("due today", "new questions a
day") are calendar days in the clock's own time zone: QUIZ_NOW's offset if it
has one, else the machine's.

Nothing here touches SQLite: the store keeps the cards (`Store.record_answer`
reviews the card in the answer's own transaction) and this module schedules
them and sums them up.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from fsrs import Scheduler

NOW_VARIABLE = "QUIZ_NOW"
NEW_PER_DAY = "new_per_day"  # the setting: new questions the due mode brings in a day
DEFAULT_NEW_PER_DAY = 10

# fsrs's ratings, by value (fsrs.Rating), so that choosing one needs no import.
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATING_NAMES = {AGAIN: "again", HARD: "hard", GOOD: "good", EASY: "easy"}
# fsrs's card states (fsrs.State); "new" is a question with no card yet.
LEARNING, REVIEW, RELEARNING = 1, 2, 3
STATE_NAMES = {LEARNING: "learning", REVIEW: "review", RELEARNING: "relearning"}
FORECAST_DAYS = 30


class Store(Protocol):
    """What this module reads from `quiz.engine.store.Store` (named here, not imported: the
    store imports this module to review a card)."""

    def get_setting(self, key: str, player: str | None = None) -> str | None: ...
    def due_cards(self, player: str, before: str) -> list[str]: ...
    def count_due(self, player: str, before: str) -> int: ...
    def card_ids(self, player: str) -> list[str]: ...
    def cards_begun_since(self, player: str, since: str) -> int: ...
    def next_due(self, player: str, after: str) -> str | None: ...
    def cards(self, player: str | None = None) -> list[tuple[str, int, str, int, int]]: ...
    def calibration_by_dispute(self, player: str | None = None) -> list[tuple[int, int, int, int]]: ...


# --- the clock ------------------------------------------------------------------------


class BadNow(ValueError):
    """QUIZ_NOW is not an ISO 8601 date-time."""


def parse_now(text: str) -> datetime:
    """An ISO 8601 date-time (a date alone is its midnight); without an offset, the machine's zone."""
    value = text.strip()
    if value.endswith(("Z", "z")):  # Python 3.10's fromisoformat does not read "Z"
        value = value[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise BadNow(
            f"{NOW_VARIABLE} must be an ISO 8601 date-time such as 2026-12-01T09:00, not {text!r}"
        ) from None
    return moment.astimezone() if moment.tzinfo is None else moment


def check_now() -> None:
    """Raise BadNow if QUIZ_NOW is set and unreadable (the commands report it as a usage error)."""
    text = os.environ.get(NOW_VARIABLE)
    if text:
        parse_now(text)


def clock() -> datetime:
    """Now, for scheduling: QUIZ_NOW if it is set (and readable), else the real time. Time-zone aware."""
    text = os.environ.get(NOW_VARIABLE)
    if text:
        try:
            return _parsed_now(text)
        except BadNow:
            pass  # reported by the command before play; a clock never stops the game
    return datetime.now(timezone.utc).astimezone()


@lru_cache(maxsize=8)
def _parsed_now(text: str) -> datetime:
    """`parse_now`, once per value: the clock is read on every answer."""
    return parse_now(text)


def stamp(moment: datetime) -> str:
    """A time as the cards table keeps it: ISO 8601 in UTC to the millisecond, so text order is time order."""
    utc = moment if moment.tzinfo is timezone.utc else moment.astimezone(timezone.utc)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def instant(text: str) -> datetime:
    """A stored time read back (UTC)."""
    return datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text).astimezone(
        timezone.utc
    )


def day_start(moment: datetime, days: int = 0) -> datetime:
    """Midnight starting the calendar day of `moment` (in its zone), `days` later."""
    midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight + timedelta(days=days) if days else midnight


# --- the rating -----------------------------------------------------------------------


def rating_for(outcome: str, confidence: int | None) -> int:
    """FSRS's rating of an answer.

    Wrong is Again and partly right is Hard, whatever the certainty. Right is
    Good without certainty marking; with it, right at certainty 1, 2 or 3 is
    Hard, Good or Easy. So a confident wrong answer and a lucky guess both
    come back soon, and only a sure right answer is pushed far off.
    """
    if outcome == "wrong":
        return AGAIN
    if outcome != "right":
        return HARD
    if confidence is None:
        return GOOD
    return {1: HARD, 2: GOOD, 3: EASY}.get(confidence, GOOD)


# --- one card -------------------------------------------------------------------------


class CardState(NamedTuple):
    """A card's scheduling, as the store keeps it (times as `stamp` writes them)."""

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: str
    last_review: str | None


@lru_cache(maxsize=1)
def scheduler() -> Scheduler:
    """The one scheduler: FSRS's default parameters, 90% desired retention.

    Without fuzzing: fsrs fuzzes with the process's global random numbers, and
    the same answers at the same (QUIZ_NOW) times should give a teacher's
    demonstration, and the tests, the same schedule every time.
    """
    from fsrs import Scheduler

    return Scheduler(enable_fuzzing=False)


def review(card: CardState | None, rating: int, when: datetime) -> CardState:
    """The card after one review at `when` (a new card if `card` is None)."""
    from fsrs import Card, Rating, State

    when = when.astimezone(timezone.utc)
    if card is None:
        before = Card(card_id=0, due=when)  # an id given: fsrs's default one sleeps a millisecond
    else:
        before = Card(
            card_id=0,
            state=State(card.state),
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=instant(card.due),
            last_review=instant(card.last_review) if card.last_review else None,
        )
    after, _log = scheduler().review_card(before, Rating(rating), review_datetime=when)
    return CardState(
        int(after.state),
        after.step,
        after.stability,
        after.difficulty,
        stamp(after.due),
        stamp(when),
    )


def counts_for_retention(card: CardState | None, reviewed: str | None) -> bool:
    """Does a review at the stamp `reviewed` (the `last_review` it leaves) count for true
    retention? When the card was in review (past its learning steps) and due: the reviews FSRS
    schedules for 90% recall."""
    return card is not None and reviewed is not None and card.state == REVIEW and card.due <= reviewed


# --- what the due mode draws ----------------------------------------------------------


@dataclass(frozen=True)
class ReviewQueue:
    """What a due round draws from, for one player at one moment."""

    now: datetime
    due: tuple[str, ...]  # question ids due by the end of today, most overdue first
    known: frozenset[str]  # every question id the player has a card for
    new_per_day: int
    new_today: int  # cards begun today
    next_due: datetime | None = None  # the first card due after today

    @property
    def new_allowed(self) -> int:
        return max(0, self.new_per_day - self.new_today)

    def new_questions(self, pool_ids: Iterable[str]) -> list[str]:
        """The pool's questions without a card, in the pool's order, as many as today allows."""
        allowed = self.new_allowed
        chosen: list[str] = []
        if allowed:
            for question_id in pool_ids:
                if question_id not in self.known:
                    chosen.append(question_id)
                    if len(chosen) == allowed:
                        break
        return chosen

    def empty_reason(self, new_left: bool) -> str:
        """Why a due round is empty: when the next review is, and whether today's new questions are done."""
        if self.next_due is not None:
            days = (self.next_due.astimezone(self.now.tzinfo).date() - self.now.date()).days
            when = "tomorrow" if days <= 1 else f"in {days} days"
            reason = f"Nothing due: next review {when}"
        elif self.known:
            reason = "Nothing due"
        else:
            reason = "Nothing due: no question answered yet"
        if new_left and self.new_per_day and not self.new_allowed:
            from quiz.engine.words import plural

            reason += f" (today's {plural(self.new_per_day, 'new question')} are done; more tomorrow)"
        elif not new_left and self.known:
            reason += " (every question has been seen)"
        return reason + "."


def new_per_day(store: Store) -> int:
    """The player's preference (the `new_per_day` setting), else 10."""
    text = store.get_setting(NEW_PER_DAY)
    if text is not None and text.strip().isdigit():
        return int(text)
    return DEFAULT_NEW_PER_DAY


def queue(store: Store, player: str, now: datetime | None = None) -> ReviewQueue:
    """The player's cards as a due round needs them."""
    now = now or clock()
    tomorrow = day_start(now, 1)
    return ReviewQueue(
        now=now,
        due=tuple(store.due_cards(player, stamp(tomorrow))),
        known=frozenset(store.card_ids(player)),
        new_per_day=new_per_day(store),
        new_today=store.cards_begun_since(player, stamp(day_start(now))),
        next_due=_maybe(store.next_due(player, stamp(tomorrow))),
    )


def _maybe(text: str | None) -> datetime | None:
    return instant(text) if text else None


def due_today(store: Store, player: str, now: datetime | None = None) -> int:
    """How many of the player's cards are due by the end of today (what the home screen shows)."""
    now = now or clock()
    return store.count_due(player, stamp(day_start(now, 1)))


# --- the figures in the stats ---------------------------------------------------------


@dataclass(frozen=True)
class CalibrationRow:
    """Right answers at one certainty level, for dispute questions or the others."""

    confidence: int
    answered: int
    right: int


@dataclass
class ReviewStats:
    """The review part of the stats: the forecast, retention, cards by state, calibration split."""

    due_today: int = 0
    due_tomorrow: int = 0
    due_week: int = 0  # due by the end of the 7th day, today included
    due_month: int = 0  # by the end of the 30th
    forecast: list[int] = field(default_factory=list)  # due on each of the next 30 days (today first)
    retention: float | None = None  # share of due reviews answered right; None before any
    due_reviews: int = 0
    cards: dict[str, int | None] = field(default_factory=dict)  # new (None: unknown), learning, ...
    calibration_disputes: list[CalibrationRow] = field(default_factory=list)
    calibration_others: list[CalibrationRow] = field(default_factory=list)


def review_stats(
    store: Store, player: str | None, *, bank_ids: Sequence[str] | None = None, now: datetime | None = None
) -> ReviewStats:
    """The review figures of one player (or all). With the bank's question ids, new ones are counted."""
    now = now or clock()
    starts = [stamp(day_start(now, d)) for d in range(1, FORECAST_DAYS + 1)]
    forecast = [0] * FORECAST_DAYS
    by_state = dict.fromkeys(STATE_NAMES.values(), 0)
    known: set[str] = set()
    due_reviews = due_right = 0
    for question_id, state, due, reviews_due, right_due in store.cards(player):
        known.add(question_id)
        by_state[STATE_NAMES.get(state, "learning")] += 1
        due_reviews += reviews_due
        due_right += right_due
        day = _bisect(starts, due)
        if day < FORECAST_DAYS:
            forecast[day] += 1
    cards: dict[str, int | None] = {"new": None, **by_state}
    if bank_ids is not None:
        cards["new"] = sum(1 for q in set(bank_ids) if q not in known)
    split: dict[bool, list[CalibrationRow]] = {True: [], False: []}
    for disputed, confidence, answered, right in store.calibration_by_dispute(player):
        split[bool(disputed)].append(CalibrationRow(int(confidence), int(answered), int(right)))
    return ReviewStats(
        due_today=forecast[0],
        due_tomorrow=forecast[1],
        due_week=sum(forecast[:7]),
        due_month=sum(forecast),
        forecast=forecast,
        retention=due_right / due_reviews if due_reviews else None,
        due_reviews=due_reviews,
        cards=cards,
        calibration_disputes=split[True],
        calibration_others=split[False],
    )


def _bisect(starts: list[str], due: str) -> int:
    """The day a due time falls on: 0 today (overdue included), 1 tomorrow, ... (len: later)."""
    from bisect import bisect_right

    return bisect_right(starts, due)
