"""Every dispute, its positions side by side, and a key to play its questions."""

from __future__ import annotations

from dataclasses import replace
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
from quiz.tui.game import Game, dispute_view
from quiz.tui.messages import StartRound
from quiz.tui.widgets.dispute import DisputePanel
from quiz.tui.widgets.footer import KeysFooter


class DisputesScreen(Screen[None]):
    CSS_PATH = "library.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="disputes.back", tooltip="Back"),
        Binding(
            "p",
            "play",
            "Play its questions",
            id="disputes.play",
            tooltip="A round on this dispute's questions",
        ),
    ]

    def __init__(self, game: Game, dispute_id: str | None = None) -> None:
        super().__init__()
        self.game = game
        self.ids = [d.id for d in game.bank.disputes]
        self.start = self.ids.index(dispute_id) if dispute_id in self.ids else 0

    def compose(self) -> ComposeResult:
        yield Static(
            Content.styled("Where the sources disagree", "bold $text-primary"), classes="screen-title"
        )
        yield OptionList(
            *[Option(Content(d.title), id=d.id) for d in self.game.bank.disputes],
            id="dispute-list",
            markup=False,
        )
        yield VerticalScroll(id="dispute-scroll")
        yield KeysFooter()

    def on_mount(self) -> None:
        listing = self.query_one("#dispute-list", OptionList)
        if not self.ids:
            self.query_one("#dispute-scroll").mount(Static("No disputes in this bank.", markup=False))
            return
        listing.highlighted = self.start
        listing.focus()
        self.show(self.start)

    def show(self, index: int | None) -> None:
        if index is None:
            return
        scroll = self.query_one("#dispute-scroll", VerticalScroll)
        scroll.remove_children()
        dispute_id = self.ids[index]
        questions = len(self.game.dispute_question_ids(dispute_id))
        scroll.mount(
            DisputePanel(dispute_view(self.game, dispute_id), self.game.card, heading="Dispute"),
            Static(
                f"{plural(questions, 'question')} written on it, and those made from it · p plays them",
                classes="hint",
                markup=False,
            ),
        )

    @on(OptionList.OptionHighlighted, "#dispute-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show(event.option_index)

    @on(OptionList.OptionSelected, "#dispute-list")
    def _selected(self) -> None:
        self.query_one("#dispute-scroll").focus()

    def action_play(self) -> None:
        index = self.query_one("#dispute-list", OptionList).highlighted
        if index is None or not self.ids:
            return
        dispute_id = self.ids[index]
        spec = replace(self.game.options.spec, mode="disputes")
        self.post_message(
            StartRound(
                spec, question_ids=self.game.dispute_question_ids(dispute_id), dispute_ids=[dispute_id]
            )
        )
