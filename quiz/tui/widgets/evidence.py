"""An evidence passage: the quoted words highlighted inside their paragraph,
under the article's title, outlet and date.

`passage_content` builds that text once for every place that shows a passage:
the feedback (`FeedbackView`, which draws it as ready-made lines) and the
campaign's scenes and dialogs (`EvidencePassage`, a focusable widget).
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from quiz.tui.game import PassageView, SourceCard
from quiz.tui.text import highlight, lit

BYLINE_STYLE = "$text-muted"


def passage_content(card: SourceCard, quote: str, passage: PassageView | None) -> Content:
    """Title, byline, then the paragraph with the quoted words highlighted.

    Without a paragraph (a quote the article no longer holds) the quote itself
    is shown, in bold between quotation marks.
    """
    if passage is None:
        body: Content = Content.assemble("“", lit(quote, "bold"), "”")
    else:
        body = highlight(passage.paragraph, [(passage.start, passage.end)])
    return Content("\n").join([lit(card.title, "bold"), lit(card.byline, BYLINE_STYLE), body])


class OpenPassage(Message):
    """Open the article at this passage (handled by the app)."""

    def __init__(self, source_id: str, quote: str) -> None:
        self.source_id = source_id
        self.quote = quote
        super().__init__()


class EvidencePassage(Static, can_focus=True):
    """One quoted passage, shown in context; Tab reaches it, `o` opens it."""

    DEFAULT_CSS = """
    EvidencePassage.evidence {
        height: auto;
        margin-top: 1;
        padding: 0 1;
        border-left: outer $primary 40%;
    }
    EvidencePassage.evidence:focus {
        border-left: outer $accent;
        background: $boost;
    }
    """

    Open = OpenPassage

    def __init__(
        self, card: SourceCard, quote: str, passage: PassageView | None, *, classes: str = ""
    ) -> None:
        super().__init__(passage_content(card, quote, passage), classes=f"evidence {classes}".strip())
        self.card = card
        self.quote = quote
        self.passage = passage

    def on_click(self) -> None:
        self.focus()

    def open(self) -> None:
        self.post_message(OpenPassage(self.card.id, self.quote))


def open_passage(screen: Screen[Any]) -> None:
    """Open the article at the passage in focus (else the first one on screen).

    A focused widget with an `open_selected()` method (the feedback, which
    keeps its own passage cursor) opens its own selection.
    """
    focused = screen.focused
    if isinstance(focused, EvidencePassage):
        focused.open()
        return
    open_selected = getattr(focused, "open_selected", None)
    if callable(open_selected) and open_selected():
        return
    passages = [p for p in screen.query(EvidencePassage) if p.display]
    if not passages:
        screen.notify("No passage to open.", timeout=2)
        return
    passages[0].open()
