"""The campaign's widgets: its lists, its status line, and its lines in the stats.

Every text here comes from the campaign file or the articles, so every piece
of it is `Content` (never parsed as markup); our own words and styles are
assembled around it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from quiz.tui.data.campaign import shorten
from quiz.tui.widgets.answer import index_for_key
from quiz.tui.widgets.picklist import Item, PickList

if TYPE_CHECKING:
    from quiz.content.campaign.models import CampaignEvidence
    from quiz.engine.campaign.run import ExitView, QuestionView
    from quiz.tui.data.campaign import JourneyInPlay
    from quiz.tui.game import Game

KEY_STYLE = "bold $text-accent"
MUTED = "$text-muted"


def number_badge(index: int, mark: str = "", mark_style: str = "") -> Content:
    """`` 1 ✓ ``: the key that picks an item, and a one-cell mark."""
    return Content.assemble(
        Content.styled(f" {index + 1} ", KEY_STYLE), (f"{mark or ' '} ", mark_style or MUTED)
    )


def keys_hint(*pairs: tuple[str, str]) -> Content:
    """``1-9 examine · k keep``: our keys, in the muted hint style."""
    parts: list[Content | tuple[str, str]] = []
    for n, (key, what) in enumerate(pairs):
        if n:
            parts.append(("  ·  ", MUTED))
        parts += [(key, "bold"), (f" {what}" if what else "", MUTED)]
    return Content.assemble(*parts)


def evidence_item(cg: JourneyInPlay, index: int, evidence: CampaignEvidence) -> Item:
    """A piece of evidence in a list: the quote, who said it, and the narrator's note."""
    kept = cg.is_kept(evidence.id)
    badge = number_badge(index, "✓" if kept else "", "bold $text-success")
    parts: list[Content | str | tuple[str, str]] = [
        "“",
        Content(evidence.quote),
        "”\n",
        Content.styled(cg.source_line(evidence.source), MUTED),
    ]
    if kept:
        parts.append(("\n✓ kept in your notebook", "$text-success"))
    if evidence.note:
        parts += ["\n", Content.styled(evidence.note, "italic $text-secondary")]
    return badge, Content.assemble(*parts)


def notebook_item(cg: JourneyInPlay, index: int, evidence: CampaignEvidence) -> Item:
    """A notebook entry in the list, short: the quote's start and who said it (the rest is beside it)."""
    return number_badge(index), Content.assemble(
        "“",
        Content(shorten(evidence.quote, 90)),
        "”\n",
        Content.styled(cg.source_line(evidence.source), MUTED),
    )


def question_item(index: int, view: QuestionView) -> Item:
    mark, style = ("✓", "bold $text-success") if view.answered_right else ("?", "bold $text-warning")
    body = Content(view.playable.prompt)
    if view.answered_right:
        body = Content.assemble(body, ("  answered", "$text-success"))
    return number_badge(index, mark, style), body


def exit_item(view: ExitView) -> Item:
    if view.open:
        return number_badge(view.index, "→", "bold $text-success"), Content.styled(view.label, "bold")
    lines: list[Content | str | tuple[str, str]] = [Content(view.label)]
    for missing in view.missing:
        lines += ["\n", ("needs: ", "$text-warning"), Content.styled(missing, MUTED)]
    return number_badge(view.index, "✕", "bold $text-error"), Content.assemble(*lines)


def reason_item(index: int, reason: str, tried: bool) -> Item:
    badge = number_badge(index, "✕" if tried else "", "bold $text-error")
    if tried:
        return badge, Content.assemble(Content.styled(reason, MUTED), ("  not that", "$text-error"))
    return badge, Content(reason)


class CampaignList(PickList):
    """A `PickList` whose items the number keys pick: 1 picks the first, as Enter or a click would.

    With `pick_on_number=False` a number only moves the highlight (the notebook,
    where the entry highlighted is shown beside the list).
    """

    # The class outranks OptionList's own border in Textual's default styles.
    DEFAULT_CLASSES = "camp-list"
    DEFAULT_CSS = """
    CampaignList.camp-list {
        height: auto;
        border: round $primary 40%;
    }
    CampaignList.camp-list:focus {
        border: round $primary;
    }
    """

    def __init__(
        self,
        items: list[Item],
        *,
        id: str | None = None,
        classes: str | None = None,
        pick_on_number: bool = True,
    ) -> None:
        super().__init__(items, id=id, classes=classes)
        self.pick_on_number = pick_on_number

    def on_key(self, event: events.Key) -> None:
        index = index_for_key(event.key, self.option_count, letters=False)
        if index is None:
            return
        event.stop()
        event.prevent_default()
        self.highlighted = index
        self.follow_highlight()
        if self.pick_on_number:
            self.action_select()

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = 0


