"""The store's address on the command line: `--db URL`, `QUIZ_DB`, and `quiz results copy`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from quiz.engine.spec import RoundSpec
from quiz.engine.store import FILE_NAME, Store
from tests.engine.helpers import quiz_command, quiz_env, run_quiz
from tests.engine.test_store import record

DOWN = "postgresql://teacher:hunter2secret@127.0.0.1:1/school"  # nothing listens on port 1


def a_class_store(url: str) -> None:
    """Two pupils' rounds, a finished campaign, a saved one and an assignment."""
    store = Store.connect(url)
    try:
        for player, seed in (("Ann", 1), ("Ben", 2)):
            round_id = store.start_round(player, RoundSpec(), seed, 2)
            store.record_answer(round_id, record(0, "q1"))
            store.record_answer(round_id, record(1, "q2", credit=0.0))
            store.end_round(round_id)
        store.record_campaign_result("Ann", "capital", "inside-pages", 3, 5)
        store.save_campaign("Ben", "capital", '{"scene": 2}')
        store.add_assignment(
            {"code": "K7Q-3XD", "uid": "u-1", "title": "Week 3", "spec": "{}", "questions": "[]",
             "due": None, "created": "2026-12-01T10:00:00.000Z"}
        )  # fmt: skip
        assert store.notice is None
    finally:
        store.close()


def everything(url: str) -> dict[str, object]:
    """What a teacher would compare between two stores."""
    store = Store.connect(url, create=False)
    try:
        return {
            "players": store.players(),
            "answers": [
                (a.player, a.question_id, a.outcome, a.credit, a.seed, a.answered) for a in store.answers()
            ],
            "cards": sorted(store.cards()),
            "campaigns": [(c.player, c.campaign, c.ending, c.score) for c in store.campaign_results()],
            "saved": store.load_campaign("Ben", "capital"),
            "assignments": [a["code"] for a in store.assignment_rows()],
        }
    finally:
        store.close()


def test_a_store_moves_to_a_server_and_back_and_a_second_copy_adds_nothing(
    tmp_path: Path, postgres_url: str
) -> None:
    school = f"sqlite:///{tmp_path / 'school' / FILE_NAME}"
    a_class_store(school)

    first = run_quiz("results", "copy", "--from", school, "--to", postgres_url)
    assert first.returncode == 0, first.stderr
    assert "2 players, 2 rounds (4 answers), 1 assignment, 4 review cards, 1 saved campaign" in first.stdout
    assert everything(postgres_url) == everything(school)

    again = run_quiz("results", "copy", "--from", school, "--to", postgres_url)
    assert again.returncode == 0, again.stderr
    assert "Everything was already there." in again.stdout
    assert everything(postgres_url) == everything(school)  # nothing counted twice

    back = tmp_path / "back"  # a plain folder is a store too
    home = run_quiz("results", "copy", "--from", postgres_url, "--to", back)
    assert home.returncode == 0, home.stderr
    assert everything(f"sqlite:///{back / FILE_NAME}") == everything(school)


def test_copying_from_nowhere_or_onto_itself_is_refused_in_words(tmp_path: Path) -> None:
    missing = run_quiz("results", "copy", "--from", tmp_path / "none", "--to", tmp_path / "new")
    assert missing.returncode == 1
    assert "cannot read --from: there is no store there" in missing.stderr
    assert not (tmp_path / "new").exists()
    same = run_quiz("results", "copy", "--from", tmp_path / "a", "--to", tmp_path / "a")
    assert same.returncode == 2
    assert "name the same store" in same.stderr


def test_a_server_that_is_down_is_one_line_naming_it_never_the_password(tmp_path: Path) -> None:
    Store.open(tmp_path).close()  # a store to copy from
    for args in (
        ("stats", "--db", DOWN),
        ("assign", "list", "--db", DOWN),
        ("class", "--format", "json", "--db", DOWN),
        ("results", "copy", "--from", tmp_path, "--to", DOWN),
    ):
        done = run_quiz(*args)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, done.stderr
        assert "cannot reach the database server at 127.0.0.1:1/school" in lines[0]
        assert "Traceback" not in done.stderr
        assert "hunter2secret" not in done.stdout + done.stderr


def test_a_url_of_no_known_kind_is_refused_without_its_password() -> None:
    done = run_quiz("stats", "--db", "mysql://root:topsecret@db/quiz")
    assert done.returncode == 1
    assert "is not a store's address" in done.stderr
    assert "topsecret" not in done.stderr


def test_quiz_db_sends_a_plain_game_to_the_server(tmp_path: Path, postgres_url: str) -> None:
    env = {**quiz_env(), "QUIZ_DB": postgres_url, "QUIZ_DATA_DIR": str(tmp_path / "unused")}
    played = subprocess.run(
        quiz_command("play", "--plain", "--count", "2", "--seed", "3", "--player", "Cy"),
        input="1\n1\nq\n", capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert played.returncode == 0, played.stderr
    assert not (tmp_path / "unused").exists()  # nothing went to the data folder
    stats = run_quiz("stats", "--format", "json", "--db", postgres_url)
    assert stats.returncode == 0, stats.stderr
    figures = json.loads(stats.stdout)
    assert figures["players"] == ["Cy"] and figures["answered"] == 2


def test_a_game_on_sqlite_never_loads_the_postgresql_driver(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from quiz.cli import main\n"
        f"status = main(['play', '--plain', '--count', '1', '--seed', '1', '--player', 'Ann',"
        f" '--data-dir', {str(tmp_path / 'data')!r}])\n"
        "assert status == 0, status\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'psycopg'], 'psycopg imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], input="1\nq\n", capture_output=True, text=True,
        env=quiz_env(), cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / FILE_NAME).exists()
