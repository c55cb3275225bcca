"""What only a database server does to the store: being down, going away mid-round, hosts racing to migrate."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.engine import store as store_module
from quiz.engine.spec import RoundSpec
from quiz.engine.store import Store, StoreUnreachable
from tests.engine import stores
from tests.engine.helpers import quiz_env
from tests.engine.test_store import record
from tests.postgres import Cluster

PASSWORD = "s3cret-Pa55"


@pytest.fixture(autouse=True)
def no_reconnect_pause(psycopg_installed: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """After a failed reconnection the store does not try again for a second, so that a player
    answering while the server is away is not kept waiting at every answer. A player's next
    answer comes later than that; here it comes at once, so the pause is taken away."""
    from quiz.engine import postgres

    monkeypatch.setattr(postgres, "RECONNECT_PAUSE", 0.0)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def one_sentence(text: str) -> bool:
    return text.count(". ") == 0 and "\n" not in text and "Traceback" not in text


# --- a server that is down at start-up ---------------------------------------------------


def test_a_server_down_at_start_up_is_one_sentence_naming_it_never_the_password(
    private_cluster: Cluster,
) -> None:
    private_cluster.stop()
    url = private_cluster.url("school").replace("postgres@", f"teacher:{PASSWORD}@")
    with pytest.raises(StoreUnreachable) as raised:
        Store.connect(url)
    message = str(raised.value)
    assert f"{private_cluster.folder}:5432/school" in message  # the host (a socket folder), port, database
    assert PASSWORD not in message
    assert one_sentence(message), message


def test_no_server_on_a_port_names_the_host_and_port() -> None:
    port = free_port()  # nothing listens there
    with pytest.raises(StoreUnreachable) as raised:
        Store.connect(f"postgresql://teacher:{PASSWORD}@127.0.0.1:{port}/school")
    message = str(raised.value)
    assert f"127.0.0.1:{port}/school" in message
    assert PASSWORD not in message
    assert one_sentence(message), message


# --- the connection lost mid-round ---------------------------------------------------------


def test_answers_given_while_the_server_is_away_wait_and_are_written_when_it_is_back(
    private_cluster: Cluster,
) -> None:
    url = private_cluster.create_database("school")
    store = Store.connect(url)
    round_id = store.start_round("kim", RoundSpec(), 1, 8)
    for position in range(2):
        store.record_answer(round_id, record(position, f"q{position}"))
    assert store.notice is None

    private_cluster.stop("fast")  # the server goes away mid-round
    for position in range(2, 6):
        store.record_answer(round_id, record(position, f"q{position}"))
        assert store.saving  # never switched to memory
        assert store.notice is not None
        assert store.notice.startswith("Progress is waiting: the connection to the database server at")
        assert "your answers are kept" in store.notice
        assert one_sentence(store.notice.replace("lost;", "lost,")), store.notice
    assert store.waiting

    private_cluster.start()  # back
    store.record_answer(round_id, record(6, "q6"))  # the next write sends the waiting ones first
    assert store.notice is None and not store.waiting
    assert stores.query(url, "SELECT position, question_id FROM answers ORDER BY id") == [
        (n, f"q{n}") for n in range(7)
    ]
    # Each waiting answer reviewed its card as it was written, as an answer on time does.
    assert stores.query(url, "SELECT count(*), sum(reviews) FROM cards") == [(7, 7)]
    store.close()


def test_answers_waiting_when_the_game_closes_are_written_by_closing(private_cluster: Cluster) -> None:
    url = private_cluster.create_database("school")
    store = Store.connect(url)
    round_id = store.start_round("kim", RoundSpec(), 1, 3)
    store.record_answer(round_id, record(0, "q0"))
    private_cluster.stop("fast")
    store.record_answer(round_id, record(1, "q1"))
    store.end_round(round_id)
    assert store.waiting
    private_cluster.start()
    store.close()
    assert store.notice is None
    assert stores.query(url, "SELECT position FROM answers ORDER BY id") == [(0,), (1,)]
    assert stores.query(url, "SELECT ended IS NOT NULL FROM rounds") == [(True,)]


def test_a_round_started_while_the_server_is_away_is_written_with_its_answers(
    private_cluster: Cluster,
) -> None:
    url = private_cluster.create_database("school")
    store = Store.connect(url)
    private_cluster.stop("fast")
    round_id = store.start_round("kim", RoundSpec(mode="drill"), 1, 2)
    store.record_answer(round_id, record(0, "q0"))
    assert store.waiting and store.saving
    private_cluster.start()
    store.record_answer(round_id, record(1, "q1"))
    assert not store.waiting
    rows = stores.query(
        url, "SELECT r.mode, a.position FROM answers a JOIN rounds r ON r.id = a.round_id ORDER BY a.id"
    )
    assert rows == [("drill", 0), ("drill", 1)]
    store.close()


def test_a_server_that_never_comes_back_tells_the_player_what_was_lost(
    private_cluster: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_SECONDS", 0.5)  # how long closing waits for it
    url = private_cluster.create_database("school")
    store = Store.connect(url)
    round_id = store.start_round("kim", RoundSpec(), 1, 3)
    store.record_answer(round_id, record(0, "q0"))
    private_cluster.stop("fast")
    store.record_answer(round_id, record(1, "q1"))
    store.record_answer(round_id, record(2, "q2"))
    store.close()
    assert store.notice is not None
    assert store.notice.startswith("Progress could not all be saved: the database server at")
    assert "2 changes waiting for it were lost" in store.notice
    private_cluster.start()
    assert stores.count_answers(url) == 1  # the one confirmed before it went away


# --- hosts racing to migrate a new database ---------------------------------------------------

MIGRATING_HOST = """
import os, sys
from quiz.engine import store as store_module
from quiz.engine.spec import RoundSpec
from quiz.engine.store import Store
from tests.engine.test_store import record

# One more step that fails if it runs twice and says who ran it.
store_module.MIGRATIONS = [*store_module.MIGRATIONS, (
    "CREATE TABLE migrated_by (pid INTEGER NOT NULL)",
    f"INSERT INTO migrated_by (pid) VALUES ({os.getpid()})",
)]
print("ready", flush=True)
sys.stdin.readline()
store = Store.connect(sys.argv[1])
round_id = store.start_round(sys.argv[2], RoundSpec(), 1, 1)
store.record_answer(round_id, record(0))
store.close()
print("done", store.notice, flush=True)
"""


def test_hosts_starting_at_once_on_a_new_database_create_its_schema_once_and_all_save(
    postgres_url: str,
) -> None:
    store_url = postgres_url
    hosts = [
        subprocess.Popen(
            [sys.executable, "-c", MIGRATING_HOST, store_url, f"pupil{n}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).parents[2],
            env=quiz_env(),
        )
        for n in range(4)
    ]
    for host in hosts:
        assert host.stdout is not None
        assert host.stdout.readline().strip() == "ready"
    for host in hosts:
        assert host.stdin is not None
        host.stdin.write("go\n")
        host.stdin.flush()
    for host in hosts:
        out, err = host.communicate(timeout=60)
        assert host.returncode == 0, err
        assert out.strip() == "done None"
    assert len(stores.query(store_url, "SELECT pid FROM migrated_by")) == 1
    assert stores.schema_version(store_url) == store_module.schema_version() + 1
    assert stores.query(store_url, "SELECT count(*) FROM quiz_schema") == [(1,)]
    assert sorted(stores.query(store_url, "SELECT name FROM players")) == [(f"pupil{n}",) for n in range(4)]
    assert stores.count_answers(store_url) == 4
