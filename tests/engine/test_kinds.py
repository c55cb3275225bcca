"""The registry of question types: one kind per type, and each kind's parts agree with each other."""

from __future__ import annotations

import json

import pytest

from quiz.content.bank import Bank
from quiz.content.models import QUESTION_MODELS, QUESTION_TYPES
from quiz.engine.answers import judge
from quiz.engine.build import playable_from_question
from quiz.engine.kinds import KINDS, kind_of, type_heading
from quiz.engine.parse import BadInput, parse_answer
from quiz.engine.playable import Playable
from quiz.engine.stats import describe_given
from quiz.engine.store import given_to_json


def test_the_engine_and_the_content_format_name_the_same_types() -> None:
    assert tuple(KINDS) == QUESTION_TYPES
    assert all(QUESTION_MODELS[name].model_fields["type"].annotation is not None for name in KINDS)


def test_each_kind_is_registered_under_its_own_name_with_names_for_the_player() -> None:
    for name, kind in KINDS.items():
        assert kind.name == name
        assert kind.label and kind.heading
    assert type_heading("number") == "Numbers"
    assert type_heading("gone") == "gone"  # a type recorded once and removed since


def test_an_unknown_type_is_named_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown question type 'essay' \(types: choice, multi"):
        kind_of("essay")


def playables(bank: Bank) -> list[Playable]:
    return [playable_from_question(q, bank, seed=3) for q in bank.questions]


def test_the_fixture_bank_has_every_type(bank: Bank) -> None:
    assert {p.type for p in playables(bank)} == set(KINDS)


def test_what_a_kind_types_it_reads_back(bank: Bank) -> None:
    for playable in playables(bank):
        kind = kind_of(playable.type)
        assert playable.answer is not None
        typed = kind.typed(playable, playable.answer)
        assert parse_answer(playable, typed) == playable.answer, (playable.type, typed)
        assert judge(playable, playable.answer).outcome == "right"
        wrong = parse_answer(playable, kind.typed(playable, kind.wrong(playable)))
        assert not isinstance(wrong, BadInput)
        assert judge(playable, wrong).credit == 0.0, playable.type
        assert parse_answer(playable, "   ") != playable.answer
        assert kind.hint(playable)


def test_the_answer_in_words_serves_the_verdict_and_the_gradebook(bank: Bank) -> None:
    for playable in playables(bank):
        kind = kind_of(playable.type)
        assert playable.answer is not None
        verdict = judge(playable, playable.answer)
        assert verdict.expected.startswith(kind.words(playable, playable.answer))
        stored = json.loads(given_to_json(playable.answer))
        assert describe_given(playable.type, stored)
    assert describe_given("gone", ["a", "b"]) == "['a', 'b']"
