"""What reading the content found, with where each thing was written, before its checks.

The checks of meaning (`quiz.content.check`, `quiz.content.campaign.check`) read
these and `quiz.content.bank` fills them, so the checks never import the loader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from quiz.content.campaign.models import CampaignFile
from quiz.content.locate import TomlPath
from quiz.content.models import Dispute, Question, Reference, Source
from quiz.content.passages import Article
from quiz.content.problems import ProblemLog

T = TypeVar("T")


@dataclass(slots=True)  # not frozen: a frozen dataclass is slow to build, and there are thousands
class Entry(Generic[T]):
    """A validated table and where it was written."""

    item: T
    file: Path
    path: TomlPath  # e.g. ("question", 3)


@dataclass(slots=True)
class RawTable:
    """A `[[question]]`, `[[dispute]]` or `[[source]]` table as written, valid or not.

    Ids and quotes are checked on these rather than on the validated models, so
    a table with a schema error still has its duplicate id or its misquoted
    passage reported in the same run.
    """

    kind: str
    data: Mapping[str, Any]
    file: Path
    path: TomlPath
    id: str | None  # None when the table has no string id (a schema error)


@dataclass
class Loaded:
    """What loading found, before the checks of meaning: entries with their places."""

    questions: list[Entry[Question]]
    disputes: list[Entry[Dispute]]
    sources: list[Entry[Source]]
    raw: list[RawTable]  # every question and dispute table, valid or not
    articles: dict[str, Article]
    log: ProblemLog
    campaigns: list[CampaignSource] = field(default_factory=list)
    source_ids_written: set[str] = field(default_factory=set)
    """The id of every [[source]] table as written, valid or not: a source with a
    mistake in its entry is reported there once, and still known where it is cited."""
    quotes_found: set[tuple[str, str]] = field(default_factory=set)
    """(source, quote) pairs already found in their article: a passage cited
    again (by a dispute and its questions, by several questions) is not
    searched for again."""
    references: list[Entry[Reference]] = field(default_factory=list)
    """The [[reference]] entries of seeds/references.toml: sources outside the articles."""


@dataclass
class CampaignSource:
    """A campaign file: its id (the file's stem), its raw tables, and its model if valid."""

    id: str
    file: Path
    data: Mapping[str, Any]
    campaign: CampaignFile | None
