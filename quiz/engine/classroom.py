"""The teacher's view of an assignment: who has played, and how each question worked.

Item analysis, as Moodle's quiz statistics compute it, over each player's one
attempt (their first finished round of the assignment, else their latest):

- facility: the mean credit on the question, 0..1 (the share right, with
  partial credit counted as its fraction); an unanswered question scores 0;
- discrimination: Moodle's discrimination index, the Pearson correlation
  between the credit on this question and the credit on the rest of the
  assignment, over the players; None with fewer than three players or when
  either side does not vary;
- the most chosen wrong answer, and the median time taken.

The disagreement map: for every question about a dispute, which source each
player's answer sided with, that is, credited with the disputed claim (the
article chosen in "which article says this?", the article whose claim a
written choice is, the article each claim was matched to).
"""

from __future__ import annotations

import csv
import json
import statistics
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from quiz.engine.assignments import Assignment
from quiz.engine.stats import describe_given
from quiz.engine.store import Store, given_from_json

if TYPE_CHECKING:
    from quiz.content.bank import Bank

MIN_PLAYERS_FOR_DISCRIMINATION = 3


@dataclass
class PlayerAnswer:
    position: int
    question_id: str
    given: str
    outcome: str
    credit: float
    seconds: float | None


@dataclass
class PlayerResult:
    player: str
    answered: int
    size: int
    right: int
    score: float  # sum of credit
    points: int
    finished: bool
    answers: list[PlayerAnswer] = field(default_factory=list)


@dataclass
class Item:
    position: int  # 1-based, in the assignment's order
    question_id: str
    prompt: str
    type: str
    answered: int
    right: int
    facility: float | None  # mean credit over the players who started; None before any
    discrimination: float | None
    common_wrong: str | None
    common_wrong_count: int
    median_seconds: float | None


@dataclass
class Side:
    """How often the class credited a source with a disputed claim."""

    dispute: str
    source: str
    chosen: int  # answers that sided with this source
    answers: int  # answers to this dispute's questions


@dataclass
class ClassReport:
    code: str
    title: str
    due: str | None
    size: int
    started: int
    finished: int
    players: list[PlayerResult]
    items: list[Item]
    sides: list[Side]
    discrimination_method: str = "Moodle's discrimination index (item against the rest of the assignment)"


