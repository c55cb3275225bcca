"""Content laid out as ready-made lines: wrapped, padded, barred, framed, in columns.

The feedback after an answer is long (a verdict, an explanation, passages in
their paragraphs, a dispute with its positions side by side) and must paint
within a frame of the key press. As a tree of widgets, Textual lays it out and
wraps every paragraph again at that moment; as lines built here beforehand,
while the player reads the question, the paint only copies them. These helpers
are the small layout engine that makes that possible: each takes and returns
`Strip`s of one exact width, so that they nest.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions


def _parse_style(style: str | Style) -> Style:
    return style if isinstance(style, Style) else Style.parse(style)


def wrap(content: Content, width: int, style: Style) -> list[Strip]:
    """`content` wrapped to `width` cells, every line padded to it, on `style`.

    Straight to `Content.render_strips`: the feedback holds no links and no
    selection, so `Visual.to_strips`' handling of both would only cost time.
    Style names (``$text-muted``) resolve against the app's theme.
    """
    if width <= 0:
        return []
    rich_style = style.rich_style
    plain = content.plain
    if plain and content.cell_length <= width and "\n" not in plain and "\t" not in plain:
        # One line (a verdict, an answer): nothing to wrap, in a fraction of the time.
        segments = [
            Segment(text, (style + text_style).rich_style)
            for text, text_style in content.render(style, end="", parse_style=_parse_style)
        ]
        return [Strip(segments, content.cell_length).extend_cell_length(width, rich_style)]
    strips = content.render_strips(width, None, style, RenderOptions(_parse_style, RulesMap()))
    return [strip.extend_cell_length(width, rich_style) for strip in strips]


def blank(width: int, style: Style) -> Strip:
    return Strip.blank(width, style.rich_style)


def padded(strips: Sequence[Strip], style: Style, left: int = 1, right: int = 1) -> list[Strip]:
    """Strips with `left` and `right` cells of `style` on either side."""
    rich = style.rich_style
    before = Segment(" " * left, rich) if left else None
    after = Segment(" " * right, rich) if right else None
    return [Strip([s for s in (before, *strip, after) if s is not None]) for strip in strips]


def barred(strips: Sequence[Strip], bar: str, bar_style: Style, gap_style: Style) -> list[Strip]:
    """Strips behind a one-cell bar and a one-cell gap (a left border, drawn)."""
    bar_segment = Segment(bar, bar_style.rich_style)
    gap_segment = Segment(" ", gap_style.rich_style)
    return [Strip([bar_segment, gap_segment, *strip]) for strip in strips]


def framed(strips: Sequence[Strip], width: int, frame_style: Style, inside: Style) -> list[Strip]:
    """Strips of `width - 4` cells inside a rounded frame `width` cells wide."""
    frame = frame_style.rich_style
    gap = inside.rich_style
    top = Strip([Segment("╭" + "─" * (width - 2) + "╮", frame)])
    bottom = Strip([Segment("╰" + "─" * (width - 2) + "╯", frame)])
    left = [Segment("│", frame), Segment(" ", gap)]
    right = [Segment(" ", gap), Segment("│", frame)]
    return [top, *(Strip([*left, *strip, *right]) for strip in strips), bottom]


def selected(strip: Strip, span: tuple[int, int], selection_style: RichStyle) -> Strip:
    """The strip with cells `span` (end -1: to the end) in the selection's style, on top."""
    start, end = span
    length = strip.cell_length
    end = length if end == -1 else min(end, length)
    if start >= end:
        return strip
    before, middle, after = strip.divide([start, end, length])
    marked = Strip(
        [Segment(text, style + selection_style if style else selection_style) for text, style, _ in middle]
    )
    return Strip.join([before, marked, after])


def column_widths(width: int, count: int, gap: int) -> list[int]:
    """`count` columns filling `width` with `gap` cells between; the last takes the rest."""
    each = (width - gap * (count - 1)) // count
    return [each] * (count - 1) + [width - gap * (count - 1) - each * (count - 1)]


def side_by_side(
    columns: Sequence[Sequence[Strip]], widths: Sequence[int], gap: int, gap_style: Style, fill: Style
) -> list[Strip]:
    """Columns of strips set next to each other; the shorter ones are filled down in `fill`."""
    height = max((len(column) for column in columns), default=0)
    space = Segment(" " * gap, gap_style.rich_style) if gap else None
    lines = []
    for y in range(height):
        parts: list[Segment] = []
        for index, (column, column_width) in enumerate(zip(columns, widths, strict=True)):
            if index and space is not None:
                parts.append(space)
            parts.extend(column[y] if y < len(column) else Strip.blank(column_width, fill.rich_style))
        lines.append(Strip(parts))
    return lines
