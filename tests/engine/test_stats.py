"""`quiz stats`: accuracy by topic, source and type, streaks, calibration, most missed; table, JSON, CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from quiz.content.bank import Bank
from quiz.engine.session import GameSession
from quiz.engine.spec import RoundSpec
from quiz.engine.stats import compute, to_table
from quiz.engine.store import Store
from tests.engine.helpers import run_quiz


def play(
    bank: Bank, store: Store, player: str, spec: RoundSpec, plan: dict[str, tuple[bool, int | None]]
) -> None:
    """Answer the round's questions right or wrong, with a confidence, as `plan` says (by id)."""
    session = GameSession(bank, spec, store, player)
    while (playable := session.current) is not None:
        right, confidence = plan[playable.id]
        if playable.type == "truefalse":
            given = playable.answer if right else not playable.answer
        else:
            given = playable.answer if right else next(c for c in playable.choices if c != playable.answer)
        session.answer(given, confidence)  # type: ignore[arg-type]


@pytest.fixture
def history(bank: Bank, data_dir: Path) -> Path:
    """kim: two rounds; ann: one. Returns the data folder."""
    store = Store.open(data_dir)
    truefalse = RoundSpec(types=("truefalse",), count=3, seed=1, confidence=True)
    play(
        bank,
        store,
        "kim",
        truefalse,
        {"no-other-alliances": (True, 3), "at-whose-request": (False, 3), "un-peacekeepers": (True, 1)},
    )
    reactions = RoundSpec(topics=("reactions",), types=("choice",), count=2, seed=1)
    play(bank, store, "kim", reactions, {"blinken": (False, None), "mihkelson": (True, None)})
    play(bank, store, "ann", reactions, {"blinken": (False, None), "mihkelson": (False, None)})
    store.close()
    return data_dir


def test_stats_of_one_player(history: Path) -> None:
    stats = compute(Store.open(history).answers("kim"), "kim")
    assert (stats.rounds, stats.answered, stats.right) == (2, 5, 3)
    assert stats.accuracy == pytest.approx(3 / 5)
    assert {t.name: (t.answered, t.right) for t in stats.by_topic} == {
        "deployment": (1, 0),
        "forces-structure": (1, 1),
        "origins-membership": (1, 1),
        "reactions": (2, 1),
    }
    assert {t.name: (t.answered, t.right) for t in stats.by_type} == {"choice": (2, 1), "truefalse": (3, 2)}
    assert {t.name: t.answered for t in stats.by_source} == {"afp-24news": 1, "gaspardo": 1, "russtrat": 3}
    assert stats.best_streak == 1
    assert [(t.name, t.answered, t.right) for t in stats.calibration] == [("1", 1, 1), ("3", 2, 1)]
    assert stats.marks == 3 - 6 + 1
    assert [(m.question_id, m.missed, m.answered) for m in stats.most_missed] == [
        ("at-whose-request", 1, 1),
        ("blinken", 1, 1),
    ]


def test_stats_of_everyone_put_the_most_missed_first(history: Path) -> None:
    stats = compute(Store.open(history).answers())
    assert stats.players == ["ann", "kim"]
    assert stats.rounds == 3
    assert stats.most_missed[0].question_id == "blinken"
    assert (stats.most_missed[0].missed, stats.most_missed[0].answered) == (2, 2)


def test_the_table(history: Path, tmp_path: Path) -> None:
    result = run_quiz("stats", "--player", "KIM", "--data-dir", history, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Player: kim\nRounds played: 2. Answers: 5, 3 fully right. Accuracy: 60%.")
    assert "Best streak: 1." in out
    assert "Certainty-based marks: -2." in out
    assert (
        "By topic              answered  right  accuracy\n  Deployment                 1      0        0%\n"
        in out
    )
    assert "  Reactions                  2      1       50%\n" in out
    assert (
        "Calibration     answered  right  right %\n  confidence 1         1      1     100%\n  confidence 3         2      1      50%"
        in out
    )
    # The two copies of the AFP explainer, told apart by outlet and title; no ids.
    assert "  24 News HD, publishing AFP copy: “Russia's 'mini-Nato' intervenes in Kazakhstan”" in out
    assert "afp-24news" not in out and "afp-rewrite" not in out
    assert "Most missed:\n  1 of 1 missed  RUSSTRAT says the forces" in out


def test_json(history: Path, tmp_path: Path) -> None:
    result = run_quiz("stats", "--format", "json", "--data-dir", history, cwd=tmp_path)
    data = json.loads(result.stdout)
    assert (data["rounds"], data["answered"], data["right"]) == (3, 7, 3)
    assert data["calibration"] == [
        {"confidence": 1, "answered": 1, "right": 1, "credit": 1.0, "accuracy": 1.0},
        {"confidence": 3, "answered": 2, "right": 1, "credit": 1.0, "accuracy": 0.5},
    ]
    assert {t["name"]: t["accuracy"] for t in data["by_type"]} == {
        "choice": 0.25,
        "truefalse": pytest.approx(0.6667),
    }
    assert data["most_missed"][0]["question_id"] == "blinken"


def test_csv_has_one_row_per_answer_for_the_gradebook(history: Path, tmp_path: Path) -> None:
    result = run_quiz("stats", "--format", "csv", "--data-dir", history, cwd=tmp_path)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 7
    assert [r["player"] for r in rows] == ["kim"] * 5 + ["ann"] * 2
    first = rows[0]
    assert first["mode"] == "quick"
    assert first["question_number"] == "1"
    assert first["given"] in {"true", "false"}
    (sure,) = [r for r in rows if r["question_id"] == "no-other-alliances"]
    assert (sure["given"], sure["outcome"], sure["confidence"], sure["marks"]) == ("false", "right", "3", "3")
    assert rows[3]["confidence"] == ""
    assert set(first) >= {"answered_at", "question_id", "topic", "sources", "credit", "points", "seconds"}


def test_csv_cells_are_never_spreadsheet_formulas(bank: Bank, data_dir: Path, tmp_path: Path) -> None:
    store = Store.open(data_dir)
    play(
        bank,
        store,
        "=HYPERLINK(1)",
        RoundSpec(types=("truefalse",), count=1, seed=1),
        {"un-peacekeepers": (True, None)},
    )
    store.close()
    result = run_quiz("stats", "--format", "csv", "--data-dir", data_dir, cwd=tmp_path)
    (row,) = csv.DictReader(io.StringIO(result.stdout))
    assert row["player"] == "'=HYPERLINK(1)"


def test_an_unknown_player_is_named_with_a_suggestion(history: Path, tmp_path: Path) -> None:
    result = run_quiz("stats", "--player", "kym", "--data-dir", history, cwd=tmp_path)
    assert result.returncode == 1
    assert "no player named 'kym'; did you mean 'kim'? (players: ann, kim)" in result.stderr


def test_no_games_yet(tmp_path: Path) -> None:
    result = run_quiz("stats", "--data-dir", tmp_path / "empty", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == "Players: none\nNo answers recorded yet.\n"
    assert not (tmp_path / "empty").exists()


def test_the_table_of_an_empty_record() -> None:
    assert to_table(compute([], "kim")) == "Player: kim\nNo answers recorded yet."


def test_quiz_data_dir_from_the_environment(
    history: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess
    import sys

    from tests.engine.helpers import quiz_env

    env = {**quiz_env(), "QUIZ_DATA_DIR": str(history)}
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "stats", "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert json.loads(result.stdout)["answered"] == 7
