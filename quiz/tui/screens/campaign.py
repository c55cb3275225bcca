"""The campaign, full screen: a text adventure through the January 2022 reports.

The way in is the app's (`OpenCampaign`, from the home screen, the command
palette or `quiz play --mode campaign`): it picks the campaign, offers to
resume the player's saved journey, and shows this screen.

The scene screen is the game's board. On the left the story and the evidence
found here; on the right the questions that guard the exits, the scene's
contradiction, and the exits (a closed one says what it still needs). Below
80 columns the two stack. The number keys pick in the list that has the focus
(Tab, or `e`, `a`, `g` move it): a piece of evidence to examine, a question to
answer, an exit to take. `k` keeps the highlighted evidence in the notebook,
`n` opens the notebook, `j` the journey, `c` the contradiction, `r` starts
again (after asking), Escape leaves; the journey is saved after every move.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static

from quiz.tui.data.campaign import JourneyInPlay, MoveError, shorten
from quiz.tui.messages import BeginJourney, OpenContradiction, OpenPassage
from quiz.tui.widgets.campaign_widgets import (
    MUTED,
    CampaignHud,
    CampaignList,
    evidence_item,
    exit_item,
    keys_hint,
    question_item,
)
from quiz.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from quiz.tui.widgets.picklist import Item

# --- the scene ----------------------------------------------------------------------------


class ContradictionCard(Static):
    """The scene's contradiction: its prompt and how far the player is; a click opens it."""

    DEFAULT_CSS = """
    ContradictionCard {
        padding: 0 1;
        border: round $warning 50%;
    }
    ContradictionCard:hover {
        background: $boost;
    }
    ContradictionCard.-solved {
        border: round $success 50%;
    }
    """

    def __init__(self, cg: JourneyInPlay) -> None:
        super().__init__("", id="camp-contradiction")
        self.cg = cg

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        run = self.cg.run
        contradiction = run.contradiction
        if contradiction is None:
            return
        if run.contradiction_solved:
            state: Content = Content.styled("✔ Solved  ·  c to read why again", "$text-success")
        elif run.pair_found:
            state = Content.assemble(
                ("✔ Pair pinned.  ", "$text-success"), ("c", "bold"), (" say why they differ", MUTED)
            )
        elif len(run.notebook) < 2:
            state = Content.assemble(
                ("Keep evidence first (k), then ", MUTED), ("c", "bold"), (" pin two", MUTED)
            )
        else:
            state = Content.assemble(("c", "bold"), (" pin the two notebook entries that clash", MUTED))
        self.set_class(run.contradiction_solved, "-solved")
        self.update(Content.assemble(Content(contradiction.prompt), "\n", state))

    async def on_click(self) -> None:
        await self.screen.run_action("contradiction")


