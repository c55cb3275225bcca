"""`quiz play --plain --mode campaign`, driven through a real subprocess with piped input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from quiz.engine.campaign.run import CampaignRun
from tests.campaign.campaigns import load_with_campaign

SEED = 5


def quiz(tmp_path: Path, seeds: Path, text: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz", "play", "--plain", "--mode", "campaign", "--player", "ana",
         "--seed", str(SEED), "--content", str(tmp_path / "content"), "--seeds", str(seeds),
         "--data-dir", str(tmp_path / "data")],
        input=text, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def six(tmp_path: Path, seeds: Path) -> int:
    """Where the choice "Six" stands in the shuffled question, as the game will show it."""
    bank = load_with_campaign(tmp_path, seeds).bank
    run = CampaignRun(bank.campaigns["campaign"], bank, seed=SEED)
    return run.questions()[0].playable.choices.index("Six") + 1


def test_a_whole_campaign_to_the_best_ending(tmp_path: Path, seeds_dir: Path) -> None:
    n = six(tmp_path, seeds_dir)
    moves = ["k 1", "a 1", str(n), "g 1", "k 1", "k 2", "c", "1 2", "1", "a 1", str(n), "g 1"]
    result = quiz(tmp_path, seeds_dir, "\n".join(moves) + "\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "== The newsroom (Newsroom, 7 January 2022) ==" in out
    assert "[closed: answer the question “How many states" in out
    assert "Yes: those two conflict." in out
    assert "Right. Different days, official figures and estimates." in out
    assert "Ending: Front page" in out
    assert "Your score: 5 of at most 5." in out
    stats = subprocess.run(
        [sys.executable, "-m", "quiz", "stats", "--data-dir", str(tmp_path / "data"),
         "--content", str(tmp_path / "content"), "--seeds", str(seeds_dir)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert "The test briefing: “Front page”, score 5 of 5" in stats.stdout
    assert "front-page" not in stats.stdout and "campaign," not in stats.stdout  # names, not ids


def test_bad_input_asks_again_and_nothing_crashes(tmp_path: Path, seeds_dir: Path) -> None:
    load_with_campaign(tmp_path, seeds_dir)
    result = quiz(tmp_path, seeds_dir, "x\nk\nk 99\ng 1\nc\na 1\nseven\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "'x' is not a command. Type h for the commands." in out
    assert "Not possible: type a number after the command, like k 1 (not '')." in out
    assert "Not possible: there is no evidence 99 (1 to 1)." in out
    assert "Not possible: that way is not open yet" in out
    assert "Not possible: there is no contradiction to catch in this scene." in out
    assert "'seven' is not the number of a choice." in out
    assert "Traceback" not in result.stderr


def test_end_of_input_saves_and_the_next_game_resumes(tmp_path: Path, seeds_dir: Path) -> None:
    n = six(tmp_path, seeds_dir)
    first = quiz(tmp_path, seeds_dir, f"k 1\na 1\n{n}\ng 1\nk 1\n")
    assert first.returncode == 0
    assert first.stdout.rstrip().endswith("Journey saved. Goodbye.")

    second = quiz(tmp_path, seeds_dir, "r\nn\nm\n")
    out = second.stdout
    assert "You have a journey under way, at The library. r to resume, n to start again." in out
    assert "== The library (Library) ==" in out
    notebook = out[out.index("Your notebook:") :]
    assert "reached 2,885 people" in notebook and "after 2,500 of its troops" in notebook
    assert "Visited: The newsroom, The library" in out
    assert "Score: 1 of at most 5." in out


def test_odd_digits_and_huge_numbers_at_every_prompt_ask_again(tmp_path: Path, seeds_dir: Path) -> None:
    n = six(tmp_path, seeds_dir)
    huge = "9" * 5_000  # beyond Python's limit on turning digits into an int
    moves = [
        "k ²", f"k {huge}", "k ٣", "k 1", "a ²", "a 1", "²", huge, str(n), "g 1", "k 1", "k 2",
        "c", "² ²", f"1 {huge}", "１ ２", "1 2",  # the two entries that conflict
        "²", huge, "1",  # the reason
    ]  # fmt: skip
    result = quiz(tmp_path, seeds_dir, "\n".join(moves) + "\n")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    out = result.stdout
    assert "Not possible: type a number after the command, like k 1 (not '²')." in out
    assert "Not possible: type a number after the command, like k 1 (not '٣')." in out
    assert out.count("Not possible: type a number after the command, like k 1 (not '9999") == 1
    # Echoed once as read (piped input), never quoted back whole in a complaint.
    assert out.count(huge) == sum(huge in move for move in moves)
    assert "'²' is not the number of a choice." in out
    assert "There is no choice that high: the choices are numbered 1 to" in out
    assert out.count("Type two different numbers from 1 to 3, like 1 2.") == 3
    assert "Yes: those two conflict." in out
    assert out.count("Type a number from 1 to ") == 2
    assert "Right. Different days, official figures and estimates." in out
