"""The question bank in memory, and loading it from TOML files.

`load_bank` reads `seeds/sources.toml`, the articles, and every `.toml` file of
the content folder; validates each table on its own, so that one bad question
does not hide the problems of the next; runs the checks of meaning in
`quiz.content.check`; and returns the bank together with every problem found.
The game refuses a bank with errors; `quiz check` reports them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import tomli
from pydantic import BaseModel, TypeAdapter, ValidationError

from quiz.campaign.models import (
    CampaignEvidence,
    CampaignFile,
    Contradiction,
    Ending,
    Exit,
    Requirements,
    Scene,
)
from quiz.content import models
from quiz.content.locate import TomlPath
from quiz.content.models import (
    Dispute,
    Question,
    QuestionFile,
    Reference,
    ReferencesFile,
    Source,
    SourcesFile,
)
from quiz.content.passages import Article
from quiz.content.problems import Problem, ProblemLog, did_you_mean

SOURCES_FILE = "sources.toml"
REFERENCES_FILE = "references.toml"  # optional, beside sources.toml

T = TypeVar("T")


class ContentUnreadable(Exception):
    """The content or seeds folder cannot be read at all (exit status 2)."""


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
class Bank:
    """Everything the game plays from: questions, disputes, sources and their texts."""

    questions: list[Question] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    campaigns: dict[str, CampaignFile] = field(default_factory=dict)  # by id: the file's stem
    references: dict[str, Reference] = field(default_factory=dict)  # outside the articles, by id

    def __post_init__(self) -> None:
        self._questions_by_id = {q.id: q for q in self.questions}
        self._disputes_by_id = {d.id: d for d in self.disputes}

    def question(self, question_id: str) -> Question:
        return self._questions_by_id[question_id]

    def dispute(self, dispute_id: str) -> Dispute:
        return self._disputes_by_id[dispute_id]

    def has_question(self, question_id: str) -> bool:
        return question_id in self._questions_by_id

    def has_dispute(self, dispute_id: str) -> bool:
        return dispute_id in self._disputes_by_id


@dataclass
class LoadResult:
    """A bank and the problems found while loading it."""

    bank: Bank
    problems: list[Problem]
    files: list[Path]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors


# --- reading files ---------------------------------------------------------


def _read_text(path: Path, log: ProblemLog) -> str | None:
    """A file's text, or None with a problem logged if it is not UTF-8."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentUnreadable(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        log.texts[path] = ""
        log.add_at(path, line, col, f"not UTF-8 text (byte 0x{raw[exc.start]:02x})")
        return None
    log.texts[path] = text
    return text


def _parse_toml(path: Path, log: ProblemLog) -> dict[str, Any] | None:
    text = _read_text(path, log)
    if text is None:
        return None
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", 1) or 1
        col = getattr(exc, "colno", 1) or 1
        message = getattr(exc, "msg", str(exc))
        log.add_at(path, line, col, f"TOML syntax: {message}")
        return None


# --- validation ------------------------------------------------------------

_QUESTION = TypeAdapter(Question)
_TYPE_MODELS: dict[str, type[BaseModel]] = {
    "choice": models.ChoiceQuestion,
    "multi": models.MultiQuestion,
    "truefalse": models.TrueFalseQuestion,
    "number": models.NumberQuestion,
    "order": models.OrderQuestion,
    "match": models.MatchQuestion,
}
_KEYED_MODELS: tuple[type[BaseModel], ...] = (
    *_TYPE_MODELS.values(),
    models.Evidence,
    models.MatchPair,
    models.Position,
    models.Dispute,
    models.Source,
    models.Reference,
    models.OutsideFact,
    CampaignFile,
    Scene,
    Ending,
    CampaignEvidence,
    Exit,
    Requirements,
    Contradiction,
)
_ALL_KEYS = sorted({name for model in _KEYED_MODELS for name in model.model_fields})


def _subject(kind: str, raw: object) -> str | None:
    if isinstance(raw, Mapping) and isinstance(raw.get("id"), str):
        return f"{kind} {raw['id']!r}"
    return None


def _strip_tag(loc: tuple[int | str, ...]) -> TomlPath:
    """Drop the discriminator pydantic puts in a union's location."""
    if loc and loc[0] in _TYPE_MODELS:
        return tuple(loc[1:])
    return tuple(loc)


