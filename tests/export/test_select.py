"""What `select` lets out: a question cleaning would break is skipped, with its reason in the summary."""

from __future__ import annotations

from pathlib import Path

from quiz.content.bank import Bank, load_bank
from quiz.engine.spec import RoundSpec
from quiz.export import gift, select
from tests.export.conftest import SEEDS

BROKEN = r"""
[[question]]
id = "only-a-bell"
type = "truefalse"
topic = "origins"
difficulty = 1
prompt = "\u0007\u001b[0m"
answer = true
explanation = "Nothing to ask."
evidence = [{ source = "gaspardo", quote = "bringing the total of member countries to its historic peak of 9" }]

[[question]]
id = "same-once-clean"
type = "choice"
topic = "origins"
difficulty = 1
prompt = "How many?"
choices = ["Nine", "Nine\u0007", "Six"]
answer = "Nine"
explanation = "Nine."
evidence = [{ source = "gaspardo", quote = "bringing the total of member countries to its historic peak of 9" }]

[[question]]
id = "fine"
type = "number"
topic = "origins"
difficulty = 1
prompt = "How many at the peak?"
answer = 9
explanation = "Nine."
evidence = [{ source = "gaspardo", quote = "bringing the total of member countries to its historic peak of 9" }]
"""


def test_text_that_cleaning_would_break_never_reaches_an_export(tmp_path: Path) -> None:
    """Content is sanitised as it is read, so what would break is a checker's error, with its line."""
    (tmp_path / "broken.toml").write_text(BROKEN, encoding="utf-8")
    result = load_bank(tmp_path, SEEDS)
    assert [(p.line, p.message) for p in result.errors] == [
        (7, "prompt has nothing to show once control characters and spaces are left out"),
        (18, "choice 'Nine' is repeated"),
    ]


def test_the_same_bank_exports_the_same_file(tricky_bank: Bank) -> None:
    first = gift.to_gift(select(tricky_bank, RoundSpec(), include_generated=True), tricky_bank)
    again = gift.to_gift(select(tricky_bank, RoundSpec(), include_generated=True), tricky_bank)
    assert first == again
