"""A progress file the game must not use is left as it was, and `quiz stats` says why it cannot read it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quiz.engine.store import FILE_NAME, Store
from tests.engine.helpers import run_quiz


def newer_file(data_dir: Path) -> bytes:
    """A progress file in rollback-journal mode, stamped by a newer version of the game."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(data_dir / FILE_NAME) as db:
        db.execute("CREATE TABLE future (x)")
        db.execute("PRAGMA user_version = 99")
    return (data_dir / FILE_NAME).read_bytes()


def test_a_database_from_a_newer_version_is_never_written(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    before = newer_file(data_dir)
    opened = Store.open(data_dir)
    opened.set_setting("theme", "light")
    opened.close()
    assert "newer version of quiz" in (opened.notice or "")
    assert (data_dir / FILE_NAME).read_bytes() == before  # not even its journal mode changed
    assert not (data_dir / f"{FILE_NAME}-wal").exists()


def test_stats_on_a_database_it_cannot_read_says_why_and_fails(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    newer_file(data_dir)
    result = run_quiz("stats", "--format", "csv", "--data-dir", data_dir, cwd=tmp_path)
    assert result.returncode == 3
    assert result.stdout == ""  # no header-only CSV that looks like an empty class
    assert "quiz stats: cannot read the progress:" in result.stderr
    assert "newer version of quiz" in result.stderr


def test_stats_on_a_damaged_database_says_it_was_moved_aside_and_fails(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / FILE_NAME).write_bytes(b"this is not a database" * 100)
    result = run_quiz("stats", "--data-dir", data_dir, cwd=tmp_path)
    assert result.returncode == 3
    assert "damaged" in result.stderr and "moved to" in result.stderr
    assert len(list(data_dir.glob(f"{FILE_NAME}.damaged-*"))) == 1
