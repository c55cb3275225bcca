"""Assignments: one round, drawn once, played by everyone under a code read aloud."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from quiz.content.bank import Bank, load_bank
from quiz.engine import assignments
from quiz.engine.assignments import AssignmentError
from quiz.engine.spec import RoundSpec
from quiz.engine.store import Store
from tests.engine.helpers import FIXTURE_BANK, SEEDS, right_answer, right_input, run_quiz


def test_codes_are_six_characters_without_lookalikes() -> None:
    for _ in range(200):
        code = assignments.new_code()
        assert re.fullmatch(r"[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}", code)
        assert not set(code) & set("01OI")
    assert assignments.normalise_code(" k7q 3xd ") == "K7Q-3XD"
    assert assignments.normalise_code("K7Q3XD") == "K7Q-3XD"
    assert assignments.normalise_code("K7Q-3X0") is None  # 0 is not in the alphabet
    assert assignments.normalise_code("K7Q-3X") is None


def test_everyone_gets_the_same_questions_in_the_same_order(bank: Bank, store: Store) -> None:
    made = assignments.create(bank, store, "Week 3: the deployment", RoundSpec(mode="quick", count=5))
    assert made.size == 5
    found = assignments.find(store, made.code.lower().replace("-", ""))
    assert found == made
    rounds = [assignments.session(bank, store, found, name) for name in ("Ana", "Ben", "Cy")]
    orders = {tuple(p.id for p in r.playables) for r in rounds}
    assert orders == {made.questions}
    choices = {tuple(tuple(p.choices) for p in r.playables) for r in rounds}
    assert len(choices) == 1  # the choices are shuffled alike too


def test_progress_counts_who_started_and_who_finished(bank: Bank, store: Store) -> None:
    made = assignments.create(bank, store, "Homework", RoundSpec(mode="quick", count=3))
    done = assignments.session(bank, store, made, "Ana")
    for playable in done.playables:
        done.answer(right_answer(playable))
    half = assignments.session(bank, store, made, "Ben")
    half.answer(right_answer(half.playables[0]))
    half.end()
    assignments.session(bank, store, made, "Cy")  # opened, nothing answered: not started
    progress = assignments.progress(store, made)
    assert progress.players == ("Ana", "Ben")
    assert progress.finished == ("Ana",)
    rows = store.answers("Ana")
    assert {r.assignment for r in rows} == {made.code}
    assert {r.seed for r in rows} == {made.spec.seed}


def test_unknown_codes_bad_modes_and_changed_banks_are_refused_in_words(
    bank: Bank, store: Store, tmp_path: Path
) -> None:
    with pytest.raises(AssignmentError, match="no assignment K7Q-3XD here"):
        assignments.find(store, "K7Q-3XD")
    with pytest.raises(AssignmentError, match="not an assignment code"):
        assignments.find(store, "hello")
    with pytest.raises(AssignmentError, match="review follows"):
        assignments.create(bank, store, "x", RoundSpec(mode="review"))
    with pytest.raises(AssignmentError, match="no topic"):
        assignments.create(bank, store, "x", RoundSpec(topics=("nowhere",)))
    made = assignments.create(bank, store, "x", RoundSpec(count=4))
    smaller = tmp_path / "smaller"
    smaller.mkdir()
    # Take out a question the assignment drew (whichever its random seed chose).
    text = FIXTURE_BANK.read_text(encoding="utf-8")
    written = next(q for q in made.questions if "~" not in q)
    drawn = text.index(f'id = "{written}"')
    first = text.rindex("[[question]]", 0, drawn)
    after = text.find("[[", drawn)
    (smaller / "bank.toml").write_text(text[:first] + (text[after:] if after >= 0 else ""), encoding="utf-8")
    other = load_bank(smaller, SEEDS)
    assert other.ok
    with pytest.raises(AssignmentError, match="bank has changed"):
        assignments.check_draw(other.bank, made)


def test_a_shared_file_plays_at_home_with_the_same_questions(
    bank: Bank, store: Store, tmp_path: Path
) -> None:
    made = assignments.create(bank, store, "Week 4", RoundSpec(mode="disputes", count=3), due="2027-01-15")
    shared = tmp_path / "week4.json"
    shared.write_text(assignments.to_share(made), encoding="utf-8")
    home = Store.open(tmp_path / "home")
    try:
        opened = assignments.open_assignment(home, str(shared))
        assert opened == made
        assert assignments.find(home, made.code) == made
        forged = json.loads(shared.read_text(encoding="utf-8"))
        forged["uid"] = "0" * 32
        shared.write_text(json.dumps(forged), encoding="utf-8")
        with pytest.raises(AssignmentError, match="another assignment with the code"):
            assignments.open_assignment(home, str(shared))
    finally:
        home.close()


def test_a_teacher_creates_lists_and_pupils_play_from_the_command_line(
    content_dir: Path, tmp_path: Path
) -> None:
    data = tmp_path / "class"
    where = ("--content", content_dir, "--seeds", SEEDS, "--data-dir", data)
    made = run_quiz(
        "assign", "create", "Week 3: the deployment", "--count", "3", "--due", "2027-02-01", *where
    )
    assert made.returncode == 0, made.stderr
    code = made.stdout.strip()
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}", code)
    store = Store.open(data)
    assignment = assignments.find(store, code)
    store.close()
    bank = load_bank(content_dir, SEEDS).bank
    round_ = assignments.session(bank, Store.in_memory(), assignment, "x")
    answers = "".join(right_input(p) + "\n" for p in round_.playables)
    played = run_quiz(
        "play", "--plain", "--assignment", code.lower(), "--player", "Ana", *where, input=answers
    )
    assert played.returncode == 0, played.stderr
    assert f"Assignment {code}: Week 3: the deployment" in played.stdout
    assert played.stdout.count("Right.") == 3
    listing = run_quiz("assign", "list", "--data-dir", data)
    line = next(row for row in listing.stdout.splitlines() if row.startswith(code))
    assert line.split()[-2:] == ["1", "1"]  # started, finished
    assert "2027-02-01" in line
    wrong = run_quiz("play", "--plain", "--assignment", "ZZZ-ZZZ", *where)
    assert wrong.returncode == 2
    assert "no assignment ZZZ-ZZZ here" in wrong.stderr
    assert "Traceback" not in wrong.stderr
    bad_due = run_quiz("assign", "create", "x", "--due", "soon", *where)
    assert bad_due.returncode == 2 and "YYYY-MM-DD" in bad_due.stderr
