"""The body of the feedback screen: verdict, points, explanation, evidence, dispute.

Kept apart from the screen so that the summary can show a missed question's
feedback again, read-only.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quiz.engine.playable import Answer, Playable
from quiz.engine.session import Step
from quiz.tui.game import Game
from quiz.tui.text import lit
from quiz.tui.widgets.dispute import DisputePanel
from quiz.tui.widgets.evidence import EvidencePassage

VERDICTS = {
    "right": ("✔", "Right", "-right"),
    "partial": ("◑", "Partly right", "-partial"),
    "wrong": ("✘", "Wrong", "-wrong"),
}
CONFIDENCE_NAMES = {1: "not sure", 2: "fairly sure", 3: "sure"}


def number_text(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def answer_text(playable: Playable, given: Answer) -> str:
    """The player's answer in words."""
    if isinstance(given, bool):
        return "True" if given else "False"
    if isinstance(given, (int, float)):
        unit = f" {playable.unit}" if playable.unit else ""
        return number_text(given) + unit
    if isinstance(given, str):
        return given
    if isinstance(given, frozenset):
        ordered = [c for c in playable.choices if c in given]
        return "; ".join(ordered) if ordered else "(nothing ticked)"
    if isinstance(given, tuple):
        return "; ".join(f"{n}. {item}" for n, item in enumerate(given, 1))
    if isinstance(given, Mapping):
        return "; ".join(f"{left} → {right}" for left, right in given.items())
    return str(given)


def points_line(step: Step) -> Content:
    award = step.award
    parts: list[Content | str | tuple[str, str]] = [(f"+{award.points} points", "bold")]
    if award.streak > 1:
        parts.append(f"  ·  streak {award.streak}")
    if award.bonus_percent:
        parts.append(f" (+{award.bonus_percent}% bonus)")
    if award.marks is not None:
        level = CONFIDENCE_NAMES.get(award.confidence or 0, "")
        parts.append(("  ·  ", ""))
        parts.append((f"marks {award.marks:+d}", "bold"))
        if level:
            parts.append(f" ({level})")
    return Content.assemble(*parts)


class FeedbackView(VerticalScroll):
    """Everything a player learns from one answer.

    Built from the question alone, before the answer is given, so that the
    question screen can compose it out of sight while the player thinks; then
    `show(step)` fills in the verdict, points and the player's answer, and the
    screen reveals it. That keeps the key press → painted feedback path short.
    """

    def __init__(self, game: Game, playable: Playable, *, id: str | None = "feedback-body") -> None:
        super().__init__(id=id)
        self.game = game
        self.playable = playable
        self.step: Step | None = None

    def compose(self) -> ComposeResult:
        playable = self.playable
        yield Static("", id="verdict", classes="verdict")
        yield Static(lit(playable.prompt, "italic"), classes="feedback-prompt")
        yield Static("", id="your-answer")
        yield Static("", id="expected")
        yield Vertical(id="advice")
        yield Static(Content.assemble(("Why: ", "bold"), Content(playable.explanation)), id="explanation")
        if playable.evidence:
            yield Static("Evidence", classes="section-title", markup=False)
            for passage in playable.evidence:
                yield EvidencePassage(
                    self.game.card(passage.source_id),
                    passage.quote,
                    self.game.passage(passage.source_id, passage.quote),
                )
        if playable.dispute is not None:
            yield DisputePanel(playable.dispute, self.game.card, id="dispute")

    def show(self, step: Step) -> None:
        """Fill in how this answer was judged."""
        self.step = step
        symbol, word, css = VERDICTS[step.verdict.outcome]
        verdict = self.query_one("#verdict", Static)
        verdict.update(Content.assemble((f"{symbol} {word}", "bold"), "   ", points_line(step)))
        verdict.set_classes(f"verdict {css}")
        self.query_one("#your-answer", Static).update(
            Content.assemble(("Your answer: ", "bold"), Content(answer_text(self.playable, step.given)))
        )
        expected = self.query_one("#expected", Static)
        expected.display = step.verdict.outcome != "right"
        expected.update(Content.assemble(("The answer: ", "bold"), Content(step.verdict.expected)))
        advice = self.query_one("#advice", Vertical)
        advice.remove_children()
        if step.verdict.feedback:
            advice.mount_all(
                Static(Content.assemble(("» ", "bold $text-warning"), Content(text)), classes="advice")
                for text in step.verdict.feedback
            )
        self.scroll_home(animate=False)
