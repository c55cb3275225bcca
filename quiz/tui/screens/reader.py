"""The reader: one article in full, under its source card, with search.

Opened from the library, from a feedback screen (scrolled to the passage, the
quoted words highlighted) or from the command palette. `/` searches, `n` and
`N` go to the next and previous match; Enter on a cited paragraph lists the
questions and disputes that cite it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static

from quiz.tui.game import Game
from quiz.tui.messages import OpenDisputes, StartRound
from quiz.tui.text import find_all, lit
from quiz.tui.widgets.article import Paragraph, paragraphs
from quiz.tui.widgets.footer import KeysFooter


class ReaderScreen(Screen[None]):
    CSS_PATH = "library.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="reader.back", tooltip="Back (or out of the search field)"),
        Binding("slash", "search", "Search", id="reader.search", tooltip="Search the article"),
        Binding("n", "next_match(1)", "Next match", id="reader.next"),
        Binding("N", "next_match(-1)", "Previous match", id="reader.previous", show=False),
    ]

    def __init__(self, game: Game, source_id: str, *, quote: str | None = None) -> None:
        super().__init__()
        self.game = game
        self.source_id = source_id
        self.quote = quote
        self.matches: list[tuple[int, int, int]] = []  # paragraph index, start, end
        self.current = -1

    def compose(self) -> ComposeResult:
        card = self.game.card(self.source_id)
        yield Static(lit(card.title, "bold $text-primary"), classes="screen-title")
        yield Static(
            Content.assemble(Content(card.byline), ("  ·  ", "$text-muted"), Content(card.kind)),
            id="reader-byline",
        )
        with Horizontal(id="search-row"):
            yield Input(placeholder="/ to search this article", id="search", compact=True)
            yield Static("", id="search-status", markup=False)
        text = self.game.article_text(self.source_id)
        citations = self.game.citations(self.source_id)
        with VerticalScroll(id="article"):
            for block in paragraphs(text):
                yield Paragraph(text, block, citations)
        yield KeysFooter()

    def on_mount(self) -> None:
        article = self.query_one("#article")
        article.focus()
        if self.quote:
            self.go_to_quote(self.quote)

    def go_to_quote(self, quote: str) -> None:
        article = self.game.bank.articles.get(self.source_id)
        span = article.find(quote) if article is not None else None
        if span is None:
            return
        for paragraph in self.query(Paragraph):
            block = paragraph.block
            if block.start <= span.start < block.end:
                paragraph.target = paragraph.local(span.start, span.end)
                paragraph.paint()
                self.call_after_refresh(self._show, paragraph)
                return

    def _show(self, paragraph: Paragraph) -> None:
        self.query_one("#article", VerticalScroll).scroll_to_widget(paragraph, animate=False, top=True)
        if paragraph.can_focus:
            paragraph.focus(scroll_visible=False)

    # --- search -------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    @on(Input.Changed, "#search")
    def _search(self, event: Input.Changed) -> None:
        needle = event.value.strip()
        self.matches = []
        for index, paragraph in enumerate(self.query(Paragraph)):
            found = find_all(paragraph.text, needle) if len(needle) >= 2 else []
            paragraph.matches = found
            paragraph.current_match = None
            self.matches += [(index, start, end) for start, end in found]
            paragraph.paint()
        self.current = -1
        self.show_status(needle)

    def show_status(self, needle: str) -> None:
        status = ""
        if len(needle) >= 2:
            status = f"{len(self.matches)} matches · Enter, n, N to go through them"
            if not self.matches:
                status = "no matches"
            elif self.current >= 0:
                status = f"match {self.current + 1} of {len(self.matches)} · n next, N previous"
        self.query_one("#search-status", Static).update(status)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.action_next_match(1)
        self.query_one("#article").focus()

    def action_next_match(self, delta: int) -> None:
        if not self.matches:
            return
        paragraphs_ = list(self.query(Paragraph))
        if 0 <= self.current < len(self.matches):
            old = paragraphs_[self.matches[self.current][0]]
            old.current_match = None
            old.paint()
        self.current = (self.current + delta) % len(self.matches)
        index, start, _ = self.matches[self.current]
        paragraph = paragraphs_[index]
        paragraph.current_match = next(i for i, m in enumerate(paragraph.matches) if m[0] == start)
        paragraph.paint()
        self.query_one("#article", VerticalScroll).scroll_to_widget(paragraph, animate=False)
        self.show_status(self.query_one("#search", Input).value.strip())

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus:
            self.query_one("#article").focus()
            return
        self.dismiss()

    # --- citations ----------------------------------------------------------

    @on(Paragraph.Chosen)
    def _cited(self, event: Paragraph.Chosen) -> None:
        from quiz.tui.screens.pick import PickScreen

        citations = event.paragraph.citations
        question_ids = list(dict.fromkeys(q for c in citations for q in c.question_ids))
        dispute_ids = list(dict.fromkeys(d for c in citations for d in c.dispute_ids))
        choices = [(f"q:{q}", "Play: " + self.game.question_prompt(q)) for q in question_ids]
        choices += [(f"d:{d}", "Dispute: " + self.game.bank.dispute(d).title) for d in dispute_ids]

        def chosen(key: str | None) -> None:
            if not key:
                return
            kind, _, ident = key.partition(":")
            if kind == "q":
                spec = replace(self.game.options.spec, mode="quick")
                self.post_message(StartRound(spec, question_ids=[ident], dispute_ids=[]))
            else:
                self.post_message(OpenDisputes(ident))

        self.app.push_screen(PickScreen("Cited here", choices), chosen)
