"""A teacher reads a round's seed off its summary, and only where the seed gives that round again."""

from __future__ import annotations

from pathlib import Path

from tests.engine.helpers import SEEDS, run_quiz

ROOT = Path(__file__).resolve().parents[2]


def play(tmp_path: Path, *options: str) -> str:
    result = run_quiz(
        "play", "--plain", "--count", "1", "--player", "kim", "--content", ROOT / "content",
        "--seeds", SEEDS, "--data-dir", tmp_path / "data", *options, input="1\n", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_seeded_round_names_its_seed_in_the_summary(tmp_path: Path) -> None:
    out = play(tmp_path, "--seed", "5", "--type", "choice")
    assert "Seed 5: `--seed 5` with the same size, mode and filters gives this round again." in out


def test_a_round_drawn_from_the_history_names_no_seed(tmp_path: Path) -> None:
    assert "Seed " not in play(tmp_path, "--type", "choice")  # no seed would give it again
    assert "Seed " not in play(tmp_path, "--mode", "review", "--seed", "5")
