"""A class at once: thirty pupils answer one assignment on one data folder at the same time."""

from __future__ import annotations

import subprocess
from pathlib import Path

from quiz.content.bank import Bank
from quiz.engine import assignments, classroom
from quiz.engine.spec import RoundSpec
from quiz.engine.store import Store
from tests.engine.helpers import SEEDS, quiz_command, quiz_env, right_input, wrong_input

PUPILS = 30


def test_thirty_pupils_at_once_lose_no_answer_and_the_dashboard_counts_them(
    bank: Bank, content_dir: Path, tmp_path: Path
) -> None:
    data = tmp_path / "class"
    teacher = Store.open(data)
    made = assignments.create(bank, teacher, "Week 3", RoundSpec(count=4))
    playables = assignments.session(bank, Store.in_memory(), made, "x").playables
    teacher.close()
    pupils = []
    for n in range(PUPILS):
        # Pupil n gets the first n % 5 questions right, the rest wrong.
        lines = [right_input(p) if i < n % 5 else wrong_input(p) for i, p in enumerate(playables)]
        process = subprocess.Popen(
            quiz_command("play", "--plain", "--assignment", made.code, "--player", f"Pupil {n:02d}",
                         "--content", content_dir, "--seeds", SEEDS, "--data-dir", data),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=quiz_env(), cwd=tmp_path,
        )  # fmt: skip
        pupils.append((process, "\n".join(lines) + "\n"))
    for process, answers in pupils:
        _out, err = process.communicate(answers, timeout=300)
        assert process.returncode == 0, err
        assert "Traceback" not in err
    store = Store.open(data)
    try:
        rows = [r for r in store.answers() if r.assignment == made.code]
        assert len(rows) == PUPILS * made.size  # no answer lost
        report = classroom.report(store, made, bank)
        assert (report.started, report.finished) == (PUPILS, PUPILS)
        assert [item.answered for item in report.items] == [PUPILS] * made.size
        expected_right = [sum(1 for n in range(PUPILS) if i < n % 5) for i in range(made.size)]
        assert [item.right for item in report.items] == expected_right
        assert store.integrity() == "ok"
    finally:
        store.close()
