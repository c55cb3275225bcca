"""Key positions in TOML text, for problem reports."""

from __future__ import annotations

from quiz.content.locate import Positions

TEXT = """\
# answer = "in a comment"
title = "x"

[[question]]
id = "a"  # the id
choices = [
  "one",  # answer
  "two",
]
evidence = [
  { source = "s", quote = "answer" },
  { source = "t", quote = "r" },
]
answer = "two"

[[question]]
id = "b"
meta.note = "dotted"
  [[question.position]]
  source = "z"
"""


def test_keys_tables_and_elements() -> None:
    positions = Positions(TEXT)
    assert positions.of(("title",)) == (2, 1)
    assert positions.of(("question", 0)) == (4, 1)
    assert positions.of(("question", 0, "id")) == (5, 1)
    assert positions.of(("question", 0, "choices", 1)) == (8, 3)
    assert positions.of(("question", 0, "evidence", 1)) == (12, 3)
    assert positions.of(("question", 0, "evidence", 1, "quote")) == (12, 19)
    assert positions.of(("question", 0, "answer")) == (14, 1)
    assert positions.of(("question", 1, "id")) == (17, 1)
    assert positions.of(("question", 1, "position", 0, "source")) == (20, 3)


def test_missing_key_points_at_the_longest_known_prefix() -> None:
    positions = Positions(TEXT)
    assert positions.of(("question", 1, "explanation")) == (16, 1)
    assert positions.of(("nothing",)) == (1, 1)


def test_text_tomlkit_cannot_read_still_gets_header_lines() -> None:
    positions = Positions('[[question]]\nid = "a"\n[[question]]\nid = = "b"\n')
    assert positions.of(("question", 1, "id")) == (3, 1)
