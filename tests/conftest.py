"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    """The real articles and sources.toml: quotes in fixtures are checked against them."""
    return SEEDS


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's checked-bank cache in a folder of its own, never the user's (subprocesses too)."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(folder))
    return folder
