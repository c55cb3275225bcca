"""`quiz stats` with the review figures, and `quiz review reset`, as a user runs them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from quiz.content.bank import Bank
from quiz.engine import review
from quiz.engine.session import GameSession
from quiz.engine.spec import RoundSpec
from quiz.engine.store import Store
from tests.engine.helpers import SEEDS, quiz_command, quiz_env

DAY0 = "2026-12-01T09:00:00Z"


def quiz(*args: str | Path, input: str = "", cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        quiz_command(*args), input=input, capture_output=True, text=True, encoding="utf-8", cwd=cwd,
        env={**quiz_env(), review.NOW_VARIABLE: DAY0}, timeout=120,
    )  # fmt: skip


@pytest.fixture
def studied(bank: Bank, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Kim's first due round: three new questions, one confidently right, two merely right."""
    monkeypatch.setenv(review.NOW_VARIABLE, DAY0)
    store = Store.open(data_dir)
    store.set_setting(review.NEW_PER_DAY, "3")
    session = GameSession(bank, RoundSpec(mode="due", confidence=True), store, "kim")
    for level, playable in zip((3, 2, 2), session.playables, strict=True):
        session.answer(playable.answer, level)  # type: ignore[arg-type]
    store.close()
    return data_dir


def test_quiz_stats_shows_the_forecast_retention_and_cards(studied: Path, tmp_path: Path) -> None:
    table = quiz("stats", "--data-dir", studied, cwd=tmp_path)
    assert table.returncode == 0, table.stderr
    assert "Due for review: 2 today, 0 tomorrow, 2 in the next 7 days, 3 in the next 30." in table.stdout
    assert "True retention: no review has fallen due yet." in table.stdout
    assert (
        "Cards: 2 learning, 1 review, 0 relearning (new questions are counted with --content)."
        in table.stdout
    )
    assert "Calibration: disputes and the rest" in table.stdout


def test_quiz_stats_json_carries_the_same_figures(
    studied: Path, tmp_path: Path, content_dir: Path, bank: Bank
) -> None:
    result = quiz(
        "stats", "--data-dir", studied, "--format", "json", "--content", content_dir, "--seeds", SEEDS,
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)["review"]
    from quiz.engine.rounds import question_ids

    assert figures["cards"] == {
        "new": len(question_ids(bank)) - 3, "learning": 2, "review": 1, "relearning": 0,
    }  # fmt: skip
    assert (figures["due_today"], figures["due_tomorrow"], figures["due_week"], figures["due_month"]) == (
        2, 0, 2, 3,
    )  # fmt: skip
    assert len(figures["forecast"]) == 30 and figures["retention"] is None
    levels = figures["calibration_disputes"] + figures["calibration_others"]
    assert sum(level["answered"] for level in levels) == 3


def test_review_reset_asks_first_and_keeps_the_answers(studied: Path, tmp_path: Path) -> None:
    declined = quiz("review", "reset", "--player", "Kim", "--data-dir", studied, input="n\n", cwd=tmp_path)
    assert declined.returncode == 0, declined.stderr
    assert (
        "Reset kim's review schedule (3 cards)? Their answers and stats are kept. [y/N] " in declined.stdout
    )
    assert "Nothing was reset." in declined.stdout
    assert len(Store.open(studied).card_ids("kim")) == 3

    agreed = quiz("review", "reset", "--player", "kim", "--data-dir", studied, input="y\n", cwd=tmp_path)
    assert "Reset kim's review schedule: 3 cards forgotten; every question is new again." in agreed.stdout
    store = Store.open(studied)
    assert store.card_ids("kim") == [] and len(store.answers("kim")) == 3
    store.close()


def test_review_reset_with_yes_skips_the_question_and_a_wrong_name_is_explained(
    studied: Path, tmp_path: Path
) -> None:
    done = quiz("review", "reset", "--player", "kim", "--yes", "--data-dir", studied, cwd=tmp_path)
    assert "[y/N]" not in done.stdout and "3 cards forgotten" in done.stdout
    unknown = quiz("review", "reset", "--player", "kin", "--yes", "--data-dir", studied, cwd=tmp_path)
    assert unknown.returncode == 1
    assert unknown.stderr == "quiz review reset: no player named 'kin'; did you mean 'kim'? (players: kim)\n"
