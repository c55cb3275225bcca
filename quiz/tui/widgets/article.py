"""An article as focusable paragraphs: cited passages marked, search matches lit.

Paragraphs are separate widgets so that the reader can scroll to one, the
player can Tab between the cited ones, and Enter on a cited paragraph can lead
to the questions that cite it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from quiz.engine.words import plural
from quiz.tui.game import Citation
from quiz.tui.text import HIGHLIGHT

CITED = "underline $text-primary"
MATCH = "bold $text-warning on $warning-muted"
CURRENT_MATCH = "bold reverse $text-warning"


@dataclass(frozen=True)
class Block:
    """One paragraph of an article: `text[start:end]`."""

    start: int
    end: int


def paragraphs(text: str) -> list[Block]:
    """Non-blank lines, with their positions in the article."""
    blocks, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block(at, at + len(line)))
        at += len(line) + 1
    return blocks


class Paragraph(Static):
    """A paragraph; focusable when questions or disputes cite it."""

    DEFAULT_CSS = """
    Paragraph.paragraph {
        margin-bottom: 1;
        padding: 0 1;
    }
    Paragraph.paragraph.-cited {
        border-left: outer $primary 50%;
    }
    Paragraph.paragraph:focus {
        border-left: outer $accent;
        background: $boost;
    }
    """

    class Chosen(Message):
        def __init__(self, paragraph: Paragraph) -> None:
            self.paragraph = paragraph
            super().__init__()

    def __init__(self, text: str, block: Block, citations: list[Citation]) -> None:
        super().__init__(classes="paragraph")
        self.text = text[block.start : block.end]
        self.block = block
        self.citations = [c for c in citations if c.start < block.end and c.end > block.start]
        self.can_focus = bool(self.citations)
        self.set_class(bool(self.citations), "-cited")
        self.target: tuple[int, int] | None = None
        self.matches: list[tuple[int, int]] = []
        self.current_match: int | None = None

    def on_mount(self) -> None:
        self.paint()

    def local(self, start: int, end: int) -> tuple[int, int]:
        return max(start - self.block.start, 0), min(end - self.block.start, len(self.text))

    def paint(self) -> None:
        content = Content(self.text)
        for citation in self.citations:
            content = content.stylize(CITED, *self.local(citation.start, citation.end))
        if self.target is not None:
            content = content.stylize(HIGHLIGHT, *self.target)
        for index, (start, end) in enumerate(self.matches):
            style = CURRENT_MATCH if index == self.current_match else MATCH
            content = content.stylize(style, start, end)
        if self.citations:
            count = len({q for c in self.citations for q in c.question_ids})
            disputes = len({d for c in self.citations for d in c.dispute_ids})
            parts = []
            if count:
                parts.append(f"cited by {plural(count, 'question')}")
            if disputes:
                parts.append(plural(disputes, "dispute"))
            content = Content.assemble(content, "\n", ("◆ " + ", ".join(parts) + " · Enter", "$text-muted"))
        self.update(content)

    def on_click(self) -> None:
        if self.citations:
            self.focus()
            self.post_message(self.Chosen(self))

    def key_enter(self) -> None:
        if self.citations:
            self.post_message(self.Chosen(self))
