"""A store's database read and written directly, on either backend, as the tests check what the store did."""

from __future__ import annotations

import sqlite3
from typing import Any


def is_postgres(url: str) -> bool:
    return url.startswith("postgresql")


def query(url: str, statement: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows of one statement (in SQLite's words, `?` placeholders), run outside the store, committed."""
    if is_postgres(url):
        import psycopg

        with psycopg.connect(url, autocommit=True) as db:
            cursor = db.execute(statement.replace("?", "%s"), params)
            return cursor.fetchall() if cursor.description else []
    with sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None) as db:
        return db.execute(statement, params).fetchall()


def count_answers(url: str) -> int:
    return int(query(url, "SELECT count(*) FROM answers")[0][0])


def schema_version(url: str) -> int:
    """The schema's version as the database records it."""
    if is_postgres(url):
        return int(query(url, "SELECT version FROM quiz_schema")[0][0])
    return int(query(url, "PRAGMA user_version")[0][0])


def set_schema_version(url: str, version: int) -> None:
    """Stamp the database as if another version of the game had written it."""
    if is_postgres(url):
        query(url, "UPDATE quiz_schema SET version = ?", (version,))
    else:
        query(url, f"PRAGMA user_version = {int(version)}")
