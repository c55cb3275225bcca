"""The campaign's other views: the notebook, the journey so far, and the ending."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static

from quiz.engine.words import plural
from quiz.tui.data.campaign import JourneyInPlay
from quiz.tui.messages import BeginJourney, OpenContradiction, OpenPassage
from quiz.tui.text import lit
from quiz.tui.widgets.campaign_widgets import MUTED, CampaignHud, CampaignList, keys_hint, notebook_item
from quiz.tui.widgets.evidence import EvidencePassage
from quiz.tui.widgets.footer import KeysFooter


class NotebookScreen(Screen[None]):
    """Every piece of evidence kept, in the order kept; the one highlighted, in its paragraph."""

    CSS_PATH = "campaign.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "drop", "Drop", id="campaign.notebook.drop", tooltip="Take the highlighted entry out"),
        Binding(
            "o", "open_article", "Open article", id="campaign.notebook.open", tooltip="Read the article there"
        ),
        Binding(
            "c",
            "contradiction",
            "Contradiction",
            id="campaign.notebook.contradiction",
            tooltip="Pin the two entries that clash",
        ),
        Binding("escape,n", "back", "Back", id="campaign.notebook.back", tooltip="Back to the scene"),
    ]

    def __init__(self, cg: JourneyInPlay) -> None:
        super().__init__(classes="camp-screen")
        self.cg = cg
        self.entries = list(cg.run.notebook)
        self.shown: int | None = None

    def compose(self) -> ComposeResult:
        yield CampaignHud(self.cg, "Your notebook")
        if not self.entries:
            yield Static(
                "Your notebook is empty. On a scene, keep evidence with k (or examine it with its number, then k).",
                classes="camp-empty",
                markup=False,
            )
        else:
            with Horizontal(id="camp-notebook-columns"):
                with VerticalScroll(id="camp-notebook-side", can_focus=False):
                    yield Static(
                        keys_hint(("↑↓ 1-9", "look"), ("d", "drop"), ("o", "article")), classes="camp-hint"
                    )
                    yield CampaignList(self.items(), id="camp-notebook", pick_on_number=False)
                yield VerticalScroll(id="camp-notebook-detail", can_focus=False)
        yield KeysFooter()

    def items(self) -> list[tuple[Content, Content]]:
        return [notebook_item(self.cg, i, e) for i, e in enumerate(self.entries)]

    def on_mount(self) -> None:
        if self.entries:
            listing = self.query_one("#camp-notebook", CampaignList)
            listing.highlighted = 0
            listing.focus()
            self.call_after_refresh(self.show_entry, 0)

    @on(OptionList.OptionHighlighted, "#camp-notebook")
    async def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        await self.show_entry(event.option_index)

    @on(OptionList.OptionSelected, "#camp-notebook")
    async def _selected(self, event: OptionList.OptionSelected) -> None:
        # A click or Enter only shows the entry beside the list: `o` opens the article.
        event.stop()
        await self.show_entry(event.option_index)

    async def show_entry(self, index: int) -> None:
        if self.shown == index or not 0 <= index < len(self.entries):
            return
        self.shown = index
        evidence = self.entries[index]
        cg = self.cg
        detail = self.query_one("#camp-notebook-detail", VerticalScroll)
        found = cg.scene_of(evidence.id)
        widgets: list[Static | EvidencePassage] = [
            Static(
                Content.styled(f"Entry {index + 1} of {len(self.entries)}", "bold"),
                classes="camp-detail-title",
            ),
            EvidencePassage(
                cg.card(evidence.source), evidence.quote, cg.game.passage(evidence.source, evidence.quote)
            ),
        ]
        if evidence.note:
            widgets.append(
                Static(Content.styled(evidence.note, "italic $text-secondary"), classes="camp-note")
            )
        if found is not None:
            widgets.append(
                Static(Content.assemble(("Found at ", MUTED), Content(found.title)), classes="camp-found")
            )
        async with detail.batch():
            await detail.remove_children()
            await detail.mount_all(widgets)
        detail.scroll_home(animate=False)

    def highlighted(self) -> int | None:
        if not self.entries:
            return None
        return self.query_one("#camp-notebook", CampaignList).highlighted

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("drop", "open_article"):
            return bool(self.entries)
        if action == "contradiction":
            return self.cg.contradiction_ready
        return True

    async def action_drop(self) -> None:
        index = self.highlighted()
        if index is None:
            return
        evidence = self.entries[index]
        self.cg.drop(evidence.id)
        self.notify("Dropped from your notebook.", timeout=2, markup=False)
        self.entries = list(self.cg.run.notebook)
        self.shown = None
        await self.recompose()
        if self.entries:
            listing = self.query_one("#camp-notebook", CampaignList)
            listing.highlighted = min(index, len(self.entries) - 1)
            listing.focus()
            await self.show_entry(listing.highlighted or 0)
        self.refresh_bindings()

    def action_open_article(self) -> None:
        index = self.highlighted()
        if index is not None:
            evidence = self.entries[index]
            self.post_message(OpenPassage(evidence.source, evidence.quote))

    def action_contradiction(self) -> None:
        self.dismiss(None)
        # To the app itself: this screen is gone before its own messages would bubble.
        self.app.post_message(OpenContradiction(self.cg))

    def action_back(self) -> None:
        self.dismiss(None)


class JourneyScreen(Screen[None]):
    """The places visited, in order, what was done in each; and the places still open."""

    CSS_PATH = "campaign.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,j", "back", "Back", id="campaign.journey.back", tooltip="Back"),
    ]

    def __init__(self, cg: JourneyInPlay) -> None:
        super().__init__(classes="camp-screen")
        self.cg = cg

    def compose(self) -> ComposeResult:
        cg, run = self.cg, self.cg.run
        state = run.state
        yield CampaignHud(cg, Content.assemble("The journey  ·  ", Content(cg.campaign.title)))
        with VerticalScroll(id="camp-journey"):
            solved_total = sum(1 for s in run.visited_scenes() if s.contradiction is not None)
            yield Static(
                Content.assemble(
                    ("Score ", "bold"),
                    f"{state.score} of at most {run.max_score}",
                    ("   Contradictions solved ", "bold"),
                    f"{len(state.solved)} of {solved_total}",
                    ("   Questions right ", "bold"),
                    str(len(state.right)),
                ),
                id="camp-journey-facts",
            )
            yield Static("Visited", classes="section-title", markup=False)
            here = run.scene.id
            for n, scene in enumerate(run.visited_scenes(), 1):
                refs = scene.questions
                right = sum(1 for ref in refs if ref in state.right)
                kept = sum(1 for e in scene.evidence if e.id in state.notebook)
                facts: list[tuple[str, str]] = []
                if scene.evidence:
                    facts.append((f"kept {kept}/{len(scene.evidence)}", MUTED))
                if refs:
                    facts.append((f"questions {right}/{len(refs)}", MUTED))
                if scene.contradiction is not None:
                    solved = scene.id in state.solved
                    facts.append(
                        ("contradiction solved", "$text-success")
                        if solved
                        else ("contradiction open", "$text-warning")
                    )
                spaced: list[Content | str | tuple[str, str]] = []
                for i, fact in enumerate(facts):
                    spaced += [(" · " if i else "    ", MUTED), fact]
                yield Static(
                    Content.assemble(
                        (f"{n:>2}. ", "bold $text-accent"),
                        Content.styled(scene.title, "bold"),
                        ("  ", ""),
                        Content.styled(cg.scene_when(scene), MUTED),
                        ("   ◀ you are here", "bold $text-accent")
                        if scene.id == here and not run.finished
                        else "",
                        "\n" if spaced else "",
                        *spaced,
                    ),
                    classes="camp-place",
                )
            open_places = run.open_places()
            yield Static("Not yet visited", classes="section-title", markup=False)
            if open_places:
                for scene in open_places:
                    yield Static(
                        Content.assemble(
                            ("  · ", MUTED),
                            Content(scene.title),
                            ("  ", ""),
                            Content.styled(cg.scene_when(scene), MUTED),
                        ),
                        classes="camp-place",
                    )
            else:
                yield Static("Nowhere you know of yet.", classes="camp-place", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#camp-journey").focus()

    def action_back(self) -> None:
        self.dismiss(None)


class EndingScreen(Screen[None]):
    """The briefing: the final scene, the ending it earned, the score out of the most."""

    CSS_PATH = "campaign.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter,escape",
            "home",
            "Done",
            id="campaign.ending.done",
            tooltip="Back to where you started the campaign",
        ),
        Binding("j", "journey", "Journey", id="campaign.ending.journey", tooltip="The places you went"),
        Binding("r", "again", "Play again", id="campaign.ending.again", tooltip="A new journey"),
    ]

    def __init__(self, cg: JourneyInPlay) -> None:
        super().__init__(classes="camp-screen")
        self.cg = cg

    def compose(self) -> ComposeResult:
        cg, run = self.cg, self.cg.run
        ending = run.ending
        assert ending is not None, "the ending screen needs an ending"
        yield CampaignHud(cg, Content.assemble("Ending: ", Content(ending.title)))
        with VerticalScroll(id="camp-ending"):
            scene = run.scene
            yield Static(lit(scene.title, "bold $text-primary"), id="camp-ending-scene")
            yield Static(Content.styled(cg.scene_when(scene), MUTED), classes="camp-place-line")
            yield Static(Content(scene.text.strip()), id="camp-ending-scene-text")
            yield Static(
                Content.assemble(("Ending: ", ""), Content.styled(ending.title, "bold")),
                id="camp-ending-title",
            )
            yield Static(Content(ending.text.strip()), id="camp-ending-text")
            yield Static(self.score_line(), id="camp-ending-score")
            state = run.state
            yield Static(
                Content.styled(
                    f"{plural(len(state.visited), 'place')} visited, {plural(len(state.solved), 'contradiction')}"
                    f" solved, {plural(len(state.right), 'question')} answered right. Your result is in your stats.",
                    MUTED,
                ),
                classes="camp-place-line",
            )
            yield Static(
                keys_hint(("Enter", "done"), ("j", "the journey"), ("r", "play again")), classes="camp-hint"
            )
        yield KeysFooter()

    def score_line(self) -> Content:
        run = self.cg.run
        score, most = run.state.score, run.max_score
        width = 30
        filled = round(width * score / most) if most else width
        return Content.assemble(
            ("Your score: ", "bold"),
            (f"{score} of {most}", "bold $text-accent"),
            "   ",
            ("█" * filled, "$accent"),
            ("░" * (width - filled), MUTED),
        )

    def on_mount(self) -> None:
        self.query_one("#camp-ending").focus()

    def action_home(self) -> None:
        self.dismiss(None)

    def action_journey(self) -> None:
        self.app.push_screen(JourneyScreen(self.cg))

    def action_again(self) -> None:
        self.post_message(BeginJourney(self.cg.restart(), replace=True))
