"""The question bank in memory, and loading it from TOML files.

`load_bank` reads `seeds/sources.toml`, the articles, and every `.toml` file of
the content folder; validates each table on its own, so that one bad question
does not hide the problems of the next; runs the checks of meaning in
`quiz.content.check`; and returns the bank together with every problem found.
The game refuses a bank with errors; `quiz check` reports them.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import tomli
from pydantic import BaseModel, TypeAdapter, ValidationError

from quiz.content import models
from quiz.content.campaign.models import (
    CampaignEvidence,
    CampaignFile,
    Contradiction,
    Ending,
    Exit,
    Requirements,
    Scene,
)
from quiz.content.loaded import CampaignSource, Entry, Loaded, RawTable
from quiz.content.locate import TomlPath, nesting_beyond, unclosed_at
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
from quiz.content.text import clean

SOURCES_FILE = "sources.toml"
REFERENCES_FILE = "references.toml"  # optional, beside sources.toml


class ContentUnreadable(Exception):
    """The content or seeds folder cannot be read at all (exit status 2)."""


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
    """A file's text, or None with a problem logged if it is not UTF-8.

    A byte-order mark, which some editors on Windows write, is read past.
    """
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
    if text.startswith("\ufeff"):
        # Blanked rather than cut, so that every column stays where the editor shows it.
        text = " " + text[1:]
    log.texts[path] = text
    return text


MAX_NESTING = 32
"""Arrays and inline tables nested deeper than this are refused before parsing:
no question needs more than three levels, and the parser recurses on each."""


def _parse_toml(path: Path, log: ProblemLog) -> dict[str, Any] | None:
    text = _read_text(path, log)
    if text is None:
        return None
    too_deep = nesting_beyond(text, MAX_NESTING)
    if too_deep is not None:
        line, col = too_deep
        log.add_at(path, line, col, f"nested more than {MAX_NESTING} levels deep; no question needs that")
        return None
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", 1) or 1
        col = getattr(exc, "colno", 1) or 1
        message = getattr(exc, "msg", str(exc))
        line, col, message = _syntax_problem(text, line, col, message)
        log.add_at(path, line, col, f"TOML syntax: {message}")
        return None
    except RecursionError:
        log.add_at(path, 1, 1, "nested too deeply to read")
        return None


_UNCLOSED = {
    "string": "this string is not closed: end it with the quote it began with, on the same line"
    ' (text over several lines goes between triple quotes, """...""")',
    "text": 'this text between triple quotes is not closed: end it with """',
    "array": "this list is not closed: end it with ]",
    "inline table": "this table is not closed: end it with }, on the same line",
}


# tomli's words for the mistakes teachers make most, in ours.
_PARSER_WORDS = {
    "Expected newline or end of document after a statement": "something follows the value on this line:"
    ' write one key = value per line (a quote inside a string is written \\")',
    "Expected ']]' at the end of an array declaration": "this table header is not closed: write [[question]]",
    "Invalid value": "this value is not one TOML knows: put text in quotes, write numbers and true/false bare",
}


def _syntax_problem(text: str, line: int, col: int, message: str) -> tuple[int, int, str]:
    """The parser's complaint, moved to where the mistake began when something was left open.

    tomli reports an unterminated string at the end of its line ("Illegal
    character '\\n'") or of the file; a teacher needs the line where it opened.
    """
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    offset = starts[min(line, len(starts)) - 1] + col - 1
    found = unclosed_at(text, offset + 1)
    if found is None:
        return line, col, _PARSER_WORDS.get(message, message)
    kind, at = found
    if kind == "string" and text[at : at + 3] in {'"""', "'''"}:
        kind = "text"
    opened_line = text.count("\n", 0, at) + 1
    return opened_line, at - (text.rfind("\n", 0, at) + 1) + 1, _UNCLOSED[kind]


# --- validation ------------------------------------------------------------


@cache
def _question_adapter() -> TypeAdapter[Question]:
    """Built on first need: a bank read back from the cache validates nothing."""
    return TypeAdapter(Question)


