"""Help (F1 or ?): the keys, how scoring works, how certainty marking works."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from quiz.engine.words import CERTAINTY_LEVELS, marks

CERTAINTY = "\n".join(
    f"  [b]{level}[/b] {name.lower():<12} {marks(level, width=2)}" for level, name in CERTAINTY_LEVELS
)
HELP = f"""\
[b $text-primary]Playing[/]
Pick a mode on the home screen with [b]1[/b]–[b]6[/b] or ↑↓ and Enter.  [b]n[/b] changes the
round's size, [b]t[/b] its topic, [b]c[/b] turns certainty marking on or off;
[b]p[/b] switches player; [b]j[/b] joins an assignment by its code; [b]a[/b] opens the class
dashboard (for teachers).

[b $text-primary]Answering[/]
[b]choice[/b]      press the choice's number or letter, or click it.
[b]true/false[/b]  [b]1[/b]/[b]t[/b] for True, [b]2[/b]/[b]f[/b] for False.
[b]multi[/b]       numbers, letters, Space or clicks tick choices; Enter confirms.
[b]order[/b]       Space picks an item up, ↑↓ carry it, Space puts it down
            (or Shift+↑↓, [b]\\[[/b] [b]][/b]); with the mouse, click an item, then
            its new place.  Enter confirms.
[b]match[/b]       a number picks a left side, a letter gives it its partner
            (or click both); Enter confirms once all are paired.
[b]number[/b]      type the number (2,885 or 2885) and press Enter.

[b $text-primary]After each answer[/]
The verdict (✔ right, ◑ partly right, ✘ wrong), your points, the explanation and
the evidence: each passage inside its paragraph, the quoted words highlighted.
[b]Tab[/b] (or a click) marks a passage; [b]o[/b] opens the article there.  When the sources
disagree, their claims stand side by side.  [b]Enter[/b] goes on.

[b $text-primary]Scoring[/]
100, 200 or 300 points by difficulty, times the credit: multi, order and match
give partial credit.  Each fully right answer in a row adds 10% (up to +50%).

[b $text-primary]Certainty marking[/]
Before each verdict you say how sure you are:
{CERTAINTY}
Saying honestly how sure you are pays best: 3 only when you are above 80% sure,
2 above 67%.  The summary and the stats show how well your certainty matched.

[b $text-primary]Campaign[/]
[b]5[/b] on the home screen (or Ctrl+P, "Play the campaign").  On a scene the number keys
pick in the list that has the focus ([b]e[/b] evidence, [b]a[/b] questions, [b]g[/b] exits, or Tab):
examine a piece of evidence, answer a question, take an exit.  [b]k[/b] keeps the highlighted
evidence, [b]n[/b] opens the notebook, [b]j[/b] the journey, [b]c[/b] the contradiction: tick two
entries, Enter, then say why they differ.  [b]r[/b] starts again.  Saved after every move.

[b $text-primary]Everywhere[/]
[b]Escape[/b] goes back (leaving a round keeps every answer given).  [b]Ctrl+P[/b] opens the
command palette: start a round, open an article or a dispute, change the theme.
[b]F1[/b] or [b]?[/b] shows this help.  [b]Ctrl+Q[/b] quits.
"""


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "dismiss", "Close", id="help.close", tooltip="Back to the game"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(Content.styled("Help", "bold"), classes="dialog-title")
            yield Static(Content.from_markup(HELP), id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help").focus()
