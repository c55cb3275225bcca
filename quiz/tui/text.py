"""Turning bank and article text into something Textual shows *literally*.

Everything a teacher writes and every article is content, never markup: a
prompt holding ``[@click=app.quit]`` must show those characters and run
nothing. Textual parses markup in plain ``str`` passed to most widgets, and
``escape()`` does not cover every case (``[/`` still raises), so every piece of
bank text goes through `lit()` (a `Content`, which is never parsed) and every
styled line is assembled from `Content` parts or from our own markup with the
bank text substituted as a ``$variable``.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content

from quiz.content.text import clean

HIGHLIGHT = "bold $text-accent on $accent-muted"
"""How quoted words stand out inside their paragraph."""


def lit(text: str, style: str = "") -> Content:
    """Bank or article text as literal content, optionally in one style, through the sanitiser."""
    text = clean(text)
    return Content.styled(text, style) if style else Content(text)


def labelled(label: str, text: str, label_style: str = "bold") -> Content:
    """``Label: text``, the label ours (styled), the text literal."""
    return Content.assemble((label, label_style), Content(clean(text)))


def highlight(text: str, spans: Iterable[tuple[int, int]], style: str = HIGHLIGHT) -> Content:
    """Literal text with the given character ranges highlighted."""
    content = Content(text)
    for start, end in spans:
        content = content.stylize(style, start, end)
    return content


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Case-insensitive occurrences of `needle` in `text` (for the reader's search)."""
    if not needle:
        return []
    haystack, needle = text.casefold(), needle.casefold()
    found, at = [], haystack.find(needle)
    while at >= 0:
        found.append((at, at + len(needle)))
        at = haystack.find(needle, at + len(needle))
    return found
