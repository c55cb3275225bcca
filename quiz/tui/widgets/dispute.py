"""The "sources disagree" panel: each source's claim side by side, then why.

The texts are built by the functions here, once for both places that show a
dispute: the disputes screen (`DisputePanel`, widgets) and the feedback
(`FeedbackView`, which draws the same texts as ready-made lines).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from quiz.engine.playable import DisputePosition, DisputeView
from quiz.engine.words import DISPUTE_KINDS
from quiz.tui.game import SourceCard
from quiz.tui.text import lit

KIND_NAMES = DISPUTE_KINDS
FEEDBACK_HEADING = "⚖ Sources disagree"


def dispute_title(dispute: DisputeView, heading: str) -> Content:
    return Content.from_markup("[b]$heading[/b]: $title", heading=heading, title=dispute.title)


def dispute_kind(dispute: DisputeView) -> Content:
    kind = KIND_NAMES.get(dispute.kind, dispute.kind)
    return lit(f"This is {kind}.", "$text-muted")


def dispute_why(dispute: DisputeView) -> Content:
    return Content.assemble(("Why they differ: ", "bold"), Content(dispute.explanation))


def position_content(card: SourceCard, position: DisputePosition) -> Content:
    """The claim, the source under it, then its words."""
    return Content("\n").join(
        [
            lit(position.claim, "bold $text-warning"),
            Content(""),
            lit(card.title, "bold"),
            lit(card.byline, "$text-muted"),
            Content(""),
            Content.assemble("“", Content(position.quote), "”").stylize("$text-muted"),
        ]
    )


class DisputePanel(Vertical):
    """A dispute, as the disputes screen shows it."""

    # Not scoped: the narrow layout depends on the screen's breakpoint class.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    DisputePanel.dispute-panel {
        height: auto;
        margin-top: 1;
        padding: 0 1;
        border: round $warning;
    }
    DisputePanel .positions {
        height: auto;
        margin-top: 1;
    }
    DisputePanel .position {
        width: 1fr;
        height: auto;
        padding: 0 1;
        margin-right: 1;
        background: $surface;
    }
    DisputePanel .dispute-why {
        margin-top: 1;
    }
    Screen.-narrow DisputePanel .positions {
        layout: vertical;
    }
    Screen.-narrow DisputePanel .position {
        width: 100%;
        margin: 0 0 1 0;
    }
    """

    def __init__(
        self,
        dispute: DisputeView,
        card: Callable[[str], SourceCard],
        *,
        heading: str = FEEDBACK_HEADING,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="dispute-panel")
        self.dispute = dispute
        self.card = card
        self.heading = heading

    def compose(self) -> ComposeResult:
        yield Static(dispute_title(self.dispute, self.heading), classes="dispute-title")
        yield Static(dispute_kind(self.dispute), classes="dispute-kind")
        with Horizontal(classes="positions"):
            for position in self.dispute.positions:
                yield Static(position_content(self.card(position.source_id), position), classes="position")
        yield Static(dispute_why(self.dispute), classes="dispute-why")
