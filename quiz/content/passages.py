"""Finding a quoted passage in an article.

A quote matches its article case-sensitively, folding only what a teacher
cannot see or type reliably: runs of white space (no-break spaces included),
curly against straight quotes, and the dash variants. Nothing else is forgiven,
so a quote that passes is the article's words.

The checker uses `Article.find` to verify quotes; the game uses the same call
to highlight the quoted words inside their paragraph, which is why a match is
reported in the article's own (raw) character positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

_FOLD = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark
        "\u201f": '"',  # double high-reversed-9 quotation mark
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus sign
    }
)
_SPACE_RUN = re.compile(r"\s+")


def fold(text: str) -> str:
    """The form in which quotes and articles are compared."""
    return _SPACE_RUN.sub(" ", text.translate(_FOLD)).strip()


@dataclass(frozen=True)
class Span:
    """Where a passage stands in an article's raw text: `text[start:end]`."""

    start: int
    end: int


class Article:
    """An article's text, with a folded copy for matching quotes against it."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"Article({self.text[:40]!r}...)"

    @cached_property
    def _folded_and_index(self) -> tuple[str, list[int]]:
        """The folded text, and for each of its characters the raw position.

        Built on first need only: most quotes match the raw text as pasted.
        Folding goes character by character so that every folded position maps
        back to a raw one: the game highlights the raw words a quote matched.
        """
        folded: list[str] = []
        raw_index: list[int] = []
        in_space = True  # leading white space is dropped, as `fold` strips it
        for position, char in enumerate(self.text.translate(_FOLD)):
            if char.isspace():
                if in_space:
                    continue
                in_space = True
                char = " "
            else:
                in_space = False
            folded.append(char)
            raw_index.append(position)
        return "".join(folded), raw_index

    @property
    def _folded(self) -> str:
        return self._folded_and_index[0]

    @property
    def _raw_index(self) -> list[int]:
        return self._folded_and_index[1]

    def folded_text(self) -> str:
        """The whole text in the folded form quotes are compared in."""
        return self._folded

    def contains(self, quote: str) -> bool:
        # Most quotes are pasted verbatim: a plain search settles them without folding.
        return quote in self.text or fold(quote) in self._folded

    def find(self, quote: str) -> Span | None:
        """The raw span of the first place the quote matches, or None."""
        needle = fold(quote)
        if not needle:
            return None
        at = self._folded.find(needle)
        if at < 0:
            return None
        start = self._raw_index[at]
        end = self._raw_index[at + len(needle) - 1] + 1
        return Span(start, end)

    def closest(self, quote: str) -> str | None:
        """The passage most like a quote that does not match, for a hint.

        Only called for quotes that failed, so the fuzzy-matching library is
        imported here rather than at start-up.
        """
        from rapidfuzz import fuzz

        needle = fold(quote)
        if not needle or not self._folded:
            return None
        alignment = fuzz.partial_ratio_alignment(needle, self._folded)
        if alignment is None or alignment.score < 70:
            return None
        start, end = alignment.dest_start, alignment.dest_end
        # Widen to whole words so the hint reads as a passage.
        while start > 0 and not self._folded[start - 1].isspace():
            start -= 1
        while end < len(self._folded) and not self._folded[end].isspace():
            end += 1
        return self._folded[start:end].strip()

    def paragraph_around(self, span: Span) -> Span:
        """The paragraph (text between blank lines or line breaks) holding a span."""
        start = self.text.rfind("\n", 0, span.start) + 1
        end = self.text.find("\n", span.end)
        return Span(start, len(self.text) if end < 0 else end)
