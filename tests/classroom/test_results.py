"""Results gathered in the teacher's store: exported at home, imported once, refused when wrong."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from quiz.content.bank import Bank
from quiz.engine import assignments, results
from quiz.engine.playable import Answer, Playable
from quiz.engine.results import ResultsError
from quiz.engine.spec import RoundSpec
from quiz.engine.store import Store
from tests.engine.helpers import SEEDS, right_answer, run_quiz


@pytest.fixture
def teacher(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "teacher")


def play_at_home(bank: Bank, folder: Path, made: assignments.Assignment, player: str, right: int) -> Path:
    """A pupil on their own machine: the shared assignment, a round, `quiz results export`."""
    home = Store.open(folder)
    assignments.add(home, made)
    game = assignments.session(bank, home, made, player)
    for n, playable in enumerate(game.playables):
        game.answer(right_answer(playable) if n < right else _wrong(playable))
    home.close()
    out = run_quiz("results", "export", "--assignment", made.code, "--data-dir", folder)
    assert out.returncode == 0, out.stderr
    path = folder.parent / f"{player}.json"
    path.write_text(out.stdout, encoding="utf-8")
    return path


def _wrong(playable: Playable) -> Answer:
    p = playable
    if p.type == "truefalse":
        return not p.answer
    if p.type == "choice":
        return next(c for c in p.choices if c != p.answer)
    if p.type == "number":
        return -12345.0
    return right_answer(p)  # no wrong answer to hand: the tests give only the types above


def test_files_from_home_merge_once_and_carry_the_assignment(
    bank: Bank, teacher: Store, tmp_path: Path, content_dir: Path
) -> None:
    made = assignments.create(bank, teacher, "Week 3", RoundSpec(types=("truefalse", "choice"), count=3))
    ana = play_at_home(bank, tmp_path / "ana", made, "Ana", right=3)
    ben = play_at_home(bank, tmp_path / "ben", made, "Ben", right=1)
    teacher.close()
    first = run_quiz("results", "import", ana, ben, ana, "--data-dir", tmp_path / "teacher")
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert lines[0].endswith("1 round(s) and 3 answer(s) added (Ana)")
    assert "already here, counted once" in lines[2] and "0 round(s)" in lines[2]
    again = run_quiz("results", "import", ben, "--data-dir", tmp_path / "teacher")
    assert "already here, counted once" in again.stdout
    store = Store.open(tmp_path / "teacher")
    progress = assignments.progress(store, made)
    assert sorted(progress.finished) == ["Ana", "Ben"]
    rows = store.answers()
    assert len(rows) == 6
    assert {r.assignment for r in rows} == {made.code}
    assert sum(r.outcome == "right" for r in rows if r.player == "Ben") == 1
    store.close()
    gradebook = run_quiz("stats", "--format", "csv", "--data-dir", tmp_path / "teacher")
    table = list(csv.DictReader(io.StringIO(gradebook.stdout)))
    assert {(r["assignment"], r["seed"]) for r in table} == {(made.code, str(made.spec.seed))}
    where = ("--data-dir", tmp_path / "teacher", "--content", content_dir, "--seeds", SEEDS)
    dashboard = run_quiz("class", made.code, "--format", "csv", *where)
    assert dashboard.returncode == 0, dashboard.stderr
    sections = list(csv.DictReader(io.StringIO(dashboard.stdout)))
    questions = [r for r in sections if r["section"] == "question"]
    assert [r["question_id"] for r in questions] == list(made.questions)
    assert {r["player"]: r["score"] for r in sections if r["section"] == "player"} == {
        "Ana": "3.0",
        "Ben": "1.0",
    }
    as_json = json.loads(run_quiz("class", made.code, "--format", "json", *where).stdout)
    assert (as_json["started"], as_json["finished"]) == (2, 2)


def test_a_changed_or_foreign_file_is_refused_with_the_reason(
    bank: Bank, teacher: Store, tmp_path: Path
) -> None:
    made = assignments.create(bank, teacher, "Week 3", RoundSpec(count=2))
    ana = play_at_home(bank, tmp_path / "ana", made, "Ana", right=0)
    data = json.loads(ana.read_text(encoding="utf-8"))
    answer = data["rounds"][0]["answers"][0]
    answer["points"] = answer["points"] + 1000  # whatever it was: a pupil raising a score
    with pytest.raises(ResultsError, match="changed after it was exported"):
        results.import_text(teacher, json.dumps(data))
    other = Store.open(tmp_path / "other-teacher")
    other.add_assignment({**assignments._row(made), "uid": "f" * 32})  # the same code, by chance
    with pytest.raises(ResultsError, match="another assignment with the code"):
        results.import_text(other, ana.read_text(encoding="utf-8"))
    other.close()
    with pytest.raises(ResultsError, match="not JSON"):
        results.import_text(teacher, "{nope")
    with pytest.raises(ResultsError, match="not a results file"):
        results.import_text(teacher, "{}")
    assert teacher.answers() == []
    refused = run_quiz("results", "import", ana, tmp_path / "missing.json", "--data-dir", tmp_path / "x")
    assert refused.returncode == 1
    assert "refused: it answers an assignment this store does not have" in refused.stderr
    assert "missing.json: refused: cannot be read" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_a_teachers_own_rounds_exported_and_imported_back_count_once(bank: Bank, teacher: Store) -> None:
    made = assignments.create(bank, teacher, "Week 3", RoundSpec(count=2))
    game = assignments.session(bank, teacher, made, "Ana")
    for playable in game.playables:
        game.answer(right_answer(playable))
    text = results.to_text(results.export(teacher, made))
    done = results.import_text(teacher, text)
    assert (done.rounds, done.skipped) == (0, 1)
    assert len(teacher.answers()) == 2


def test_the_gradebook_has_campaign_endings_too(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "d")
    store.record_campaign_result("Ana", "kazakhstan", "sound-briefing", 40, 50)
    store.close()
    out = run_quiz("stats", "--format", "csv", "--data-dir", tmp_path / "d")
    (row,) = csv.DictReader(io.StringIO(out.stdout))
    assert (row["player"], row["mode"], row["question_id"], row["outcome"], row["points"], row["credit"]) == (
        "Ana", "campaign", "kazakhstan", "sound-briefing", "40", "0.8",
    )  # fmt: skip
