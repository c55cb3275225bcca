"""Drawing a round from the bank: a `RoundSpec` in, a list of Playables out.

- Filters (topic, type, source, difficulty, skill) apply to the teacher's
  questions and to the questions generated from disputes alike. Generated
  questions are always in the disputes mode's pool; elsewhere they only fill
  in when the written questions are too few.
- Topics are balanced: the round takes questions from each topic in turn, so
  no topic has more than one question more than another unless it runs out.
- A question is never repeated in a round.
- With a seed, the round depends only on the seed and the bank (a teacher can
  hand a class one round). Without one, it also prefers questions the player
  has not seen or last got wrong, then those seen longest ago.
- Review mode is the player's missed questions (last answer not fully right),
  most recently missed first, whatever the seed.
- Due mode is spaced review (`quiz.engine.review`): the cards due by the end of
  today, most overdue first, then questions never answered, up to the new
  questions a day allow, in the bank's order (written questions first).

The draw makes one pass over the bank per active filter and one to group by
topic; only the questions drawn become Playables.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from quiz.content.bank import Bank
from quiz.content.problems import did_you_mean
from quiz.engine.build import playable_from_question
from quiz.engine.generated import GeneratedRef, generated_refs, is_generated, ref_for
from quiz.engine.generated import build as build_generated
from quiz.engine.playable import Playable
from quiz.engine.review import DEFAULT_NEW_PER_DAY, ReviewQueue, clock
from quiz.engine.spec import RoundSpec
from quiz.engine.store import History

Candidate = Any  # a bank `Question` or a `GeneratedRef`: both have the attributes filters read


@dataclass(frozen=True)
class Round:
    """A drawn round."""

    playables: tuple[Playable, ...]
    spec: RoundSpec  # as drawn: a drill's topic filled in when none was given
    seed: int  # the seed the questions were shuffled with (spec.seed or a fresh one)
    available: int  # how many questions matched the filters
    empty_reason: str | None = None  # why the round has no questions, in one sentence


def draw(
    bank: Bank,
    spec: RoundSpec,
    history: History | None = None,
    queue: ReviewQueue | None = None,
    *,
    replay: Sequence[str] | None = None,
) -> Round:
    """Draw a round. The same bank, spec and seed always give the same round
    (review and due aside, which follow the player's history and cards).

    `replay` plays exactly those questions (written or generated, by id) in
    that order, whatever the spec's filters: "replay the missed ones".
    """
    seed = spec.seed if spec.seed is not None else random.SystemRandom().randrange(2**31)
    rng = random.Random(seed)
    history = history or History()
    if replay is not None:
        found = (candidate(bank, question_id) for question_id in dict.fromkeys(replay))
        chosen = [c for c in found if c is not None]
        playables = tuple(_build(c, bank, seed) for c in chosen)
        reason = None if playables else "None of these questions is in the bank any more."
        return Round(playables, spec, seed, len(playables), reason)
    if spec.mode == "due":
        return _draw_due(bank, spec, seed, queue)
    if spec.mode == "review":
        chosen = matching(_missed(bank, history), spec)
        available = len(chosen)
        chosen = chosen[: spec.count]
    else:
        pool = matching(_all_candidates(bank), spec)
        if spec.mode == "drill" and not spec.topics and pool:
            topic = _drill_topic(pool, rng, None if spec.seed is not None else history)
            spec = replace(spec, topics=(topic,))
            pool = [c for c in pool if c.topic == topic]
        if spec.mode != "disputes":
            pool = _written_first(pool, spec.count)
        available = len(pool)
        prefer = history if spec.seed is None and history.last_credit else None
        chosen = _balanced(pool, spec.count, rng, prefer)
        rng.shuffle(chosen)
        if spec.mode == "disputes":
            chosen = _apart(chosen)
    playables = tuple(_build(c, bank, seed) for c in chosen)
    reason = None if playables else empty_reason(bank, spec)
    return Round(playables, spec, seed, available, reason)


def _apart(chosen: list[Candidate]) -> list[Candidate]:
    """The same questions, reordered so that two on one dispute do not come one after the other
    where that can be helped: the feedback of the first would give the second away.

    Each step takes the next question, in the drawn order, of the dispute with the most
    questions left that is not the last one's (the order that can always be kept apart).
    """
    if all(a.dispute is None or a.dispute != b.dispute for a, b in pairwise(chosen)):
        return chosen  # apart already: the drawn order stands
    left = list(chosen)
    ordered: list[Candidate] = []
    while left:
        last = ordered[-1].dispute if ordered else None
        remaining: dict[str | None, int] = {}
        for c in left:
            remaining[c.dispute] = remaining.get(c.dispute, 0) + 1
        allowed = [i for i, c in enumerate(left) if c.dispute is None or c.dispute != last]
        if not allowed:
            allowed = [0]  # only questions on the last one's dispute are left
        pick = max(allowed, key=lambda i: (remaining[left[i].dispute] if left[i].dispute else 0, -i))
        ordered.append(left.pop(pick))
    return ordered


def _draw_due(bank: Bank, spec: RoundSpec, seed: int, queue: ReviewQueue | None) -> Round:
    """The due cards that the bank still has and the filters let through, then new questions."""
    pool = matching(_all_candidates(bank), spec)  # written questions first, then generated ones
    if queue is None:  # no cards at all: a new player
        queue = ReviewQueue(
            now=clock(), due=(), known=frozenset(), new_per_day=DEFAULT_NEW_PER_DAY, new_today=0
        )
    by_id = {c.id: c for c in pool}
    due = [by_id[q] for q in queue.due if q in by_id]
    new_ids = queue.new_questions(by_id) if len(due) < spec.count else []
    chosen = [*due, *(by_id[q] for q in new_ids)][: spec.count]
    playables = tuple(_build(c, bank, seed) for c in chosen)
    reason = None
    if not playables:
        new_left = any(q not in queue.known for q in by_id)
        reason = queue.empty_reason(new_left) if pool else empty_reason(bank, spec)
    return Round(playables, spec, seed, len(due) + len(new_ids), reason)


def _written_first(pool: list[Candidate], count: int) -> list[Candidate]:
    """Outside the disputes mode, questions generated from disputes only fill in.

    There are two for every dispute, so in a mixed round they would crowd out
    the teachers' questions; they join the pool only when the written ones
    that pass the filters are too few for the round.
    """
    written = [c for c in pool if not isinstance(c, GeneratedRef)]
    return written if len(written) >= count else pool


def _build(candidate: Candidate, bank: Bank, seed: int) -> Playable:
    if isinstance(candidate, GeneratedRef):
        return build_generated(candidate, bank, seed)
    return playable_from_question(candidate, bank, seed)


def _all_candidates(bank: Bank) -> list[Candidate]:
    return [*bank.questions, *generated_refs(bank)]


def question_ids(bank: Bank) -> list[str]:
    """Every question a round can draw, written and generated: the ids cards are kept under."""
    return [c.id for c in _all_candidates(bank)]


def playable_for(bank: Bank, question_id: str, seed: int = 0) -> Playable | None:
    """One question (written or generated) as a round would put it, or None if the bank has no such id."""
    found = candidate(bank, question_id)
    return None if found is None else _build(found, bank, seed)


def candidate(bank: Bank, question_id: str) -> Candidate | None:
    """The question (written or generated) with this id, if the bank still has it."""
    if is_generated(question_id):
        return ref_for(bank, question_id)
    return bank.question(question_id) if bank.has_question(question_id) else None


def matching(pool: Sequence[Candidate], spec: RoundSpec) -> list[Candidate]:
    """The candidates every filter of `spec` lets through, in their order."""
    result = pool if isinstance(pool, list) else list(pool)  # filtered into new lists, never changed
    if spec.mode == "disputes":
        result = [c for c in result if c.dispute is not None]
    if spec.topics:
        topics = frozenset(spec.topics)
        result = [c for c in result if c.topic in topics]
    if spec.types:
        types = frozenset(spec.types)
        result = [c for c in result if c.type in types]
    if spec.difficulties:
        difficulties = frozenset(spec.difficulties)
        result = [c for c in result if c.difficulty in difficulties]
    if spec.skills:
        skills = frozenset(spec.skills)
        result = [c for c in result if c.skill in skills]
    if spec.sources:
        sources = frozenset(spec.sources)
        result = [c for c in result if any(e.source in sources for e in c.evidence)]
    return result


def _missed(bank: Bank, history: History) -> list[Candidate]:
    found = (candidate(bank, question_id) for question_id in history.missed)
    return [c for c in found if c is not None]


def _wanted(history: History, question_id: str) -> bool:
    """Not seen yet, or last answered less than fully right."""
    credit = history.last_credit.get(question_id)
    return credit is None or credit < 1.0


def _drill_topic(pool: list[Candidate], rng: random.Random, history: History | None) -> str:
    """A drill's topic when none was given: with a seed, the seed's choice;
    without, the topic with the most questions the player still needs."""
    topics = sorted({c.topic for c in pool})
    if history is None or not history.last_credit:
        return rng.choice(topics)
    needed: dict[str, int] = dict.fromkeys(topics, 0)
    for c in pool:
        if _wanted(history, c.id):
            needed[c.topic] += 1
    most = max(needed.values())
    return rng.choice([t for t in topics if needed[t] == most])


def _balanced(
    pool: list[Candidate], count: int, rng: random.Random, prefer: History | None
) -> list[Candidate]:
    """`count` candidates, taking from each topic in turn (topics in a random order)."""
    groups: dict[str, list[Candidate]] = {}
    for c in pool:
        group = groups.get(c.topic)
        if group is None:
            groups[c.topic] = [c]
        else:
            group.append(c)
    topics = sorted(groups)
    rng.shuffle(topics)
    quota = dict.fromkeys(topics, 0)
    left = min(count, len(pool))
    while left:
        for topic in topics:
            if left and quota[topic] < len(groups[topic]):
                quota[topic] += 1
                left -= 1
    chosen: list[Candidate] = []
    for topic in topics:
        if quota[topic]:
            chosen += _pick(groups[topic], quota[topic], rng, prefer)
    return chosen


def _pick(group: list[Candidate], k: int, rng: random.Random, prefer: History | None) -> list[Candidate]:
    if prefer is None:
        return rng.sample(group, k)
    wanted = [c for c in group if _wanted(prefer, c.id)]
    if len(wanted) >= k:
        return rng.sample(wanted, k)
    # Every question still needed, then those answered right longest ago.
    known = [c for c in group if not _wanted(prefer, c.id)]
    known.sort(key=lambda c: prefer.last_seen.get(c.id, 0))
    return [*wanted, *known[: k - len(wanted)]]


# --- why a round is empty -----------------------------------------------------


def empty_reason(bank: Bank, spec: RoundSpec) -> str:
    if spec.mode == "review":
        return "Nothing to review: there is no missed question" + (
            " matching these filters." if _has_filters(spec) else " yet."
        )
    everything = _all_candidates(bank)
    checks: list[tuple[str, tuple[Any, ...], set[Any]]] = [
        ("topic", spec.topics, {c.topic for c in everything}),
        ("type", spec.types, {c.type for c in everything}),
        ("source", spec.sources, set(bank.sources)),
        ("difficulty", spec.difficulties, {c.difficulty for c in everything}),
        ("skill", spec.skills, {c.skill for c in everything if c.skill}),
    ]
    for name, asked, known in checks:
        for value in asked:
            if value not in known:
                hint = did_you_mean(str(value), [str(k) for k in known])
                listing = ", ".join(sorted(str(k) for k in known))
                return f"No questions: the bank has no {name} {value!r}{hint} (it has: {listing})."
    if spec.mode == "disputes" and not any(c.dispute for c in everything):
        return "No questions: the bank has no disputes yet."
    return "No question matches all of these filters together; try fewer."


def _has_filters(spec: RoundSpec) -> bool:
    return bool(spec.topics or spec.types or spec.sources or spec.difficulties or spec.skills)


def narrowed(
    bank: Bank, spec: RoundSpec, question_ids: Iterable[str] = (), dispute_ids: Iterable[str] = ()
) -> tuple[Bank, RoundSpec]:
    """A round on only these questions and disputes: the bank narrowed to them, and the spec
    without filters, long enough for all of them.

    The spec has no list of question ids, so "play this dispute's questions"
    and "review these missed questions now" are rounds on a narrowed bank:
    same engine, same scoring, same store. A generated question's id names
    its dispute ("dispute~kind").
    """
    questions, disputes = set(question_ids), set(dispute_ids)
    for qid in list(questions):
        if "~" in qid:
            disputes.add(qid.split("~", 1)[0])
            questions.discard(qid)
    small = Bank(
        questions=[q for q in bank.questions if q.id in questions],
        disputes=[d for d in bank.disputes if d.id in disputes],
        sources=bank.sources,
        articles=bank.articles,
    )
    wide = replace(
        spec,
        topics=(),
        types=(),
        sources=(),
        difficulties=(),
        skills=(),
        count=max(1, len(small.questions) + 2 * len(small.disputes)),
    )
    return small, wide
