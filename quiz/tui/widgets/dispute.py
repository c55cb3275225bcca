"""The "sources disagree" panel: each source's claim side by side, then why."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from quiz.engine.playable import DisputeView
from quiz.tui.game import SourceCard
from quiz.tui.text import lit

KIND_NAMES = {
    "fact": "a disagreement over facts",
    "interpretation": "a disagreement of interpretation",
    "internal": "a source at odds with itself",
}


class PositionCard(Vertical):
    """What one source claims, with its words."""

    def __init__(self, card: SourceCard, claim: str, quote: str) -> None:
        super().__init__(classes="position")
        self.card = card
        self.claim = claim
        self.quote = quote

    def compose(self) -> ComposeResult:
        yield Static(lit(self.claim, "bold $text-warning"), classes="position-claim")
        yield Static(lit(self.card.title, "bold"), classes="position-source")
        yield Static(lit(self.card.byline), classes="position-byline")
        yield Static(Content.assemble("“", Content(self.quote), "”"), classes="position-quote")


class DisputePanel(Vertical):
    """A dispute, as the feedback and disputes screens show it."""

    def __init__(
        self,
        dispute: DisputeView,
        card: Callable[[str], SourceCard],
        *,
        heading: str = "⚖ Sources disagree",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="dispute-panel")
        self.dispute = dispute
        self.card = card
        self.heading = heading

    def compose(self) -> ComposeResult:
        kind = KIND_NAMES.get(self.dispute.kind, self.dispute.kind)
        yield Static(
            Content.from_markup("[b]$heading[/b]: $title", heading=self.heading, title=self.dispute.title),
            classes="dispute-title",
        )
        yield Static(lit(f"This is {kind}."), classes="dispute-kind")
        with Horizontal(classes="positions"):
            for position in self.dispute.positions:
                yield PositionCard(self.card(position.source_id), position.claim, position.quote)
        yield Static(
            Content.assemble(("Why they differ: ", "bold"), Content(self.dispute.explanation)),
            classes="dispute-why",
        )
