"""The player's stats: accuracy round by round (a chart), by topic, by source, by
type, certainty against accuracy, and the questions missed most.

Totals and tallies are the engine's (`quiz.engine.stats.compute`, the same as
`quiz stats`); the round-by-round series is `quiz.tui.history`.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from quiz.engine.kinds import type_heading
from quiz.engine.words import percent, plural, topic_name
from quiz.tui.game import Game
from quiz.tui.history import round_accuracies
from quiz.tui.screens.summary import calibration_line
from quiz.tui.widgets.campaign_widgets import CampaignStats
from quiz.tui.widgets.charts import Bar, BarChart, ForecastChart, HistoryChart
from quiz.tui.widgets.footer import KeysFooter


class StatsScreen(Screen[None]):
    CSS_PATH = "summary.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="stats.back", tooltip="Back")
    ]

    def __init__(self, game: Game) -> None:
        from quiz.engine.stats import compute

        super().__init__()
        self.game = game
        player = game.player or ""
        try:
            rows = game.store.answers(player)
        except Exception:
            rows = []
        self.stats: Any = compute(rows, player)
        self.rounds = round_accuracies(rows)
        self.review: Any = game.review_stats()

    def compose(self) -> ComposeResult:
        s = self.stats
        with VerticalScroll(id="stats"):
            yield Static(
                Content.assemble(
                    ("Stats for ", "bold $text-primary"),
                    Content.styled(s.player or "nobody", "bold $text-primary"),
                ),
                classes="screen-title",
            )
            if not s.answered:
                yield Static("No answers yet: play a round and come back.", classes="hint", markup=False)
            else:
                yield Static(
                    Content.assemble(
                        ("Answers ", "bold"),
                        f"{s.answered} in {plural(s.rounds, 'round')}",
                        ("   Accuracy ", "bold"),
                        percent(s.accuracy),
                        ("   Points ", "bold"),
                        str(s.points),
                        ("   Best streak ", "bold"),
                        str(s.best_streak),
                    ),
                    id="stats-facts",
                )
            yield CampaignStats(self.game)
            yield from self.review_section()
            yield Static("Accuracy round by round", classes="section-title", markup=False)
            yield HistoryChart(self.rounds, id="history-chart")
            yield Static("By topic", classes="section-title", markup=False)
            yield BarChart(
                [Bar(topic_name(t.name), t.accuracy, f"{t.answered} answered") for t in s.by_topic],
                id="stats-topics",
            )
            yield Static("By source", classes="section-title", markup=False)
            yield BarChart(
                [
                    Bar(self.game.card(t.name).title, t.accuracy, f"{t.answered} answered")
                    for t in s.by_source
                ],
                id="stats-sources",
            )
            yield Static("By kind of question", classes="section-title", markup=False)
            yield BarChart(
                [Bar(type_heading(t.name), t.accuracy, f"{t.answered} answered") for t in s.by_type],
                id="stats-types",
            )
            yield Static("Certainty and accuracy", classes="section-title", markup=False)
            if s.calibration:
                yield Static(
                    Content.assemble(("Marks ", "bold"), f"{s.marks or 0:+d}"),
                    classes="calibration",
                )
                for tally in s.calibration:
                    yield Static(
                        calibration_line(int(tally.name), tally.answered, tally.right), classes="calibration"
                    )
            else:
                yield Static(
                    "Turn certainty marking on (c on the home screen) to see how well your certainty matches.",
                    classes="hint",
                    markup=False,
                )
            if s.most_missed:
                yield Static("Missed most", classes="section-title", markup=False)
                for missed in s.most_missed[:5]:
                    yield Static(
                        Content.assemble(
                            (f"{missed.missed} of {missed.answered}  ", "bold $text-error"),
                            Content(missed.prompt),
                        ),
                        classes="calibration",
                    )
        yield KeysFooter()

    def review_section(self) -> ComposeResult:
        """Spaced review: what falls due when, true retention, cards by state, calibration by disputes."""
        r = self.review
        yield Static("Spaced review", classes="section-title", markup=False)
        yield Static(
            Content.assemble(
                ("Due ", "bold"),
                f"{r.due_today} today, {r.due_tomorrow} tomorrow, {r.due_week} in 7 days, {r.due_month} in 30",
                ("   True retention ", "bold"),
                "-"
                if r.retention is None
                else f"{percent(r.retention)} of {plural(r.due_reviews, 'due review')}",
            ),
            id="review-facts",
        )
        yield ForecastChart(r.forecast, id="review-forecast")
        yield Static(
            Content.assemble(
                ("Cards ", "bold"),
                ", ".join(f"{count} {state}" for state, count in r.cards.items() if count is not None),
            ),
            id="review-cards",
        )
        for title, rows in (
            ("On disputes", r.calibration_disputes),
            ("On the rest", r.calibration_others),
        ):
            if rows:
                yield Static(Content.styled(title, "bold"), classes="calibration")
                for row in rows:
                    yield Static(
                        calibration_line(row.confidence, row.answered, row.right), classes="calibration"
                    )

    def on_mount(self) -> None:
        self.query_one("#stats").focus()
