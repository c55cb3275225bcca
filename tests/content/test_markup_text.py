"""Content text that looks like markup is loaded and reported exactly as written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quiz.cli import main
from tests.content.banks import VALID, check_text, write_bank

TRICKY = [
    "[bold]not bold[/bold]",
    "[/",
    "[@click=app.quit]Click me[/]",
    "list[int]",
    "back\\slash \\[",
    "Кириллица: ОДКБ",
    "emoji 🛡️ and [link=https://example.com]x[/link]",
]


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


@pytest.mark.parametrize("tricky", TRICKY)
def test_tricky_text_loads_verbatim(tmp_path: Path, seeds_dir: Path, tricky: str) -> None:
    text = VALID.replace(
        'prompt = "How many states are in the alliance, according to AFP?"',
        f"prompt = {_toml_string(tricky)}",
    ).replace('choices = ["Four", "Six", "Nine"]', f'choices = ["Four", "Six", {_toml_string(tricky)}]')
    result = check_text(tmp_path, seeds_dir, text)
    assert result.ok, [p.format() for p in result.problems]
    question = result.bank.question("members")
    assert question.prompt == tricky
    assert tricky in question.choices  # type: ignore[union-attr]


@pytest.mark.parametrize("tricky", TRICKY)
def test_tricky_text_is_reported_verbatim(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str], tricky: str
) -> None:
    text = VALID.replace('answer = "Six"', f"answer = {_toml_string(tricky)}")
    content = write_bank(tmp_path, text)
    assert main(["check", "--content", str(content), "--seeds", str(seeds_dir)]) == 1
    out = capsys.readouterr().out
    assert f"answer {tricky!r} is not one of the choices" in out