def pearson(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / (sxx * syy) ** 0.5


class Attempted(NamedTuple):
    """One answer of a player's attempt, as the dashboard reads it (`given` read back from JSON)."""

    position: int
    question_id: str
    type: str
    given: Any
    outcome: str
    credit: float
    points: int
    seconds: float | None


def attempts(store: Store, assignment: Assignment) -> dict[str, list[Attempted]]:
    """Each player's one attempt: the first finished round, else the latest started."""
    rounds = store.assignment_rounds(assignment.code)
    by_id = {r["id"]: r for r in rounds}
    chosen: dict[str, int] = {}
    for r in rounds:
        if not r["answered"]:
            continue
        done = r["answered"] >= assignment.size
        key = r["player"]
        if key not in chosen:
            chosen[key] = r["id"]
        else:
            current = by_id[chosen[key]]
            if current["answered"] < assignment.size and (done or r["id"] > current["id"]):
                chosen[key] = r["id"]
    of_round: dict[int, list[Attempted]] = {round_id: [] for round_id in chosen.values()}
    # One narrow read of every answer to the assignment, rather than whole rows of the chosen rounds.
    for (
        round_id,
        position,
        question_id,
        kind,
        given,
        outcome,
        credit,
        points,
        seconds,
    ) in store.assignment_answers(assignment.code):
        found = of_round.get(round_id)
        if found is not None:
            found.append(
                Attempted(
                    position,
                    question_id,
                    kind,
                    given_from_json(given),
                    outcome,
                    float(credit),
                    points,
                    seconds,
                )
            )
    return {player: of_round[round_id] for player, round_id in chosen.items()}


def report(store: Store, assignment: Assignment, bank: Bank | None = None) -> ClassReport:
    by_player = attempts(store, assignment)
    size = assignment.size
    players: list[PlayerResult] = []
    credit: dict[str, list[float]] = {}
    at_position: list[list[Attempted]] = [[] for _ in range(size)]
    for player, rows in sorted(by_player.items(), key=lambda kv: kv[0].casefold()):
        scores = [0.0] * size
        right = points = 0
        for row in rows:
            if 0 <= row.position < size:
                scores[row.position] = row.credit
                at_position[row.position].append(row)
            right += row.outcome == "right"
            points += row.points
        credit[player] = scores
        players.append(
            PlayerResult(
                player=player,
                answered=len(rows),
                size=size,
                right=right,
                score=round(sum(scores), 4),
                points=points,
                finished=len(rows) >= size,
                answers=[
                    PlayerAnswer(
                        r.position + 1,
                        r.question_id,
                        describe_given(r.type, r.given),
                        r.outcome,
                        r.credit,
                        r.seconds,
                    )
                    for r in rows
                ],
            )
        )
    items: list[Item] = []
    names = list(credit)
    totals = {p: sum(credit[p]) for p in names}
    prompts = store.assignment_prompts(assignment.code) if names else {}
    for position, question_id in enumerate(assignment.questions):
        rows = at_position[position] if position < size else []
        item_scores = [credit[p][position] for p in names]
        rest = [totals[p] - credit[p][position] for p in names]
        wrong = Counter(describe_given(r.type, r.given) for r in rows if r.outcome != "right")
        common = wrong.most_common(1)
        times = [r.seconds for r in rows if r.seconds is not None]
        items.append(
            Item(
                position=position + 1,
                question_id=question_id,
                prompt=prompts.get(position, question_id) if rows else question_id,
                type=rows[0].type if rows else "",
                answered=len(rows),
                right=sum(r.outcome == "right" for r in rows),
                facility=round(sum(item_scores) / len(names), 4) if names else None,
                discrimination=(
                    _rounded(pearson(item_scores, rest))
                    if len(names) >= MIN_PLAYERS_FOR_DISCRIMINATION
                    else None
                ),
                common_wrong=common[0][0] if common else None,
                common_wrong_count=common[0][1] if common else 0,
                median_seconds=round(statistics.median(times), 1) if times else None,
            )
        )
    return ClassReport(
        code=assignment.code,
        title=assignment.title,
        due=assignment.due,
        size=size,
        started=len(players),
        finished=sum(p.finished for p in players),
        players=players,
        items=items,
        sides=_sides(bank, assignment, by_player) if bank is not None else [],
    )


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _sides(bank: Bank, assignment: Assignment, by_player: dict[str, list[Attempted]]) -> list[Side]:
    from quiz.engine.build import source_labels
    from quiz.engine.rounds import draw

    playables = draw(bank, assignment.spec).playables
    if tuple(p.id for p in playables) != assignment.questions:
        return []  # the bank has changed: the questions' disputes cannot be trusted
    labels = {label: sid for sid, label in source_labels(bank).items()}
    chosen: dict[tuple[str, str], int] = {}
    answers: Counter[str] = Counter()
    for rows in by_player.values():
        for row in rows:
            if not 0 <= row.position < len(playables):
                continue
            dispute = playables[row.position].dispute
            if dispute is None:
                continue
            answers[dispute.title] += 1
            claims = {p.claim: p.source_id for p in dispute.positions}
            for source in sorted(_sided(row.given, labels, claims)):
                chosen[(dispute.title, source)] = chosen.get((dispute.title, source), 0) + 1
            for p in dispute.positions:
                chosen.setdefault((dispute.title, p.source_id), 0)
    return [Side(title, source, n, answers[title]) for (title, source), n in sorted(chosen.items())]


def _sided(given: Any, labels: dict[str, str], claims: dict[str, str]) -> set[str]:
    """The sources an answer credits with the disputed claim."""
    values: list[Any] = []
    if isinstance(given, dict):
        return {labels[left] for left, right in given.items() if left in labels and right in claims}
    values = given if isinstance(given, list) else [given]
    found: set[str] = set()
    for value in values:
        if not isinstance(value, str):
            continue
        if value in labels:
            found.add(labels[value])
        elif value in claims:
            found.add(claims[value])
    return found


def to_json(r: ClassReport) -> str:
    return json.dumps(asdict(r), indent=2, ensure_ascii=False)


CSV_COLUMNS = (
    "section", "assignment", "position", "question_id", "player", "source", "dispute", "answered", "right",
    "facility", "discrimination", "common_wrong", "common_wrong_count", "median_seconds", "given",
    "outcome", "credit", "score", "points", "finished", "chosen",
)  # fmt: skip


def write_csv(r: ClassReport, out: TextIO) -> None:
    """One table for a spreadsheet: a `section` of question, player, answer or source rows."""
    from quiz.engine.stats import _cell

    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n", restval="")
    writer.writeheader()
    for item in r.items:
        writer.writerow(
            {
                "section": "question", "assignment": r.code, "position": item.position,
                "question_id": _cell(item.question_id), "answered": item.answered, "right": item.right,
                "facility": _num(item.facility), "discrimination": _num(item.discrimination),
                "common_wrong": _cell(item.common_wrong or ""), "common_wrong_count": item.common_wrong_count,
                "median_seconds": _num(item.median_seconds),
            }
        )  # fmt: skip
    for p in r.players:
        writer.writerow(
            {
                "section": "player", "assignment": r.code, "player": _cell(p.player), "answered": p.answered,
                "right": p.right, "score": p.score, "points": p.points, "finished": int(p.finished),
            }
        )  # fmt: skip
        for a in p.answers:
            writer.writerow(
                {
                    "section": "answer", "assignment": r.code, "player": _cell(p.player), "position": a.position,
                    "question_id": _cell(a.question_id), "given": _cell(a.given), "outcome": a.outcome,
                    "credit": a.credit, "median_seconds": _num(a.seconds),
                }
            )  # fmt: skip
    for s in r.sides:
        writer.writerow(
            {
                "section": "source", "assignment": r.code, "source": s.source, "dispute": _cell(s.dispute),
                "answered": s.answers, "chosen": s.chosen,
            }
        )  # fmt: skip


def _num(value: float | None) -> object:
    return "" if value is None else value
