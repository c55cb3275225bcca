"""The GIFT export, read back by pygiftparser: a GIFT parser we did not write.

Every question of the real bank (and those made from its disputes) must parse,
as the type Moodle would make of it, with the right answers of the bank. Text
that looks like GIFT or HTML must come back as written. pygiftparser keeps
GIFT's escapes and the HTML in the text it returns, so the tests undo them with
its own `transformSpecials` and with `html.unescape`, as Moodle shows them.
"""

from __future__ import annotations

import html
import io
import re
from typing import Any

import pytest

from quiz.content.bank import Bank
from quiz.content.models import (
    ChoiceQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    TrueFalseQuestion,
)
from quiz.engine.generated import generated_refs
from quiz.engine.spec import RoundSpec
from quiz.export import gift, select
from tests.export.banks import SPECIAL_PROMPT

pygift = pytest.importorskip(
    "pygiftparser.parser",
    reason="pygiftparser, the independent GIFT reader, is not installed: pip install -e '.[test]'",
)
specials = pytest.importorskip("pygiftparser.utils").transformSpecials

# The class pygiftparser gives each type's answers: Moodle's kinds of question.
READER_CLASS = {
    "choice": "SelectSet",
    "multi": "MultipleChoicesSet",
    "truefalse": "TrueFalseSet",
    "number": "NumericAnswerSet",
    "match": "MatchingSet",
    "order": "MatchingSet",  # GIFT has no ordering question: a match of place to item
}


def exported(bank: Bank, *, include_generated: bool = True) -> str:
    selection = select(bank, RoundSpec(), include_generated=include_generated)
    return gift.to_gift(selection, bank)


def parse(text: str) -> dict[str, Any]:
    questions = pygift.parseFile(io.StringIO(text))
    by_name = {specials(q.title): q for q in questions}
    assert len(by_name) == len(questions), "two questions with one name"
    return by_name


def shown(text: str) -> str:
    """A field as Moodle shows it: GIFT escapes undone, then HTML."""
    return html.unescape(specials(text).replace("<br>", "\n"))


def right_choices(question: Any) -> set[str]:
    return {shown(a.answer) for a in question.answers.answers if a.fraction > 0}


def test_every_question_of_the_bank_parses_as_its_type_with_its_answers(real_bank: Bank) -> None:
    parsed = parse(exported(real_bank))
    generated = generated_refs(real_bank)
    assert len(parsed) == len(real_bank.questions) + len(generated)
    assert all(q.valid for q in parsed.values()), [n for n, q in parsed.items() if not q.valid]

    for question in real_bank.questions:
        read = parsed[question.id]
        assert type(read.answers).__name__ == READER_CLASS[question.type], question.id
        assert read.markup == "html"
        assert shown(read.text).startswith(question.prompt), question.id
        answers = getattr(read.answers, "answers", [])
        if isinstance(question, ChoiceQuestion):
            assert right_choices(read) == {question.answer}
            assert sorted(shown(a.answer) for a in answers) == sorted(question.choices)
        elif isinstance(question, MultiQuestion):
            assert right_choices(read) == set(question.answer)
            assert sum(a.fraction for a in answers if a.fraction > 0) == pytest.approx(100, abs=0.001)
            wrong = [a for a in answers if shown(a.answer) not in question.answer]
            # A wrong pick costs what a right one earns, as in the game.
            assert all(a.fraction == pytest.approx(-100 / len(question.answer), abs=0.001) for a in wrong)
        elif isinstance(question, TrueFalseQuestion):
            assert read.answers.answer is question.answer
            assert read.answers.feedbackWrong and read.answers.feedbackCorrect
        elif isinstance(question, NumberQuestion):
            (number,) = answers
            assert number.value == question.answer
            assert number.tolerance == question.tolerance
        elif isinstance(question, MatchQuestion):
            pairs = {shown(a.question).strip(): specials(a.answer).strip() for a in answers}
            assert pairs == {p.left: p.right for p in question.pairs}
        elif isinstance(question, OrderQuestion):
            pairs = {shown(a.question).strip(): specials(a.answer).strip() for a in answers}
            assert pairs == {str(n): item for n, item in enumerate(question.items, 1)}

    for ref in generated:
        read = parsed[ref.id]
        assert type(read.answers).__name__ == READER_CLASS[ref.type], ref.id


