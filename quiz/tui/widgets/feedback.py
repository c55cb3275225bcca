"""The body of the feedback: verdict, points, explanation, evidence, dispute.

One widget that draws ready-made lines (Textual's line API) rather than a tree
of ~60 widgets. The question screen builds it hidden while the player thinks,
and `prepare()` lays out everything the answer cannot change (the prompt, the
explanation, every passage in its paragraph, the dispute's positions side by
side) at the width it will have. A key press then only lays out the few lines
of the verdict and the answer: the feedback paints within a frame of the answer instead of
waiting for Textual to lay out and wrap every paragraph at that moment.

Passages keep what widgets gave them: Tab and Shift+Tab move a cursor between
them, a click selects one, and `o` (the screen's binding, through
`open_selected()`) opens the article there. The look lives in `DEFAULT_CSS`,
through the component classes below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style

from quiz.content.references import OUTSIDE_LABEL, outside_facts
from quiz.engine.playable import Answer, Playable, Verdict
from quiz.engine.session import Step
from quiz.tui.game import Game
from quiz.tui.text import lit
from quiz.tui.verdicts import VERDICTS, answer_text, verdict_line
from quiz.tui.widgets import blocks
from quiz.tui.widgets.dispute import (
    FEEDBACK_HEADING,
    dispute_kind,
    dispute_title,
    dispute_why,
    position_content,
)
from quiz.tui.widgets.evidence import OpenPassage, passage_content

POSITION_MIN_WIDTH = 24
"""Narrower than this, the dispute's positions go one under the other..."""
SIDE_BY_SIDE_WIDTH = 92
"""...unless the positions have this much room (as in a 100-column terminal), as on the disputes screen."""
POSITION_NARROWEST = 14
"""Side by side, no narrower than this."""


@dataclass(frozen=True)
class Cited:
    """An evidence passage as the feedback shows it."""

    source_id: str
    quote: str
    content: Content


Part = tuple[list[Strip], list[range]]
"""Laid-out lines, and (in the part that holds them) where each passage's lines are."""


@dataclass
class Layout:
    """Lines at one width, and which lines belong to which passage."""

    width: int
    selected: int
    lines: list[Strip]
    passages: list[range]


