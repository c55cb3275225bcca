"""Assignments: one fixed round, set by a teacher, played by a class under a short code.

The seed is chosen once, when the assignment is made, and kept with the round's
spec and the ids of the questions it drew; everyone who plays it gets those
questions in that order. Playing checks that the bank still draws them, and
says so in words if it does not (the bank was edited, or another bank is in use).

A code is six characters from an alphabet without 0, O, 1 and I, written
`K7Q-3XD`, so it can be read aloud and typed without confusion; a code as a
player types it (any case, with or without the dash or spaces) is normalised.
The random `uid` tells an assignment from another that happens to share its
code (in another teacher's store).
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from quiz.content.text import clean_line
from quiz.engine.spec import RoundSpec

if TYPE_CHECKING:
    from quiz.content.bank import Bank
    from quiz.engine.session import GameSession
    from quiz.engine.store import Store

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, no 1/I
CODE_LENGTH = 6
PLAYABLE_MODES = ("quick", "drill", "disputes")  # review follows each player's own mistakes
MAX_TITLE = 120


class AssignmentError(ValueError):
    """An assignment that cannot be made, found or played, in words."""


@dataclass(frozen=True)
class Assignment:
    code: str
    uid: str
    title: str
    spec: RoundSpec  # with its seed and its own code as `assignment`
    questions: tuple[str, ...]
    due: str | None
    created: str

    @property
    def size(self) -> int:
        return len(self.questions)


def new_code() -> str:
    chars = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{chars[:3]}-{chars[3:]}"


def normalise_code(text: str) -> str | None:
    """`k7q 3xd` -> `K7Q-3XD`; None if it cannot be a code."""
    chars = re.sub(r"[\s\-_.]", "", text.upper())
    if len(chars) != CODE_LENGTH or any(ch not in ALPHABET for ch in chars):
        return None
    return f"{chars[:3]}-{chars[3:]}"


def spec_to_json(spec: RoundSpec) -> str:
    return json.dumps(asdict(spec), sort_keys=True)


def spec_from_json(text: str) -> RoundSpec:
    data: dict[str, Any] = json.loads(text)
    known = {name: data[name] for name in RoundSpec.__dataclass_fields__ if name in data}
    for name in ("topics", "types", "sources", "difficulties", "skills"):
        known[name] = tuple(known.get(name) or ())
    return RoundSpec(**known)


def parse_due(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise AssignmentError(f"--due must be a date as YYYY-MM-DD, not {text!r}") from None


def create(bank: Bank, store: Store, title: str, spec: RoundSpec, due: str | None = None) -> Assignment:
    """Draw the round once, keep it under a new code, and return it."""
    from quiz.engine.rounds import draw
    from quiz.engine.store import now

    title = clean_line(title).strip()
    if not title:
        raise AssignmentError("an assignment needs a title")
    if len(title) > MAX_TITLE:
        raise AssignmentError(f"the title is longer than {MAX_TITLE} characters")
    if spec.mode not in PLAYABLE_MODES:
        raise AssignmentError(
            f"an assignment's mode is one of {', '.join(PLAYABLE_MODES)}, not {spec.mode!r}"
            " (review follows each player's own mistakes)"
        )
    seed = spec.seed if spec.seed is not None else secrets.randbelow(2**31)
    drawn = draw(bank, replace(spec, seed=seed))
    if not drawn.playables:
        raise AssignmentError(drawn.empty_reason or "no question matches these options")
    for _ in range(20):
        code = new_code()
        fixed = replace(drawn.spec, seed=seed, assignment=code)
        assignment = Assignment(
            code=code,
            uid=secrets.token_hex(16),
            title=title,
            spec=fixed,
            questions=tuple(p.id for p in drawn.playables),
            due=parse_due(due),
            created=now(),
        )
        if store.add_assignment(_row(assignment)):
            return assignment
    raise AssignmentError("could not find a free code; try again")  # pragma: no cover


def _row(assignment: Assignment) -> dict[str, Any]:
    return {
        "code": assignment.code,
        "uid": assignment.uid,
        "title": assignment.title,
        "spec": spec_to_json(assignment.spec),
        "questions": json.dumps(list(assignment.questions)),
        "due": assignment.due,
        "created": assignment.created,
    }


def _from_row(row: dict[str, Any]) -> Assignment:
    return Assignment(
        code=str(row["code"]),
        uid=str(row["uid"]),
        title=str(row["title"]),
        spec=spec_from_json(str(row["spec"])),
        questions=tuple(json.loads(str(row["questions"]))),
        due=row["due"],
        created=str(row["created"]),
    )


def find(store: Store, code: str) -> Assignment:
    """The assignment with this code (as typed). Raises AssignmentError with the reason."""
    normal = normalise_code(code)
    if normal is None:
        raise AssignmentError(
            f"{clean_line(code)!r} is not an assignment code (six letters and digits, like K7Q-3XD)"
        )
    rows = store.assignment_rows(normal)
    if not rows:
        known = [r["code"] for r in store.assignment_rows()]
        listing = ", ".join(known) if known else "none yet"
        raise AssignmentError(f"no assignment {normal} here (assignments: {listing})")
    return _from_row(rows[0])


def all_assignments(store: Store) -> list[Assignment]:
    return [_from_row(row) for row in store.assignment_rows()]


def add(store: Store, assignment: Assignment) -> None:
    """Keep an assignment made elsewhere (from a shared file); refuses another one with its code."""
    rows = store.assignment_rows(assignment.code)
    if rows:
        if rows[0]["uid"] != assignment.uid:
            raise AssignmentError(
                f"this store already has another assignment with the code {assignment.code}"
            )
        return
    store.add_assignment(_row(assignment))


def check_draw(bank: Bank, assignment: Assignment) -> None:
    """Raise AssignmentError unless this bank draws the assignment's questions, in its order.

    A round with the assignment's spec (and so its seed) is then the assignment.
    """
    from quiz.engine.rounds import draw

    drawn = tuple(p.id for p in draw(bank, assignment.spec).playables)
    if drawn != assignment.questions:
        raise AssignmentError(
            f"the question bank has changed since assignment {assignment.code} was set:"
            " it no longer draws the same questions (play it with the bank it was made with)"
        )


def session(bank: Bank, store: Store, assignment: Assignment, player: str | None) -> GameSession:
    """A round of the assignment: its questions, in its order, or AssignmentError saying why not."""
    from quiz.engine.session import GameSession

    check_draw(bank, assignment)
    return GameSession(bank, assignment.spec, store, player)


def open_assignment(store: Store, code_or_file: str) -> Assignment:
    """`quiz play --assignment`: a code in this store, or a shared file (kept in the store)."""
    from pathlib import Path

    path = Path(code_or_file)
    if normalise_code(code_or_file) is None and path.is_file():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise AssignmentError(f"{path}: cannot be read ({exc})") from None
        assignment = from_share(text, str(path))
        add(store, assignment)
        return assignment
    return find(store, code_or_file)


@dataclass(frozen=True)
class Progress:
    """How far a class has got with an assignment."""

    assignment: Assignment
    players: tuple[str, ...]  # everyone who has started it
    finished: tuple[str, ...]  # everyone who has answered every question in one round


def progress(store: Store, assignment: Assignment) -> Progress:
    started: dict[str, None] = {}
    finished: dict[str, None] = {}
    for r in store.assignment_rounds(assignment.code):
        if r["answered"]:
            started[r["player"]] = None
            if r["answered"] >= assignment.size:
                finished[r["player"]] = None
    return Progress(assignment, tuple(started), tuple(finished))


# --- sharing an assignment with pupils who play at home -------------------------

SHARE_FORMAT = "csto-quiz assignment"


def to_share(assignment: Assignment) -> str:
    """The assignment as a JSON file a pupil can play at home (`quiz play --assignment FILE`)."""
    return json.dumps(
        {"format": SHARE_FORMAT, "version": 1, **_row(assignment)}, indent=2, ensure_ascii=False
    )


def from_share(text: str, where: str) -> Assignment:
    try:
        data = json.loads(text)
        if data.get("format") != SHARE_FORMAT:
            raise AssignmentError(f"{where}: not an assignment file")
        assignment = _from_row(data)
    except AssignmentError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise AssignmentError(f"{where}: not a readable assignment file ({exc})") from None
    if normalise_code(assignment.code) != assignment.code or assignment.spec.assignment != assignment.code:
        raise AssignmentError(f"{where}: the assignment's code is not valid")
    return assignment
