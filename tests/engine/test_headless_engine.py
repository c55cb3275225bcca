"""A whole plain game runs without Textual, and `quiz stats` and play options start light.

(That no module outside the TUI imports Textual is tests/test_headless.py.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.engine.helpers import SEEDS, quiz_env


def run_python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, env=quiz_env(), timeout=60
    )


def test_a_whole_plain_game_never_imports_textual(content_dir: Path, tmp_path: Path) -> None:
    code = (
        "import io, sys\n"
        "sys.stdin = io.StringIO('1\\n2\\n')\n"
        "from quiz.cli import main\n"
        f"status = main(['play', '--plain', '--count', '2', '--seed', '1', '--content', {str(content_dir)!r},"
        f" '--seeds', {str(SEEDS)!r}, '--data-dir', {str(tmp_path / 'data')!r}])\n"
        "assert status == 0, status\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr


def test_stats_needs_neither_the_bank_nor_pydantic(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from quiz.cli import main\n"
        f"assert main(['stats', '--data-dir', {str(tmp_path)!r}]) == 0\n"
        "heavy = sorted(m for m in ('pydantic', 'textual', 'tomli', 'quiz.content.models') if m in sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr


def test_reading_play_options_stays_light(tmp_path: Path) -> None:
    """The TUI builds its options before its first frame: no pydantic, no bank, no SQLite yet."""
    code = (
        "import sys\n"
        "from quiz.commands.parser import build_parser\n"
        "from quiz.commands.play import options_from_args\n"
        "options = options_from_args(build_parser().parse_args(['play', '--type', 'number']))\n"
        "assert options.spec.types == ('number',)\n"
        "heavy = sorted(m for m in ('pydantic', 'textual', 'sqlite3', 'quiz.content.models') if m in sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr


def test_the_question_types_are_known_before_the_bank_loads(tmp_path: Path) -> None:
    """The TUI reads the registry before its first frame: no pydantic, no bank."""
    code = (
        "import sys\n"
        "from quiz.engine.kinds import QUESTION_TYPES, kind_of\n"
        "assert 'number' in QUESTION_TYPES and kind_of('number').label == 'a number'\n"
        "heavy = sorted(m for m in ('pydantic', 'textual', 'quiz.content.models') if m in sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