def _field_name(path: TomlPath) -> str:
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _message(error: Mapping[str, Any], path: TomlPath) -> str:
    """A validation error in a teacher's words."""
    kind = error["type"]
    name = _field_name(path)
    last = path[-1] if path else ""
    if kind == "missing":
        return f"missing key {last!r}"
    if kind == "extra_forbidden":
        return f"unknown key {last!r}{did_you_mean(str(last), _ALL_KEYS)}"
    if kind == "union_tag_not_found":
        return f"missing key 'type' (one of: {', '.join(_TYPE_MODELS)})"
    if kind == "union_tag_invalid":
        tag = str(error.get("ctx", {}).get("tag", ""))
        return (
            f"unknown question type {tag!r}{did_you_mean(tag, _TYPE_MODELS)}"
            f" (one of: {', '.join(_TYPE_MODELS)})"
        )
    if kind == "string_pattern_mismatch":
        return (
            f"{name} {_short(error.get('input'))} is not a slug:"
            " use lower-case letters, digits and single hyphens"
        )
    if kind in {"too_short", "too_long", "greater_than_equal", "literal_error"}:
        return f"{name}: {error['msg']}, got {_short(error.get('input'))}"
    if kind == "model_type" or kind == "dict_type":
        return f"{name or 'this'} should be a table, got {_short(error.get('input'))}"
    return f"{name}: {error['msg']}, got {_short(error.get('input'))}"


def _log_validation(
    exc: ValidationError, file: Path, prefix: TomlPath, subject: str | None, log: ProblemLog
) -> None:
    for error in exc.errors():
        path = _strip_tag(tuple(error["loc"]))
        log.add(file, (*prefix, *path), _message(error, path), subject=subject)


def _validate_items(
    data: Mapping[str, Any],
    key: str,
    file: Path,
    validate: Any,
    log: ProblemLog,
) -> list[Entry[Any]]:
    raw_items = data.get(key, [])
    if not isinstance(raw_items, list):
        log.add(file, (key,), f"{key!r} must be written as [[{key}]] tables")
        return []
    entries = []
    for index, raw in enumerate(raw_items):
        try:
            entries.append(Entry(validate(raw), file, (key, index)))
        except ValidationError as exc:
            _log_validation(exc, file, (key, index), _subject(key, raw), log)
    return entries


def _check_top_level(data: Mapping[str, Any], allowed: tuple[str, ...], file: Path, log: ProblemLog) -> None:
    for key in data:
        if key not in allowed:
            tables = " and ".join(f"[[{a}]]" for a in allowed)
            log.add(
                file,
                (key,),
                f"unknown key {key!r}{did_you_mean(key, allowed)}: this file holds {tables} tables",
            )


def _question_file(
    data: dict[str, Any], file: Path, log: ProblemLog
) -> tuple[list[Entry[Question]], list[Entry[Dispute]]]:
    try:
        # The fast path: a clean file validates in one call.
        parsed = QuestionFile.model_validate(data)
        return (
            [Entry(q, file, ("question", i)) for i, q in enumerate(parsed.question)],
            [Entry(d, file, ("dispute", i)) for i, d in enumerate(parsed.dispute)],
        )
    except ValidationError:
        pass
    # Something is wrong: validate table by table to report every problem and
    # keep every good table for the checks of meaning.
    _check_top_level(data, ("question", "dispute"), file, log)
    questions = _validate_items(data, "question", file, _QUESTION.validate_python, log)
    disputes = _validate_items(data, "dispute", file, Dispute.model_validate, log)
    return questions, disputes


def _sources_file(data: dict[str, Any], file: Path, log: ProblemLog) -> list[Entry[Source]]:
    try:
        parsed = SourcesFile.model_validate(data)
        return [Entry(s, file, ("source", i)) for i, s in enumerate(parsed.source)]
    except ValidationError:
        pass
    _check_top_level(data, ("source",), file, log)
    entries = _validate_items(data, "source", file, Source.model_validate, log)
    if not data.get("source"):
        log.add(file, (), "no [[source]] tables: describe at least one article")
    return entries


def _references_file(data: dict[str, Any], file: Path, log: ProblemLog) -> list[Entry[Reference]]:
    try:
        parsed = ReferencesFile.model_validate(data)
        return [Entry(r, file, ("reference", i)) for i, r in enumerate(parsed.reference)]
    except ValidationError:
        pass
    _check_top_level(data, ("reference",), file, log)
    return _validate_items(data, "reference", file, Reference.model_validate, log)


# --- the whole bank ---------------------------------------------------------


def is_campaign_file(path: Path) -> bool:
    """`campaign.toml` and `campaign-*.toml` hold campaigns; other files hold questions."""
    return path.stem == "campaign" or path.stem.startswith("campaign-")


def _campaign_file(data: dict[str, Any], file: Path, log: ProblemLog) -> CampaignSource:
    try:
        return CampaignSource(file.stem, file, data, CampaignFile.model_validate(data))
    except ValidationError as exc:
        # Report scene by scene, so one bad scene does not hide another.
        tables = {"scene": Scene.model_validate, "ending": Ending.model_validate}
        for error in exc.errors():
            loc = tuple(error["loc"])
            if not loc or loc[0] not in tables or len(loc) < 2:
                log.add(file, loc, _message(error, loc))
        for key, validate in tables.items():
            _validate_items(data, key, file, validate, log)
        return CampaignSource(file.stem, file, data, None)


