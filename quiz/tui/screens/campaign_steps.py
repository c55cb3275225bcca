"""The campaign's two puzzles: a question that guards an exit, and a contradiction.

A question is answered with the round's own answer widgets (the widget for its
type posts `AnswerWidget.Answered`), and the feedback is the round's
`FeedbackView`: the explanation, each piece of evidence in its paragraph, and
the sources side by side when the question is about a dispute. Only the
judging differs: the campaign's engine scores it (1 point, for a right first
answer), and Enter goes back to the scene.

A contradiction is three steps on one screen: tick the two notebook entries
that clash and pin them; pick the reason they differ; read the dispute's
explanation, the positions side by side.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Button, Footer, OptionList, Static

from quiz.engine.playable import Answer, Award, Playable
from quiz.engine.session import Step
from quiz.tui.data.campaign import JourneyInPlay, MoveError
from quiz.tui.screens.answering import AnsweringScreen
from quiz.tui.text import lit
from quiz.tui.verdicts import VERDICTS
from quiz.tui.widgets.answer import AnswerWidget, index_for_key
from quiz.tui.widgets.campaign_widgets import KEY_STYLE, CampaignHud, CampaignList, keys_hint, reason_item
from quiz.tui.widgets.choices import ToggleList
from quiz.tui.widgets.dispute import DisputePanel
from quiz.tui.widgets.evidence import open_passage
from quiz.tui.widgets.picklist import Item

if TYPE_CHECKING:
    from quiz.tui.game import Game


class CampaignQuestionScreen(AnsweringScreen):
    """One of the scene's questions, then its feedback."""

    CSS_PATH = ["round.tcss", "campaign.tcss"]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter,space",
            "done",
            "Back to the scene",
            id="campaign.question.done",
            tooltip="Back to the scene",
        ),
        Binding(
            "o",
            "open_article",
            "Open article",
            id="campaign.question.open",
            tooltip="Read the article at this passage",
        ),
        Binding("escape", "back", "Back", id="campaign.question.back", tooltip="Back to the scene"),
    ]

    def __init__(self, cg: JourneyInPlay, ref: str, number: int) -> None:
        super().__init__(classes="round-screen camp-screen")
        self.cg = cg
        self.ref = ref
        self.number = number
        view = next(v for v in cg.run.questions() if v.ref == ref)
        self.playable: Playable = view.playable
        self.answered_before = view.answered_right
        self.tried_before = ref in cg.run.state.tried
        self.answered = False

    def compose(self) -> ComposeResult:
        total = len(self.cg.scene.questions)
        yield CampaignHud(
            self.cg, Content.assemble(Content(self.cg.scene.title), f"  ·  question {self.number} of {total}")
        )
        with VerticalScroll(id="question-body", can_focus=False):
            yield self.meta_line()
            if self.answered_before or self.tried_before:
                note = (
                    "You answered this one right already: no more points for it."
                    if self.answered_before
                    else "Tried before: a right answer now opens the way, but scores no points."
                )
                yield Static(note, classes="camp-note", markup=False)
            yield from self.answer_parts()
        yield Footer()

    def on_mount(self) -> None:
        self.start_answering()

    def feedback_game(self) -> Game:
        return self.cg.game

    @on(AnswerWidget.Answered)
    async def _answered(self, event: AnswerWidget.Answered) -> None:
        event.stop()
        if self.answered:
            return
        self.answered = True
        await self.give(event.answer)

    async def give(self, given: Answer) -> None:
        try:
            verdict, points = self.cg.answer(self.ref, given)
        except MoveError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            self.dismiss(None)
            return
        view = await self.prepare_feedback()
        step = Step(self.playable, given, verdict, Award(points=points, streak=0, bonus_percent=0))
        symbol, word = VERDICTS[verdict.outcome]
        if points:
            scored: Content = Content.styled(f"+{points} point{'' if points == 1 else 's'}", "bold")
            after = ""
        elif verdict.outcome == "right":
            scored = Content.styled("no points", "bold")
            after = (
                "  ·  answered right before"
                if self.answered_before
                else "  ·  only a right first answer scores"
            )
        else:
            scored = Content.styled("no points", "bold")
            after = "  ·  you may try again from the scene: a right answer still opens the way"
        view.show(step, verdict=Content.assemble((f"{symbol} {word}", "bold"), "   ", scored, after))
        self.reveal_feedback(view, self.query_one(CampaignHud).update)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("done", "open_article"):
            # Enter and Space belong to the answer widgets until the answer is given.
            return self.phase == "feedback"
        return True

    def action_done(self) -> None:
        self.dismiss(None)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_open_article(self) -> None:
        open_passage(self)


