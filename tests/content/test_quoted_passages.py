"""Passages quoted in the bank's own voice must be an article's words."""

from __future__ import annotations

from pathlib import Path

from quiz.content.bank import load_bank
from tests.content.banks import VALID, check_text, line_of, write_bank


def _errors(tmp_path: Path, seeds: Path, text: str) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in check_text(tmp_path, seeds, text).errors]


def test_a_misquote_in_an_explanation_is_reported_at_its_line_with_a_hint(
    tmp_path: Path, seeds_dir: Path
) -> None:
    text = VALID.replace(
        'explanation = "AFP says six."',
        'explanation = "AFP speaks of the \\"Russia-led alliance of seven ex-Soviet states\\"."',
    )
    [(line, message)] = _errors(tmp_path, seeds_dir, text)
    assert line == line_of(text, "AFP speaks of")
    assert "quoted passage 'Russia-led alliance of seven ex-Soviet states'" in message
    assert "closest passage: 'the Russia-led alliance of six ex-Soviet states" in message


def test_a_true_quote_curly_quotes_a_final_comma_and_an_ellipsis_pass(
    tmp_path: Path, seeds_dir: Path
) -> None:
    text = VALID.replace(
        'explanation = "AFP says six."',
        'explanation = "AFP: “Here is what you need to know,” then “the Russia-led alliance ... ex-Soviet states”;'
        " its 'six' is the bank's word.\"",
    )
    assert _errors(tmp_path, seeds_dir, text) == []


def test_words_of_an_article_not_cited_by_the_question_are_reported(tmp_path: Path, seeds_dir: Path) -> None:
    # RUSSTRAT's words, in a question that cites only Gaspardo.
    text = VALID.replace(
        'explanation = "Both left."',
        'explanation = "Compare \\"NATO in a good sense of the word\\"."',
    )
    [(line, message)] = _errors(tmp_path, seeds_dir, text)
    assert line == line_of(text, "Compare")
    assert "('gaspardo')" in message


def test_feedback_and_dispute_claims_are_checked(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace(
        'explanation = "AFP says six."',
        'explanation = "AFP says six."\nfeedback = { "Nine" = "AFP never says \\"nine members\\"." }',
    ).replace('claim = "2,885"', 'claim = "\\"reached 2,900 people\\""')
    errors = _errors(tmp_path, seeds_dir, text)
    assert [line for line, _ in errors] == [
        line_of(text, "feedback = {"),
        line_of(text, 'claim = "\\"reached'),
    ]


def test_a_question_about_a_dispute_may_quote_the_dispute_s_articles(tmp_path: Path, seeds_dir: Path) -> None:
    # 'members' asks about dispute 'size', whose positions quote RUSSTRAT.
    text = VALID.replace('explanation = "AFP says six."', 'explanation = "Zas: \\"reached 2,885 people\\"."')
    assert _errors(tmp_path, seeds_dir, text) == []


def test_single_quotes_are_the_bank_s_own_words(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace(
        'explanation = "AFP says six."', "explanation = \"'Six' is our count, not a quote.\""
    )
    assert _errors(tmp_path, seeds_dir, text) == []


def test_a_quote_left_open_is_reported(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('explanation = "AFP says six."', 'explanation = "AFP says \\"six."')
    [(line, message)] = _errors(tmp_path, seeds_dir, text)
    assert line == line_of(text, 'AFP says \\"six.')
    assert message == "a double quote is opened and never closed"


CAMPAIGN = '''\
title = "T"
intro = "Start."

[[scene]]
id = "start"
title = "Start"
place = "Newsroom"
text = """‘Read it,’ says your editor. AFP calls it a "mini-NATO". RUSSTRAT calls it "NATO in a bad sense"."""
evidence = [{ id = "e1", source = "afp-rewrite", quote = "Ausseur called the CSTO a “mini-NATO" }]
final = true

[[ending]]
id = "end"
title = "End"
text = "Done."
'''


def test_campaign_text_is_checked_against_the_scene_s_evidence(tmp_path: Path, seeds_dir: Path) -> None:
    content = write_bank(tmp_path, VALID)
    (content / "campaign.toml").write_text(CAMPAIGN, encoding="utf-8")
    errors = [(p.line, p.message) for p in load_bank(content, seeds_dir).errors]
    assert [(line, "NATO in a bad sense" in message) for line, message in errors] == [
        (line_of(CAMPAIGN, 'text = """'), True)
    ]
