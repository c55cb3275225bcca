"""Helpers for the engine tests: running `quiz` in a subprocess, typing right answers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from quiz.engine.answers import format_number
from quiz.engine.parse import LETTERS
from quiz.engine.playable import Playable

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SEEDS = REPO / "seeds"
FIXTURE_BANK = HERE / "fixture_bank.toml"


def quiz_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "QUIZ_DATA_DIR"}
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


def right_input(playable: Playable) -> str:
    """What a player types to answer `playable` fully right in the plain mode."""
    key = playable.answer
    if playable.type == "choice":
        return str(playable.choices.index(key) + 1)
    if playable.type == "multi":
        return ", ".join(str(n) for n, c in enumerate(playable.choices, 1) if c in key)
    if playable.type == "truefalse":
        return "t" if key else "f"
    if playable.type == "number":
        return format_number(key)
    if playable.type == "order":
        return " ".join(str(playable.items.index(item) + 1) for item in key)
    if playable.type == "match":
        return " ".join(
            f"{n}{LETTERS[playable.rights.index(key[left])]}" for n, left in enumerate(playable.lefts, 1)
        )
    raise AssertionError(playable.type)


def wrong_input(playable: Playable) -> str:
    """A well-formed answer that earns no credit (or as little as the type allows)."""
    key = playable.answer
    if playable.type == "choice":
        return str(next(n for n, c in enumerate(playable.choices, 1) if c != key))
    if playable.type == "multi":
        return " ".join(str(n) for n, c in enumerate(playable.choices, 1) if c not in key)
    if playable.type == "truefalse":
        return "f" if key else "t"
    if playable.type == "number":
        return format_number(key + playable.tolerance + 1000)
    if playable.type == "order":
        return " ".join(str(playable.items.index(item) + 1) for item in reversed(key))
    if playable.type == "match":
        pairs = []
        for n, left in enumerate(playable.lefts, 1):
            wrong = next(i for i, r in enumerate(playable.rights) if r != key[left])
            pairs.append(f"{n}{LETTERS[wrong]}")
        return " ".join(pairs)
    raise AssertionError(playable.type)
