"""`quiz export` as a teacher runs it: filters, the summary, and errors in one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quiz.cli import main
from tests.export.conftest import SEEDS


def export(capsys: pytest.CaptureFixture[str], content: Path, *args: str | Path) -> tuple[int, str, str]:
    status = main(["export", "--content", str(content), "--seeds", str(SEEDS), *(str(a) for a in args)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_gift_goes_to_standard_output_and_the_summary_to_standard_error(
    capsys: pytest.CaptureFixture[str], tricky_content: Path
) -> None:
    status, out, err = export(capsys, tricky_content)
    assert status == 0
    assert out.count("// [id:") == 6
    assert "quiz export" not in out
    assert "quiz export: 6 questions written to standard output (GIFT, for Moodle)" in err
    assert "by type: 1 choice, 1 multi, 1 truefalse, 1 number, 1 order, 1 match" in err
    assert "order: 1 written as matching questions" in err
    assert "left out: 2 questions made from disputes (add --include-generated" in err
    assert "skipped: none" in err


def test_the_filters_of_play_choose_what_goes_out(
    capsys: pytest.CaptureFixture[str], tricky_content: Path, tmp_path: Path
) -> None:
    target = tmp_path / "numbers.gift"
    status, out, err = export(capsys, tricky_content, "--topic", "numbers", "--type", "number", "-o", target)
    assert status == 0 and out == ""
    assert target.read_text(encoding="utf-8").count("// [id:") == 1
    assert "// [id:peak]" in target.read_text(encoding="utf-8")
    assert f"1 question written to {target}" in err

    status, _, err = export(
        capsys, tricky_content, "--source", "feb-analysis", "--difficulty", "2", "-o", target
    )
    assert status == 0
    assert "// [id:three-right]" in target.read_text(encoding="utf-8")
    assert "by type: 1 multi" in err

    status, _, err = export(
        capsys, tricky_content, "--topic", "deployment", "--include-generated", "-o", target
    )
    assert status == 0
    assert "by type: 1 choice, 1 match" in err
    assert "left out" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--topic", "numbers", "--topic", "numbrs"),
            "quiz export: No questions: the bank has no topic 'numbrs'; did you mean 'numbers'?",
        ),
        (("--source", "reuters"), "quiz export: No questions: the bank has no source 'reuters'"),
        (("--type", "choise"), "quiz export: --type 'choise' is not a question type; did you mean 'choice'?"),
        (("--format", "anki"), "quiz export: an Anki package is a file: give it one with -o FILE.apkg"),
        (
            ("--topic", "numbers", "--type", "choice"),
            "quiz export: No question matches all of these filters together; try fewer.",
        ),
        (
            ("--topic", "deployment"),
            "quiz export: No questions: none has topic 'deployment'. "
            "(2 made from disputes do: add --include-generated.)",
        ),
    ],
)
def test_a_bad_filter_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tricky_content: Path, args: tuple[str, ...], message: str
) -> None:
    status, out, err = export(capsys, tricky_content, *args)
    assert status == 2
    assert out == ""
    assert err.startswith(message)
    assert err.count("\n") == 1


@pytest.mark.parametrize("form", ["gift", "anki"])
def test_an_unwritable_output_is_one_line_and_leaves_nothing(
    capsys: pytest.CaptureFixture[str], tricky_content: Path, tmp_path: Path, form: str
) -> None:
    missing = tmp_path / "no-such-folder" / f"bank.{form}"
    status, _, err = export(capsys, tricky_content, "--format", form, "-o", missing)
    assert status == 2
    assert err == f"quiz export: cannot write {missing}: No such file or directory\n"

    status, _, err = export(capsys, tricky_content, "--format", form, "-o", tmp_path)
    assert status == 2
    assert err == f"quiz export: cannot write {tmp_path}: is a folder\n"
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


def test_a_bank_with_errors_is_reported_not_exported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "bad.toml").write_text('[[question]]\nid = "x"\ntype = "choice"\n', encoding="utf-8")
    status, out, err = export(capsys, tmp_path)
    assert status == 1
    assert out == ""
    assert "bad.toml:1:1: error" in err
    assert err.endswith("quiz export: the question bank has errors (above); fix them and run `quiz check`.\n")


def test_anki_export_writes_a_package(
    capsys: pytest.CaptureFixture[str], tricky_content: Path, tmp_path: Path
) -> None:
    pytest.importorskip("genanki", reason="genanki is not installed: pip install -e '.[anki]'")
    target = tmp_path / "bank.apkg"
    status, out, err = export(capsys, tricky_content, "--format", "anki", "-o", target)
    assert status == 0 and out == ""
    assert target.read_bytes().startswith(b"PK")
    assert f"6 questions written to {target} (Anki package)" in err
    assert "decks: CSTO quiz and 2 topic decks under it" in err
    assert [p.name for p in tmp_path.iterdir()] == ["bank.apkg"]


def test_gift_export_loads_neither_textual_nor_genanki(tricky_content: Path, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from quiz.cli import main\n"
        f"status = main(['export', '--content', {str(tricky_content)!r}, '--seeds', {str(SEEDS)!r},"
        f" '-o', {str(tmp_path / 'b.gift')!r}])\n"
        "assert status == 0, status\n"
        "heavy = sorted(m for m in ('textual', 'genanki', 'anki') if m in sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_starting_quiz_does_not_load_genanki(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from quiz.commands.parser import build_parser\n"
        "build_parser().parse_args(['export', '--format', 'anki', '-o', 'x.apkg'])\n"
        "assert 'genanki' not in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert result.returncode == 0, result.stderr
