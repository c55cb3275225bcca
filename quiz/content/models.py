"""The content format teachers write, as pydantic models.

These models are the contract of `docs/content-format.md`: a question file holds
`[[question]]` and `[[dispute]]` tables, `seeds/sources.toml` holds `[[source]]`
tables. Every model forbids unknown keys, so a misspelt key is reported rather
than silently ignored, and is strict, so that `difficulty = "2"` or
`answer = "true"` are errors instead of being quietly converted.

Rules about meaning (an answer among its choices, unique ids, quotes found in
their articles, known sources) live in `quiz.content.check`, not here, so that
each problem can point at the line of the very key that is wrong.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from quiz.content.text import clean

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
"""Lower-case letters, digits and single hyphens: `origins`, `afp-2022-01-07`."""


def _shown(text: str) -> str:
    """The text as it will be shown: sanitised, and with something left to show."""
    cleaned = clean(text)
    if not cleaned.strip():
        raise ValueError("has nothing to show once control characters and spaces are left out")
    return cleaned


Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(_shown)]
"""Any non-empty text. Shown to players literally, never as markup, and read
through the sanitiser: what a terminal would act on (escape sequences, control
and bidi characters) never gets into the bank, whichever face shows it."""

QuestionType = str
"""One of `QUESTION_TYPES` (derived from `Question` below)."""

FEEDBACK_TYPES: tuple[QuestionType, ...] = ("choice", "multi", "truefalse")
"""The types whose `feedback` advises on a pick: a choice, or true or false."""

Skill = Literal["sourcing", "contextualization", "corroboration", "close-reading"]
DisputeKind = Literal["fact", "interpretation", "internal"]


class ContentModel(BaseModel):
    """Base for every table a teacher writes: unknown keys are errors, types are strict."""

    # defer_build: each model's validator is built when it first validates, not on
    # import, so that a bank read back from the cache (quiz.content.cache) never pays for it.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Evidence(ContentModel):
    """A verbatim passage of one article that supports an answer."""

    source: Slug
    quote: Text


class OutsideFact(ContentModel):
    """A fact the articles do not state, with the reference that does."""

    reference: Slug  # the id of a [[reference]] in seeds/references.toml
    fact: Text


class QuestionBase(ContentModel):
    """The keys every question type shares."""

    id: Slug
    topic: Slug
    difficulty: Literal[1, 2, 3]
    prompt: Text
    explanation: Text
    evidence: Annotated[list[Evidence], Field(min_length=1)]
    # Factories, not `[]` or `{}`: pydantic deep-copies a mutable default for
    # every question, which doubled the time to check a large bank.
    tags: list[Text] = Field(default_factory=list)
    skill: Skill | None = None
    dispute: Slug | None = None
    feedback: dict[Text, Text] = Field(default_factory=dict)
    outside: list[OutsideFact] = Field(default_factory=list)


class ChoiceQuestion(QuestionBase):
    """Pick the one right choice."""

    type: Literal["choice"]
    choices: Annotated[list[Text], Field(min_length=2, max_length=8)]
    answer: Text


class MultiQuestion(QuestionBase):
    """Pick every right choice; partial credit per choice."""

    type: Literal["multi"]
    choices: Annotated[list[Text], Field(min_length=2, max_length=8)]
    answer: Annotated[list[Text], Field(min_length=1)]


class TrueFalseQuestion(QuestionBase):
    """Say whether a statement is true."""

    type: Literal["truefalse"]
    answer: bool


class NumberQuestion(QuestionBase):
    """Give a number; right within `tolerance`."""

    type: Literal["number"]
    # A finite number: `nan` is never equal to any answer, and `inf` is no answer at all.
    answer: Annotated[int | float, Field(allow_inf_nan=False)]
    tolerance: Annotated[int | float, Field(ge=0, allow_inf_nan=False)] = 0
    unit: Text | None = None


class OrderQuestion(QuestionBase):
    """Put items in the right order (written here in that order; the game shuffles them)."""

    type: Literal["order"]
    items: Annotated[list[Text], Field(min_length=3, max_length=8)]


class MatchPair(ContentModel):
    left: Text
    right: Text


class MatchQuestion(QuestionBase):
    """Match each left side to its right side (the game shuffles the right sides)."""

    type: Literal["match"]
    pairs: Annotated[list[MatchPair], Field(min_length=2, max_length=8)]


Question = Annotated[
    ChoiceQuestion | MultiQuestion | TrueFalseQuestion | NumberQuestion | OrderQuestion | MatchQuestion,
    Field(discriminator="type"),
]
"""Any question; `type` selects the model. A new type's model joins this union, and nothing else here."""

QUESTION_MODELS: dict[str, type[QuestionBase]] = {
    get_args(model.model_fields["type"].annotation)[0]: model for model in get_args(get_args(Question)[0])
}
"""Each question type's model, by the `type` a teacher writes, in the union's order."""

QUESTION_TYPES: tuple[str, ...] = tuple(QUESTION_MODELS)
"""The question types of the content format (the engine's `quiz.engine.kinds` names the same)."""


class Position(ContentModel):
    """What one source says in a dispute."""

    source: Slug
    quote: Text
    claim: Text


class Dispute(ContentModel):
    """A place where sources disagree, or one source disagrees with itself."""

    id: Slug
    kind: DisputeKind
    topic: Slug
    title: Text
    explanation: Text
    position: Annotated[list[Position], Field(min_length=2)]
    outside: list[OutsideFact] = Field(default_factory=list)


class QuestionFile(ContentModel):
    """One `.toml` file of the bank."""

    question: list[Question] = Field(default_factory=list)
    dispute: list[Dispute] = Field(default_factory=list)


class Source(ContentModel):
    """One article in `seeds/`, as described in `seeds/sources.toml`."""

    id: Slug
    file: Text
    title: Text
    outlet: Text
    author: Text | None = None
    date: datetime.date
    kind: Text
    perspective: Text
    notes: Text | None = None


class SourcesFile(ContentModel):
    """`seeds/sources.toml`."""

    source: Annotated[list[Source], Field(min_length=1)]


class Reference(ContentModel):
    """A publication outside the five articles, cited for an outside fact."""

    id: Slug
    title: Text
    publisher: Text
    date: datetime.date | Text  # a TOML date, or as precise as the publication allows: "2016"
    url: Text | None = None
    note: Text | None = None


class ReferencesFile(ContentModel):
    """`seeds/references.toml`, beside `sources.toml`."""

    reference: list[Reference] = Field(default_factory=list)