_TYPE_MODELS: Mapping[str, type[BaseModel]] = models.QUESTION_MODELS
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


_NOUNS = {
    "choices": ("choice", "choices"),
    "items": ("item", "items"),
    "pairs": ("pair", "pairs"),
    "evidence": ("evidence passage", "evidence passages"),
    "position": ("position", "positions"),
    "answer": ("right answer", "right answers"),
    "source": ("source", "sources"),
    "scene": ("scene", "scenes"),
    "ending": ("ending", "endings"),
    "exit": ("exit", "exits"),
    "reasons": ("reason", "reasons"),
}
# The names pydantic gives the members of a union (`int | float`) in an error's place.
_UNION_MEMBERS = {"int", "float", "str", "bool", "date", "none", "list[str]"}


def _count(n: int, field: str) -> str:
    one, many = _NOUNS.get(field, ("item", "items"))
    return f"{n} {one if n == 1 else many}"


def _bare(value: object) -> str | None:
    """How `value`, a string, is written without quotes, if it is a number or true/false."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text in {"true", "false"}:
        return text
    try:
        float(text)
    except ValueError:
        return None
    return text


def _message(error: Mapping[str, Any], path: TomlPath, owner: str = "this table") -> str:
    """A validation error in a teacher's words."""
    kind = error["type"]
    name = _field_name(path)
    last = path[-1] if path else ""
    given = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"missing key {last!r}"
    if kind == "extra_forbidden":
        return f"unknown key {last!r}{did_you_mean(str(last), _ALL_KEYS)}"
    if kind == "union_tag_not_found":
        return f"missing key 'type' (one of: {', '.join(_TYPE_MODELS)})"
    if kind == "union_tag_invalid":
        tag = str(ctx.get("tag", ""))
        return (
            f"unknown question type {tag!r}{did_you_mean(tag, _TYPE_MODELS)}"
            f" (one of: {', '.join(_TYPE_MODELS)})"
        )
    if kind == "string_pattern_mismatch":
        return f"{name} {_short(given)} is not a slug: use lower-case letters, digits and single hyphens"
    if kind in {"literal_error", "bool_type", "int_type", "float_type"} and _bare(given) is not None:
        return f"{name}: write {_bare(given)} without quotes"
    if kind == "literal_error":
        return f"{name} must be {ctx.get('expected', 'one of the values allowed')}, not {_short(given)}"
    if kind == "too_short" and isinstance(given, list | tuple):
        field = str(last)
        return f"{owner} needs at least {_count(ctx['min_length'], field)}; this one has {len(given)}"
    if kind == "too_long" and isinstance(given, list | tuple):
        field = str(last)
        return f"{owner} takes at most {_count(ctx['max_length'], field)}; this one has {len(given)}"
    if kind == "value_error":
        return f"{name} {ctx.get('error', error['msg'])}"
    if kind == "string_too_short":
        return f"{name} is empty: write some text"
    if kind == "greater_than_equal":
        return f"{name} must be {ctx.get('ge', 0)} or more, not {_short(given)}"
    if kind == "finite_number":
        return f"{name} must be a finite number, not {_short(given)}"
    if kind == "bool_type":
        return f"{name} must be true or false (no quotes), not {_short(given)}"
    if kind in {"int_type", "float_type"}:
        return f"{name} must be a number (no quotes), not {_short(given)}"
    if kind == "string_type":
        return f"{name} must be text in quotes, not {_short(given)}"
    if kind == "list_type":
        return f'{name} must be a list in brackets, like ["a", "b"], not {_short(given)}'
    if kind in {"date_type", "date_from_datetime_parsing", "date_parsing"}:
        return f"{name} must be a date written bare, like 2022-01-07, not {_short(given)}"
    if kind == "model_type" or kind == "dict_type":
        return f"{name or 'this'} should be a table, got {_short(given)}"
    return f"{name}: {error['msg']}, got {_short(given)}"


