"""The strip that keeps a round's state in view: question k of n, score, streak."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static


class RoundHud(Horizontal):
    """Question k of n with a progress bar, the score, the streak, and marks if on."""

    # The class outranks Horizontal's own height in Textual's default styles.
    DEFAULT_CLASSES = "round-hud"
    DEFAULT_CSS = """
    RoundHud.round-hud {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    RoundHud.round-hud Static {
        width: auto;
        margin-right: 2;
    }
    RoundHud.round-hud #hud-score {
        color: $text-accent;
        text-style: bold;
    }
    RoundHud.round-hud #hud-streak {
        color: $text-warning;
    }
    RoundHud.round-hud #hud-bar {
        width: 1fr;
        margin-right: 2;
    }
    RoundHud.round-hud #hud-bar Bar {
        width: 1fr;
    }
    """

    def __init__(self, *, id: str | None = "hud") -> None:
        super().__init__(id=id)

    def compose(self) -> ComposeResult:
        yield Static("", id="hud-count")
        yield ProgressBar(show_eta=False, show_percentage=False, id="hud-bar")
        yield Static("", id="hud-score")
        yield Static("", id="hud-streak")
        yield Static("", id="hud-marks")

    def show(
        self,
        *,
        number: int,
        total: int,
        done: int,
        points: int,
        streak: int,
        marks: int | None,
    ) -> None:
        """`number` is the question shown (1-based); `done` how many are answered."""
        self.query_one("#hud-count", Static).update(f"Question {number} of {total}")
        self.query_one("#hud-bar", ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one("#hud-score", Static).update(f"Score {points}")
        self.query_one("#hud-streak", Static).update(f"Streak {streak}")
        marks_label = self.query_one("#hud-marks", Static)
        marks_label.display = marks is not None
        marks_label.update(f"Marks {marks:+d}" if marks is not None else "")
