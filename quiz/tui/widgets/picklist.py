"""An OptionList for bank text: literal, with a hanging indent under each key badge.

Each option is a key badge (" 1 a ") and a body (the choice's text). Bodies are
`Content`, so they never parse markup (markup is off too). When a body wraps,
its next lines start under the body rather than under the badge: the list
wraps them itself at its current width, and again when it is resized.

The highlighted option is drawn in the cursor's own colours, badge and body
alike: a key in the accent colour does not read on the cursor's background
(in the light theme, 2.3:1).

A list often grows to its full height inside a column that scrolls (a long
question at 60x20, a scene's evidence): moving the highlight also scrolls
those columns, so the highlighted option is always on screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual import events
from textual.content import Content
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

Item = tuple[Content, Content]  # (badge, body)

OPTION_GUTTER = 3  # the option's padding and a cell for the scrollbar


def hang(badge: Content, body: Content, width: int) -> Content:
    """`badge` then `body`, the body's wrapped lines indented to line up."""
    indent = badge.cell_length
    if width <= indent + 8:
        return Content.assemble(badge, body)
    lines = body.wrap(width - indent)
    pad = Content(" " * indent)
    return Content("\n").join(
        Content.assemble(badge if index == 0 else pad, line) for index, line in enumerate(lines)
    )


class PickList(OptionList):
    """Options from (badge, body) pairs, wrapped with a hanging indent."""

    DEFAULT_CSS = """
    PickList { height: auto; max-height: 100%; }
    """

    def __init__(
        self, items: Iterable[Item] = (), *, id: str | None = None, classes: str | None = None
    ) -> None:
        self.items: list[Item] = list(items)
        self._wrapped_at = 0
        self._option_heights: list[int] = []  # each option's lines, as last wrapped
        super().__init__(
            *[Option(Content.assemble(*item)) for item in self.items],
            id=id,
            classes=classes,
            markup=False,
        )

    def set_items(self, items: Sequence[Item]) -> None:
        """Replace every option's badge and body, keeping the highlight (if there are as many)."""
        self.items = list(items)
        if len(self.items) != self.option_count:
            highlighted = self.highlighted
            self.clear_options()
            self.add_options(Option(Content.assemble(*item)) for item in self.items)
            if self.items and highlighted is not None:
                self.highlighted = min(highlighted, len(self.items) - 1)
        self._rewrap(force=True)

    def _width(self) -> int:
        return self.scrollable_content_region.width - OPTION_GUTTER

    def _rewrap(self, *, force: bool = False) -> None:
        width = self._width()
        if width <= 0 or (width == self._wrapped_at and not force):
            return
        self._wrapped_at = width
        highlighted = self.highlighted
        heights = []
        for index in range(len(self.items)):
            prompt = self._prompt(index, width)
            heights.append(prompt.plain.count("\n") + 1)
            self.replace_option_prompt_at_index(index, prompt)
        self._option_heights = heights
        self.highlighted = highlighted

    def _prompt(self, index: int, width: int) -> Content:
        badge, body = self.items[index]
        if index == self.highlighted:
            badge, body = Content(badge.plain).stylize("bold"), Content(body.plain)
        return hang(badge, body, width)

    def on_mount(self) -> None:
        self.watch(self, "highlighted", self._highlight_moved, init=False)

    def _highlight_moved(self, old: int | None, new: int | None) -> None:
        """Redraw the option left and the one highlighted, in their own colours or the cursor's."""
        if self._wrapped_at > 0 and len(self.items) == self.option_count:
            for index in {old, new}:
                if index is not None and 0 <= index < len(self.items):
                    self.replace_option_prompt_at_index(index, self._prompt(index, self._wrapped_at))

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    # --- the highlight stays on screen --------------------------------------------------

    def action_cursor_up(self) -> None:
        super().action_cursor_up()
        self.follow_highlight()

    def action_cursor_down(self) -> None:
        super().action_cursor_down()
        self.follow_highlight()

    def action_first(self) -> None:
        super().action_first()
        self.follow_highlight()

    def action_last(self) -> None:
        super().action_last()
        self.follow_highlight()

    def action_page_up(self) -> None:
        super().action_page_up()
        self.follow_highlight()

    def action_page_down(self) -> None:
        super().action_page_down()
        self.follow_highlight()

    def follow_highlight(self) -> None:
        """Scroll the columns around the list until the highlighted option is in view (after the paint
        that places it: a highlight set with new items is placed only then)."""
        self.call_after_refresh(self._show_highlight)

    def _highlight_region(self) -> Region | None:
        """The highlighted option's cells on screen (it may be scrolled out of view)."""
        index = self.highlighted
        if index is None or len(self._option_heights) != self.option_count:
            return None
        top = sum(self._option_heights[:index])
        content = self.content_region
        return Region(
            content.x, content.y + top - self.scroll_offset.y, content.width, self._option_heights[index]
        )

    def _show_highlight(self) -> None:
        row = self._highlight_region()
        if row is None:
            self.scroll_visible(animate=False)
            return
        for node in self.ancestors:
            if not isinstance(node, Widget) or not node.allow_vertical_scroll:
                continue
            window = node.scrollable_content_region
            virtual = row.translate(node.scroll_offset - window.offset)
            moved = node.scroll_to_region(virtual, animate=False, immediate=True, force=True)
            row = row.translate(-moved)