class PairList(ToggleList):
    """The notebook, to tick two entries in: Space or a click ticks, Enter pins the two."""

    # The class outranks OptionList's own border in Textual's default styles.
    DEFAULT_CLASSES = "camp-list"
    DEFAULT_CSS = """
    PairList.camp-list {
        height: auto;
        border: round $primary 40%;
    }
    PairList.camp-list:focus {
        border: round $primary;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", "Tick", id="campaign.pair.tick", tooltip="Tick or untick the entry"),
        Binding(
            "enter", "confirm", "Pin the two", id="campaign.pair.pin", tooltip="Pin the two ticked entries"
        ),
    ]


class ContradictionScreen(Screen[None]):
    """Pin the two notebook entries that clash, then say why they differ."""

    CSS_PATH = "campaign.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "pin",
            "Pin the two",
            id="campaign.contradiction.pin",
            tooltip="Pin the two ticked entries",
        ),
        Binding(
            "enter",
            "done",
            "Back to the scene",
            id="campaign.contradiction.done",
            tooltip="Back to the scene",
        ),
        Binding("o", "open_article", "Open article", id="campaign.contradiction.open", show=False),
        Binding("escape", "back", "Back", id="campaign.contradiction.back", tooltip="Back to the scene"),
    ]

    step: reactive[str] = reactive("pair", bindings=True, init=False)

    def __init__(self, cg: JourneyInPlay) -> None:
        super().__init__(classes="camp-screen")
        self.cg = cg
        contradiction = cg.run.contradiction
        assert contradiction is not None, "a contradiction screen needs a contradiction"
        self.contradiction = contradiction
        self.entries = list(cg.run.notebook)
        self.ticked: list[int] = []  # in the order ticked
        self.tried_reasons: set[int] = set()
        self.just_found = False
        self.set_reactive(ContradictionScreen.step, self._step_now())

    def _step_now(self) -> str:
        run = self.cg.run
        if run.contradiction_solved:
            return "solved"
        return "reason" if run.pair_found else "pair"

    # --- composing -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield CampaignHud(self.cg, Content.assemble("⚖ Contradiction  ·  ", Content(self.cg.scene.title)))
        with VerticalScroll(id="camp-contra-body", can_focus=False):
            yield Static(lit(self.contradiction.prompt, "bold"), id="camp-contra-prompt")
            with Vertical(id="camp-step-pair", classes="camp-step"):
                yield Static(
                    keys_hint(("1-9, Space or a click", "tick an entry"), ("Enter", "pin the two ticked")),
                    classes="camp-hint",
                )
                yield Static("", id="camp-pair-status")
                yield PairList(self.pair_items(), id="camp-pair")
                yield Button(Content("Pin these two (Enter)"), id="camp-pin", variant="primary", compact=True)
            with Vertical(id="camp-step-reason", classes="camp-step"):
                yield Static("", id="camp-pair-found")
                yield Static(
                    Content.assemble(
                        ("Why do they differ?  ", "bold"),
                        keys_hint(("1-9", "pick a reason"), ("↑↓ Enter", "or a click")),
                    ),
                    classes="camp-hint",
                )
                yield CampaignList(self.reason_items(), id="camp-reasons")
            yield Vertical(id="camp-step-solved", classes="camp-step")
        yield Footer()

    def pair_items(self) -> list[Item]:
        items: list[Item] = []
        for index, evidence in enumerate(self.entries):
            ticked = index in self.ticked
            badge = Content.assemble(
                Content.styled(f" {index + 1} ", KEY_STYLE),
                ("☑ " if ticked else "☐ ", "bold $text-success" if ticked else ""),
            )
            body = Content.assemble(
                "“",
                Content(evidence.quote),
                "”\n",
                Content.styled(self.cg.source_line(evidence.source), "$text-muted"),
            )
            items.append((badge, body))
        return items

    def reason_items(self) -> list[Item]:
        return [reason_item(i, r, i in self.tried_reasons) for i, r in enumerate(self.contradiction.reasons)]

    async def on_mount(self) -> None:
        await self.show_step()

    async def watch_step(self) -> None:
        await self.show_step()

    async def show_step(self) -> None:
        step = self.step
        self.query_one("#camp-step-pair").display = step == "pair"
        self.query_one("#camp-step-reason").display = step == "reason"
        solved = self.query_one("#camp-step-solved", Vertical)
        solved.display = step == "solved"
        if step == "pair":
            self.show_ticked()
            self.query_one("#camp-pair", ToggleList).focus()
        elif step == "reason":
            found = self.query_one("#camp-pair-found", Static)
            found.update(
                Content.styled("✔ Yes: those two conflict.", "bold $text-success")
                if self.just_found
                else Content.styled("You have pinned the two entries that clash.", "$text-muted")
            )
            self.query_one("#camp-reasons", CampaignList).focus()
        else:
            if not solved.children:
                await solved.mount_all(self.solved_widgets())
            self.query_one("#camp-contra-body", VerticalScroll).focus()
        self.query_one(CampaignHud).update()

    def solved_widgets(self) -> list[Static | DisputePanel]:
        dispute = self.cg.dispute(self.contradiction.dispute)
        return [
            Static(
                Content.assemble(("✔ Solved", "bold"), "   ", Content(self.contradiction.answer)),
                classes="verdict -right",
            ),
            DisputePanel(dispute, self.cg.card, heading="⚖ Why the sources disagree", id="camp-dispute"),
            Static(keys_hint(("Enter", "back to the scene"), ("Esc", "back")), classes="camp-hint"),
        ]

    # --- the pair ------------------------------------------------------------------------

    def show_ticked(self) -> None:
        count = len(self.ticked)
        if len(self.entries) < 2:
            text = Content.styled(
                "Your notebook needs at least two entries: keep more evidence first (Esc).", "$text-warning"
            )
        else:
            text = Content.assemble(
                ("Your notebook: ", "bold"),
                f"{count} of 2 ticked",
                ("  ·  tick the two that clash", "$text-muted")
                if count < 2
                else ("  ·  Enter pins them", "$text-accent"),
            )
        self.query_one("#camp-pair-status", Static).update(text)

    def toggle(self, index: int) -> None:
        if index in self.ticked:
            self.ticked.remove(index)
        elif len(self.ticked) >= 2:
            self.notify("Two entries only: untick one first.", severity="warning", timeout=3, markup=False)
            return
        else:
            self.ticked.append(index)
        pair = self.query_one("#camp-pair", ToggleList)
        pair.highlighted = index
        pair.set_items(self.pair_items())
        self.show_ticked()

    @on(OptionList.OptionSelected, "#camp-pair")
    def _pair_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.toggle(event.option_index)

    @on(ToggleList.Confirm)
    def _pair_confirm(self, event: ToggleList.Confirm) -> None:
        event.stop()
        self.pin()

    @on(Button.Pressed, "#camp-pin")
    def _pin_clicked(self, event: Button.Pressed) -> None:
        event.stop()
        self.pin()

    def on_key(self, event: events.Key) -> None:
        if self.step == "pair":
            index = index_for_key(event.key, len(self.entries), letters=False)
            if index is not None:
                event.stop()
                self.toggle(index)

    def pin(self) -> None:
        if len(self.ticked) != 2:
            self.notify("Tick two notebook entries first.", severity="warning", timeout=3, markup=False)
            return
        first, second = (self.entries[i].id for i in self.ticked)
        try:
            right, points = self.cg.try_pair(first, second)
        except MoveError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        if not right:
            self.ticked = []
            self.query_one("#camp-pair", ToggleList).set_items(self.pair_items())
            self.show_ticked()
            self.query_one(CampaignHud).update()
            self.notify(
                "Those two do not contradict each other on this point. Look again.",
                severity="warning",
                timeout=4,
                markup=False,
            )
            return
        self.just_found = True
        if points:
            self.notify(f"Pinned: +{points} points.", timeout=3, markup=False)
        self.step = "reason"

    # --- the reason ----------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#camp-reasons")
    def _reason_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        try:
            right, points = self.cg.give_reason(self.contradiction.reasons[index])
        except MoveError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        if not right:
            self.tried_reasons.add(index)
            self.query_one("#camp-reasons", CampaignList).set_items(self.reason_items())
            self.query_one(CampaignHud).update()
            self.notify(
                "Not that. Think about who said each thing, when, and how.",
                severity="warning",
                timeout=4,
                markup=False,
            )
            return
        if points:
            self.notify(f"Solved: +{points} point.", timeout=3, markup=False)
        self.step = "solved"

    # --- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pin":
            return self.step == "pair"
        if action == "done":
            return self.step == "solved"
        return True

    def action_pin(self) -> None:
        self.pin()

    def action_done(self) -> None:
        self.dismiss(None)

    def action_open_article(self) -> None:
        open_passage(self)

    def action_back(self) -> None:
        self.dismiss(None)
