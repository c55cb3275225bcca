"""The summary: score, accuracy, marks and calibration, topics as bars, the missed questions.

Enter on a missed question shows its feedback again; `r` plays the missed
questions again now (a round on a bank narrowed to them); `a` plays another
round like this one; Escape goes home.
"""

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

from quiz.engine.words import percent, replay_hint, topic_name
from quiz.tui.data.round import RoundInPlay
from quiz.tui.messages import StartRound
from quiz.tui.verdicts import CONFIDENCE_NAMES
from quiz.tui.widgets.charts import Bar, BarChart
from quiz.tui.widgets.footer import KeysFooter

# Certainty marking pays best when "sure" means above 80% and "fairly sure" above 67%.
HONEST = {3: 0.8, 2: 2 / 3, 1: 0.0}
VERDICT_AFTER = 5
"""Answers at a level before saying whether the player is calibrated there: fewer tell nothing."""


def calibration_line(level: int, answered: int, right: int) -> Content:
    rate = right / answered if answered else 0.0
    name = CONFIDENCE_NAMES.get(level, str(level))
    verdict = ""
    if 0 < answered < VERDICT_AFTER:
        verdict = f"  too few to judge yet ({VERDICT_AFTER} needed)"
    elif answered:
        if rate < HONEST[level]:
            verdict = "  over-confident here"
        elif level < 3 and rate >= HONEST[level + 1]:
            verdict = "  you could have been surer"
        else:
            verdict = "  well calibrated"
    return Content.assemble(
        (f"{level} {name:<12}", "bold"),
        f"{answered:>2} answered, {right:>2} right ({percent(rate) if answered else '–'})",
        (verdict, "$text-muted"),
    )


class SummaryScreen(Screen[None]):
    CSS_PATH = "summary.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "r",
            "review_missed",
            "Replay missed",
            id="summary.replay",
            tooltip="Play the missed questions again now",
        ),
        Binding(
            "a", "again", "Another round", id="summary.again", tooltip="Another round with the same options"
        ),
        Binding("escape,h", "home", "Home", id="summary.home", tooltip="Back to the home screen"),
    ]

    def __init__(self, round: RoundInPlay) -> None:
        super().__init__()
        self.round = round
        self.summary = round.session.summary()

    def compose(self) -> ComposeResult:
        s = self.summary
        with VerticalScroll(id="summary"):
            yield Static(Content.styled("Round over", "bold $text-primary"), classes="screen-title")
            facts: list[Content | str | tuple[str, str]] = [
                ("Score ", "bold"),
                f"{s.points}",
                ("   Accuracy ", "bold"),
                f"{percent(s.accuracy)} over {s.answered} of {s.total} questions",
                ("   Best streak ", "bold"),
                f"{s.best_streak}",
            ]
            if s.marks is not None:
                facts += [("   Marks ", "bold"), f"{s.marks:+d}"]
            yield Static(Content.assemble(*facts), id="summary-facts")
            if seed_line := replay_hint(s.seed, s.mode):
                yield Static(Content.styled(seed_line, "$text-muted"), id="summary-seed")
            if s.marks is not None and s.calibration:
                yield Static("Certainty and accuracy", classes="section-title", markup=False)
                for row in sorted(s.calibration, key=lambda c: c.confidence):
                    yield Static(
                        calibration_line(row.confidence, row.answered, row.right), classes="calibration"
                    )
            yield Static("By topic", classes="section-title", markup=False)
            yield BarChart(
                [
                    Bar(
                        topic_name(t.topic),
                        t.credit / t.answered if t.answered else 0.0,
                        f"{t.credit:g} of {t.answered}",
                    )
                    for t in s.by_topic
                ],
                id="topics-chart",
            )
            yield Static(
                f"Missed questions ({len(s.missed)})" if s.missed else "No missed questions. Well done!",
                classes="section-title",
                markup=False,
            )
            if s.missed:
                yield OptionList(
                    *[Option(Content(p.prompt), id=f"m{i}") for i, p in enumerate(s.missed)],
                    id="missed",
                    markup=False,
                )
                yield Static(
                    "Enter shows a missed question's feedback; r plays them again now.",
                    classes="hint",
                    markup=False,
                )
        yield KeysFooter()

    def on_mount(self) -> None:
        if self.summary.missed:
            self.query_one("#missed", OptionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "review_missed" and not self.summary.missed)

    @on(OptionList.OptionSelected, "#missed")
    def _show_missed(self, event: OptionList.OptionSelected) -> None:
        from quiz.tui.screens.feedback import FeedbackScreen

        playable = self.summary.missed[event.option_index]
        for step in self.round.steps:
            if step.playable.id == playable.id:
                self.app.push_screen(FeedbackScreen(self.round.game, step))
                return

    def action_review_missed(self) -> None:
        ids = [p.id for p in self.summary.missed]
        # The round's own seed: a replayed question shows its choices as it did.
        spec = replace(self.round.spec, mode="quick", seed=self.round.session.seed)
        self.post_message(StartRound(spec, replace=True, replay=ids))

    def action_again(self) -> None:
        self.post_message(StartRound(self.round.spec, replace=True, **self.round.narrow))

    def action_home(self) -> None:
        self.app.pop_screen()
