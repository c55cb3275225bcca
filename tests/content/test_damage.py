"""Damaging a valid bank never makes the checker raise: it reports errors with lines, or passes."""

from __future__ import annotations

import tempfile
from pathlib import Path

import tomli
import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.content.bank import load_bank
from tests.conftest import SEEDS
from tests.content.banks import VALID

LINES = VALID.count("\n") + 1


def _check(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder)
        (content / "q.toml").write_text(text, encoding="utf-8", errors="surrogatepass")
        result = load_bank(content, SEEDS)
    for problem in result.problems:
        assert problem.line >= 1 and problem.col >= 1
        assert problem.file.endswith("q.toml") or problem.file.endswith("sources.toml")
    if result.ok:
        tomli.loads(text)  # a bank that passes is at least valid TOML


@st.composite
def byte_edits(draw: st.DrawFn) -> str:
    text = VALID
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        char = draw(st.sampled_from([*list("[]{}=\"',\n #.-0aé\\"), draw(st.characters())]))
        if action == "insert":
            text = text[:at] + char + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + 1 :]
        else:
            text = text[:at] + char + text[at + 1 :]
    return text


def _tables() -> list[tuple[str, int]]:
    doc = tomlkit.parse(VALID)
    return [("question", i) for i in range(len(doc["question"]))] + [("dispute", 0)]


WRONG_VALUES = [0, -1, 2.5, True, "", "x y", [], ["a"], {"a": 1}, [{"left": 1}]]


@st.composite
def structural_edits(draw: st.DrawFn) -> str:
    doc = tomlkit.parse(VALID)
    for _ in range(draw(st.integers(1, 3))):
        kind, index = draw(st.sampled_from(_tables()))
        table = doc[kind][index]
        keys = list(table.keys())
        action = draw(st.sampled_from(["delete", "retype", "duplicate", "rename"]))
        key = draw(st.sampled_from(keys))
        if action == "delete":
            del table[key]
        elif action == "retype":
            table[key] = draw(st.sampled_from(WRONG_VALUES))
        elif action == "rename":
            value = table[key]
            del table[key]
            table[key + draw(st.sampled_from(["s", "_", "x"]))] = value
        else:
            doc[kind].append(tomlkit.parse(tomlkit.dumps({kind: [table.unwrap()]}))[kind][0])
    return tomlkit.dumps(doc)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(byte_edits())
def test_byte_damage_never_raises(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(structural_edits())
def test_structural_damage_never_raises_and_is_reported(text: str) -> None:
    _check(text)
