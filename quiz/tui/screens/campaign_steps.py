"""The campaign's two puzzles: a question that guards an exit, and a contradiction.

A question is answered with the round's own answer widgets (the widget for its
type posts `AnswerWidget.Answered`), and the feedback is the round's
`FeedbackView`: the explanation, each piece of evidence in its paragraph, and
the sources side by side when the question is about a dispute. Only the
judging differs: the campaign's engine scores it (1 point, for a right first
answer), and Enter goes back to the scene.

A contradiction is three steps on one screen: tick the two notebook entries
that clash and pin them; pick the reason they differ; read the dispute's
explanation, the positions side by side. A real notebook is long: the entries
that bear on the scene come first, typing filters them, the list scrolls on
its own while the prompt and the pin button stay in place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList, Static

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
from quiz.tui.widgets.footer import KeysFooter
from quiz.tui.widgets.picklist import Item

if TYPE_CHECKING:
    from quiz.content.campaign.models import CampaignEvidence
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
        yield KeysFooter()

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
    """The notebook, to tick two entries in: Space or a click ticks, Enter pins the two.

    A letter typed here starts the filter above the list.
    """

    # The class outranks OptionList's own border in Textual's default styles.
    DEFAULT_CLASSES = "camp-list"
    DEFAULT_CSS = """
    PairList.camp-list {
        height: auto;
        max-height: 100%;
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

    class TypedToFilter(Message):
        """A letter was typed in the list: it goes to the filter."""

        def __init__(self, character: str) -> None:
            self.character = character
            super().__init__()

    def on_key(self, event: events.Key) -> None:
        character = event.character
        if event.is_printable and character is not None and character.isalpha():
            event.stop()
            event.prevent_default()
            self.post_message(self.TypedToFilter(character))


class PairFilter(Input):
    """Words that narrow the notebook: Enter or ↓ goes to the list, Escape empties it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,down", "to_list", "To the list", id="campaign.filter.list", show=False),
        Binding("escape", "empty", "Clear the filter", id="campaign.filter.clear"),
    ]

    class ToList(Message):
        """Back to the list, keeping the filter."""

    def action_to_list(self) -> None:
        self.post_message(self.ToList())

    def action_empty(self) -> None:
        self.value = ""
        self.post_message(self.ToList())


def filtered(entries: list[CampaignEvidence], words: str, source_line: Callable[[str], str]) -> list[int]:
    """The positions of the entries that hold every word typed, in their quote or who said it."""
    wanted = words.casefold().split()
    return [
        index
        for index, evidence in enumerate(entries)
        if all(w in f"{evidence.quote} {source_line(evidence.source)}".casefold() for w in wanted)
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
        Binding(
            "slash", "filter", "Filter", id="campaign.contradiction.filter", tooltip="Type to narrow the list"
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
        self.entries = cg.run.notebook_for_contradiction()
        self.shown = list(range(len(self.entries)))  # the entries the filter lets through
        self.ticked: list[str] = []  # evidence ids, in the order ticked
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
        # The prompt stays in place; each step below it scrolls within the rest.
        with Vertical(id="camp-contra-body"):
            yield Static(lit(self.contradiction.prompt, "bold"), id="camp-contra-prompt")
            with Vertical(id="camp-step-pair", classes="camp-step"):
                yield Static(
                    keys_hint(("1-9 or Space", "tick"), ("type", "to filter"), ("Enter", "pins")),
                    classes="camp-hint",
                )
                yield Static("", id="camp-pair-status")
                if len(self.entries) > 1:
                    yield PairFilter(
                        placeholder="/ Filter: type words to narrow your notebook",
                        id="camp-pair-filter",
                        compact=True,
                        select_on_focus=False,
                    )
                yield PairList(self.pair_items(), id="camp-pair")
                yield Button(Content("Pin these two (Enter)"), id="camp-pin", variant="primary", compact=True)
            with VerticalScroll(id="camp-step-reason", classes="camp-step", can_focus=False):
                yield Static("", id="camp-pair-found")
                yield Static(
                    Content.assemble(
                        ("Why do they differ?  ", "bold"),
                        keys_hint(("1-9", "pick a reason"), ("↑↓ Enter", "or a click")),
                    ),
                    classes="camp-hint",
                )
                yield CampaignList(self.reason_items(), id="camp-reasons")
            yield VerticalScroll(id="camp-step-solved", classes="camp-step")
        yield KeysFooter()

    def pair_items(self) -> list[Item]:
        """The entries the filter shows; the first nine numbered, as the number keys tick them."""
        items: list[Item] = []
        for position, index in enumerate(self.shown):
            evidence = self.entries[index]
            ticked = evidence.id in self.ticked
            badge = Content.assemble(
                Content.styled(f" {position + 1} " if position < 9 else "   ", KEY_STYLE),
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

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_pair_list)

    def fit_pair_list(self) -> None:
        """The list as tall as its entries, but no taller than the room under the prompt leaves:
        the pin button stays below it, in view, and the list scrolls instead."""
        step = self.query_one("#camp-step-pair")
        pair = self.query_one("#camp-pair", PairList)
        around = sum(
            w.outer_size.height + w.styles.margin.top + w.styles.margin.bottom
            for w in step.children
            if w is not pair and w.display
        )
        pair.styles.max_height = max(4, step.content_size.height - around)

    async def watch_step(self) -> None:
        await self.show_step()

    async def show_step(self) -> None:
        step = self.step
        self.query_one("#camp-step-pair").display = step == "pair"
        self.query_one("#camp-step-reason").display = step == "reason"
        solved = self.query_one("#camp-step-solved", VerticalScroll)
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
            solved.focus()
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
            shown = len(self.shown)
            text = Content.assemble(
                ("Ticked: ", "bold"),
                f"{count} of 2",
                (f"  ·  {shown} of {len(self.entries)} shown", "$text-accent")
                if shown < len(self.entries)
                else "",
                ("  ·  tick the two that clash", "$text-muted")
                if count < 2
                else ("  ·  Enter pins them", "$text-accent"),
            )
        self.query_one("#camp-pair-status", Static).update(text)
        self.call_after_refresh(self.fit_pair_list)  # the line may now wrap, or no longer

    def toggle(self, position: int) -> None:
        """Tick or untick the entry at `position` in the list as shown."""
        evidence_id = self.entries[self.shown[position]].id
        if evidence_id in self.ticked:
            self.ticked.remove(evidence_id)
        elif len(self.ticked) >= 2:
            self.notify("Two entries only: untick one first.", severity="warning", timeout=3, markup=False)
            return
        else:
            self.ticked.append(evidence_id)
        pair = self.query_one("#camp-pair", PairList)
        pair.highlighted = position
        pair.set_items(self.pair_items())
        pair.follow_highlight()
        self.show_ticked()

    def refilter(self, words: str) -> None:
        self.shown = filtered(self.entries, words, self.cg.source_line)
        pair = self.query_one("#camp-pair", PairList)
        pair.set_items(self.pair_items())
        pair.highlighted = 0 if self.shown else None
        self.show_ticked()

    @on(Input.Changed, "#camp-pair-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refilter(event.value)

    @on(PairFilter.ToList)
    def _filter_done(self, event: PairFilter.ToList) -> None:
        event.stop()
        self.query_one("#camp-pair", PairList).focus()

    @on(PairList.TypedToFilter)
    def _typed_in_list(self, event: PairList.TypedToFilter) -> None:
        event.stop()
        self.action_filter()
        box = self.query_one("#camp-pair-filter", PairFilter)
        box.insert_text_at_cursor(event.character)

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
        if self.step == "pair" and not isinstance(self.focused, Input):
            position = index_for_key(event.key, min(9, len(self.shown)), letters=False)
            if position is not None:
                event.stop()
                self.toggle(position)

    def pin(self) -> None:
        if len(self.ticked) != 2:
            self.notify("Tick two notebook entries first.", severity="warning", timeout=3, markup=False)
            return
        first, second = self.ticked
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
        if action in ("pin", "filter"):
            return self.step == "pair" and (action == "pin" or len(self.entries) > 1)
        if action == "open_article":
            return self.step == "solved"
        if action == "done":
            return self.step == "solved"
        return True

    def action_pin(self) -> None:
        self.pin()

    def action_filter(self) -> None:
        for box in self.query("#camp-pair-filter").results(PairFilter):
            box.focus()

    def action_done(self) -> None:
        self.dismiss(None)

    def action_open_article(self) -> None:
        open_passage(self)

    def action_back(self) -> None:
        self.dismiss(None)
