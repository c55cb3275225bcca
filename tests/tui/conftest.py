"""Fixtures for the TUI's tests: a small bank in a temporary folder, an app on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.engine.setup import GameSetup, PlayOptions, load_setup
from quiz.engine.spec import RoundSpec
from quiz.tui.app import QuizApp, make_app
from tests.tui.bank import write_content, write_seeds

SEED = 7


@pytest.fixture
def make_options(tmp_path: Path, seeds_dir: Path) -> Callable[..., PlayOptions]:
    def make(mark: str = "", *, player: str | None = "Ana", **spec: object) -> PlayOptions:
        folder = tmp_path / ("bank" + str(abs(hash(mark))))
        content = write_content(folder, mark)
        seeds = write_seeds(folder, seeds_dir, mark)
        values: dict[str, object] = {"seed": SEED, "count": 6}
        values.update(spec)
        return PlayOptions(
            content_dir=content,
            seeds_dir=seeds,
            data_dir=tmp_path / "data",
            spec=RoundSpec(**values),  # type: ignore[arg-type]
            player=player,
        )

    return make


@pytest.fixture
def make_game_app(make_options: Callable[..., PlayOptions]) -> Callable[..., QuizApp]:
    """An app with its bank already loaded (no worker), on a fresh data folder."""

    def make(mark: str = "", **kwargs: object) -> QuizApp:
        options = make_options(mark, **kwargs)
        setup: GameSetup = load_setup(options)
        return make_app(options, setup=setup)

    return make
