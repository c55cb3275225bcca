"""`quiz schema` works in editors: checked by check-jsonschema, a validator we did not write,
on the shipped files and on broken ones, with one error per mistake that names its key."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QUESTION_FILES = sorted(p for p in (ROOT / "content").glob("*.toml") if p.name != "campaign.toml")

NUMBER = """[[question]]
id = "zas"
type = "number"
topic = "deployment"
difficulty = 2
prompt = "How many, per Zas?"
answer = 2885
unit = "people"
explanation = "RUSSTRAT."
evidence = [{ source = "russtrat", quote = "according to Stanislav Zas, reached 2,885 people" }]
"""


def validator() -> list[str]:
    found = shutil.which("check-jsonschema") or str(Path(sys.executable).with_name("check-jsonschema"))
    if not Path(found).exists():
        pytest.fail("check-jsonschema is not installed: pip install -e '.[test]'")
    return [found]


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("schemas")
    out = {}
    for name in ("questions", "sources", "campaign"):
        text = subprocess.run(
            [sys.executable, "-m", "quiz", "schema", "--file", name],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        out[name] = folder / f"{name}.json"
        out[name].write_text(text, "utf-8")
    return out


def validate(schema: Path, *files: Path) -> tuple[int, list[str]]:
    result = subprocess.run(
        [*validator(), "--verbose", "--schemafile", str(schema), *map(str, files)],
        capture_output=True, text=True,
    )  # fmt: skip
    errors = [line for line in result.stdout.splitlines() if re.match(r"\s+\S+::\$", line)]
    return result.returncode, errors


def test_the_schema_is_standard_json_schema(schemas: dict[str, Path]) -> None:
    text = schemas["questions"].read_text("utf-8")
    assert "discriminator" not in text and '"ge"' not in text
    assert json.loads(text)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_shipped_files_are_valid(schemas: dict[str, Path]) -> None:
    assert validate(schemas["questions"], *QUESTION_FILES) == (0, [])
    assert validate(schemas["sources"], ROOT / "seeds" / "sources.toml") == (0, [])
    assert validate(schemas["campaign"], ROOT / "content" / "campaign.toml") == (0, [])


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('unit = "people"', 'units = "people"'), "'units' was unexpected"),
        (('type = "number"', 'type = "numbr"'), "'numbr' is not one of"),
        (("answer = 2885", "answer = 2885\ntolerance = -1"), "-1 is less than the minimum of 0"),
        (("answer = 2885", 'answer = 2885\nfeedback = { a = "b" }'), "'feedback' was unexpected"),
        (("difficulty = 2", 'difficulty = "2"'), "'2' is not one of [1, 2, 3]"),
    ],
    ids=["misspelt-key", "unknown-type", "negative-tolerance", "feedback-on-a-number", "quoted-number"],
)
def test_one_mistake_gives_one_error_that_names_it(
    tmp_path: Path, schemas: dict[str, Path], change: tuple[str, str], expected: str
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(NUMBER.replace(*change), "utf-8")
    status, errors = validate(schemas["questions"], broken)
    assert status == 1
    assert len(errors) == 1, errors
    assert expected in errors[0]


def test_a_misspelt_key_in_a_campaign_is_named(tmp_path: Path, schemas: dict[str, Path]) -> None:
    text = (ROOT / "content" / "campaign.toml").read_text("utf-8").replace("intro =", "intor =", 1)
    broken = tmp_path / "campaign.toml"
    broken.write_text(text, "utf-8")
    status, errors = validate(schemas["campaign"], broken)
    assert status == 1 and len(errors) >= 1
    assert any("'intor' was unexpected" in e for e in errors)
