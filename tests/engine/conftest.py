"""Shared fixtures for the engine tests: a small valid bank, stores, subprocess runs.

The bank is `fixture_bank.toml` (real quotes from the real articles in
`seeds/`), copied into a temporary content folder, so these tests do not
depend on `content/`, which other people edit.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.content.bank import Bank, load_bank
from quiz.engine.store import Store
from tests.engine.helpers import FIXTURE_BANK, SEEDS


@pytest.fixture(scope="session")
def content_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("content")
    shutil.copy(FIXTURE_BANK, folder / "bank.toml")
    return folder


@pytest.fixture(scope="session")
def bank(content_dir: Path) -> Bank:
    result = load_bank(content_dir, SEEDS)
    assert result.ok, [p.format() for p in result.errors]
    return result.bank


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """A new store on SQLite, then on PostgreSQL (see `store_url`): the engine's promises on both."""
    opened = Store.connect(store_url)
    assert opened.notice is None
    yield opened
    opened.close()


@pytest.fixture
def file_store(data_dir: Path) -> Iterator[Store]:
    """A new store in `data_dir`'s SQLite file, for tests that look at the file itself."""
    opened = Store.open(data_dir)
    assert opened.notice is None
    yield opened
    opened.close()
