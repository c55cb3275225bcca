"""Every rule of `quiz check`, each with a damaged bank and the exact line reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.content.models import QUESTION_TYPES
from tests.content.banks import VALID, check_text, line_of


def errors_of(tmp_path: Path, seeds: Path, text: str) -> list[tuple[int, str]]:
    result = check_text(tmp_path, seeds, text)
    return [(p.line, p.message) for p in result.errors]


def one_error(tmp_path: Path, seeds: Path, text: str) -> tuple[int, str]:
    errors = errors_of(tmp_path, seeds, text)
    assert len(errors) == 1, errors
    return errors[0]


def test_the_valid_bank_is_clean(tmp_path: Path, seeds_dir: Path) -> None:
    result = check_text(tmp_path, seeds_dir, VALID)
    assert result.ok
    assert result.problems == []
    assert len(result.bank.questions) == len(QUESTION_TYPES)  # one of each
    assert {q.type for q in result.bank.questions} == set(QUESTION_TYPES)


# --- syntax ---------------------------------------------------------------


def test_syntax_error_has_line_and_column(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('prompt = "Who left in 1999?"', 'prompt = "Who left in 1999?')
    result = check_text(tmp_path, seeds_dir, text)
    [problem] = result.errors
    assert problem.line == line_of(text, 'prompt = "Who left')
    assert problem.col > 1
    assert problem.message.startswith("TOML syntax:")


def test_not_utf8_is_reported_at_the_bad_byte(tmp_path: Path, seeds_dir: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "q.toml").write_bytes(b'# ok\n[[question]]\nid = "caf\xe9"\n')
    from quiz.content.bank import load_bank

    [problem] = load_bank(content, seeds_dir).errors
    assert (problem.line, problem.col) == (3, 10)
    assert "not UTF-8" in problem.message


# --- schema -----------------------------------------------------------------


def test_misspelt_key_points_at_that_key_with_a_hint(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('unit = "people"', 'units = "people"')
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, "units =")
    assert message == "unknown key 'units'; did you mean 'unit'?"


def test_missing_key_points_at_its_table_header(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('explanation = "Both left."\n', "")
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, "[[question]]", occurrence=2)
    assert message == "missing key 'explanation'"


def test_wrong_type_of_value(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace(
        'difficulty = 2\nprompt = "Order these."', 'difficulty = "2"\nprompt = "Order these."'
    )
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, 'difficulty = "2"')
    assert message == "difficulty: write 2 without quotes"


def test_unknown_question_type_suggests_the_closest(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('type = "truefalse"', 'type = "true-false"')
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, "[[question]]", occurrence=3)
    assert "unknown question type 'true-false'; did you mean 'truefalse'?" in message


def test_id_must_be_a_slug(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('id = "zas"', 'id = "Zas Count"')
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, 'id = "Zas Count"')
    assert "is not a slug" in message


def test_too_few_choices(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace(
        'choices = ["Four", "Six", "Nine"]\nanswer = "Six"', 'choices = ["Six"]\nanswer = "Six"'
    )
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, 'choices = ["Six"]')
    assert message == "a choice question needs at least 2 choices; this one has 1"


def test_a_difficulty_out_of_range_says_what_it_may_be(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('difficulty = 2\nprompt = "Order these."', 'difficulty = 7\nprompt = "Order these."')
    _, message = one_error(tmp_path, seeds_dir, text)
    assert message == "difficulty must be 1, 2 or 3, not 7"


def test_a_quoted_number_answer_gives_one_problem(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace("answer = 2885", 'answer = "2885"')
    line, message = one_error(tmp_path, seeds_dir, text)  # not one per member of int | float
    assert (line, message) == (line_of(text, 'answer = "2885"'), "answer: write 2885 without quotes")


def test_a_dispute_with_one_position_is_told_so(tmp_path: Path, seeds_dir: Path) -> None:
    start = VALID.index("  [[dispute.position]]", VALID.index("  [[dispute.position]]") + 1)
    end = VALID.find("\n\n", start)
    text = VALID[:start] + (VALID[end:] if end >= 0 else "\n")
    errors = errors_of(tmp_path, seeds_dir, text)
    line = line_of(text, "[[dispute.position]]")
    assert errors == [(line, "a dispute needs at least 2 positions; this one has 1")]  # no "unknown dispute"


def test_one_bad_source_entry_is_reported_once_not_at_every_use(tmp_path: Path, seeds_dir: Path) -> None:
    import shutil

    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir, seeds)
    sources = (seeds / "sources.toml").read_text("utf-8")
    broken = sources.replace('id = "russtrat"', 'id = "russtrat"\nyear = 2022', 1)
    (seeds / "sources.toml").write_text(broken, "utf-8")
    result = check_text(tmp_path, seeds, VALID)
    assert [(p.line, p.message) for p in result.errors] == [
        (line_of(broken, "year = 2022"), "unknown key 'year'")
    ]


def test_did_you_mean_only_for_a_slip(tmp_path: Path, seeds_dir: Path) -> None:
    from quiz.content.problems import did_you_mean

    assert did_you_mean("rustrat", ["russtrat", "gaspardo"]) == "; did you mean 'russtrat'?"
    assert did_you_mean("Kazakhstan", ["Uzbekistan", "Russia"]) == ""
    assert did_you_mean("Different days", ["Different days and speakers", "Same day"]) == (
        "; did you mean 'Different days and speakers'?"
    )


def test_negative_tolerance(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('unit = "people"', 'unit = "people"\ntolerance = -1')
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, "tolerance = -1")
    assert message == "tolerance must be 0 or more, not -1"


def test_unknown_top_level_table(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID + '\n[[questoin]]\nid = "x"\n'
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, "[[questoin]]")
    assert "unknown key 'questoin'; did you mean 'question'?" in message


def test_every_schema_problem_is_reported_at_once(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('unit = "people"', 'units = "people"').replace('type = "truefalse"', 'type = "tf"')
    errors = errors_of(tmp_path, seeds_dir, text)
    assert [line for line, _ in errors] == sorted(
        [line_of(text, "units ="), line_of(text, "[[question]]", 3)]
    )


# --- meaning ------------------------------------------------------------------


def test_duplicate_id_names_the_first(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('id = "zas"', 'id = "un"')
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, 'id = "un"', occurrence=2)
    first_line = line_of(text, 'id = "un"')
    assert message.startswith("duplicate id 'un' (first at ")
    assert message.endswith(f"questions.toml:{first_line})")


def test_duplicate_id_is_found_even_when_the_table_has_schema_errors(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('id = "zas"', 'id = "un"').replace('unit = "people"', 'units = "people"')
    messages = [m for _, m in errors_of(tmp_path, seeds_dir, text)]
    assert any(m.startswith("duplicate id 'un'") for m in messages)
    assert any(m.startswith("unknown key 'units'") for m in messages)


def test_answer_not_among_choices(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('answer = "Six"', 'answer = "Sx"')
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, 'answer = "Sx"')
    assert message == "answer 'Sx' is not one of the choices; did you mean 'Six'?"


def test_multi_answer_not_among_choices_points_at_the_element(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace(
        'answer = ["Azerbaijan", "Georgia"]', 'answer = [\n  "Azerbaijan",\n  "Uzbekistan",\n]'
    )
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, '  "Uzbekistan",')
    assert message == "answer 'Uzbekistan' is not one of the choices"


@pytest.mark.parametrize(
    ("old", "new", "needle", "expected"),
    [
        (
            'choices = ["Four", "Six", "Nine"]',
            'choices = ["Four", "Six", "Four"]',
            'choices = ["Four", "Six", "Four"]',
            "choice 'Four' is repeated",
        ),
        (
            'items = ["Treaty signed", "In force", "Renewed"]',
            'items = ["Treaty signed", "In force", "In force"]',
            "items = [",
            "item 'In force' is repeated",
        ),
        (
            '{ left = "NATO in a good sense", right = "RUSSTRAT" }',
            '{ left = "NATO in a good sense", right = "AFP" }',
            '{ left = "NATO in a good sense", right = "AFP" }',
            "right side 'AFP' is repeated",
        ),
    ],
)
def test_choices_items_and_pairs_are_unique(
    tmp_path: Path, seeds_dir: Path, old: str, new: str, needle: str, expected: str
) -> None:
    text = VALID.replace(old, new)
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, needle)
    assert message == expected


def test_unknown_source_suggests_the_closest(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace(
        '{ source = "russtrat", quote = "according', '{ source = "rustrat", quote = "according'
    )
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, 'source = "rustrat"')
    assert message == "unknown source 'rustrat'; did you mean 'russtrat'?"


def test_quote_not_in_its_article_gets_the_closest_passage(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace("NATO in a good sense of the word", "NATO in a fine sense of the word")
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, "NATO in a fine sense")
    assert message == (
        "quote not found in 'russtrat'; closest passage: 'The CSTO has become NATO in a good sense of the word'"
    )


def test_quote_in_a_dispute_position_is_checked(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('quote = "after 2,500 of its troops', 'quote = "after 2,600 of its troops')
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, "after 2,600")
    assert message.startswith("quote not found in 'feb-analysis'")


def test_quote_from_the_wrong_article(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace(
        '{ source = "afp-rewrite", quote = "its 3,600-member peacekeeping unit is recognized by the UN" }',
        '{ source = "afp-rewrite", quote = "its 3,600-member peacekeeping unit is recognised by the UN" }',
    )
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, 'source = "afp-rewrite"')
    assert "recognized by the UN" in message  # the hint shows this article's spelling


EXTRA_QUESTION = """
[[question]]
id = "again"
type = "truefalse"
topic = "reactions"
difficulty = 1
prompt = "RUSSTRAT praises the CSTO."
answer = true
explanation = "It does."
evidence = [{ source = "SOURCE", quote = "QUOTE" }]
"""


def test_a_passage_cited_again_is_checked_against_its_own_source(tmp_path: Path, seeds_dir: Path) -> None:
    """A quote found once is not searched again, but only for the same source."""
    quote = "The CSTO has become NATO in a good sense of the word"
    text = VALID + EXTRA_QUESTION.replace("SOURCE", "gaspardo").replace("QUOTE", quote)
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, 'source = "gaspardo", quote = "The CSTO has become')
    assert message.startswith("quote not found in 'gaspardo'")


def test_a_misquote_cited_twice_is_reported_twice(tmp_path: Path, seeds_dir: Path) -> None:
    misquote = "The CSTO has become NATO in a fine sense of the word"
    text = VALID.replace("NATO in a good sense of the word", "NATO in a fine sense of the word")
    text += EXTRA_QUESTION.replace("SOURCE", "russtrat").replace("QUOTE", misquote)
    errors = errors_of(tmp_path, seeds_dir, text)
    assert [line for line, _ in errors] == [line_of(text, misquote), line_of(text, misquote, 2)]


def test_question_dispute_must_exist(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('dispute = "size"', 'dispute = "sizes"')
    errors = errors_of(tmp_path, seeds_dir, text)
    assert (line_of(text, 'dispute = "sizes"'), "unknown dispute 'sizes'; did you mean 'size'?") in errors


def test_fact_dispute_needs_two_sources(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace(
        'source = "feb-analysis"\n  quote = "after 2,500 of its troops entered Kazakhstan"',
        'source = "russtrat"\n  quote = "2,030 people"',
    )
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, 'kind = "fact"')
    assert message.startswith("a fact dispute needs positions from at least two different sources")


def test_internal_dispute_may_cite_one_source(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('kind = "fact"', 'kind = "internal"').replace(
        'source = "feb-analysis"\n  quote = "after 2,500 of its troops entered Kazakhstan"',
        'source = "russtrat"\n  quote = "2,030 people"',
    )
    result = check_text(tmp_path, seeds_dir, text)
    assert result.errors == []


def test_feedback_keys_must_be_choices(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('answer = "Six"', 'answer = "Six"\nfeedback = { "Fuor" = "No." }')
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, "feedback = ")
    assert message == "feedback key 'Fuor' is not the text of a choice; did you mean 'Four'?"


def test_feedback_on_a_number_question_is_an_error(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('unit = "people"', 'unit = "people"\nfeedback = { "2030" = "Earlier figure." }')
    line, message = one_error(tmp_path, seeds_dir, text)
    assert line == line_of(text, "feedback = ")
    assert message == "feedback applies to choice, multi and truefalse questions only"


def test_source_file_must_exist(tmp_path: Path, seeds_dir: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for article in seeds_dir.glob("*.txt"):
        (seeds / article.name).write_bytes(article.read_bytes())
    sources = (seeds_dir / "sources.toml").read_text(encoding="utf-8")
    broken = sources.replace('file = "003_b270a8d2a36b51f2.txt"', 'file = "003_b270a8d2a36b51f2.text"')
    (seeds / "sources.toml").write_text(broken, encoding="utf-8")
    result = check_text(tmp_path, seeds, VALID)
    [problem] = result.errors
    assert problem.file.endswith("sources.toml")
    assert problem.line == line_of(broken, '"003_b270a8d2a36b51f2.text"')
    assert "did you mean '003_b270a8d2a36b51f2.txt'?" in problem.message


# --- warnings -------------------------------------------------------------------


def test_uncited_source_and_unasked_dispute_are_warnings(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('dispute = "size"\n', "").replace(
        '{ source = "afp-rewrite", quote = "its 3,600-member peacekeeping unit is recognized by the UN" }',
        '{ source = "afp-24news", quote = "its 3,600-member peacekeeping unit is recognised by the UN" }',
    )
    result = check_text(tmp_path, seeds_dir, text)
    assert result.ok
    warnings = [(p.file.rsplit("/", 1)[-1], p.message, p.subject) for p in result.warnings]
    assert ("sources.toml", "no question or dispute cites this source", "source 'afp-rewrite'") in warnings
    assert (
        "questions.toml",
        "no question asks about this dispute (set `dispute = ...` on one)",
        "dispute 'size'",
    ) in warnings
    [dispute_warning] = [p for p in result.warnings if p.subject == "dispute 'size'"]
    assert dispute_warning.line == line_of(text, 'id = "size"')


def test_problems_come_in_line_order(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace('answer = "Six"', 'answer = "Sx"').replace('unit = "people"', 'units = "people"')
    lines = [line for line, _ in errors_of(tmp_path, seeds_dir, text)]
    assert lines == sorted(lines) and len(lines) == 2


def test_one_error_does_not_hide_another_in_the_same_question(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace(
        'choices = ["Four", "Six", "Nine"]\nanswer = "Six"',
        'choices = ["Four", "Six", "Six"]\nanswer = "Six"\nfeedback = { Fuor = "Not four." }',
    ).replace('difficulty = 1\nprompt = "How many', 'difficulty = 5\nprompt = "How many', 1)
    errors = [message for _, message in errors_of(tmp_path, seeds_dir, text)]
    assert "difficulty must be 1, 2 or 3, not 5" in errors
    assert "choice 'Six' is repeated" in errors
    assert "feedback key 'Fuor' is not the text of a choice; did you mean 'Four'?" in errors
