"""Questions made from disputes, so every disagreement is playable.

Every `[[dispute]]` yields two questions, whether or not a teacher has written
one about it:

- `<dispute-id>~match`: match each article to what it claims (when all the
  positions come from one article, an "internal" dispute: each passage to its
  claim). An article with several positions is matched to all its claims at
  once.
- `<dispute-id>~which`: which article says this? One position's quote, chosen
  by the round's seed, with the dispute's articles as the choices. An article
  whose own text holds the quote, or a near copy of it, is never offered as a
  wrong choice (the two AFP copies often say the same thing in other words).

Neither is offered when it cannot work: a match that gives two articles the
same claim, or two near-identical passages to tell apart; a "which" with no
position that leaves a wrong choice. Nor is a match offered beside a match a
teacher wrote for the same dispute.

Both carry the dispute's explanation and its positions, so the faces show
every position side by side after the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from quiz.content.bank import Bank
from quiz.content.models import Dispute, Position, QuestionType, Skill
from quiz.content.passages import Article, fold
from quiz.engine.build import dispute_view, rng_for, shuffled, source_labels
from quiz.engine.playable import Passage, Playable

SEPARATOR = "~"
Kind = Literal["match", "which"]
KINDS: tuple[Kind, ...] = ("match", "which")
_MAX_CHOICES = 4  # when other articles of the bank fill in
_MOST_CHOICES = 8  # as for a written question
# rapidfuzz scores (0-100) from which two texts count as near copies: a
# reworded copy of one AFP sentence scores 82 to 99 against the other copy,
# unrelated passages of the articles 77 at most.
_NEAR_COPY = 80
_NEAR_TEXT = 90
# Whole articles: the two AFP copies score 89 against each other, any other
# pair of the five articles 61 at most.
_COPY_OF_ARTICLE = 80
_WORD = re.compile(r"\w{4,}")


@dataclass(frozen=True)
class GeneratedRef:
    """A question a dispute yields, before it is built for a round.

    It answers the same attributes the round filters read on a bank question
    (`id`, `type`, `topic`, `difficulty`, `skill`, `dispute`, `evidence`), so
    both kinds of question are filtered and balanced together.
    """

    source: Dispute
    kind: Kind

    @property
    def id(self) -> str:
        return f"{self.source.id}{SEPARATOR}{self.kind}"

    @property
    def type(self) -> QuestionType:
        return "match" if self.kind == "match" else "choice"

    @property
    def topic(self) -> str:
        return self.source.topic

    @property
    def difficulty(self) -> int:
        if self.kind == "which":
            return 1
        return 2 if len({p.source for p in self.source.position}) <= 3 else 3

    @property
    def skill(self) -> Skill:
        return "corroboration" if self.kind == "match" else "sourcing"

    @property
    def dispute(self) -> str:
        return self.source.id

    @property
    def evidence(self) -> list[Position]:
        return self.source.position


def generated_refs(bank: Bank) -> list[GeneratedRef]:
    """The questions the disputes yield, in the bank's order: two each, less those that cannot work."""
    refs = []
    for dispute in bank.disputes:
        if match_offered(dispute, bank):
            refs.append(GeneratedRef(dispute, "match"))
        if len(bank.sources) >= 2 and which_options(dispute, bank):
            refs.append(GeneratedRef(dispute, "which"))
    return refs


@lru_cache(maxsize=256)
def _words(article: Article) -> frozenset[str]:
    return frozenset(_WORD.findall(article.folded_text().casefold()))


@lru_cache(maxsize=4096)
def holds_near_copy(article: Article, quote: str) -> bool:
    """Whether the article holds the quote, or a reworded copy of it."""
    if article.contains(quote):
        return True
    words = set(_WORD.findall(fold(quote).casefold()))
    if not words or len(words & _words(article)) < len(words) / 2:
        return False  # most articles share few words with a quote: skip the costlier comparison
    from rapidfuzz import fuzz

    return fuzz.partial_ratio(fold(quote), article.folded_text()) >= _NEAR_COPY


@lru_cache(maxsize=16)
def _copies(articles: tuple[tuple[str, Article], ...]) -> frozenset[frozenset[str]]:
    """Pairs of sources whose articles are copies of one text (one wire story, reworded)."""
    from rapidfuzz import fuzz

    texts = [(sid, article.folded_text().casefold()) for sid, article in articles]
    return frozenset(
        frozenset((a, b))
        for i, (a, text_a) in enumerate(texts)
        for b, text_b in texts[i + 1 :]
        if fuzz.token_set_ratio(text_a, text_b) >= _COPY_OF_ARTICLE
    )


def _near_texts(texts: list[str]) -> bool:
    """Whether two of the texts are the same, or nearly (case and folding aside)."""
    from rapidfuzz import fuzz

    folded = [fold(t).casefold() for t in texts]
    return any(fuzz.ratio(a, b) >= _NEAR_TEXT for i, a in enumerate(folded) for b in folded[i + 1 :])


def _claims(dispute: Dispute) -> dict[str, list[str]]:
    claims: dict[str, list[str]] = {}
    for position in dispute.position:
        claims.setdefault(position.source, []).append(position.claim)
    return claims


