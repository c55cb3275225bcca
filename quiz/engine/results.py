"""An assignment's results as a file: exported on a pupil's machine, imported into the teacher's.

The file holds every round of the assignment in the exporting store, with its
answers, and a signature: HMAC-SHA256 over the rest of the file, keyed with
the assignment's random `uid`. The teacher's store knows that uid, so it can
tell a file that was edited after export (the signature no longer matches)
from one made for another assignment that shares the code (the fingerprint of
the uid differs). It is a check against accidents and casual edits, not a
lock: a pupil who has the assignment has its uid too.

Each round carries where it was first played (`<store id>:<round id>`); a
round already in the store is skipped, so importing a file twice, or two files
that overlap, counts every round once.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from quiz.engine.assignments import Assignment, AssignmentError, find
from quiz.engine.store import Store, now

FORMAT = "csto-quiz results"
VERSION = 1
OUTCOMES = ("right", "partial", "wrong")


class ResultsError(ValueError):
    """A results file that is refused, and why, in words."""


@dataclass(frozen=True)
class Imported:
    rounds: int  # rounds added
    answers: int
    skipped: int  # rounds already in the store
    players: tuple[str, ...]


def fingerprint(assignment: Assignment) -> str:
    return hashlib.sha256(f"csto-quiz assignment {assignment.uid}".encode()).hexdigest()[:16]


def _canonical(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sign(assignment: Assignment, payload: dict[str, Any]) -> str:
    return hmac.new(assignment.uid.encode(), _canonical(payload), hashlib.sha256).hexdigest()


def export(store: Store, assignment: Assignment, player: str | None = None) -> dict[str, Any]:
    """Every round of the assignment here (of one player, or of all), signed."""
    store_id = store.store_id()
    rounds: dict[int, dict[str, Any]] = {}
    for r in store.assignment_rounds(assignment.code):
        if player is not None and r["player"].casefold() != player.casefold():
            continue
        rounds[r["id"]] = {
            "origin": r["origin"] or f"{store_id}:{r['id']}",
            "player": r["player"],
            "started": r["started"],
            "ended": r["ended"],
            "size": r["size"],
            "answers": [],
        }
    for a in store.answers(player):
        round_ = rounds.get(a.round_id)
        if round_ is None:
            continue
        round_["answers"].append(
            {
                "position": a.position,
                "question_id": a.question_id,
                "type": a.type,
                "topic": a.topic,
                "sources": list(a.sources),
                "difficulty": a.difficulty,
                "prompt": a.prompt,
                "given": a.given,
                "outcome": a.outcome,
                "credit": a.credit,
                "points": a.points,
                "streak": a.streak,
                "confidence": a.confidence,
                "marks": a.marks,
                "seconds": a.seconds,
                "answered": a.answered,
            }
        )
    payload: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "assignment": {
            "code": assignment.code,
            "title": assignment.title,
            "fingerprint": fingerprint(assignment),
        },
        "exported": now(),
        "rounds": [r for r in rounds.values() if r["answers"]],
    }
    return {**payload, "signature": sign(assignment, payload)}


def to_text(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


def import_text(store: Store, text: str) -> Imported:
    """Merge a results file into the store. Raises ResultsError with the reason it is refused."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ResultsError(f"not a results file: it is not JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ResultsError("not a results file of this game (quiz results export makes them)")
    if data.get("version") != VERSION:
        raise ResultsError(f"results file version {data.get('version')!r}; this game reads version {VERSION}")
    head = data.get("assignment")
    if not isinstance(head, dict) or not isinstance(head.get("code"), str):
        raise ResultsError("the file does not say which assignment it answers")
    try:
        assignment = find(store, head["code"])
    except AssignmentError as exc:
        raise ResultsError(f"it answers an assignment this store does not have: {exc}") from None
    if head.get("fingerprint") != fingerprint(assignment):
        raise ResultsError(
            f"it answers another assignment with the code {assignment.code}"
            " (from another class or another teacher's machine)"
        )
    signature = data.get("signature")
    payload = {k: v for k, v in data.items() if k != "signature"}
    if not isinstance(signature, str) or not hmac.compare_digest(signature, sign(assignment, payload)):
        raise ResultsError("it was changed after it was exported (its signature does not match)")
    rounds = data.get("rounds")
    if not isinstance(rounds, list):
        raise ResultsError("the file has no rounds")
    checked = [_checked_round(assignment, r, n) for n, r in enumerate(rounds, 1)]
    added = answers = skipped = 0
    players: dict[str, None] = {}
    here = store.store_id()
    for round_row, player, rows in checked:
        if str(round_row["origin"]).split(":")[0] == here:
            skipped += 1  # played in this very store
        elif store.import_round(player, round_row, rows):
            added += 1
            answers += len(rows)
            players[player] = None
        else:
            skipped += 1
    return Imported(added, answers, skipped, tuple(players))


def _checked_round(
    assignment: Assignment, r: Any, n: int
) -> tuple[dict[str, Any], str, list[dict[str, Any]]]:
    from quiz.content.text import clean_line
    from quiz.engine.assignments import spec_to_json

    where = f"round {n}"
    if not isinstance(r, dict):
        raise ResultsError(f"{where} is not a round")
    player = clean_line(str(r.get("player") or "")).strip()
    origin = r.get("origin")
    if not player or not isinstance(origin, str) or not origin:
        raise ResultsError(f"{where} has no player or no origin")
    spec = json.loads(spec_to_json(assignment.spec))
    filters = {k: spec[k] for k in ("topics", "types", "sources", "difficulties", "skills")}
    round_row = {
        "mode": assignment.spec.mode,
        "filters": json.dumps(filters),
        "seed": assignment.spec.seed,
        "size": assignment.size,
        "confidence": int(assignment.spec.confidence),
        "started": str(r.get("started") or now()),
        "ended": r.get("ended"),
        "assignment": assignment.code,
        "origin": origin,
    }
    rows: list[dict[str, Any]] = []
    for a in r.get("answers") or []:
        try:
            position = int(a["position"])
            if not 0 <= position < assignment.size or a["question_id"] != assignment.questions[position]:
                raise ResultsError(f"{where}: an answer to a question that is not in the assignment")
            if a["outcome"] not in OUTCOMES:
                raise ResultsError(f"{where}: an answer with the outcome {a['outcome']!r}")
            rows.append(
                {
                    "position": position,
                    "question_id": str(a["question_id"]),
                    "type": str(a["type"]),
                    "topic": str(a["topic"]),
                    "sources": " ".join(str(s) for s in a["sources"]),
                    "difficulty": int(a["difficulty"]),
                    "prompt": str(a["prompt"]),
                    "given": json.dumps(a["given"], ensure_ascii=False),
                    "outcome": a["outcome"],
                    "credit": float(a["credit"]),
                    "points": int(a["points"]),
                    "streak": int(a["streak"]),
                    "confidence": None if a["confidence"] is None else int(a["confidence"]),
                    "marks": None if a["marks"] is None else int(a["marks"]),
                    "seconds": None if a["seconds"] is None else float(a["seconds"]),
                    "answered": str(a["answered"]),
                }
            )
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, ResultsError):
                raise
            raise ResultsError(f"{where}: an answer is incomplete ({exc})") from None
    return round_row, player, rows
