"""The campaign format: a text adventure written in TOML.

A campaign file (`content/campaign.toml`, or any `campaign-*.toml`) holds
`[[scene]]` and `[[ending]]` tables. The player starts at the first scene,
reads evidence (verbatim passages, checked like question evidence) and keeps
what matters in a notebook, answers questions that open exits, catches
contradictions between pieces of evidence, and reaches a final scene where the
first ending whose condition holds is chosen.

Like the question models, these forbid unknown keys and are strict; rules that
need the whole campaign (references, reachability, conditions that can never
hold) live in `quiz.content.campaign.check`.
"""

from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import Field

from quiz.content.models import ContentModel, Slug, Text


class CampaignEvidence(ContentModel):
    """A passage the player can read in a scene and keep in the notebook."""

    id: Slug  # unique in the campaign: exits and contradictions refer to it
    source: Slug
    quote: Text
    note: Text | None = None  # what the narrator says about it


class Requirements(ContentModel):
    """What must hold before an exit opens. Every listed thing must hold."""

    questions: list[Slug] = Field(default_factory=list)  # answered right
    evidence: list[Slug] = Field(default_factory=list)  # in the notebook
    flags: list[Slug] = Field(default_factory=list)  # set by a visited scene
    contradictions: list[Slug] = Field(default_factory=list)  # solved, by scene id


class Exit(ContentModel):
    label: Text
    to: Slug
    requires: Requirements = Field(default_factory=Requirements)


class Contradiction(ContentModel):
    """Catch two pieces of evidence that conflict, then say why they differ.

    The right pair is two notebook entries that quote two positions of the
    dispute (from different sources, or, for an internal dispute, two places of
    one source).
    """

    dispute: Slug
    prompt: Text
    reasons: Annotated[list[Text], Field(min_length=2, max_length=6)]
    answer: Text  # the right reason, one of `reasons`


class Scene(ContentModel):
    id: Slug
    title: Text
    place: Text
    date: datetime.date | None = None
    text: Text
    evidence: list[CampaignEvidence] = Field(default_factory=list)
    questions: list[Slug] = Field(default_factory=list)  # question ids, or dispute ids to draw from
    exits: list[Exit] = Field(default_factory=list)
    sets: list[Slug] = Field(default_factory=list)  # flags set on arrival
    contradiction: Contradiction | None = None
    final: bool = False  # the briefing: reaching it chooses the ending


class Ending(ContentModel):
    """Chosen at a final scene: the first ending, in file order, whose condition holds."""

    id: Slug
    title: Text
    text: Text
    min_score: Annotated[int, Field(ge=0)] = 0
    max_score: Annotated[int, Field(ge=0)] | None = None
    flags: list[Slug] = Field(default_factory=list)  # all must be set


class CampaignFile(ContentModel):
    title: Text
    intro: Text
    scene: Annotated[list[Scene], Field(min_length=1)]
    ending: Annotated[list[Ending], Field(min_length=1)]
