"""Quote matching folds only white space, quote marks and dashes."""

from __future__ import annotations

import pytest

from quiz.content.passages import Article, fold

ARTICLE = Article("He said: \u201cIt\u2019s   over\u201d \u2014 then\u00a0left.\n\nA second\nparagraph here.")


@pytest.mark.parametrize(
    "quote",
    [
        "\u201cIt\u2019s   over\u201d",  # exactly as written
        '"It\'s over"',  # straight quotes, one space
        "over\u201d - then left.",  # hyphen for an em dash, plain space for a no-break space
        "over\u201d \u2013 then left.",  # en dash for an em dash
        "A second paragraph",  # a line break is white space
    ],
)
def test_folded_forms_match(quote: str) -> None:
    assert ARTICLE.contains(quote)


@pytest.mark.parametrize(
    "quote",
    [
        "he said",  # case matters
        "It's over.",  # punctuation that is not there
        "Its over",  # a missing apostrophe is a different text
        "then left...",  # no ellipsis folding
        "A  second paragraph here!",
    ],
)
def test_anything_else_does_not_match(quote: str) -> None:
    assert not ARTICLE.contains(quote)


def test_find_reports_raw_positions_for_highlighting() -> None:
    span = ARTICLE.find('"It\'s over" - then left')
    assert span is not None
    assert ARTICLE.text[span.start : span.end] == "\u201cIt\u2019s   over\u201d \u2014 then\u00a0left"


def test_paragraph_around_a_passage() -> None:
    span = ARTICLE.find("paragraph here")
    assert span is not None
    paragraph = ARTICLE.paragraph_around(span)
    assert ARTICLE.text[paragraph.start : paragraph.end] == "paragraph here."
    across = ARTICLE.find("second paragraph")
    assert across is not None
    both = ARTICLE.paragraph_around(across)
    assert ARTICLE.text[both.start : both.end] == "A second\nparagraph here."


def test_closest_passage_for_a_misquote() -> None:
    article = Article("The CSTO has become NATO in a good sense of the word.")
    assert article.closest("NATO in a bad sense of the word") == "NATO in a good sense of the word."


def test_fold_is_idempotent() -> None:
    text = " \u201ca\u201d\u2014b\u00a0 c "
    assert fold(fold(text)) == fold(text) == '"a"-b c'