def _owner(loc: tuple[int | str, ...], prefix: TomlPath) -> str:
    """What holds the field, for messages: "a choice question", "a dispute"..."""
    if loc and loc[0] in _TYPE_MODELS:
        return f"a {loc[0]} question"
    kind = prefix[0] if prefix else ""
    return {"dispute": "a dispute", "source": "sources.toml", "question": "a question"}.get(
        str(kind), "this table"
    )


def _log_validation(
    exc: ValidationError, file: Path, prefix: TomlPath, subject: str | None, log: ProblemLog
) -> None:
    seen: set[TomlPath] = set()
    for error in exc.errors():
        loc = tuple(error["loc"])
        path = _strip_tag(loc)
        while path and path[-1] in _UNION_MEMBERS:  # `int | float`: one problem, not one per member
            path = path[:-1]
        if path in seen and error["type"] != "extra_forbidden":
            continue
        seen.add(path)
        log.add(file, (*prefix, *path), _message(error, path, _owner(loc, prefix)), subject=subject)


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
    questions = _validate_items(data, "question", file, _question_adapter().validate_python, log)
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


MAX_ARTICLE_BYTES = 2_000_000
"""An article larger than this is refused: the five articles are 10-40 kB, and a
missing quote is searched for across the whole text."""


def _article_path(seeds_dir: Path, name: str) -> Path | str:
    """The article file `name` inside `seeds_dir`, or why it may not be read.

    Nothing outside the seeds folder is ever opened: a pack from a stranger
    must not make `quiz check` print another file's lines.
    """
    written = Path(name)
    if written.is_absolute() or ".." in written.parts or "\\" in name:
        return f"article file {name!r} must be a file name inside the seeds folder, not a path out of it"
    path = seeds_dir / written
    try:
        inside = path.resolve().is_relative_to(seeds_dir.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        inside = False
    if not inside:
        return f"article file {name!r} leads out of the seeds folder (a link?); copy the article into it"
    return path


def _read_articles(sources: list[Entry[Source]], seeds_dir: Path, log: ProblemLog) -> dict[str, Article]:
    articles: dict[str, Article] = {}
    for entry in sources:
        where = (*entry.path, "file")
        subject = f"source {entry.item.id!r}"
        path = _article_path(seeds_dir, entry.item.file)
        if isinstance(path, str):
            log.add(entry.file, where, path, subject=subject)
            continue
        if not path.is_file():
            present = [p.name for p in seeds_dir.iterdir() if p.suffix == ".txt"]
            log.add(
                entry.file,
                where,
                f"no article file {entry.item.file!r} in {seeds_dir}{did_you_mean(entry.item.file, present)}",
                subject=subject,
            )
            continue
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            log.add(
                entry.file,
                where,
                f"article {entry.item.file!r} is {size / 1e6:.1f} MB; an article may be at most "
                f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB",
                subject=subject,
            )
            continue
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            log.add(entry.file, where, f"article {entry.item.file!r} is not UTF-8 text", subject=subject)
            continue
        except OSError as exc:
            raise ContentUnreadable(f"{path}: cannot read: {exc.strerror or exc}") from exc
        articles.setdefault(entry.item.id, Article(clean(text)))
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
    written: set[str] = set()
    data = _parse_toml(sources_path, log)
    if data is not None:
        sources = _sources_file(data, sources_path, log)
        tables = data.get("source")
        if isinstance(tables, list):
            written = {t["id"] for t in tables if isinstance(t, dict) and isinstance(t.get("id"), str)}

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
    loaded.source_ids_written = written
    loaded.references = references
    return loaded, files


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a bank is built.

    Loading makes hundreds of thousands of small objects that all stay alive;
    the collector would rescan them again and again for nothing (a third of
    the time to check a 10,000-question bank). Only paused: what the process
    does with the collector afterwards is not the loader's business.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_bank(content_dir: Path, seeds_dir: Path) -> LoadResult:
    """Load and check the bank. Raises `ContentUnreadable` only for missing folders or files."""
    from quiz.content.campaign.check import check_campaigns
    from quiz.content.check import check_meaning

    with collector_paused():
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