class FeedbackView(ScrollView, can_focus=True):
    """Everything a player learns from one answer, drawn as ready-made lines."""

    # The component classes give the drawn lines their look.
    DEFAULT_CSS = """
    FeedbackView {
        height: 1fr;
        padding: 0 1;
        scrollbar-gutter: stable;
    }
    FeedbackView > .feedback--right {
        background: $success-muted;
        color: $text-success;
        text-style: bold;
    }
    FeedbackView > .feedback--partial {
        background: $warning-muted;
        color: $text-warning;
        text-style: bold;
    }
    FeedbackView > .feedback--wrong {
        background: $error-muted;
        color: $text-error;
        text-style: bold;
    }
    FeedbackView > .feedback--prompt {
        color: $text-muted;
    }
    FeedbackView > .feedback--section {
        color: $text-secondary;
        text-style: bold;
    }
    FeedbackView > .feedback--bar {
        color: $primary 40%;
    }
    FeedbackView > .feedback--bar-selected {
        color: $accent;
        background: $boost;
    }
    FeedbackView > .feedback--selected {
        background: $boost;
    }
    FeedbackView > .feedback--frame {
        color: $warning;
    }
    FeedbackView > .feedback--position {
        background: $surface;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "feedback--right",
        "feedback--partial",
        "feedback--wrong",
        "feedback--prompt",
        "feedback--section",
        "feedback--bar",
        "feedback--bar-selected",
        "feedback--selected",
        "feedback--frame",
        "feedback--position",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_passage", "Next passage", show=False, id="feedback.next_passage"),
        Binding(
            "shift+tab", "previous_passage", "Previous passage", show=False, id="feedback.previous_passage"
        ),
    ]

    class Shown(Message):
        """The feedback is on screen: the frame that holds it has been painted."""

    def __init__(self, game: Game, playable: Playable, *, id: str | None = "feedback-body") -> None:
        super().__init__(id=id)
        self.game = game
        self.playable = playable
        self.step: Step | None = None
        self.selected = 0
        self.cited = [
            Cited(
                passage.source_id,
                passage.quote,
                passage_content(
                    game.card(passage.source_id),
                    passage.quote,
                    game.passage(passage.source_id, passage.quote),
                ),
            )
            for passage in playable.evidence
        ]
        self._verdict: Content | None = None
        self._parts: dict[tuple[object, ...], Part] = {}
        self._joined: Layout | None = None
        self._planned_width = 0
        self._restyled = False
        self._styles_seen: tuple[Style, ...] = ()

    # --- what the screens call ------------------------------------------------

    def prepare(self, outer_width: int) -> None:
        """Lay out what the answer cannot change, for a view `outer_width` cells wide.

        Called while the view is hidden (it has no size yet), so the width is
        the one it will have once shown: its container's, less its padding and
        the scrollbar gutter it always keeps.
        """
        self._planned_width = max(
            1, outer_width - self.styles.gutter.width - self.styles.scrollbar_size_vertical
        )
        self._layout(self._planned_width)
        for outcome in VERDICTS:  # the verdict's colours, resolved now rather than on the key press
            self._style(f"feedback--{outcome}")
        # Textual makes (and starts) a scrollbar the first time one is needed:
        # now, rather than in the frame that reveals the feedback.
        self.vertical_scrollbar  # noqa: B018

    def show(self, step: Step, verdict: Content | None = None) -> None:
        """Fill in how this answer was judged (`verdict` replaces the round's verdict line)."""
        self.step = step
        self._verdict = verdict
        self._forget("verdict")
        self._relayout()
        if self.scroll_offset.y:
            self.scroll_home(animate=False)

    def open_selected(self) -> bool:
        """Open the article at the selected passage; False when there is none."""
        if not self.cited:
            return False
        cited = self.cited[self.selected]
        self.post_message(OpenPassage(cited.source_id, cited.quote))
        return True

    def select(self, index: int) -> None:
        """Move the passage cursor, and scroll the passage into view."""
        if not self.cited:
            return
        self.selected = index % len(self.cited)
        self.refresh()
        width = self._width()
        span = self._layout(width).passages[self.selected]
        self.scroll_to_region(Region(0, span.start, width, len(span)), animate=False, immediate=True)

    # --- keys and mouse -------------------------------------------------------

    def action_next_passage(self) -> None:
        if self.cited:
            self.select(self.selected + 1)
        else:
            self.screen.focus_next()

    def action_previous_passage(self) -> None:
        if self.cited:
            self.select(self.selected - 1)
        else:
            self.screen.focus_previous()

    def on_click(self, event: events.Click) -> None:
        self.focus()
        offset = event.get_content_offset(self)
        if offset is None:
            return
        y = offset.y + self.scroll_offset.y
        for index, span in enumerate(self._layout(self._width()).passages):
            if y in span:
                self.select(index)
                return

    def on_resize(self) -> None:
        self._relayout()

    def on_show(self) -> None:
        # Textual sends Show after laying out the frame that first holds this
        # view and before the next; the screen waits for it to move the focus.
        self.post_message(self.Shown())

    def notify_style_update(self) -> None:
        # Called for a new theme, but also for every change of focus or class:
        # the lines are laid out again only if their styles really changed.
        super().notify_style_update()
        self._restyled = True

    # --- drawing ----------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self._width()
        if not width:
            return Strip.blank(0)
        layout = self._layout(width)
        line = y + self.scroll_offset.y
        if line >= len(layout.lines):
            return blocks.blank(layout.width, self.visual_style)
        return self._content_line(layout, line, self.text_selection)

    def _content_line(self, layout: Layout, line: int, selection: Selection | None) -> Strip:
        """Line `line` of the layout (one that exists), with any text selection on it."""
        strip = layout.lines[line]
        if selection is not None and (span := selection.get_span(line)) is not None:
            strip = blocks.selected(strip, span, self.screen.get_component_rich_style("screen--selection"))
        # Offsets let the mouse select text, as in any other widget.
        return strip.apply_offsets(0, line)

    # --- selecting text with the mouse ---------------------------------------------

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        width = self._width()
        if not width:
            return None
        text = "\n".join(strip.text.rstrip() for strip in self._layout(width).lines)
        return selection.extract(text), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    def _width(self) -> int:
        """The width lines are laid out at: the view's own once shown, else the planned one (0: unknown)."""
        if self.size.width:
            return max(1, self.scrollable_content_region.width)
        return self._planned_width

    def _relayout(self) -> None:
        width = self._width()
        if not width:
            return  # not shown yet and nothing planned: `on_resize` will lay it out
        self.virtual_size = Size(width, len(self._layout(width).lines))
        self.refresh()

    def _style(self, *names: str) -> Style:
        return self.get_visual_style(*names)

    def _check_styles(self) -> None:
        """Drop the laid-out lines if a theme or the CSS changed how they look."""
        if not self._restyled:
            return
        self._restyled = False
        seen = (self.visual_style, *(self.get_visual_style(name) for name in sorted(self.COMPONENT_CLASSES)))
        if seen != self._styles_seen:
            self._styles_seen = seen
            self._parts.clear()
            self._joined = None

    def _forget(self, part: str) -> None:
        for key in [key for key in self._parts if key[0] == part]:
            del self._parts[key]
        self._joined = None

    def _layout(self, width: int) -> Layout:
        """All the lines, from parts laid out once each: only the answer's change with it."""
        self._check_styles()
        layout = self._joined
        if layout is not None and layout.width == width and layout.selected == self.selected:
            return layout
        parts = [
            self._part(("verdict", width), self._verdict_part, width),
            self._part(("prompt", width), self._prompt_part, width),
            self._answer_lines(width),
            self._part(("rest", width, self.selected), self._rest_part, width),
        ]
        top = sum(len(lines) for lines, _ in parts[:-1])
        self._joined = Layout(
            width,
            self.selected,
            [line for lines, _ in parts for line in lines],
            [range(span.start + top, span.stop + top) for span in parts[-1][1]],
        )
        return self._joined

    def _answer_lines(self, width: int) -> Part:
        """The lines of this step's answer."""
        if self.step is None:
            return [], []
        given, verdict = self.step.given, self.step.verdict
        key = ("answer", width, *self._answer_key(given, verdict))
        return self._part(key, lambda width: self._answer_part(given, verdict, width), width)

    def _part(self, key: tuple[object, ...], build: Callable[[int], Part], width: int) -> Part:
        part = self._parts.get(key)
        if part is None:
            part = self._parts[key] = build(width)
        return part

    def _paragraph(self, content: Content, width: int, style: Style | None = None) -> list[Strip]:
        """A blank line, then `content` (a paragraph with its top margin)."""
        base = self.visual_style
        return [blocks.blank(width, base), *blocks.wrap(content, width, style or base)]

    def _prompt_part(self, width: int) -> Part:
        return self._paragraph(
            lit(self.playable.prompt, "italic"), width, self._style("feedback--prompt")
        ), []

    def _verdict_part(self, width: int) -> Part:
        """``✔ Right   +10 points`` on the verdict's colour."""
        step = self.step
        if step is None:
            return [], []
        style = self._style(f"feedback--{step.verdict.outcome}")
        verdict = self._verdict if self._verdict is not None else verdict_line(step)
        lines = blocks.padded(blocks.wrap(verdict, width - 2, style), style)
        return [blocks.blank(width, self.visual_style), *lines], []

    def _answer_part(self, given: Answer, verdict: Verdict, width: int) -> Part:
        """The player's answer, the right one when it differs, and the advice."""
        text, right, expected, advice = self._answer_key(given, verdict)
        lines = self._paragraph(Content.assemble(("Your answer: ", "bold"), Content(text)), width)
        if not right:
            lines += self._paragraph(Content.assemble(("The answer: ", "bold"), Content(expected)), width)
        for line in advice:
            lines += self._paragraph(Content.assemble(("» ", "bold $text-warning"), Content(line)), width)
        return lines, []

    def _answer_key(self, given: Answer, verdict: Verdict) -> tuple[str, bool, str, tuple[str, ...]]:
        """What the answer's lines show: answers that show the same share their lines."""
        return (
            answer_text(self.playable, given),
            verdict.outcome == "right",
            verdict.expected,
            verdict.feedback,
        )

    def _rest_part(self, width: int) -> Part:
        """The explanation, the evidence and the dispute: the same whatever the answer."""
        base = self.visual_style
        lines = self._paragraph(
            Content.assemble(("Why: ", "bold"), Content(self.playable.explanation)), width
        )
        passages: list[range] = []
        if self.cited:
            lines += self._paragraph(Content("Evidence"), width, self._style("feedback--section"))
        for index, cited in enumerate(self.cited):
            chosen = index == self.selected
            bar = self._style("feedback--bar-selected" if chosen else "feedback--bar")
            inside = self._style("feedback--selected") if chosen else base
            lines.append(blocks.blank(width, base))
            start = len(lines)
            text = blocks.padded(blocks.wrap(cited.content, width - 3, inside), inside, left=0)
            lines.extend(blocks.barred(text, "▌", bar, inside))
            passages.append(range(start, len(lines)))
        dispute = self.playable.dispute
        if dispute is not None and width >= 8:
            inner = width - 4
            parts = [
                *blocks.wrap(dispute_title(dispute, FEEDBACK_HEADING), inner, base),
                *blocks.wrap(dispute_kind(dispute), inner, base),
                blocks.blank(inner, base),
                *self._positions(inner),
            ]
            if self.playable.why_they_differ is not None:  # else "Why" above has said it
                parts += [blocks.blank(inner, base), *blocks.wrap(dispute_why(dispute), inner, base)]
            lines.append(blocks.blank(width, base))
            lines.extend(blocks.framed(parts, width, self._style("feedback--frame"), base))
        lines += self._outside(width)
        return lines, passages

    def _outside(self, width: int) -> list[Strip]:
        """Facts from outside the articles, apart from the evidence, each with its reference."""
        dispute = self.playable.dispute
        facts = outside_facts(self.game.bank, self.playable.id, dispute.id if dispute else None)
        if not facts:
            return []
        lines = self._paragraph(Content(OUTSIDE_LABEL), width, self._style("feedback--section"))
        for fact in facts:
            lines += self._paragraph(lit(fact), width)
        return lines

    def _positions(self, width: int) -> list[Strip]:
        """Each source's claim in a card: side by side when they fit, else stacked."""
        dispute = self.playable.dispute
        assert dispute is not None
        base = self.visual_style
        card_style = self._style("feedback--position")
        contents = [position_content(self.game.card(p.source_id), p) for p in dispute.positions]
        count = len(contents)
        widths = blocks.column_widths(width, count, gap=1)
        narrowest = min(widths)
        if narrowest >= POSITION_MIN_WIDTH or (
            width >= SIDE_BY_SIDE_WIDTH and narrowest >= POSITION_NARROWEST
        ):
            columns = [
                blocks.padded(blocks.wrap(content, column - 2, card_style), card_style)
                for content, column in zip(contents, widths, strict=True)
            ]
            return blocks.side_by_side(columns, widths, 1, base, fill=card_style)
        stacked: list[Strip] = []
        for index, content in enumerate(contents):
            if index:
                stacked.append(blocks.blank(width, base))
            stacked.extend(blocks.padded(blocks.wrap(content, width - 2, card_style), card_style))
        return stacked
