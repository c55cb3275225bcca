"""Small banks for the checker's tests, written as TOML text.

`VALID` is clean; tests damage it, or write their own file, and assert the
exact line a problem is reported on. Quotes are real passages of the seeds.
"""

from __future__ import annotations

from pathlib import Path

from quiz.content.bank import LoadResult, load_bank

VALID = """\
[[question]]
id = "members"
type = "choice"
topic = "origins"
difficulty = 1
prompt = "How many states are in the alliance, according to AFP?"
choices = ["Four", "Six", "Nine"]
answer = "Six"
explanation = "AFP says six."
evidence = [
  { source = "afp-24news", quote = "Russia-led alliance of six ex-Soviet states" },
]
dispute = "size"

[[question]]
id = "left-1999"
type = "multi"
topic = "origins"
difficulty = 2
prompt = "Who left in 1999?"
choices = ["Azerbaijan", "Georgia", "Armenia"]
answer = ["Azerbaijan", "Georgia"]
explanation = "Both left."
evidence = [{ source = "gaspardo", quote = "In 1999, Georgia, Azerbaijan and Uzbekistan opted not to renew the pact" }]

[[question]]
id = "un"
type = "truefalse"
topic = "forces"
difficulty = 1
prompt = "The peacekeeping unit is recognised by the UN."
answer = true
explanation = "So says AFP."
evidence = [{ source = "afp-rewrite", quote = "its 3,600-member peacekeeping unit is recognized by the UN" }]

[[question]]
id = "zas"
type = "number"
topic = "deployment"
difficulty = 2
prompt = "How many, per Zas?"
answer = 2885
unit = "people"
explanation = "RUSSTRAT."
evidence = [{ source = "russtrat", quote = "according to Stanislav Zas, reached 2,885 people" }]

[[question]]
id = "timeline"
type = "order"
topic = "origins"
difficulty = 2
prompt = "Order these."
items = ["Treaty signed", "In force", "Renewed"]
explanation = "1992, 1994, 1999."
evidence = [{ source = "feb-analysis", quote = "The treaty finally got here into power two years later in 1994." }]

[[question]]
id = "phrases"
type = "match"
topic = "reactions"
difficulty = 2
prompt = "Match."
pairs = [
  { left = "mini-NATO", right = "AFP" },
  { left = "NATO in a good sense", right = "RUSSTRAT" },
]
explanation = "Each outlet's phrase."
evidence = [{ source = "russtrat", quote = "The CSTO has become NATO in a good sense of the word" }]

[[dispute]]
id = "size"
kind = "fact"
topic = "deployment"
title = "How large was the force?"
explanation = "Different days, official figures and estimates."
  [[dispute.position]]
  source = "russtrat"
  quote = "reached 2,885 people"
  claim = "2,885"
  [[dispute.position]]
  source = "feb-analysis"
  quote = "after 2,500 of its troops entered Kazakhstan"
  claim = "2,500"
"""


def write_bank(folder: Path, text: str = VALID, name: str = "questions.toml") -> Path:
    """Write one bank file into a fresh content folder; return the folder."""
    content = folder / "content"
    content.mkdir(exist_ok=True)
    (content / name).write_text(text, encoding="utf-8")
    return content


def check_text(folder: Path, seeds: Path, text: str) -> LoadResult:
    return load_bank(write_bank(folder, text), seeds)


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line where `needle` occurs (the n-th time)."""
    at = -1
    for _ in range(occurrence):
        at = text.index(needle, at + 1)
    return text.count("\n", 0, at) + 1
