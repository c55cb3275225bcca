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
from quiz.content.text import clean_line
from quiz.engine.kinds import KINDS, type_heading
from quiz.engine.store import AnswerRow, CampaignResult
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

    def add(self, row: AnswerRow) -> None:
        self.answered += 1
        self.right += row.outcome == "right"
        self.credit += row.credit


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
    by_topic: dict[str, Tally] = {}
    by_source: dict[str, Tally] = {}
    by_type: dict[str, Tally] = {}
    by_confidence: dict[str, Tally] = {}
    missed: dict[str, Missed] = {}
    for row in rows:
        by_topic.setdefault(row.topic, Tally(row.topic)).add(row)
        by_type.setdefault(row.type, Tally(row.type)).add(row)
        for source in row.sources:
            by_source.setdefault(source, Tally(source)).add(row)
        if row.confidence is not None:
            level = str(row.confidence)
            by_confidence.setdefault(level, Tally(level)).add(row)
        entry = missed.setdefault(row.question_id, Missed(row.question_id, row.prompt))
        entry.prompt = row.prompt  # the latest wording
        entry.answered += 1
        entry.missed += row.outcome != "right"
    marks = [row.marks for row in rows if row.marks is not None]
    worst = sorted(
        (m for m in missed.values() if m.missed),
        key=lambda m: (-m.missed, -m.missed / m.answered, m.question_id),
    )
    return Stats(
        player=player,
        players=sorted({row.player for row in rows}, key=str.casefold),
        rounds=len({row.round_id for row in rows}),
        answered=len(rows),
        right=sum(row.outcome == "right" for row in rows),
        accuracy=sum(row.credit for row in rows) / len(rows) if rows else 0.0,
        points=sum(row.points for row in rows),
        marks=sum(marks) if marks else None,
        best_streak=max((row.streak for row in rows), default=0),
        by_topic=_sorted(by_topic),
        by_source=_sorted(by_source),
        by_type=_sorted(by_type),
        calibration=_sorted(by_confidence),
        most_missed=worst[:MOST_MISSED],
        campaigns=list(campaigns),
    )


def _sorted(groups: dict[str, Tally]) -> list[Tally]:
    return [groups[name] for name in sorted(groups)]


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


def write_csv(rows: Iterable[AnswerRow], out: TextIO, campaigns: Iterable[CampaignResult] = ()) -> None:
    """Every answer, one row each, oldest first; then every finished campaign, one row each
    (mode `campaign`, the campaign as the question, its ending as the outcome, its score as points)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(
            (
                _cell(row.player),
                row.round_id,
                row.mode,
                row.round_started,
                row.answered,
                row.position + 1,
                _cell(row.question_id),
                row.type,
                _cell(row.topic),
                " ".join(row.sources),
                row.difficulty,
                _cell(row.prompt),
                _cell(describe_given(row.type, row.given)),
                row.outcome,
                round(row.credit, 4),
                row.points,
                row.streak,
                "" if row.confidence is None else row.confidence,
                "" if row.marks is None else row.marks,
                "" if row.seconds is None else row.seconds,
                row.assignment or "",
                "" if row.seed is None else row.seed,
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
    if text[:1] in {"=", "+", "-", "@"}:
        try:
            float(text)
        except ValueError:
            return "'" + text
    return text
