"""The sources library: every article with its source card; Enter opens the reader."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quiz.engine.words import plural
from quiz.tui.game import Game, SourceCard
from quiz.tui.messages import OpenPassage
from quiz.tui.text import lit
from quiz.tui.widgets.footer import KeysFooter


def card_content(card: SourceCard, cited: int, questions: int) -> Content:
    rows: list[Content] = [
        lit(card.title, "bold"),
        Content(card.byline),
        Content.assemble(("Kind: ", "bold"), Content(card.kind)),
        Content.assemble(("Perspective: ", "bold"), Content(card.perspective)),
    ]
    if card.notes:
        rows.append(Content.assemble(("Notes: ", "bold"), Content(card.notes)))
    rows.append(
        Content.styled(
            f"{plural(cited, 'passage')} cited by {plural(questions, 'question')} · Enter opens the reader",
            "$text-muted",
        )
    )
    return Content("\n").join(rows)


class LibraryScreen(Screen[None]):
    CSS_PATH = "library.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="library.back", tooltip="Back"),
        Binding("enter", "open", "Read", id="library.read", tooltip="Open the article in the reader"),
    ]

    def __init__(self, game: Game) -> None:
        super().__init__()
        self.game = game
        self.ids = game.source_ids()

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("Sources library", "bold $text-primary"), classes="screen-title")
        yield OptionList(
            *[
                Option(
                    Content.assemble(
                        lit(self.game.card(i).title), ("  " + self.game.card(i).date, "$text-muted")
                    ),
                    id=i,
                )
                for i in self.ids
            ],
            id="sources",
            markup=False,
        )
        with VerticalScroll(id="card-scroll"):
            yield Static("", id="card")
        yield KeysFooter()

    def on_mount(self) -> None:
        sources = self.query_one("#sources", OptionList)
        sources.focus()
        self.show(0)

    def show(self, index: int | None) -> None:
        if index is None or not self.ids:
            return
        source_id = self.ids[index]
        citations = self.game.citations(source_id)
        questions = {q for c in citations for q in c.question_ids}
        self.query_one("#card", Static).update(
            card_content(self.game.card(source_id), len(citations), len(questions))
        )

    @on(OptionList.OptionHighlighted, "#sources")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show(event.option_index)

    @on(OptionList.OptionSelected, "#sources")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.post_message(OpenPassage(self.ids[event.option_index]))

    def action_open(self) -> None:
        index = self.query_one("#sources", OptionList).highlighted
        if index is not None:
            self.post_message(OpenPassage(self.ids[index]))
