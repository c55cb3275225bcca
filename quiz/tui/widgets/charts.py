"""Small charts drawn with block characters: bars by topic, a history line.

Plain `Content` renders, so they cost nothing to import and snapshot exactly.
Labels come from the bank (topics, source titles) and are kept literal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

BLOCKS = " ▏▎▍▌▋▊▉█"
COLUMN = " ▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # 0..1
    note: str = ""  # e.g. "3 of 4"


def bar(fraction: float, width: int) -> str:
    """A horizontal bar of `width` cells filled to `fraction`, in eighths."""
    fraction = min(max(fraction, 0.0), 1.0)
    eighths = round(fraction * width * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full + (BLOCKS[part] if part else "")
    return text.ljust(width)


class BarChart(Widget):
    """Labelled horizontal bars, with the value as a percentage."""

    DEFAULT_CSS = """
    BarChart { height: auto; padding: 0 1; }
    """

    def __init__(self, bars: Sequence[Bar], *, id: str | None = None, empty: str = "Nothing yet.") -> None:
        super().__init__(id=id)
        self.bars = list(bars)
        self.empty = empty

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.bars))

    def render(self) -> Content:
        if not self.bars:
            return Content.styled(self.empty, "$text-muted")
        width = self.size.width or 60
        label_width = min(max(len(b.label) for b in self.bars), max(10, width // 3))
        note_width = max(len(b.note) for b in self.bars)
        bar_width = max(4, width - label_width - note_width - 8)
        lines = []
        for item in self.bars:
            label = item.label if len(item.label) <= label_width else item.label[: label_width - 1] + "…"
            style = "$success" if item.value >= 0.75 else "$warning" if item.value >= 0.5 else "$error"
            lines.append(
                Content.assemble(
                    Content(label.ljust(label_width)),
                    " ",
                    (bar(item.value, bar_width), style),
                    f" {round(item.value * 100):>3}% ",
                    (item.note, "$text-muted"),
                )
            )
        return Content("\n").join(lines)


class HistoryChart(Widget):
    """One column per round, its height the round's accuracy: progress over time."""

    DEFAULT_CSS = """
    HistoryChart { height: 6; padding: 0 1; }
    """

    def __init__(self, values: Sequence[float], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.values = list(values)

    def render(self) -> Content:
        if not self.values:
            return Content.styled("No rounds played yet.", "$text-muted")
        rows = max(2, self.size.height - 1 or 5)
        width = max(1, (self.size.width or 60) - 6)
        values = self.values[-width // 2 :]
        lines = []
        for row in range(rows, 0, -1):
            cells = []
            for value in values:
                level = value * rows - (row - 1)
                cell = "█" if level >= 1 else COLUMN[round(max(level, 0) * 8)] if level > 0 else " "
                cells.append(cell + " ")
            axis = "100%" if row == rows else "  0%" if row == 1 else "    "
            lines.append(Content.assemble((axis, "$text-muted"), " ", ("".join(cells), "$accent")))
        rounds = f"{len(values)} round" + ("" if len(values) == 1 else "s")
        lines.append(Content.styled(f"     {rounds}, oldest on the left", "$text-muted"))
        return Content("\n").join(lines)


class ForecastChart(Widget):
    """Reviews due on each of the coming days, one column a day, today on the left."""

    DEFAULT_CSS = """
    ForecastChart { height: 6; }
    """

    def __init__(self, counts: Sequence[int], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.counts = list(counts)

    def render(self) -> Content:
        if not any(self.counts):
            return Content.styled("Nothing due in the next 30 days.", "$text-muted")
        rows = max(2, self.size.height - 1 or 5)
        top = max(self.counts)
        width = max(1, ((self.size.width or 60) - 6) // 2)
        counts = self.counts[:width]
        lines = []
        for row in range(rows, 0, -1):
            cells = []
            for count in counts:
                level = count / top * rows - (row - 1)
                cell = "█" if level >= 1 else COLUMN[round(max(level, 0) * 8)] if level > 0 else " "
                cells.append(cell + " ")
            axis = f"{top:>4}" if row == rows else "   0" if row == 1 else "    "
            lines.append(Content.assemble((axis, "$text-muted"), " ", ("".join(cells), "$accent")))
        lines.append(Content.styled(f"     today, then the next {len(counts) - 1} days", "$text-muted"))
        return Content("\n").join(lines)
