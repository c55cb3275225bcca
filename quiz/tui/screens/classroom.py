"""The teacher's dashboard: an assignment's class, refreshing while pupils play.

Who has started and finished, each player's score and answers, and per
question the facility, Moodle's discrimination index, the most chosen wrong
answer and the median time; then the class's disagreement map. Every cell is
`rich.text.Text` (literal, never markup): names and answers come from pupils.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quiz.content.text import clean_line
from quiz.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from quiz.engine.assignments import Assignment
    from quiz.engine.classroom import ClassReport
    from quiz.tui.app import QuizApp
    from quiz.tui.game import Game

REFRESH_SECONDS = 2.0
PROMPT_WIDTH = 48


def _text(value: object) -> Text:
    return Text(clean_line(str(value)))


def _share(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)}%"


class ClassScreen(Screen[None]):
    DEFAULT_CSS = """
    ClassScreen #class { padding: 0 1; }
    ClassScreen DataTable { height: auto; max-height: 24; margin-bottom: 1; }
    ClassScreen .class-summary { padding: 0 1; margin-bottom: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="class.back"),
        Binding("r", "refresh_now", "Refresh", id="class.refresh", tooltip="Read the answers again now"),
    ]

    def __init__(self, game: Game, assignment: Assignment) -> None:
        super().__init__()
        self.game = game
        self.assignment = assignment
        self.report: ClassReport | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="class"):
            yield Static(
                Content.assemble("Class dashboard · ", Content(clean_line(self.assignment.title))),
                classes="screen-title",
            )
            yield Static("", id="class-summary", classes="class-summary", markup=False)
            yield Static("Questions", classes="section-title", markup=False)
            yield DataTable(id="class-items", cursor_type="row", zebra_stripes=True)
            yield Static("Players", classes="section-title", markup=False)
            yield DataTable(id="class-players", cursor_type="row", zebra_stripes=True)
            yield Static("Where the class sided on the disputes", classes="section-title", markup=False)
            yield DataTable(id="class-sides", cursor_type="row", zebra_stripes=True)
            yield Static(
                "Facility: the mean credit. Discrimination: Moodle's discrimination index, the question"
                " against the rest of the assignment (from three players). Each player counts by one"
                " attempt: the first finished, else the latest.",
                classes="hint",
                markup=False,
            )
        yield KeysFooter()

    def on_mount(self) -> None:
        items = self.query_one("#class-items", DataTable)
        items.add_columns(
            "#", "question", "answered", "facility", "discrimination", "most chosen wrong", "time"
        )
        players = self.query_one("#class-players", DataTable)
        players.add_columns("player", "answered", "right", "score", "points", "finished", "answers")
        sides = self.query_one("#class-sides", DataTable)
        sides.add_columns("dispute", "source", "sided with it", "of")
        self.refresh_report()
        self.set_interval(REFRESH_SECONDS, self.refresh_report)

    def action_refresh_now(self) -> None:
        self.refresh_report()

    def refresh_report(self) -> None:
        from quiz.engine.classroom import report

        self.report = made = report(self.game.store, self.assignment, self.game.bank)
        a = self.assignment
        due = f" · due {a.due}" if a.due else ""
        self.query_one("#class-summary", Static).update(
            Content(
                f"Code {a.code} · {a.size} questions, mode {a.spec.mode}{due} · "
                f"{made.started} started, {made.finished} finished"
            )
        )
        items = self.query_one("#class-items", DataTable)
        items.clear()
        for item in made.items:
            prompt = clean_line(item.prompt)
            if len(prompt) > PROMPT_WIDTH:
                prompt = prompt[: PROMPT_WIDTH - 1] + "…"
            wrong = f"{item.common_wrong} ({item.common_wrong_count})" if item.common_wrong else "-"
            items.add_row(
                _text(item.position),
                _text(prompt),
                _text(item.answered),
                _text(_share(item.facility)),
                _text("-" if item.discrimination is None else f"{item.discrimination:+.2f}"),
                _text(wrong),
                _text("-" if item.median_seconds is None else f"{item.median_seconds:g} s"),
            )
        players = self.query_one("#class-players", DataTable)
        players.clear()
        marks = {"right": "✓", "partial": "½", "wrong": "✗"}
        for p in made.players:
            players.add_row(
                _text(p.player),
                _text(f"{p.answered}/{p.size}"),
                _text(p.right),
                _text(f"{p.score:g}"),
                _text(p.points),
                _text("yes" if p.finished else "playing"),
                _text(" ".join(marks.get(x.outcome, "?") for x in p.answers)),
            )
        sides = self.query_one("#class-sides", DataTable)
        sides.clear()
        titles = {sid: self.game.card(sid).title for sid in self.game.source_ids()}
        for s in made.sides:
            sides.add_row(
                _text(s.dispute), _text(titles.get(s.source, s.source)), _text(s.chosen), _text(s.answers)
            )


def open_class(app: QuizApp, game: Game, code: str = "") -> None:
    """Open the dashboard of the assignment with this code, or let the teacher pick one."""
    from quiz.engine.assignments import AssignmentError, all_assignments, find

    if code:
        try:
            assignment = find(game.store, code)
        except AssignmentError as exc:
            app.notify(str(exc), title="Class", severity="warning", timeout=6, markup=False)
            return
        app.push_screen(ClassScreen(game, assignment))
        return
    made = all_assignments(game.store)
    if not made:
        app.notify(
            'No assignments yet: `quiz assign create "Title"` makes one.',
            title="Class",
            timeout=6,
            markup=False,
        )
        return
    if len(made) == 1:
        app.push_screen(ClassScreen(game, made[0]))
        return
    from quiz.tui.screens.pick import PickScreen

    by_code = {a.code: a for a in made}

    def picked(code: str | None) -> None:
        if code:
            app.push_screen(ClassScreen(game, by_code[code]))

    choices = [(a.code, f"{a.code}  {clean_line(a.title)}") for a in reversed(made)]
    app.push_screen(PickScreen("Which assignment?", choices, current=made[-1].code), picked)