def match_offered(dispute: Dispute, bank: Bank) -> bool:
    """A match is offered unless two of its sides to tell apart are the same text, or nearly,
    or a teacher wrote a match for the dispute (a round would serve one pairing twice)."""
    if any(q.type == "match" and q.dispute == dispute.id for q in bank.questions):
        return False
    claims = _claims(dispute)
    if len(claims) >= 2:
        return not _near_texts(["; ".join(said) for said in claims.values()])
    return not _near_texts(list(dict.fromkeys(p.quote for p in dispute.position)))


def which_options(dispute: Dispute, bank: Bank) -> list[tuple[Position, list[str]]]:
    """Each position a "which" can ask about, with the articles it may offer as wrong choices.

    A wrong choice never holds the quote, even reworded, and the choices never
    include two copies of one text; the dispute's other articles come first,
    other articles of the bank when none is left.
    """
    copies = _copies(tuple(bank.articles.items()))

    def also_says_it(source_id: str, quote: str) -> bool:
        article = bank.articles.get(source_id)
        return article is not None and holds_near_copy(article, quote)

    def one_of_each_text(answer: str, wrong: list[str]) -> list[str]:
        kept: list[str] = []
        for source in wrong:
            if all(frozenset((source, other)) not in copies for other in (answer, *kept)):
                kept.append(source)
        return kept

    options = []
    for position in dispute.position:
        others = dict.fromkeys(p.source for p in dispute.position if p.source != position.source)
        wrong = one_of_each_text(position.source, [s for s in others if not also_says_it(s, position.quote)])
        if not wrong:
            spare = [s for s in bank.sources if s != position.source and not also_says_it(s, position.quote)]
            wrong = one_of_each_text(position.source, spare)
        if wrong:
            options.append((position, wrong))
    return options


def is_generated(question_id: str) -> bool:
    return SEPARATOR in question_id


def ref_for(bank: Bank, question_id: str) -> GeneratedRef | None:
    """The generated question with this id, if its dispute is still in the bank."""
    dispute_id, _, kind = question_id.partition(SEPARATOR)
    if kind not in KINDS or not bank.has_dispute(dispute_id):
        return None
    dispute = bank.dispute(dispute_id)
    if kind == "which" and (len(bank.sources) < 2 or not which_options(dispute, bank)):
        return None
    if kind == "match" and not match_offered(dispute, bank):
        return None
    return GeneratedRef(dispute, "match" if kind == "match" else "which")


def build(ref: GeneratedRef, bank: Bank, seed: int) -> Playable:
    """The generated question as put to the player in a round with this seed."""
    return _match(ref, bank, seed) if ref.kind == "match" else _which(ref, bank, seed)


def _label(labels: dict[str, str], source_id: str) -> str:
    return labels.get(source_id, source_id)


def _match(ref: GeneratedRef, bank: Bank, seed: int) -> Playable:
    dispute = ref.source
    labels = source_labels(bank)
    claims = _claims(dispute)
    if len(claims) >= 2:
        answer = {_label(labels, source): "; ".join(said) for source, said in claims.items()}
        prompt = f"{dispute.title} Match each article to what it claims."
    else:
        only = _label(labels, dispute.position[0].source)
        answer = {}
        for position in dispute.position:
            answer.setdefault(f"“{position.quote}”", position.claim)
        prompt = f"{dispute.title} {only} says different things in different places. Match each passage to its claim."
    rights = list(dict.fromkeys(answer.values()))
    return Playable(
        id=ref.id,
        type="match",
        topic=dispute.topic,
        difficulty=ref.difficulty,
        prompt=prompt,
        explanation=dispute.explanation,
        evidence=tuple(Passage(p.source, p.quote) for p in dispute.position),
        lefts=tuple(answer),
        rights=shuffled(rights, rng_for(seed, ref.id), avoid=rights),
        skill=ref.skill,
        dispute=dispute_view(dispute),
        generated=True,
        answer=answer,
    )


def _which(ref: GeneratedRef, bank: Bank, seed: int) -> Playable:
    dispute = ref.source
    rng = rng_for(seed, ref.id)
    labels = source_labels(bank)
    position, wrong = rng.choice(which_options(dispute, bank))
    if not any(p.source in wrong for p in dispute.position):  # other articles of the bank fill in
        wrong = rng.sample(wrong, min(len(wrong), _MAX_CHOICES - 1))
    elif len(wrong) > _MOST_CHOICES - 1:
        wrong = rng.sample(wrong, _MOST_CHOICES - 1)
    choices = [_label(labels, s) for s in [position.source, *wrong]]
    return Playable(
        id=ref.id,
        type="choice",
        topic=dispute.topic,
        difficulty=ref.difficulty,
        prompt=f"{dispute.title} Which article says this: “{position.quote}”?",
        explanation=dispute.explanation,
        evidence=(Passage(position.source, position.quote),),
        choices=shuffled(choices, rng),
        skill=ref.skill,
        dispute=dispute_view(dispute),
        generated=True,
        answer=_label(labels, position.source),
    )
