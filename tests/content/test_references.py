"""Outside facts: written as references, checked, and shown apart from the evidence."""

from __future__ import annotations

import shutil
from pathlib import Path

from quiz.content.bank import load_bank
from tests.conftest import SEEDS
from tests.content.banks import VALID, line_of, write_bank
from tests.engine.helpers import run_quiz

REFERENCES = """\
[[reference]]
id = "cst-1992"
title = "Collective Security Treaty"
publisher = "CSTO"
date = 1992-05-15

[[reference]]
id = "nato-members"
title = "NATO member countries"
publisher = "NATO"
date = "2024"
"""

WITH_OUTSIDE = VALID.replace(
    'explanation = "Both left."',
    'explanation = "Both left."\n'
    'outside = [{ reference = "cst-1992", fact = "The treaty was signed on 15 May 1992." }]',
).replace(
    'explanation = "So says AFP."',
    'explanation = "So says AFP."\noutside = [{ reference = "nato-members", fact = "NATO had 30 members." }]',
)


def seeds_with(tmp_path: Path, references: str) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "references.toml").write_text(references, encoding="utf-8")
    return seeds


def test_a_bank_whose_outside_facts_cite_known_references_is_clean(tmp_path: Path) -> None:
    result = load_bank(write_bank(tmp_path, WITH_OUTSIDE), seeds_with(tmp_path, REFERENCES))
    assert result.problems == []
    assert result.bank.references["cst-1992"].title == "Collective Security Treaty"


def test_an_unknown_reference_is_an_error_at_its_line(tmp_path: Path) -> None:
    text = WITH_OUTSIDE.replace('reference = "cst-1992"', 'reference = "cst-1993"')
    result = load_bank(write_bank(tmp_path, text), seeds_with(tmp_path, REFERENCES))
    [problem] = result.errors
    assert problem.line == line_of(text, 'reference = "cst-1993"')
    assert problem.message.startswith("unknown reference 'cst-1993'; did you mean 'cst-1992'?")


def test_an_unused_reference_is_a_warning_at_its_id(tmp_path: Path) -> None:
    text = WITH_OUTSIDE.replace(
        '\noutside = [{ reference = "nato-members", fact = "NATO had 30 members." }]', ""
    )
    result = load_bank(write_bank(tmp_path, text), seeds_with(tmp_path, REFERENCES))
    assert result.errors == []
    warnings = [(Path(p.file).name, p.line, p.message) for p in result.warnings]
    assert warnings == [
        (
            "references.toml",
            line_of(REFERENCES, 'id = "nato-members"'),
            "no question or dispute cites this reference",
        )
    ]


def test_a_bank_that_cites_no_reference_is_not_warned_about_each(tmp_path: Path) -> None:
    result = load_bank(write_bank(tmp_path, VALID), seeds_with(tmp_path, REFERENCES))
    assert result.problems == []


def test_a_reference_without_its_publisher_is_reported(tmp_path: Path) -> None:
    broken = REFERENCES.replace('publisher = "CSTO"\n', "")
    result = load_bank(write_bank(tmp_path, WITH_OUTSIDE), seeds_with(tmp_path, broken))
    problems = [(Path(p.file).name, p.line, p.message) for p in result.errors]
    assert ("references.toml", 1, "missing key 'publisher'") in problems


def test_an_outside_fact_written_as_free_text_is_an_error(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace(
        'explanation = "AFP says six."',
        'explanation = "AFP says six. Outside these articles: the treaty dates from 1992."',
    )
    result = load_bank(write_bank(tmp_path, text), seeds_dir)
    [problem] = result.errors
    assert problem.line == line_of(text, "Outside these articles")
    assert "outside fact is written as free text" in problem.message


def test_the_plain_game_shows_the_outside_fact_apart_with_its_reference(tmp_path: Path) -> None:
    only = WITH_OUTSIDE.split('[[question]]\nid = "un"')[1].split("[[question]]")[0]
    content = write_bank(tmp_path, '[[question]]\nid = "un"' + only)
    seeds = seeds_with(tmp_path, REFERENCES.split("\n\n")[1])
    result = run_quiz(
        "play", "--plain", "--content", content, "--seeds", seeds, "--data-dir", tmp_path / "data",
        "--count", "1", "--player", "kim", input="true\n", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    at = lines.index("Outside the articles:")
    assert lines[at + 1] == "  NATO had 30 members. (NATO member countries, NATO, 2024)"
    assert lines.index("Evidence:") < at
