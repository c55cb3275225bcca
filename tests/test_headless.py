"""The engine never imports Textual: the checker, the engine and the plain face run without it."""

from __future__ import annotations

import subprocess
import sys

HEADLESS_MODULES = [
    "quiz.cli",
    "quiz.paths",
    "quiz.content.models",
    "quiz.content.passages",
    "quiz.content.locate",
    "quiz.content.problems",
    "quiz.content.bank",
    "quiz.content.check",
    "quiz.content.report",
    "quiz.engine.playable",
    "quiz.engine.session",
    "quiz.campaign.models",
    "quiz.campaign.check",
    "quiz.campaign.engine",
    "quiz.campaign.plain",
]


def _optional(name: str) -> list[str]:
    """Engine modules that exist in this checkout (the list grows with the engine)."""
    import importlib.util

    return [name] if importlib.util.find_spec(name) is not None else []


def test_engine_modules_do_not_import_textual() -> None:
    modules = [*HEADLESS_MODULES]
    for extra in (
        "quiz.engine.rounds",
        "quiz.engine.answers",
        "quiz.engine.scoring",
        "quiz.engine.store",
        "quiz.engine.stats",
        "quiz.engine.generated",
        "quiz.engine.setup",
        "quiz.plain",
        "quiz.commands.play",
        "quiz.commands.stats",
    ):
        modules += _optional(extra)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(leaked))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"textual imported by the engine: {result.stdout}"


def test_checking_a_bank_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from quiz.cli import main\n"
        "main(['check'])\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
