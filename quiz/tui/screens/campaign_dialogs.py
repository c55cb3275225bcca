"""The campaign's dialogs: the intro, resume or start again, confirm a restart,
and examining a piece of evidence in its paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from quiz.engine.words import plural
from quiz.tui.data.campaign import shorten
from quiz.tui.messages import OpenPassage
from quiz.tui.widgets.campaign_widgets import keys_hint
from quiz.tui.widgets.evidence import EvidencePassage

if TYPE_CHECKING:
    from quiz.content.campaign.models import CampaignEvidence
    from quiz.tui.data.campaign import JourneyInPlay


def journey_facts(cg: JourneyInPlay) -> str:
    state = cg.run.state
    return (
        f"score {state.score} of {cg.run.max_score},"
        f" {plural(len(state.notebook), 'notebook entry', 'notebook entries')},"
        f" {plural(len(state.visited), 'place')} visited"
    )


class IntroScreen(ModalScreen[None]):
    """The campaign's title and intro, before the first scene of a new journey."""

    CSS_PATH = "campaign.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space,escape", "begin", "Begin", id="campaign.begin", tooltip="Go to the first scene"),
    ]

    def __init__(self, cg: JourneyInPlay) -> None:
        super().__init__()
        self.cg = cg

    def compose(self) -> ComposeResult:
        campaign = self.cg.campaign
        with VerticalScroll(classes="dialog camp-dialog", id="camp-intro"):
            yield Static(Content.styled(campaign.title, "bold $text-primary"), classes="dialog-title")
            yield Static(Content(campaign.intro.strip()), id="camp-intro-text")
            yield Button(Content("Begin (Enter)"), id="camp-begin", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#camp-intro").focus()

    def action_begin(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#camp-begin")
    def _begin(self) -> None:
        self.dismiss(None)


class OutdatedJourneyScreen(ModalScreen[bool]):
    """The saved journey's scene is gone from the campaign: restart (True), or back (False)."""

    CSS_PATH = "campaign.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose(True)", "Restart", id="campaign.restart-outdated", tooltip="A new journey"),
        Binding(
            "escape", "choose(False)", "Back", id="campaign.outdated-back", tooltip="Keep the save as it is"
        ),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog camp-dialog", id="camp-outdated"):
            yield Static(Content.styled("Your journey cannot go on", "bold"), classes="dialog-title")
            yield Static(
                Content(
                    "Your saved journey is in a scene this campaign no longer has: its questions have"
                    " changed since you played. Restarting keeps the old save aside; nothing is deleted."
                )
            )
            with Horizontal(classes="camp-buttons"):
                yield Button(
                    Content("Restart (r)"), id="camp-outdated-restart", variant="primary", compact=True
                )
                yield Button(Content("Back (Esc)"), id="camp-outdated-back", compact=True)

    def on_mount(self) -> None:
        self.query_one("#camp-outdated-restart", Button).focus()

    def action_choose(self, restart: bool) -> None:
        self.dismiss(restart)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "camp-outdated-restart")


class ResumeScreen(ModalScreen[str | None]):
    """A journey is saved: "resume", "new" (start again), or None (not now)."""

    CSS_PATH = "campaign.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "r", "choose('resume')", "Resume", id="campaign.resume", tooltip="Carry on where you stopped"
        ),
        Binding(
            "n",
            "choose('new')",
            "Start again",
            id="campaign.new",
            tooltip="A new journey; the saved one is lost",
        ),
        Binding("escape", "choose('')", "Back", id="campaign.resume-back", tooltip="Not now"),
    ]

    def __init__(self, cg: JourneyInPlay) -> None:
        super().__init__()
        self.cg = cg

    def compose(self) -> ComposeResult:
        cg = self.cg
        with Vertical(classes="dialog camp-dialog", id="camp-resume"):
            yield Static(Content.styled("A journey under way", "bold"), classes="dialog-title")
            yield Static(
                Content.assemble(
                    Content(cg.campaign.title),
                    ": you are at ",
                    Content.styled(cg.scene.title, "bold"),
                    ".",
                )
            )
            yield Static(Content(journey_facts(cg).capitalize() + "."), classes="dialog-note")
            with Horizontal(classes="camp-buttons"):
                yield Button(Content("Resume (r)"), id="camp-resume-yes", variant="primary", compact=True)
                yield Button(Content("Start again (n)"), id="camp-resume-new", compact=True)

    def on_mount(self) -> None:
        self.query_one("#camp-resume-yes", Button).focus()

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss("resume" if event.button.id == "camp-resume-yes" else "new")


class RestartScreen(ModalScreen[bool]):
    """Start the journey again? Dismisses with True to restart."""

    CSS_PATH = "campaign.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "choose(True)", "Yes, start again", id="campaign.restart-yes"),
        Binding("n,escape", "choose(False)", "No", id="campaign.restart-no", tooltip="Keep this journey"),
    ]

    def __init__(self, cg: JourneyInPlay) -> None:
        super().__init__()
        self.cg = cg

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog camp-dialog", id="camp-restart"):
            yield Static(Content.styled("Start the campaign again?", "bold"), classes="dialog-title")
            yield Static(
                Content(f"This journey ({journey_facts(self.cg)}) will be lost."),
                classes="dialog-note",
            )
            with Horizontal(classes="camp-buttons"):
                yield Button(
                    Content("Yes, start again (y)"), id="camp-restart-yes", variant="error", compact=True
                )
                yield Button(Content("No (n)"), id="camp-restart-no", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#camp-restart-no", Button).focus()

    def action_choose(self, restart: bool) -> None:
        self.dismiss(restart)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "camp-restart-yes")