def test_the_general_feedback_carries_the_explanation_the_evidence_and_the_dispute(real_bank: Bank) -> None:
    parsed = parse(exported(real_bank))
    question = next(q for q in real_bank.questions if q.dispute)
    feedback = shown(parsed[question.id].generalFeedback)
    assert question.explanation in feedback
    for passage in question.evidence:
        source = real_bank.sources[passage.source]
        assert passage.quote in feedback
        assert source.title in feedback
        assert f"{source.date.day} {source.date:%B %Y}" in feedback
        if source.outlet != "not stated":
            assert source.outlet in feedback
    assert question.dispute is not None
    dispute = real_bank.dispute(question.dispute)
    assert dispute.title in feedback
    for position in dispute.position:
        assert position.claim in feedback
        assert position.quote in feedback


def test_gift_special_characters_and_html_come_through_literally(tricky_bank: Bank) -> None:
    parsed = parse(exported(tricky_bank))
    read = parsed["gift-specials"]
    assert type(read.answers).__name__ == "SelectSet"
    assert shown(read.text) == SPECIAL_PROMPT.replace("\\", "\\\\")  # GIFT's \\ is left to Moodle
    question = tricky_bank.question("gift-specials")
    assert isinstance(question, ChoiceQuestion)
    assert sorted(shown(a.answer) for a in read.answers.answers) == sorted(question.choices)
    assert right_choices(read) == {"#hash: colon"}
    advice = {shown(a.answer): shown(a.feedback) for a in read.answers.answers}
    assert advice["~tilde = equals"] == "Not this one: #2 {no}."
    assert "<script>alert(1)</script>" in shown(read.generalFeedback)
    # Markup is escaped, so Moodle shows it instead of running it.
    assert "<b>" not in read.text and "&lt;b&gt;" in read.text

    arrows = {shown(a.question).strip(): specials(a.answer).strip() for a in parsed["arrows"].answers.answers}
    assert arrows == {"a -> b": "Belarus: joins", "<u>1999</u>": "Georgia = leaves"}
    steps = {a.question.strip(): specials(a.answer).strip() for a in parsed["steps"].answers.answers}
    assert steps == {"1": "One = first", "2": "Two: second", "3": "Three #3"}


def test_control_characters_are_stripped_from_everything(tricky_bank: Bank) -> None:
    text = exported(tricky_bank)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
    read = parse(text)["escape-sequences"]
    assert shown(read.text) == "An escape  and a bell never reach the file."
    assert read.answers.answer is True
    assert shown(read.answers.feedbackWrong) == "They are stripped: #all of them."


def test_weights_of_three_right_choices_stay_within_100(tricky_bank: Bank) -> None:
    read = parse(exported(tricky_bank))["three-right"]
    weights = sorted(a.fraction for a in read.answers.answers)
    assert weights == [-33.33333, 33.33333, 33.33333, 33.33333]
    assert read.valid


def test_a_number_keeps_its_tolerance_and_its_unit(tricky_bank: Bank) -> None:
    read = parse(exported(tricky_bank))["peak"]
    (number,) = read.answers.answers
    assert (number.value, number.tolerance) == (9, 0.5)
    assert shown(read.text).endswith("___ countries")


def test_categories_ids_and_tags(tricky_bank: Bank) -> None:
    text = exported(tricky_bank)
    assert re.findall(r"^\$CATEGORY: (.*)$", text, re.M) == [
        "CSTO quiz/tricky-text",
        "CSTO quiz/numbers",
        "CSTO quiz/deployment",  # the dispute's questions
    ]
    block = text[text.index("// [id:gift-specials]") :]
    block = block[: block.index("::gift-specials::")]
    assert "[tag:afp-24news]" in block and "[tag:dispute]" in block
    plain = text[text.index("// [id:three-right]") :]
    assert (
        "[tag:feb-analysis]" in plain[: plain.index("::")]
        and "[tag:dispute]" not in plain[: plain.index("::")]
    )
    # pygiftparser files each question under the category above it (it reads a name up to a hyphen or space).
    assert {q.cat for q in parse(text).values()} == {"CSTO"}


def test_generated_questions_only_on_request(tricky_bank: Bank) -> None:
    written = parse(exported(tricky_bank, include_generated=False))
    assert set(written) == {q.id for q in tricky_bank.questions}
    every = parse(exported(tricky_bank))
    assert set(every) - set(written) == {ref.id for ref in generated_refs(tricky_bank)}
