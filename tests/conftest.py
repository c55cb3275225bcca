"""Fixtures shared by every test folder."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn

import pytest

from quiz.engine.store import FILE_NAME
from tests.postgres import Cluster, ClusterUnavailable, create_database, drop_database

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


# --- the progress store on both backends -------------------------------------------------


def postgres_unavailable(reason: str) -> NoReturn:
    """Skip a test that needs PostgreSQL, or fail it where it must run (`QUIZ_REQUIRE_POSTGRES=1`, CI)."""
    if os.environ.get("QUIZ_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL is required here (QUIZ_REQUIRE_POSTGRES=1) and {reason}", pytrace=False)
    pytest.skip(f"no PostgreSQL: {reason}")


def _psycopg() -> None:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        postgres_unavailable("psycopg is not installed (pip install -e '.[test]')")


@pytest.fixture
def psycopg_installed() -> None:
    """For a test that needs psycopg but no server."""
    _psycopg()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A PostgreSQL server's admin URL: `QUIZ_TEST_POSTGRES` (CI's), else a throwaway cluster.

    The cluster is this session's (one per xdist worker), on a Unix socket in a
    temporary folder; it needs Debian's server programs (apt-get install postgresql).
    """
    _psycopg()
    given = os.environ.get("QUIZ_TEST_POSTGRES")
    if given:
        yield given
        return
    try:
        cluster = Cluster().start()
    except ClusterUnavailable as exc:
        postgres_unavailable(str(exc))
    try:
        yield cluster.url()
    finally:
        cluster.close()


@pytest.fixture
def private_cluster() -> Iterator[Cluster]:
    """A PostgreSQL server of this test's own, for tests that stop it (never CI's shared one)."""
    _psycopg()
    try:
        cluster = Cluster().start()
    except ClusterUnavailable as exc:
        postgres_unavailable(str(exc))
    try:
        yield cluster
    finally:
        cluster.close()


class NewStores:
    """A maker of fresh, empty stores' URLs on one backend (`backend`: "sqlite" or "postgresql")."""

    def __init__(self, backend: str, make: Callable[[], str]) -> None:
        self.backend = backend
        self._make = make

    def __call__(self) -> str:
        return self._make()


@pytest.fixture(params=["sqlite", "postgresql"])
def new_store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[NewStores]:
    """Fresh, empty stores on one backend, then the other: a file in a new folder each, or a new
    database on the PostgreSQL server each (dropped after the test)."""
    if request.param == "sqlite":
        folders = (tmp_path / ("data" if n == 0 else f"data{n}") for n in itertools.count())
        yield NewStores("sqlite", lambda: f"sqlite:///{next(folders) / FILE_NAME}")
        return
    admin: str = request.getfixturevalue("postgres_server")
    made: list[str] = []

    def new() -> str:
        made.append(create_database(admin))
        return made[-1]

    try:
        yield NewStores("postgresql", new)
    finally:
        for url in made:
            drop_database(admin, url)


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A new, empty database on the PostgreSQL server (dropped after the test)."""
    url = create_database(postgres_server)
    try:
        yield url
    finally:
        drop_database(postgres_server, url)


@pytest.fixture
def store_url(new_store_url: NewStores) -> str:
    """A fresh, empty store's URL, on SQLite and on PostgreSQL in turn: the same promises on both."""
    return new_store_url()
