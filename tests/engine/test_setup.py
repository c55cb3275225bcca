"""From the command line to a game: options, the bank, the store, the player."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.commands.parser import build_parser
from quiz.commands.play import options_from_args
from quiz.engine.setup import BankHasErrors, OptionsError, load_setup
from quiz.engine.spec import RoundSpec
from quiz.engine.store import Store
from tests.engine.helpers import SEEDS


def options(*argv: str):
    return options_from_args(build_parser().parse_args(["play", *argv]))


def test_every_round_option_reaches_the_spec(tmp_path: Path) -> None:
    got = options(
        "--mode", "drill", "--topic", "deployment", "--topic", "deployment", "--type", "number",
        "--source", "russtrat", "--difficulty", "2", "--skill", "sourcing", "--count", "4", "--seed", "9",
        "--confidence", "--player", " kim ", "--data-dir", str(tmp_path), "--content", "c", "--seeds", "s",
    )  # fmt: skip
    assert got.spec == RoundSpec(
        mode="drill",
        topics=("deployment",),
        types=("number",),
        sources=("russtrat",),
        difficulties=(2,),
        skills=("sourcing",),
        count=4,
        seed=9,
        confidence=True,
    )
    assert (got.player, got.data_dir, got.content_dir, got.seeds_dir) == (
        "kim",
        tmp_path,
        Path("c"),
        Path("s"),
    )


def test_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "from-env"))
    got = options()
    assert got.spec == RoundSpec()
    assert got.player is None
    assert got.data_dir == tmp_path / "from-env"


@pytest.mark.parametrize(
    ("argv", "message"), [(("--count", "-1"), "at least 1"), (("--type", "essay"), "not a question type")]
)
def test_options_that_cannot_make_a_round(argv: tuple[str, ...], message: str) -> None:
    with pytest.raises(OptionsError, match=message):
        options(*argv)


def test_load_setup_takes_the_last_player_from_the_store(content_dir: Path, tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    store.set_setting("last_player", "ann")
    store.close()
    setup = load_setup(
        options("--content", str(content_dir), "--seeds", str(SEEDS), "--data-dir", str(tmp_path))
    )
    assert setup.player == "ann"
    assert setup.store.notice is None
    assert len(setup.bank.questions) == 17
    named = load_setup(
        options(
            "--content",
            str(content_dir),
            "--seeds",
            str(SEEDS),
            "--data-dir",
            str(tmp_path),
            "--player",
            "bo",
        )
    )
    assert named.player == "bo"


def test_load_setup_refuses_a_bank_with_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text('[[question]]\nid = "x"\n', encoding="utf-8")
    with pytest.raises(BankHasErrors) as caught:
        load_setup(
            options("--content", str(tmp_path), "--seeds", str(SEEDS), "--data-dir", str(tmp_path / "d"))
        )
    assert caught.value.result.errors
    assert "run `quiz check`" in str(caught.value)


def test_the_options_know_the_same_question_types_as_the_content_format() -> None:
    from quiz.content.models import QUESTION_TYPES
    from quiz.engine import setup

    assert setup.QUESTION_TYPES == QUESTION_TYPES
