"""Problems found in content, reported the way a compiler reports them.

A problem is first recorded against a key path (`("question", 3, "answer")`),
because that is what validation knows; it gets a line and column only when the
report is made, so that files without problems are never parsed a second time.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from quiz.content.locate import Positions, TomlPath
from quiz.content.text import clean_line

Severity = Literal["error", "warning"]


def display_path(path: Path) -> str:
    """A path as a person would type it: relative to here when it is below here."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive, on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """'; did you mean 'x'?' for a candidate close enough to be the one meant, or ''.

    Close means a slip of a letter or two ("rustrat" for "russtrat"); below
    that a suggestion is noise ("Kazakhstan" is not a slip for "Uzbekistan").
    """
    options = list(candidates)
    # One letter is a larger share of a short name: "kym" for "kim" is a slip too.
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6 if len(word) <= 4 else 0.75)
    if not matches and len(word) >= 4:  # the start of one longer name: "Different days"
        matches = [c for c in options if c.casefold().startswith(word.casefold())]
        matches = matches if len(matches) == 1 else []
    return f"; did you mean {matches[0]!r}?" if matches else ""


@dataclass(frozen=True, order=True)
class Problem:
    """One problem, with its place in a file."""

    file: str
    line: int
    col: int
    severity: Severity
    message: str
    subject: str | None = None

    def format(self) -> str:
        """`path:line:col: severity: message [subject]`, safe to print (messages quote content)."""
        text = f"{self.file}:{self.line}:{self.col}: {self.severity}: {self.message}"
        return clean_line(f"{text} [{self.subject}]" if self.subject else text)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": clean_line(self.file),
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "message": clean_line(self.message),
            "subject": None if self.subject is None else clean_line(self.subject),
        }


@dataclass
class PendingProblem:
    """A problem known by its key path; its line comes later."""

    file: Path
    path: TomlPath
    severity: Severity
    message: str
    subject: str | None = None
    related: tuple[Path, TomlPath] | None = None  # "first defined at ..."
    line_col: tuple[int, int] | None = None  # known already (syntax errors)


@dataclass
class ProblemLog:
    """Collects problems while loading; resolves their positions at the end."""

    texts: dict[Path, str] = field(default_factory=dict)
    pending: list[PendingProblem] = field(default_factory=list)

    def add(
        self,
        file: Path,
        path: TomlPath,
        message: str,
        *,
        subject: str | None = None,
        severity: Severity = "error",
        related: tuple[Path, TomlPath] | None = None,
    ) -> None:
        self.pending.append(PendingProblem(file, path, severity, message, subject, related))

    def add_at(self, file: Path, line: int, col: int, message: str) -> None:
        self.pending.append(PendingProblem(file, (), "error", message, line_col=(line, col)))

    def resolve(self) -> list[Problem]:
        """Every problem with its line and column, in file and line order."""
        positions: dict[Path, Positions] = {}

        def where(file: Path, path: TomlPath) -> tuple[int, int]:
            if file not in positions:
                positions[file] = Positions(self.texts.get(file, ""))
            return positions[file].of(path)

        problems = []
        for pending in self.pending:
            line, col = pending.line_col or where(pending.file, pending.path)
            message = pending.message
            if pending.related is not None:
                other_file, other_path = pending.related
                other_line, _ = where(other_file, other_path)
                message += f" (first at {display_path(other_file)}:{other_line})"
            problems.append(
                Problem(
                    display_path(pending.file),
                    line,
                    col,
                    pending.severity,
                    message,
                    pending.subject,
                )
            )
        return sorted(set(problems))