def content_files(content_dir: Path) -> list[Path]:
    """The bank's files: every `.toml` file of the folder, in name order."""
    if not content_dir.is_dir():
        raise ContentUnreadable(f"{content_dir}: no such content folder")
    files = sorted(p for p in content_dir.glob("*.toml") if p.is_file())
    if not files:
        raise ContentUnreadable(f"{content_dir}: no .toml files in the content folder")
    return files


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
    quotes_found: set[tuple[str, str]] = field(default_factory=set)
    references: list[Entry[Reference]] = field(default_factory=list)
    """(source, quote) pairs already found in their article: a passage cited
    again (by a dispute and its questions, by several questions) is not
    searched for again."""


@dataclass
class CampaignSource:
    """A campaign file: its id (the file's stem), its raw tables, and its model if valid."""

    id: str
    file: Path
    data: Mapping[str, Any]
    campaign: CampaignFile | None


def _read_articles(sources: list[Entry[Source]], seeds_dir: Path, log: ProblemLog) -> dict[str, Article]:
    articles: dict[str, Article] = {}
    for entry in sources:
        path = seeds_dir / entry.item.file
        if not path.is_file():
            present = [p.name for p in seeds_dir.iterdir() if p.suffix == ".txt"]
            log.add(
                entry.file,
                (*entry.path, "file"),
                f"no article file {entry.item.file!r} in {seeds_dir}{did_you_mean(entry.item.file, present)}",
                subject=f"source {entry.item.id!r}",
            )
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            log.add(
                entry.file,
                (*entry.path, "file"),
                f"article {entry.item.file!r} is not UTF-8 text",
                subject=f"source {entry.item.id!r}",
            )
            continue
        except OSError as exc:
            raise ContentUnreadable(f"{path}: cannot read: {exc.strerror or exc}") from exc
        articles.setdefault(entry.item.id, Article(text))
    return articles


def _raw_tables(data: Mapping[str, Any], file: Path) -> list[RawTable]:
    tables = []
    for kind in ("question", "dispute"):
        items = data.get(kind)
        if isinstance(items, list):
            for index, item in enumerate(items):
                if isinstance(item, Mapping):
                    table_id = item.get("id")
                    table_id = table_id if isinstance(table_id, str) else None
                    tables.append(RawTable(kind, item, file, (kind, index), table_id))
    return tables


def read_content(content_dir: Path, seeds_dir: Path) -> tuple[Loaded, list[Path]]:
    """Parse and validate every file; no checks of meaning yet."""
    log = ProblemLog()
    sources_path = seeds_dir / SOURCES_FILE
    if not seeds_dir.is_dir():
        raise ContentUnreadable(f"{seeds_dir}: no such seeds folder")
    if not sources_path.is_file():
        raise ContentUnreadable(f"{sources_path}: missing; the seeds folder needs a {SOURCES_FILE}")
    files = [sources_path, *content_files(content_dir)]

    sources: list[Entry[Source]] = []
    data = _parse_toml(sources_path, log)
    if data is not None:
        sources = _sources_file(data, sources_path, log)

    questions: list[Entry[Question]] = []
    disputes: list[Entry[Dispute]] = []
    raw: list[RawTable] = []
    campaigns: list[CampaignSource] = []
    for path in files[1:]:  # before references.toml is added
        data = _parse_toml(path, log)
        if data is not None and is_campaign_file(path):
            campaigns.append(_campaign_file(data, path, log))
        elif data is not None:
            file_questions, file_disputes = _question_file(data, path, log)
            questions += file_questions
            disputes += file_disputes
            raw += _raw_tables(data, path)

    references: list[Entry[Reference]] = []
    references_path = seeds_dir / REFERENCES_FILE
    if references_path.is_file():
        files.insert(1, references_path)
        data = _parse_toml(references_path, log)
        if data is not None:
            references = _references_file(data, references_path, log)

    articles = _read_articles(sources, seeds_dir, log)
    loaded = Loaded(questions, disputes, sources, raw, articles, log, campaigns)
    loaded.references = references
    return loaded, files


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a bank is built.

    Loading makes hundreds of thousands of small objects that all stay alive;
    the collector would rescan them again and again for nothing (a third of
    the time to check a 10,000-question bank).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # The bank lives as long as the game: move what loading made out of the
        # collector's way, or its next pass would scan it all at once anyway.
        # Garbage from loading has no cycles; reference counting frees it.
        gc.freeze()
        if was_enabled:
            gc.enable()


def load_bank(content_dir: Path, seeds_dir: Path) -> LoadResult:
    """Load and check the bank. Raises `ContentUnreadable` only for missing folders or files."""
    from quiz.campaign.check import check_campaigns
    from quiz.content.check import check_meaning

    with _collector_paused():
        loaded, files = read_content(content_dir, seeds_dir)
        check_meaning(loaded)
        check_campaigns(loaded)
    bank = Bank(
        questions=[e.item for e in loaded.questions],
        disputes=[e.item for e in loaded.disputes],
        sources={e.item.id: e.item for e in loaded.sources},
        articles=loaded.articles,
        campaigns={c.id: c.campaign for c in loaded.campaigns if c.campaign is not None},
        references={e.item.id: e.item for e in loaded.references},
    )
    return LoadResult(bank, loaded.log.resolve(), files)
