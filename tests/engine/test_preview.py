"""`quiz preview ID`: a teacher sees one question as a player would, with its answer, and nothing is recorded."""

from __future__ import annotations

from pathlib import Path

from quiz.content.bank import load_bank
from tests.engine.helpers import run_quiz

ROOT = Path(__file__).resolve().parents[2]


def test_a_written_question_shows_prompt_answer_and_feedback(tmp_path: Path) -> None:
    bank = load_bank(ROOT / "content", ROOT / "seeds").bank
    question = next(q for q in bank.questions if q.type == "choice" and q.feedback)
    result = run_quiz(
        "preview", question.id, "--content", ROOT / "content", "--seeds", ROOT / "seeds", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"{question.id}: one answer, written by a teacher.")
    assert question.prompt in out
    assert "Type the number of your choice" in out
    assert f"Why: {question.explanation}" in out
    assert question.evidence[0].quote in out
    assert all(f"If the answer given is {key}: {advice}" in out for key, advice in question.feedback.items())
    assert not list(tmp_path.rglob("*.sqlite3"))  # nothing is recorded, no store is opened


def test_a_generated_question_can_be_previewed_by_its_id(tmp_path: Path) -> None:
    from quiz.engine.rounds import question_ids

    bank = load_bank(ROOT / "content", ROOT / "seeds").bank
    generated = next(i for i in question_ids(bank) if "~" in i)
    result = run_quiz(
        "preview", generated, "--content", ROOT / "content", "--seeds", ROOT / "seeds", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "made from a dispute" in result.stdout.splitlines()[0]
    assert "Where the sources disagree" in result.stdout


def test_an_unknown_id_is_a_clear_error_with_a_suggestion(tmp_path: Path) -> None:
    bank = load_bank(ROOT / "content", ROOT / "seeds").bank
    real = bank.questions[0].id
    result = run_quiz(
        "preview", real[:-1], "--content", ROOT / "content", "--seeds", ROOT / "seeds", cwd=tmp_path
    )
    assert result.returncode == 2
    assert f"quiz preview: no question {real[:-1]!r}; did you mean {real!r}?" in result.stderr
    assert "Traceback" not in result.stderr
