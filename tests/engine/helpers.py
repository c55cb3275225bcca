"""Helpers for the engine tests: running `quiz` in a subprocess, typing right answers."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from quiz.engine.kinds import kind_of
from quiz.engine.playable import Answer, Playable

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SEEDS = REPO / "seeds"
FIXTURE_BANK = HERE / "fixture_bank.toml"


def quiz_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"QUIZ_DATA_DIR", "QUIZ_DB"}}
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def quiz_command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "quiz", *(str(a) for a in args)]


def run_quiz(*args: str | Path, input: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m quiz ARGS` with `input` piped in; never reads ./content (cwd is a temp folder)."""
    return subprocess.run(
        quiz_command(*args),
        input=input,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=quiz_env(),
        timeout=120,
    )


def right_answer(playable: Playable) -> Answer:
    """The right answer to `playable` (every question drawn from a bank has one)."""
    assert playable.answer is not None, playable.id
    return playable.answer


def right_pairs(playable: Playable) -> Mapping[str, str]:
    """The right pairs of a `match` question, left side to right side."""
    answer = right_answer(playable)
    assert isinstance(answer, Mapping), playable.id
    return answer


def right_input(playable: Playable) -> str:
    """What a player types to answer `playable` fully right in the plain mode."""
    return kind_of(playable.type).typed(playable, right_answer(playable))


def wrong_input(playable: Playable) -> str:
    """A well-formed answer that earns no credit (or as little as the type allows)."""
    kind = kind_of(playable.type)
    return kind.typed(playable, kind.wrong(playable))
