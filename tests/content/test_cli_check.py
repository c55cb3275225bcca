"""`quiz check` and `quiz schema` as a teacher runs them: output and exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.cli import main
from tests.content.banks import VALID, line_of, write_bank


def run_quiz(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_clean_bank_prints_a_summary_and_exits_0(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = write_bank(tmp_path)
    assert main(["check", "--content", str(content), "--seeds", str(seeds_dir)]) == 0
    out = capsys.readouterr().out
    assert "OK: 6 questions, 1 disputes, 5 sources; 0 warning(s)." in out
    assert "Questions by type:" in out and "  truefalse      1" in out
    assert "Disputes by kind:" in out and "  fact      1" in out


def test_errors_exit_1_with_file_line_col(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = VALID.replace('answer = "Six"', 'answer = "Sx"')
    content = write_bank(tmp_path, text)
    assert main(["check", "--content", str(content), "--seeds", str(seeds_dir)]) == 1
    out = capsys.readouterr().out.splitlines()
    line = line_of(text, 'answer = "Sx"')
    assert out[0].endswith(
        f"questions.toml:{line}:1: error: answer 'Sx' is not one of the choices; did you mean 'Six'? [question 'members']"
    )
    assert out[-1].startswith("1 error(s), 0 warning(s) in ")


def test_json_report(tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = VALID.replace('answer = "Six"', 'answer = "Sx"')
    content = write_bank(tmp_path, text)
    assert main(["check", "--content", str(content), "--seeds", str(seeds_dir), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    [error] = report["errors"]
    assert error["line"] == line_of(text, 'answer = "Sx"')
    assert error["subject"] == "question 'members'"
    assert report["summary"]["questions_by_type"]["choice"] == 1


def test_missing_folder_exits_2_without_traceback(tmp_path: Path) -> None:
    result = run_quiz("check", "--content", str(tmp_path / "nope"), cwd=tmp_path)
    assert result.returncode == 2
    assert "no such content folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_error_exits_2(tmp_path: Path) -> None:
    result = run_quiz("check", "--format", "yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "invalid choice: 'yaml'" in result.stderr


def test_bundled_bank_is_used_from_another_folder_and_is_clean(tmp_path: Path) -> None:
    result = run_quiz("check", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: " in result.stdout
    assert "error" not in result.stdout


def test_a_teachers_folder_is_used_when_present(tmp_path: Path, seeds_dir: Path) -> None:
    write_bank(tmp_path, VALID.replace('answer = "Six"', 'answer = "Sx"'))
    result = run_quiz("check", "--seeds", str(seeds_dir), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("content/questions.toml:")


def test_schema_is_json_schema_of_the_question_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert set(schema["properties"]) == {"question", "dispute"}
    assert schema["additionalProperties"] is False


def test_schema_of_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--file", "sources"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "source" in schema["properties"]