class ExamineScreen(ModalScreen[None]):
    """A piece of the scene's evidence inside its paragraph, to keep or leave.

    `k` keeps it (and closes), `d` drops it from the notebook, `o` opens the
    article there, ← → go to the other evidence of the scene.
    """

    CSS_PATH = "campaign.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "keep", "Keep", id="campaign.examine.keep", tooltip="Keep it in your notebook"),
        Binding("d", "drop", "Drop", id="campaign.examine.drop", tooltip="Take it out of your notebook"),
        Binding("o", "open_article", "Article", id="campaign.examine.open", tooltip="Read the article here"),
        Binding("left", "step(-1)", "Previous", id="campaign.examine.previous", show=False),
        Binding("right", "step(1)", "Next", id="campaign.examine.next", show=False),
        Binding("escape", "close", "Back", id="campaign.examine.back", tooltip="Back to the scene"),
    ]

    def __init__(self, cg: JourneyInPlay, index: int) -> None:
        super().__init__()
        self.cg = cg
        self.index = index

    @property
    def evidence(self) -> CampaignEvidence:
        return self.cg.scene.evidence[self.index]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog camp-dialog", id="camp-examine"):
            yield Static("", id="camp-examine-title")
            with VerticalScroll(id="camp-examine-body"):
                yield from self._body()
            yield Static(
                keys_hint(
                    ("k", "keep"),
                    ("d", "drop"),
                    ("o", "open the article"),
                    ("← →", "other evidence"),
                    ("Esc", "back"),
                ),
                id="camp-examine-keys",
            )
            with Horizontal(classes="camp-buttons"):
                yield Button(Content("Keep (k)"), id="camp-examine-keep", variant="primary", compact=True)
                yield Button(Content("Open the article (o)"), id="camp-examine-open", compact=True)

    def _body(self) -> ComposeResult:
        evidence = self.evidence
        cg = self.cg
        yield EvidencePassage(
            cg.card(evidence.source), evidence.quote, cg.game.passage(evidence.source, evidence.quote)
        )
        if evidence.note:
            yield Static(Content.styled(evidence.note, "italic $text-secondary"), id="camp-examine-note")

    def on_mount(self) -> None:
        self.fit()
        self.show_state()
        self.query_one("#camp-examine-body").focus()

    def on_resize(self) -> None:
        self.fit()

    def fit(self) -> None:
        """Leave room for the title, the keys and the buttons: the passage scrolls instead."""
        around = (
            11  # the dialog's border and padding, the title, the keys (two lines when narrow), the buttons
        )
        body = self.query_one("#camp-examine-body", VerticalScroll)
        body.styles.max_height = max(3, int(self.app.size.height * 0.9) - around)

    def show_state(self) -> None:
        kept = self.cg.is_kept(self.evidence.id)
        total = len(self.cg.scene.evidence)
        self.query_one("#camp-examine-title", Static).update(
            Content.assemble(
                (f"Evidence {self.index + 1} of {total}", "bold"),
                ("   ✓ in your notebook", "$text-success")
                if kept
                else ("   not in your notebook", "$text-muted"),
            )
        )
        keep = self.query_one("#camp-examine-keep", Button)
        keep.label = Content("Drop it (d)" if kept else "Keep (k)")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "keep":
            return not self.cg.is_kept(self.evidence.id)
        if action == "drop":
            return self.cg.is_kept(self.evidence.id)
        return True

    async def action_step(self, delta: int) -> None:
        total = len(self.cg.scene.evidence)
        self.index = (self.index + delta) % total
        body = self.query_one("#camp-examine-body", VerticalScroll)
        await body.remove_children()
        await body.mount_all(list(self._body()))
        body.scroll_home(animate=False)
        self.show_state()

    def action_keep(self) -> None:
        evidence = self.evidence
        if self.cg.keep(evidence):
            self.notify(f"Kept in your notebook: “{shorten(evidence.quote, 60)}”", timeout=2, markup=False)
        self.dismiss(None)

    def action_drop(self) -> None:
        if self.cg.drop(self.evidence.id):
            self.notify("Dropped from your notebook.", timeout=2, markup=False)
        self.show_state()

    def action_open_article(self) -> None:
        evidence = self.evidence
        self.post_message(OpenPassage(evidence.source, evidence.quote))

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#camp-examine-keep")
    def _keep_clicked(self) -> None:
        if self.cg.is_kept(self.evidence.id):
            self.action_drop()
        else:
            self.action_keep()

    @on(Button.Pressed, "#camp-examine-open")
    def _open_clicked(self) -> None:
        self.action_open_article()
