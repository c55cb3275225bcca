"""The door of a served game: who is playing, and the class code when the teacher set one.

In a browser every tab is a new player on the teacher's shared data folder, so
the last player of that folder is somebody else: a served game always asks
the name first. With `quiz serve --class-code`, the code is asked on the same
screen, before anything else, and a wrong one lets nobody in.
"""

from __future__ import annotations

import hmac
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static

from quiz.content.text import clean_line
from quiz.tui.widgets.footer import KeysFooter

MAX_NAME = 40


def code_matches(typed: str, code: str) -> bool:
    """A class code as typed (any case, spaces and dashes ignored) against the teacher's."""

    def norm(text: str) -> str:
        return "".join(ch for ch in text.upper() if ch.isalnum())

    return hmac.compare_digest(norm(typed).encode(), norm(code).encode())


class GateScreen(Screen[str]):
    """Ask the name (and the class code, if any); dismisses with the name."""

    DEFAULT_CSS = """
    GateScreen { align: center middle; }
    GateScreen #gate { width: 60; height: auto; padding: 1 2; border: round $primary; }
    GateScreen .gate-title { text-style: bold; color: $text-primary; }
    GateScreen .gate-note { color: $text-muted; margin-bottom: 1; }
    GateScreen #gate-error { color: $text-error; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "app.quit", "Quit", id="gate.quit"),
    ]

    def __init__(self, class_code: str | None) -> None:
        super().__init__()
        self.class_code = class_code

    def compose(self) -> ComposeResult:
        with Vertical(id="gate"):
            yield Static(Content("CSTO quiz: join the class"), classes="gate-title")
            if self.class_code:
                yield Static(
                    Content("Type the class code your teacher gave you, then your name."),
                    classes="gate-note",
                )
                yield Input(placeholder="Class code", id="gate-code", max_length=32)
            else:
                yield Static(
                    Content("Your answers are kept under your name."),
                    classes="gate-note",
                )
            yield Input(placeholder="Your name, then Enter", id="gate-name", max_length=MAX_NAME)
            yield Static("", id="gate-error", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#gate-code" if self.class_code else "#gate-name", Input).focus()

    @on(Input.Submitted, "#gate-code")
    def _code_typed(self, event: Input.Submitted) -> None:
        event.stop()
        if self._code_ok():
            self.query_one("#gate-name", Input).focus()

    @on(Input.Submitted, "#gate-name")
    def _name_typed(self, event: Input.Submitted) -> None:
        event.stop()
        if self.class_code and not self._code_ok():
            return
        name = clean_line(event.value).strip()
        if not name:
            self._say("Type your name, then Enter.")
            return
        self.dismiss(name)

    def _code_ok(self) -> bool:
        assert self.class_code is not None
        code_input = self.query_one("#gate-code", Input)
        if code_matches(code_input.value, self.class_code):
            self._say("")
            return True
        self._say("That is not the class code. Ask your teacher for it.")
        code_input.value = ""
        code_input.focus()
        return False

    def _say(self, text: str) -> None:
        self.query_one("#gate-error", Static).update(Content(text))
