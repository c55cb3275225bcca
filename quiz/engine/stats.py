"""A player's record, from the progress store: what `quiz stats` shows.

Everything comes from the answers table, which keeps each question's topic,
type, sources and prompt as they were when it was answered; so stats need
neither the bank nor pydantic, and old answers still count after the bank
changes. "Right" means fully right; accuracy is the mean credit.

Three outputs: a table for people, JSON for programs, and CSV with one row
per answer for a teacher's gradebook.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any, TextIO

from quiz.content.names import Names
from quiz.content.text import UNCLEAN, clean_line
from quiz.engine.kinds import KINDS, type_heading
from quiz.engine.store import AnswerRow, CampaignResult, given_from_json
from quiz.engine.words import percent, source_name, topic_name

if TYPE_CHECKING:
    from quiz.engine.review import ReviewStats

MOST_MISSED = 10


@dataclass
class Tally:
    """Answers in one group (a topic, a source, a type, a confidence level)."""

    name: str
    answered: int = 0
    right: int = 0
    credit: float = 0.0

    @property
    def accuracy(self) -> float:
        return self.credit / self.answered if self.answered else 0.0


@dataclass
class Missed:
    question_id: str
    prompt: str
    answered: int = 0
    missed: int = 0  # answers not fully right


@dataclass
class Stats:
    player: str | None  # None: every player
    players: list[str]
    rounds: int
    answered: int
    right: int
    accuracy: float
    points: int
    marks: int | None  # None if no answer was given with a confidence
    best_streak: int
    by_topic: list[Tally] = field(default_factory=list)
    by_source: list[Tally] = field(default_factory=list)
    by_type: list[Tally] = field(default_factory=list)
    calibration: list[Tally] = field(default_factory=list)  # name: "1", "2", "3"
    most_missed: list[Missed] = field(default_factory=list)
    campaigns: list[CampaignResult] = field(default_factory=list)  # finished journeys, oldest first
    review: ReviewStats | None = None  # spaced review (quiz.engine.review.review_stats), when asked for


def compute(
    rows: Sequence[AnswerRow], player: str | None = None, campaigns: Sequence[CampaignResult] = ()
) -> Stats:
    """The stats of answers read back (`Store.answers`)."""
    facts = (
        (r.player, r.round_id, r.question_id, r.prompt, r.topic, r.type, " ".join(r.sources), r.confidence,
         r.outcome, r.credit, r.points, r.marks, r.streak)
        for r in rows
    )  # fmt: skip
    return summarise(facts, player, campaigns)


def summarise(
    facts: Iterable[Sequence[Any]], player: str | None = None, campaigns: Sequence[CampaignResult] = ()
) -> Stats:
    """The stats of answers as `Store.answer_facts` reads them, oldest first, in one pass.

    Credits are added up answer by answer, oldest first, so the sums are the
    same however the answers are read.
    """
    by_topic: dict[str, list[Any]] = {}  # name -> [answered, right, credit], made into Tallies
    by_source: dict[str, list[Any]] = {}
    by_type: dict[str, list[Any]] = {}
    by_confidence: dict[str, list[Any]] = {}
    missed: dict[str, list[Any]] = {}  # question id -> [answered, missed, latest prompt]
    by_kind_of_answer: dict[tuple[Any, ...], list[list[Any]]] = {}  # (topic, type, sources, confidence)
    players: set[str] = set()
    rounds: set[int] = set()
    credits: list[float] = []
    right = points = 0
    marks: int | None = None
    best_streak: int | None = None
    for (name, round_id, question_id, prompt, topic, kind, sources, confidence, outcome, credit,
         answer_points, answer_marks, streak) in facts:  # fmt: skip
        is_right = outcome == "right"
        targets = by_kind_of_answer.get((topic, kind, sources, confidence))
        if targets is None:  # the tallies this kind of answer counts in, found once
            names = [(by_topic, topic), (by_type, kind), *((by_source, source) for source in sources.split())]
            if confidence is not None:
                names.append((by_confidence, str(confidence)))
            targets = by_kind_of_answer[topic, kind, sources, confidence] = [
                tallies.setdefault(name, [0, 0, 0.0]) for tallies, name in names
            ]
        for tally in targets:
            tally[0] += 1
            tally[1] += is_right
            tally[2] += credit
        entry = missed.get(question_id)
        if entry is None:
            entry = missed[question_id] = [0, 0, prompt]
        entry[0] += 1
        entry[1] += not is_right
        entry[2] = prompt  # the latest wording
        players.add(name)
        rounds.add(round_id)
        credits.append(credit)
        right += is_right
        points += answer_points
        if answer_marks is not None:
            marks = answer_marks if marks is None else marks + answer_marks
        if best_streak is None or streak > best_streak:
            best_streak = streak
    worst = sorted(
        (
            Missed(question_id, prompt, answered, count)
            for question_id, (answered, count, prompt) in missed.items()
            if count
        ),
        key=lambda m: (-m.missed, -m.missed / m.answered, m.question_id),
    )
    return Stats(
        player=player,
        players=sorted(players, key=str.casefold),
        rounds=len(rounds),
        answered=len(credits),
        right=right,
        accuracy=sum(credits) / len(credits) if credits else 0.0,
        points=points,
        marks=marks,
        best_streak=best_streak or 0,
        by_topic=_sorted(by_topic),
        by_source=_sorted(by_source),
        by_type=_sorted(by_type),
        calibration=_sorted(by_confidence),
        most_missed=worst[:MOST_MISSED],
        campaigns=list(campaigns),
    )


def _sorted(groups: dict[str, list[Any]]) -> list[Tally]:
    return [Tally(name, *groups[name]) for name in sorted(groups)]


# --- JSON ----------------------------------------------------------------------------


def to_json(stats: Stats) -> str:
    def tallies(items: list[Tally]) -> list[dict[str, Any]]:
        return [{**asdict(t), "accuracy": round(t.accuracy, 4)} for t in items]

    data = asdict(stats)
    data["accuracy"] = round(stats.accuracy, 4)
    for key in ("by_topic", "by_source", "by_type", "calibration"):
        data[key] = tallies(getattr(stats, key))
    data["calibration"] = [
        {"confidence": int(t["name"]), **{k: v for k, v in t.items() if k != "name"}}
        for t in data["calibration"]
    ]
    if stats.review is not None and stats.review.retention is not None:
        data["review"]["retention"] = round(stats.review.retention, 4)
    return json.dumps(data, indent=2, ensure_ascii=False)


# --- the table ---------------------------------------------------------------------


def to_table(stats: Stats, names: Names | None = None) -> str:
    """For people: topics, articles, campaigns and endings by name (ids are for `--format json`)."""
    names = names or Names()
    who = f"Player: {stats.player}" if stats.player else f"Players: {', '.join(stats.players) or 'none'}"
    lines = [clean_line(who)]
    lines += _campaign_lines(stats.campaigns, names)
    if not stats.answered:
        lines.append("No answers recorded yet.")
        if stats.review is not None and any(
            stats.review.cards.get(s) for s in ("learning", "review", "relearning")
        ):
            lines += ["", *_review_lines(stats.review)]
        return "\n".join(lines)
    lines.append(
        f"Rounds played: {stats.rounds}. Answers: {stats.answered}, {stats.right} fully right."
        f" Accuracy: {percent(stats.accuracy)}. Points: {stats.points}. Best streak: {stats.best_streak}."
    )
    if stats.marks is not None:
        lines.append(f"Certainty-based marks: {stats.marks}.")
    by_topic = [replace(t, name=topic_name(t.name)) for t in stats.by_topic]
    by_source = [replace(t, name=_source_name(names, t.name)) for t in stats.by_source]
    by_type = [replace(t, name=type_heading(t.name)) for t in stats.by_type]
    for title, tallies in (("By topic", by_topic), ("By source", by_source), ("By type", by_type)):
        lines += ["", *_tally_table(title, tallies)]
    if stats.calibration:
        levels = [Tally(f"confidence {t.name}", t.answered, t.right, t.credit) for t in stats.calibration]
        lines += ["", *_tally_table("Calibration", levels, right_share=True)]
    if stats.most_missed:
        lines += ["", "Most missed:"]
        for entry in stats.most_missed:
            lines.append(clean_line(f"  {entry.missed} of {entry.answered} missed  {entry.prompt}"))
    if stats.review is not None:
        lines += ["", *_review_lines(stats.review)]
    return "\n".join(lines)


def _review_lines(review: ReviewStats) -> list[str]:
    """The spaced review: what is due when, true retention, cards by state, calibration by disputes."""
    lines = [
        f"Due for review: {review.due_today} today, {review.due_tomorrow} tomorrow,"
        f" {review.due_week} in the next 7 days, {review.due_month} in the next 30."
    ]
    if review.retention is None:
        lines.append("True retention: no review has fallen due yet.")
    else:
        lines.append(
            f"True retention: {percent(review.retention)} of {review.due_reviews} due reviews answered right."
        )
    states = ", ".join(f"{count} {state}" for state, count in review.cards.items() if count is not None)
    if review.cards.get("new") is None:
        states += " (new questions are counted with --content)"
    lines.append(f"Cards: {states}.")
    split = [
        *(
            Tally(f"disputes, confidence {r.confidence}", r.answered, r.right)
            for r in review.calibration_disputes
        ),
        *(
            Tally(f"others, confidence {r.confidence}", r.answered, r.right)
            for r in review.calibration_others
        ),
    ]
    if split:
        lines += ["", *_tally_table("Calibration: disputes and the rest", split, right_share=True)]
    return lines


def _source_name(names: Names, source_id: str) -> str:
    source = names.sources.get(source_id)
    return source_name(source.title, source.author, source.outlet) if source else source_id


def _campaign_lines(results: list[CampaignResult], names: Names) -> list[str]:
    if not results:
        return []
    lines = ["Campaigns finished:"]
    for result in results:
        who = f"{result.player}: " if result.player else ""
        lines.append(
            clean_line(
                f"  {who}{names.campaign(result.campaign)}: “{names.ending(result.campaign, result.ending)}”,"
                f" score {result.score} of {result.max_score}"
                f" ({result.finished[:10]})"
            )
        )
    return [*lines, ""]


def _tally_table(title: str, tallies: list[Tally], *, right_share: bool = False) -> list[str]:
    """A title row that heads the columns, then one indented row per group."""
    last = "right %" if right_share else "accuracy"
    header = (title, "answered", "right", last)
    rows = [
        (
            "  " + clean_line(t.name),
            str(t.answered),
            str(t.right),
            percent(t.right / t.answered if right_share else t.accuracy),
        )
        for t in tallies
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    return [
        "  ".join([r[0].ljust(widths[0]), *(c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True))])
        for r in [header, *rows]
    ]


# --- CSV -----------------------------------------------------------------------------

CSV_COLUMNS = (
    "player",
    "round",
    "mode",
    "round_started",
    "answered_at",
    "question_number",
    "question_id",
    "type",
    "topic",
    "sources",
    "difficulty",
    "prompt",
    "given",
    "outcome",
    "credit",
    "points",
    "streak",
    "confidence",
    "marks",
    "seconds",
    "assignment",
    "seed",
)


_FORMULA_STARTS = ("=", "+", "-", "@")  # a cell starting so is a formula to a spreadsheet


def write_csv(
    answers: Iterable[Sequence[Any]], out: TextIO, campaigns: Iterable[CampaignResult] = ()
) -> None:
    """Every answer, one row each, oldest first, from `Store.stored_answers`; then every finished
    campaign, one row each (mode `campaign`, the campaign as the question, its ending as the
    outcome, its score as points)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    unclean = UNCLEAN.search

    def cell(text: str) -> str:  # most cells need neither cleaning nor neutralising: a quick look first
        return _cell(text) if unclean(text) or text.startswith(_FORMULA_STARTS) else text

    given_cells: dict[tuple[str, str], str] = {}  # (type, given as stored) -> cell: answers repeat
    for (player, round_id, mode, round_started, answered, position, question_id, kind, topic, sources,
         difficulty, prompt, given, outcome, credit, points, streak, confidence, marks, seconds,
         assignment, seed, _ended, _size) in answers:  # fmt: skip
        given_cell = given_cells.get((kind, given))
        if given_cell is None:
            given_cell = given_cells[kind, given] = _cell(describe_given(kind, given_from_json(given)))
        writer.writerow(
            (
                cell(player),
                round_id,
                mode,
                round_started,
                answered,
                position + 1,
                cell(question_id),
                kind,
                cell(topic),
                " ".join(sources.split()),
                difficulty,
                cell(prompt),
                given_cell,
                outcome,
                round(float(credit), 4),
                points,
                streak,
                confidence,  # None: csv writes an empty cell
                marks,
                seconds,
                assignment or "",
                seed,  # None: an empty cell
            )
        )
    for result in campaigns:
        cells: dict[str, object] = dict.fromkeys(CSV_COLUMNS, "")
        cells.update(
            player=_cell(result.player),
            mode="campaign",
            answered_at=result.finished,
            question_id=_cell(result.campaign),
            outcome=_cell(result.ending),
            credit=round(result.score / result.max_score, 4) if result.max_score else "",
            points=result.score,
        )
        writer.writerow(cells[column] for column in CSV_COLUMNS)


def describe_given(kind: str, given: Any) -> str:
    """An answer in words, as a gradebook cell (by its type's kind; as stored for a type now gone)."""
    known = KINDS.get(kind)
    return known.cell(given) if known is not None else str(given)


def _cell(text: str) -> str:
    """Text a spreadsheet will not run as a formula."""
    text = clean_line(text)
    if text.startswith(_FORMULA_STARTS):
        try:
            float(text)
        except ValueError:
            return "'" + text
    return text
