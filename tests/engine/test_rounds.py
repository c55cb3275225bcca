"""Drawing rounds: seeds, balance, no repeats, preferences, filters and modes."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import replace
from typing import Any

import pytest

from quiz.content.bank import Bank
from quiz.engine.rounds import draw
from quiz.engine.spec import RoundSpec
from quiz.engine.store import History


def ids(bank: Bank, spec: RoundSpec, history: History | None = None) -> list[str]:
    return [p.id for p in draw(bank, spec, history).playables]


def test_the_same_seed_gives_the_same_round_down_to_the_choice_order(bank: Bank) -> None:
    spec = RoundSpec(count=10, seed=42)
    first, second = draw(bank, spec), draw(bank, spec)
    assert first.playables == second.playables
    assert first.seed == 42


def test_the_seed_ignores_the_players_history(bank: Bank) -> None:
    spec = RoundSpec(count=6, seed=7)
    history = History(last_credit={q.id: 1.0 for q in bank.questions})
    assert ids(bank, spec) == ids(bank, spec, history)


def test_different_seeds_give_different_rounds(bank: Bank) -> None:
    rounds = {tuple(ids(bank, RoundSpec(count=5, seed=seed))) for seed in range(10)}
    assert len(rounds) > 5


def test_without_a_seed_or_a_history_the_round_is_its_seeds_round(bank: Bank) -> None:
    drawn = draw(bank, RoundSpec(count=5))
    again = draw(bank, RoundSpec(count=5, seed=drawn.seed))
    assert drawn.playables == again.playables


def test_no_question_is_repeated_and_the_size_is_kept(bank: Bank) -> None:
    for seed in range(30):
        drawn = ids(bank, RoundSpec(count=10, seed=seed))
        assert len(drawn) == 10
        assert len(set(drawn)) == 10


def test_a_round_larger_than_the_bank_plays_every_question_once(bank: Bank) -> None:
    drawn = draw(bank, RoundSpec(count=500, seed=1))
    assert len(drawn.playables) == drawn.available == len(bank.questions) + 2 * len(bank.disputes)
    assert len({p.id for p in drawn.playables}) == drawn.available


def test_topics_are_balanced(bank: Bank) -> None:
    # The fixture bank has topics of 8, 9 (5 + 4 generated), 3 and 1 questions.
    for seed in range(20):
        topics = Counter(p.topic for p in draw(bank, RoundSpec(count=8, seed=seed)).playables)
        assert len(topics) == 4
        assert topics["forces-structure"] == 1  # it has one question only
        assert topics["reactions"] == 2 or topics["reactions"] == 3
        big = [topics["origins-membership"], topics["deployment"]]
        assert max(big) - min(big) <= 1


def test_balance_without_a_seed_too(bank: Bank) -> None:
    for _ in range(10):
        topics = Counter(p.topic for p in draw(bank, RoundSpec(count=4)).playables)
        assert sorted(topics.values()) == [1, 1, 1, 1]


def test_without_a_seed_unseen_and_missed_questions_come_first(bank: Bank) -> None:
    origins = [q.id for q in bank.questions if q.topic == "origins-membership"]
    # Every origins question answered right except two: one never seen, one missed.
    right = {qid: 1.0 for qid in origins if qid not in {"india-bases", "tashkent-name"}}
    history = History(last_credit={**right, "tashkent-name": 0.5}, last_seen={q: 1 for q in right})
    spec = RoundSpec(mode="drill", topics=("origins-membership",), count=2)
    for _ in range(10):
        assert sorted(ids(bank, spec, history)) == ["india-bases", "tashkent-name"]


def test_among_questions_answered_right_the_longest_ago_come_first(bank: Bank) -> None:
    origins = [q.id for q in bank.questions if q.topic == "origins-membership"]
    history = History(
        last_credit=dict.fromkeys(origins, 1.0),
        last_seen={qid: 100 - n for n, qid in enumerate(origins)},  # the last written, seen longest ago
    )
    spec = RoundSpec(mode="drill", topics=("origins-membership",), count=2)
    assert sorted(ids(bank, spec, history)) == sorted(origins[-2:])


@pytest.mark.parametrize(
    ("field", "value", "check"),
    [
        ("topics", ("reactions",), lambda p: p.topic == "reactions"),
        ("types", ("number",), lambda p: p.type == "number"),
        ("difficulties", (3,), lambda p: p.difficulty == 3),
        ("skills", ("sourcing",), lambda p: p.skill == "sourcing"),
        ("sources", ("feb-analysis",), lambda p: "feb-analysis" in p.sources or p.dispute is not None),
    ],
)
def test_filters(bank: Bank, field: str, value: tuple[object, ...], check: object) -> None:
    change: dict[str, Any] = {field: value}
    drawn = draw(bank, replace(RoundSpec(count=50, seed=3), **change))
    assert drawn.playables
    assert all(check(p) for p in drawn.playables)  # type: ignore[operator]


def test_the_source_filter_finds_questions_citing_the_source(bank: Bank) -> None:
    drawn = draw(bank, RoundSpec(sources=("feb-analysis",), count=50, seed=3))
    assert {p.id for p in drawn.playables} == {"left-in-1999", "force-size~match", "force-size~which"}


def test_drill_is_one_topic_chosen_by_the_seed_when_not_given(bank: Bank) -> None:
    drawn = draw(bank, RoundSpec(mode="drill", count=20, seed=5))
    topics = {p.topic for p in drawn.playables}
    assert len(topics) == 1
    assert drawn.spec.topics == tuple(topics)
    assert draw(bank, RoundSpec(mode="drill", count=20, seed=5)).spec.topics == drawn.spec.topics


def test_drill_without_a_seed_picks_the_topic_with_most_left_to_learn(bank: Bank) -> None:
    done = {q.id: 1.0 for q in bank.questions if q.topic != "reactions"}
    done.update({f"{d.id}~{k}": 1.0 for d in bank.disputes for k in ("match", "which")})
    drawn = draw(bank, RoundSpec(mode="drill", count=5), History(last_credit=done))
    assert drawn.spec.topics == ("reactions",)


def test_disputes_mode_is_the_questions_about_disagreements(bank: Bank) -> None:
    drawn = draw(bank, RoundSpec(mode="disputes", count=50, seed=1))
    assert {p.id for p in drawn.playables} == {
        "zas-count",
        "tokayev-figure",
        "force-size~match",
        "force-size~which",
        "russtrat-two-figures~match",
        "russtrat-two-figures~which",
    }
    assert all(p.dispute is not None for p in drawn.playables)


def test_review_is_the_missed_questions_most_recent_first(bank: Bank) -> None:
    history = History(
        last_credit={"blinken": 0.0, "india-bases": 1.0, "zas-count": 0.0, "force-size~which": 0.0},
        missed=("zas-count", "force-size~which", "blinken", "gone-from-the-bank"),
    )
    drawn = draw(bank, RoundSpec(mode="review", count=10, seed=1), history)
    assert [p.id for p in drawn.playables] == ["zas-count", "force-size~which", "blinken"]
    two = draw(bank, RoundSpec(mode="review", count=2), history)
    assert [p.id for p in two.playables] == ["zas-count", "force-size~which"]


def test_review_with_nothing_missed_says_so(bank: Bank) -> None:
    drawn = draw(bank, RoundSpec(mode="review"), History())
    assert drawn.playables == ()
    assert drawn.empty_reason == "Nothing to review: there is no missed question yet."


def test_an_unknown_filter_value_is_named_with_a_suggestion(bank: Bank) -> None:
    drawn = draw(bank, RoundSpec(topics=("reaction",), seed=1))
    assert drawn.playables == ()
    assert drawn.empty_reason is not None
    assert "no topic 'reaction'; did you mean 'reactions'?" in drawn.empty_reason


def test_filters_that_exclude_each_other_say_so(bank: Bank) -> None:
    drawn = draw(bank, RoundSpec(topics=("reactions",), types=("number",), seed=1))
    assert drawn.empty_reason == "No question matches all of these filters together; try fewer."


def test_choices_items_and_right_sides_are_shuffled_by_the_seed(bank: Bank) -> None:
    orders: dict[str, set[tuple[str, ...]]] = {}
    for seed in range(20):
        for p in draw(bank, RoundSpec(count=50, seed=seed)).playables:
            orders.setdefault(p.id, set()).add(p.choices + p.items + p.rights)
    assert len(orders["members-count"]) > 1
    assert len(orders["treaty-timeline"]) > 1
    assert len(orders["who-said-it"]) > 1


def test_order_items_and_match_sides_never_start_in_the_right_order(bank: Bank) -> None:
    for seed in range(200):
        for p in draw(bank, RoundSpec(types=("order", "match"), count=50, seed=seed)).playables:
            if p.type == "order":
                assert p.items != p.answer
            else:
                assert p.answer is not None
                assert list(p.rights) != list(dict.fromkeys(p.answer.values()))  # type: ignore[union-attr]


def test_a_playable_carries_what_the_faces_show(bank: Bank) -> None:
    (p,) = [p for p in draw(bank, RoundSpec(count=50, seed=1)).playables if p.id == "zas-count"]
    assert p.unit == "people"
    assert p.dispute is not None and p.dispute.id == "force-size"
    assert len(p.dispute.positions) == 4
    assert p.evidence[0].source_id == "russtrat"
    assert p.sources == frozenset({"russtrat"})
    assert not p.generated


def test_a_replay_plays_exactly_the_questions_named_whatever_the_filters(bank: Bank) -> None:
    first = draw(bank, RoundSpec(mode="disputes", seed=3, count=6))
    missed = [p for p in first.playables if "~" in p.id][:1] + [
        p for p in first.playables if "~" not in p.id
    ][:1]
    assert len(missed) == 2
    ids = [p.id for p in missed]
    again = draw(bank, RoundSpec(mode="quick", seed=3, topics=("nowhere",)), replay=ids)
    assert list(again.playables) == missed
    assert draw(bank, RoundSpec(seed=3), replay=["gone"]).empty_reason


def test_questions_on_one_dispute_are_kept_apart_where_they_can_be() -> None:
    from quiz.content.bank import load_bank
    from tests.engine.helpers import SEEDS

    shipped = load_bank(SEEDS.parent / "content", SEEDS).bank
    for seed in range(30):
        playables = draw(shipped, RoundSpec(mode="disputes", count=10, seed=seed)).playables
        disputes = [p.dispute.id if p.dispute else None for p in playables]
        for first, second in itertools.pairwise(disputes):
            assert first is None or first != second, (seed, disputes)