class CampaignHud(Horizontal):
    """One line over every campaign screen: where you are, and how you stand."""

    # The class outranks Horizontal's own height in Textual's default styles.
    DEFAULT_CLASSES = "camp-hud"
    DEFAULT_CSS = """
    CampaignHud.camp-hud {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    CampaignHud.camp-hud #camp-hud-title {
        width: 1fr;
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    CampaignHud.camp-hud #camp-hud-stats {
        width: auto;
        height: 1;
        margin-left: 2;
    }
    """

    def __init__(
        self, cg: JourneyInPlay, heading: str | Content = "", *, id: str | None = "camp-hud"
    ) -> None:
        super().__init__(id=id)
        self.cg = cg
        self.heading = heading

    def compose(self) -> ComposeResult:
        yield Static("", id="camp-hud-title")
        yield Static("", id="camp-hud-stats")

    def on_mount(self) -> None:
        self.update()

    def update(self) -> None:
        cg = self.cg
        heading = self.heading or cg.scene.title
        title = heading if isinstance(heading, Content) else Content(heading)
        self.query_one("#camp-hud-title", Static).update(
            Content.assemble(("⚐ ", "$text-accent"), title.stylize("bold"))
        )
        self.query_one("#camp-hud-stats", Static).update(
            Content.assemble(
                ("Score ", MUTED),
                (f"{cg.score}", "bold $text-accent"),
                (f"/{cg.run.max_score}", MUTED),
                ("   Notebook ", MUTED),
                (str(len(cg.run.state.notebook)), "bold"),
                ("   Places ", MUTED),
                (str(len(cg.run.state.visited)), "bold"),
            )
        )


class CampaignStats(Vertical):
    """The campaign lines of the stats screen: finished journeys and one under way.

    Shows nothing at all (no title either) when the player has neither.
    """

    DEFAULT_CSS = """
    CampaignStats { height: auto; }
    CampaignStats .camp-stat { padding: 0 1; }
    """

    def __init__(self, game: Game, *, id: str | None = "campaign-stats") -> None:
        super().__init__(id=id)
        self.game = game

    def compose(self) -> ComposeResult:
        game, player = self.game, self.game.player or ""
        try:
            results: list[Any] = list(game.store.campaign_results(player))
        except Exception:
            results = []
        under_way = []
        for campaign_id, campaign in game.bank.campaigns.items():
            try:
                saved = game.store.load_campaign(player, campaign_id)
            except Exception:
                saved = None
            if saved:
                under_way.append(campaign)
        if not results and not under_way:
            self.display = False
            return
        yield Static("Campaigns", classes="section-title", markup=False)
        for result in reversed(results[-5:]):
            played = game.bank.campaigns.get(result.campaign)
            title = played.title if played else result.campaign
            ending = (
                next((e.title for e in played.ending if e.id == result.ending), result.ending)
                if played
                else result.ending
            )
            yield Static(
                Content.assemble(
                    (f"{result.score} of {result.max_score}  ", "bold $text-accent"),
                    Content(title),
                    (": ", MUTED),
                    Content.styled(ending, "italic"),
                ),
                classes="camp-stat",
            )
        for campaign in under_way:
            yield Static(
                Content.assemble(("Under way  ", "bold $text-warning"), Content(campaign.title)),
                classes="camp-stat",
            )
        if results:
            best = max(results, key=lambda r: (r.score / r.max_score if r.max_score else 0, r.score))
            yield Static(
                Content.assemble(
                    ("Best ", MUTED),
                    (f"{best.score} of {best.max_score}", "bold"),
                    (f"   Finished {len(results)} time{'' if len(results) == 1 else 's'}", MUTED),
                ),
                classes="camp-stat",
            )
