"""A round left before its end, kept across runs of the game to be resumed.

What is kept is the draw and the answers, not the questions: the spec, the seed,
the question ids in order (with each question as it was shown, to tell
whether the bank has changed since), the round's id in the store, and each answer given so far in
the form a player types it. Resuming draws the same questions again from the
bank with the same seed and replays the answers into a new session, so the
score, streak and marks come back as they were; the answers are in the store
already, and the next ones join the same round there.

The state is JSON, kept in the store's per-player settings (`SETTING`). A
state that cannot be resumed (not ours, or the bank has changed) raises
`CannotResume` with one sentence for the player.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields, replace
from typing import TYPE_CHECKING, Any

from quiz.engine.spec import RoundSpec

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from quiz.content.bank import Bank
    from quiz.engine.playable import Playable
    from quiz.engine.session import GameSession
    from quiz.engine.store import Store

SETTING = "left-round"
"""The store setting that holds a player's left round ("" once there is none)."""
SET_ASIDE = "left-round-set-aside"
"""Where a left round that could not be resumed is kept, rather than deleted."""
VERSION = 1


class CannotResume(ValueError):
    """A saved round that cannot be played on: the message is one sentence for the player."""


def left_round_json(session: GameSession, narrowed_to: Mapping[str, Sequence[str]] | None = None) -> str:
    """The state to resume `session` from, as JSON; `narrowed_to`: the question_ids and
    dispute_ids the round's bank was narrowed to (`quiz.engine.rounds.narrowed`), if it was."""
    from quiz.engine.kinds import kind_of

    spec = asdict(session.spec)
    return json.dumps(
        {
            "version": VERSION,
            "spec": spec,
            "seeded": session.repeatable,
            "seed": session.seed,
            "questions": [p.id for p in session.playables],
            "shown": [as_shown(p) for p in session.playables],
            "round": session.round_id,
            "narrowed_to": {k: list(v) for k, v in (narrowed_to or {}).items()},
            "answers": [
                {
                    "typed": kind_of(s.playable.type).typed(s.playable, s.given),
                    "confidence": s.award.confidence,
                }
                for s in session.steps
            ],
        },
        ensure_ascii=False,
    )


def as_shown(playable: Playable) -> str:
    """A question as the player saw it: its prompt, and its choices (or items, or sides) in order."""
    from quiz.engine.kinds import kind_of

    return "\n".join([playable.prompt, *kind_of(playable.type).shown(playable)])


def resume(bank: Bank, store: Store, player: str, text: str) -> GameSession:
    """The session of a left round, with its answers so far; `CannotResume` if it cannot be."""
    from quiz.engine.kinds import kind_of
    from quiz.engine.kinds.common import BadInput
    from quiz.engine.rounds import narrowed
    from quiz.engine.session import GameSession

    state = _read(text)
    spec = _spec(state["spec"])
    ids: list[str] = state["questions"]
    narrowed_to = state["narrowed_to"]
    if narrowed_to:  # drawn from the same few questions, or generated questions come out otherwise
        bank, spec = narrowed(
            bank, spec, narrowed_to.get("question_ids", ()), narrowed_to.get("dispute_ids", ())
        )
    try:
        session = GameSession(bank, replace(spec, seed=state["seed"]), store, player, replay=ids)
    except (TypeError, ValueError) as exc:  # a spec of the wrong types, written by hand
        raise CannotResume("The round you left could not be read, so it cannot be resumed.") from exc
    drawn = session.playables
    if [p.id for p in drawn] != ids or [as_shown(p) for p in drawn] != state["shown"]:
        raise CannotResume("The round you left cannot be resumed: its questions have changed since.")
    answers = []
    for playable, answer in zip(drawn, state["answers"], strict=False):
        given = kind_of(playable.type).read(playable, answer["typed"])
        if isinstance(given, BadInput):
            raise CannotResume("The round you left cannot be resumed: its questions have changed since.")
        answers.append((given, answer["confidence"]))
    session.restore(answers, round_id=state["round"], repeatable=state["seeded"])
    if session.finished:
        raise CannotResume("The round you left has no questions left to answer.")
    return session


def _read(text: str) -> dict[str, Any]:
    unreadable = CannotResume("The round you left could not be read, so it cannot be resumed.")
    try:
        state = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise unreadable from exc
    if not isinstance(state, dict) or state.get("version") != VERSION:
        raise unreadable
    checks = {
        "spec": dict,
        "seeded": bool,
        "seed": int,
        "questions": list,
        "shown": list,
        "answers": list,
    }
    for key, kind in checks.items():
        if not isinstance(state.get(key), kind):
            raise unreadable
    if not isinstance(state.get("round"), int | None) or isinstance(state.get("round"), bool):
        raise unreadable
    if not all(isinstance(i, str) for i in state["questions"] + state["shown"]):
        raise unreadable
    narrowed_to = state.setdefault("narrowed_to", {})  # absent: a round on the whole bank
    if not isinstance(narrowed_to, dict) or not all(
        key in ("question_ids", "dispute_ids")
        and isinstance(ids, list)
        and all(isinstance(i, str) for i in ids)
        for key, ids in narrowed_to.items()
    ):
        raise unreadable
    if len(state["shown"]) != len(state["questions"]) or len(state["answers"]) > len(state["questions"]):
        raise unreadable
    for answer in state["answers"]:
        if not (
            isinstance(answer, dict)
            and isinstance(answer.get("typed"), str)
            and answer.get("confidence") in (None, 1, 2, 3)
        ):
            raise unreadable
    return state


def _spec(data: dict[str, Any]) -> RoundSpec:
    """The spec as saved; `CannotResume` for anything that is not one."""
    known = {f.name for f in fields(RoundSpec)}
    if set(data) - known:
        raise CannotResume("The round you left could not be read, so it cannot be resumed.")
    values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
    try:
        spec = RoundSpec(**values)
    except (TypeError, ValueError) as exc:
        raise CannotResume("The round you left could not be read, so it cannot be resumed.") from exc
    return spec
