"""Fixtures for the export tests: the real bank (what a teacher exports) and a hostile one."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.content.bank import Bank, load_bank
from tests.export.banks import TRICKY

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def real_bank() -> Bank:
    result = load_bank(CONTENT, SEEDS)
    assert result.ok, [p.format() for p in result.errors]
    return result.bank


@pytest.fixture(scope="session")
def tricky_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tricky")
    (folder / "tricky.toml").write_text(TRICKY, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def tricky_bank(tricky_content: Path) -> Bank:
    result = load_bank(tricky_content, SEEDS)
    assert result.ok, [p.format() for p in result.errors]
    return result.bank
