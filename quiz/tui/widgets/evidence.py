"""An evidence passage: the quoted words highlighted inside their paragraph,
under the article's title, outlet and date.

Focusable, so that the player can move between passages with Tab and open the
one in focus in the reader.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from quiz.tui.game import PassageView, SourceCard
from quiz.tui.text import highlight, lit


class EvidencePassage(Vertical, can_focus=True):
    """One quoted passage, shown in context."""

    class Open(Message):
        """Open the article at this passage."""

        def __init__(self, source_id: str, quote: str) -> None:
            self.source_id = source_id
            self.quote = quote
            super().__init__()

    def __init__(
        self, card: SourceCard, quote: str, passage: PassageView | None, *, classes: str = ""
    ) -> None:
        super().__init__(classes=f"evidence {classes}".strip())
        self.card = card
        self.quote = quote
        self.passage = passage

    def compose(self) -> ComposeResult:
        yield Static(lit(self.card.title, "bold"), classes="evidence-title")
        yield Static(lit(self.card.byline), classes="evidence-byline")
        if self.passage is None:
            body: Content = Content.assemble("“", lit(self.quote, "bold"), "”")
        else:
            body = highlight(self.passage.paragraph, [(self.passage.start, self.passage.end)])
        yield Static(body, classes="evidence-body")

    def on_click(self) -> None:
        self.focus()

    def open(self) -> None:
        self.post_message(self.Open(self.card.id, self.quote))


def open_passage(screen: Screen[Any]) -> None:
    """Open the article at the evidence passage in focus (else the first one)."""
    focused = screen.focused
    passage = focused if isinstance(focused, EvidencePassage) else None
    if passage is None:
        passages = [p for p in screen.query(EvidencePassage) if p.display]
        if not passages:
            screen.notify("No passage to open.", timeout=2)
            return
        passage = passages[0]
    passage.open()
