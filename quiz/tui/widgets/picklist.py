"""An OptionList for bank text: literal, with a hanging indent under each key badge.

Each option is a key badge (" 1 a ") and a body (the choice's text). Bodies are
`Content`, so they never parse markup (markup is off too). When a body wraps,
its next lines start under the body rather than under the badge: the list
wraps them itself at its current width, and again when it is resized.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual import events
from textual.content import Content
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
        super().__init__(
            *[Option(Content.assemble(*item)) for item in self.items],
            id=id,
            classes=classes,
            markup=False,
        )

    def set_items(self, items: Sequence[Item]) -> None:
        """Replace every option's badge and body, keeping the highlight."""
        self.items = list(items)
        self._rewrap(force=True)

    def _width(self) -> int:
        return self.scrollable_content_region.width - OPTION_GUTTER

    def _rewrap(self, *, force: bool = False) -> None:
        width = self._width()
        if width <= 0 or (width == self._wrapped_at and not force):
            return
        self._wrapped_at = width
        highlighted = self.highlighted
        for index, (badge, body) in enumerate(self.items):
            self.replace_option_prompt_at_index(index, hang(badge, body, width))
        self.highlighted = highlighted

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()
