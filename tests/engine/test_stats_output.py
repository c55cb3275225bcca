"""`quiz stats` prints the same table, JSON and CSV, byte for byte, over a varied record.

The record is generated (seeded) straight into a progress file of the schema
before spaced review, then opened, so its cards are built from the answers:
several players, every answer type and one now gone, partial credits that are
not exact in binary, missing certainties and times, and text that needs
cleaning or would run as a spreadsheet formula. The expected outputs in
`stats_output/` were written by the row-by-row implementation of the stats.
Regenerate them only for a change meant to show: `QUIZ_REGENERATE=1 pytest
tests/engine/test_stats_output.py`.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.engine import store as store_module
from quiz.engine.store import Store

EXPECTED = Path(__file__).resolve().parent / "stats_output"
NOW = "2026-12-01T09:00:00Z"

PLAYERS = ("kim", "=cmd|' /C calc'!A0", "Ann\x1b[31m red", "bob\tthe\u202eevil")
TEXTS = (
    "Who asked the CSTO to send troops?",
    '=HYPERLINK("http://example.com")',
    "-12",
    "+3 troops",
    "@SUM(A1)",
    "-x minus",
    "a\tb\nc\r\nd",
    "colour \x1b[31mred\x1b[0m and \x9b2J",
    "bidi \u202eevil\u202c and \u200bzero",
    'plain, with "quotes" and commas',
    "ok",
)
GIVEN = {
    "choice": lambda rng: json.dumps(rng.choice(TEXTS), ensure_ascii=False),
    "truefalse": lambda rng: json.dumps(rng.random() < 0.5),
    "multi": lambda rng: json.dumps(sorted(rng.sample(TEXTS, 2)), ensure_ascii=False),
    "order": lambda rng: json.dumps(rng.sample(TEXTS, 3), ensure_ascii=False),
    "match": lambda rng: json.dumps(dict(zip(rng.sample(TEXTS, 2), rng.sample(TEXTS, 2), strict=True))),
    "number": lambda rng: json.dumps(rng.choice((1992, 2.5, -3, 1e21))),
    "gone": lambda rng: json.dumps(["kept", "as", "stored"]),
}
FILE_NAMES = {None: "everyone", "KIM": "kim", PLAYERS[1]: "formula"}  # --player given: output file
CREDITS = (0.0, 1.0, 1.0, 1 / 3, 2 / 3, 0.2, 0.1, 0.7, 0.5)


def generated_record(folder: Path, answers: int = 600, seed: int = 5) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(folder / store_module.FILE_NAME, isolation_level=None)
    store_module.migrate(db, store_module.MIGRATIONS[:2])
    rng = random.Random(seed)
    db.execute("BEGIN")
    for number, name in enumerate(PLAYERS, 1):
        db.execute(
            "INSERT INTO players (id, name, created) VALUES (?, ?, '2026-09-01T08:00:00.000Z')",
            (number, name),
        )
    rounds = answers // 6
    for number in range(1, rounds + 1):
        db.execute(
            "INSERT INTO rounds (id, player_id, mode, filters, seed, size, confidence, started)"
            " VALUES (?, ?, ?, '{}', ?, 6, ?, ?)",
            (number, rng.randint(1, len(PLAYERS)), rng.choice(("quick", "drill", "due", "mistakes")),
             number, rng.randint(0, 1), f"2026-09-{1 + number % 28:02d}T10:{number % 60:02d}:00.000Z"),
        )  # fmt: skip
    for n in range(answers):
        round_id = n // 6 + 1
        player_id = db.execute("SELECT player_id FROM rounds WHERE id = ?", (round_id,)).fetchone()[0]
        kind = rng.choice(tuple(GIVEN))
        credit = rng.choice(CREDITS)
        outcome = "right" if credit == 1.0 else "partial" if credit else "wrong"
        confidence = rng.choice((None, 1, 2, 3))
        question = f"q-{rng.randrange(40)}" if rng.random() < 0.9 else f"gen~{rng.choice(TEXTS)}"
        db.execute(
            "INSERT INTO answers (round_id, player_id, position, question_id, type, topic, sources,"
            " difficulty, prompt, given, outcome, credit, points, streak, confidence, marks, seconds,"
            " answered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (round_id, player_id, n % 6, question, kind, rng.choice(("origins", "=topic", "kazakh\tstan", "forces")),
             " ".join(rng.sample(("afp", "tass", "-rferl", "gaspardo"), rng.randint(1, 3))),
             rng.randint(1, 3), rng.choice(TEXTS) + f" {n % 7}", GIVEN[kind](rng) if n % 50 else "not json",
             outcome, credit, int(200 * credit + 0.5), rng.randint(0, 6), confidence,
             None if confidence is None else rng.choice((-3, -1, 0, 1, 2, 3)),
             rng.choice((None, 3.5, 12.25, 0.1)),
             f"2026-{9 + n * 3 // answers:02d}-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}:07.{n % 1000:03d}Z"),
        )  # fmt: skip
    db.execute("COMMIT")
    db.close()
    Store.open(folder).close()  # brought forward: the cards are built from the answers
    return folder


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generated_record(tmp_path_factory.mktemp("record"))


@pytest.mark.parametrize("form", ["table", "json", "csv"])
@pytest.mark.parametrize("player", list(FILE_NAMES))
def test_the_output_stays_the_same(
    record: Path,
    form: str,
    player: str | None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("QUIZ_NOW", NOW)
    who = ["--player", player] if player else []
    assert main(["stats", "--format", form, "--data-dir", str(record), *who]) == 0
    out = capsys.readouterr().out
    expected = EXPECTED / f"{form}-{FILE_NAMES[player]}.txt"
    if os.environ.get("QUIZ_REGENERATE"):
        expected.write_bytes(out.encode("utf-8"))
    assert out == expected.read_bytes().decode("utf-8")