class CampaignScreen(Screen[None]):
    """A scene of the campaign."""

    CSS_PATH = "campaign.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "k", "keep", "Keep", id="campaign.keep", tooltip="Keep the highlighted evidence in your notebook"
        ),
        Binding(
            "c",
            "contradiction",
            "Contradiction",
            id="campaign.contradiction",
            tooltip="Pin two notebook entries that clash, then say why",
        ),
        Binding("n", "notebook", "Notebook", id="campaign.notebook", tooltip="The evidence you kept"),
        Binding(
            "j", "journey", "Journey", id="campaign.journey", tooltip="Places visited, and places still open"
        ),
        Binding("escape", "leave", "Leave", id="campaign.leave", tooltip="Back; the journey is saved"),
        Binding(
            "r", "restart", "Restart", id="campaign.restart", tooltip="Start the campaign again (asks first)"
        ),
        Binding(
            "d",
            "drop",
            "Drop",
            id="campaign.drop",
            show=False,
            tooltip="Take the highlighted evidence out of your notebook",
        ),
        Binding(
            "o",
            "open_article",
            "Article",
            id="campaign.open",
            show=False,
            tooltip="Read the highlighted evidence's article",
        ),
        Binding("e", "focus_list('camp-evidence')", "Evidence", id="campaign.to-evidence", show=False),
        Binding("a", "focus_list('camp-questions')", "Questions", id="campaign.to-questions", show=False),
        Binding("g", "focus_list('camp-exits')", "Exits", id="campaign.to-exits", show=False),
    ]

    def __init__(self, cg: JourneyInPlay) -> None:
        super().__init__(classes="camp-screen")
        self.cg = cg

    # --- composing ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        cg = self.cg
        scene = cg.scene
        yield CampaignHud(cg)
        with Horizontal(id="camp-columns"):
            with VerticalScroll(id="camp-story", can_focus=False):
                yield Static(Content.styled(cg.scene_when(scene), MUTED), classes="camp-place-line")
                yield Static(Content(scene.text.strip()), id="camp-text")
                if scene.evidence:
                    yield self.section("Evidence", ("1-9", "examine"), ("k", "keep"), ("o", "article"))
                    yield CampaignList(self.evidence_items(), id="camp-evidence")
            with VerticalScroll(id="camp-actions", can_focus=False):
                if scene.questions:
                    yield self.section("Questions", ("a", "here"), ("1-9", "answer"))
                    yield CampaignList(self.question_items(), id="camp-questions")
                if scene.contradiction is not None:
                    yield self.section("Contradiction", ("c", "catch it"))
                    yield ContradictionCard(cg)
                yield self.section("Exits", ("g", "here"), ("1-9", "go"))
                if scene.exits:
                    yield CampaignList(self.exit_items(), id="camp-exits")
                else:
                    yield Static("No way on from here.", classes="camp-hint", markup=False)
        yield KeysFooter()

    def section(self, title: str, *keys: tuple[str, str]) -> Static:
        return Static(Content.assemble((title, "bold"), "   ", keys_hint(*keys)), classes="camp-section")

    def evidence_items(self) -> list[Item]:
        return [evidence_item(self.cg, i, e) for i, e in enumerate(self.cg.scene.evidence)]

    def question_items(self) -> list[Item]:
        return [question_item(i, view) for i, view in enumerate(self.cg.run.questions())]

    def exit_items(self) -> list[Item]:
        return [exit_item(view) for view in self.cg.run.exits()]

    def on_mount(self) -> None:
        self.focus_default()

    def show_from_the_top(self) -> None:
        for column in self.query("#camp-story, #camp-actions, #camp-columns"):
            column.scroll_home(animate=False)

    def focus_default(self) -> None:
        """The first list with something still to do: evidence, then questions, then the exits."""
        run = self.cg.run
        unkept = any(not self.cg.is_kept(e.id) for e in run.scene.evidence)
        unanswered = any(not v.answered_right for v in run.questions())
        order = ["camp-evidence"] if unkept else []
        order += ["camp-questions"] if unanswered else []
        order += ["camp-exits", "camp-evidence", "camp-questions"]
        lists = {listing.id: listing for listing in self.query(CampaignList)}
        first = next((lists[list_id] for list_id in order if list_id in lists), None)
        if first is not None:
            # Not scrolled to: on arrival the story is read from its first line.
            first.focus(scroll_visible=False)
        self.call_after_refresh(self.show_from_the_top)

    def on_screen_resume(self) -> None:
        self.refresh_state()

    def refresh_state(self) -> None:
        """Show the journey as it stands (after a move here, or on coming back to the scene)."""
        for listing in self.query(CampaignList):
            if listing.id == "camp-evidence":
                listing.set_items(self.evidence_items())
            elif listing.id == "camp-questions":
                listing.set_items(self.question_items())
            elif listing.id == "camp-exits":
                listing.set_items(self.exit_items())
        for card in self.query(ContradictionCard):
            card.show()
        for hud in self.query(CampaignHud):
            hud.update()
        self.refresh_bindings()

    # --- picking in the lists --------------------------------------------------------------

    @on(OptionList.OptionSelected, "#camp-evidence")
    def _examine(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        from quiz.tui.screens.campaign_dialogs import ExamineScreen

        self.app.push_screen(ExamineScreen(self.cg, event.option_index), lambda _: self.refresh_state())

    @on(OptionList.OptionSelected, "#camp-questions")
    def _question(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        from quiz.tui.screens.campaign_steps import CampaignQuestionScreen

        views = self.cg.run.questions()
        index = event.option_index
        if 0 <= index < len(views):
            self.app.push_screen(CampaignQuestionScreen(self.cg, views[index].ref, index + 1))

    @on(OptionList.OptionSelected, "#camp-exits")
    async def _exit(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        await self.go(event.option_index)

    async def go(self, index: int) -> None:
        cg = self.cg
        views = cg.run.exits()
        if not 0 <= index < len(views):
            return
        view = views[index]
        if not view.open:
            self.notify(
                "Not open yet. It needs: " + "; ".join(view.missing) + ".",
                title=shorten(view.label, 60),
                severity="warning",
                timeout=5,
                markup=False,
            )
            return
        try:
            cg.go(index)
        except MoveError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        if cg.run.finished:
            from quiz.tui.screens.campaign_views import EndingScreen

            self.app.switch_screen(EndingScreen(cg))
            return
        await self.recompose()
        self.focus_default()

    # --- actions ----------------------------------------------------------------------------

    def highlighted_evidence(self) -> int | None:
        for listing in self.query("#camp-evidence").results(CampaignList):
            return listing.highlighted
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        scene = self.cg.scene
        if action == "contradiction":
            return scene.contradiction is not None
        if action in ("keep", "drop", "open_article"):
            return bool(scene.evidence)
        if action == "focus_list":
            return bool(self.query(f"#{parameters[0]}"))
        return True

    def action_keep(self) -> None:
        index = self.highlighted_evidence()
        if index is None:
            return
        evidence = self.cg.scene.evidence[index]
        if self.cg.keep(evidence):
            self.notify(f"Kept in your notebook: “{shorten(evidence.quote, 60)}”", timeout=2, markup=False)
        else:
            self.notify("That one is in your notebook already.", timeout=2, markup=False)
        self.refresh_state()

    def action_drop(self) -> None:
        index = self.highlighted_evidence()
        if index is None:
            return
        if self.cg.drop(self.cg.scene.evidence[index].id):
            self.notify("Dropped from your notebook.", timeout=2, markup=False)
            self.refresh_state()

    def action_open_article(self) -> None:
        index = self.highlighted_evidence()
        if index is not None:
            evidence = self.cg.scene.evidence[index]
            self.post_message(OpenPassage(evidence.source, evidence.quote))

    def action_focus_list(self, list_id: str) -> None:
        for listing in self.query(f"#{list_id}").results(CampaignList):
            # At once, not after a refresh: a number typed right after `a` goes to the questions.
            self.set_focus(listing)

    def action_notebook(self) -> None:
        from quiz.tui.screens.campaign_views import NotebookScreen

        self.app.push_screen(NotebookScreen(self.cg))

    def action_journey(self) -> None:
        from quiz.tui.screens.campaign_views import JourneyScreen

        self.app.push_screen(JourneyScreen(self.cg))

    def action_contradiction(self) -> None:
        self.post_message(OpenContradiction(self.cg))

    def action_restart(self) -> None:
        from quiz.tui.screens.campaign_dialogs import RestartScreen

        def answered(restart: bool | None) -> None:
            if restart:
                self.post_message(BeginJourney(self.cg.restart(), replace=True))

        self.app.push_screen(RestartScreen(self.cg), answered)

    def action_leave(self) -> None:
        self.cg.save()
        self.dismiss(None)
        self.app.notify("Journey saved: open the campaign again to carry on.", timeout=3, markup=False)
