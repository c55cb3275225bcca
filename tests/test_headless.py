"""Everything but the TUI runs without Textual: content, checking, engine, campaign, plain face, commands.

The modules are discovered, not listed, so a new module is covered the day it is added.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import quiz


def headless_modules() -> list[str]:
    names = [
        info.name
        for info in pkgutil.walk_packages(quiz.__path__, prefix="quiz.")
        if not info.name.startswith("quiz.tui") and info.name != "quiz.__main__"
    ]
    assert (
        "quiz.content.check" in names and "quiz.engine.campaign.run" in names and "quiz.plain.round" in names
    )
    return sorted(names)


def test_no_module_outside_the_tui_imports_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {headless_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"textual imported outside the TUI: {result.stdout}"


def test_checking_a_bank_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from quiz.cli import main\n"
        "assert main(['check']) == 0\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
