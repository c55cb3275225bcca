"""The checks of meaning: what the schema alone cannot know.

Each rule reports against the key that is wrong (`answer`, `evidence[2].quote`),
so the teacher is sent to the right line. The rules are written as small
functions over validated entries; `check_meaning` runs them all, so every
problem in a bank is reported at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from quiz.content.loaded import Entry, Loaded, RawTable
from quiz.content.locate import TomlPath
from quiz.content.models import (
    FEEDBACK_TYPES,
    ChoiceQuestion,
    Dispute,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    Question,
    TrueFalseQuestion,
)
from quiz.content.problems import did_you_mean
from quiz.content.quoted import check_quoted
from quiz.content.references import check_references

_FEEDBACK_TYPES = ", ".join(FEEDBACK_TYPES[:-1]) + " and " + FEEDBACK_TYPES[-1]


def check_meaning(loaded: Loaded) -> None:
    """Add every problem of meaning to `loaded.log`."""
    _unique_ids(loaded)
    known = {s.item.id for s in loaded.sources} | loaded.source_ids_written
    for table in loaded.raw:
        _quotes(table, known, loaded)
    for entry in loaded.questions:
        _answers(entry, loaded)
        _dispute_reference(entry, loaded)
    _invalid_questions(loaded)
    for dispute in loaded.disputes:
        _positions(dispute, loaded)
    check_quoted(loaded)
    check_references(loaded)
    _unused(loaded)


def _invalid_questions(loaded: Loaded) -> None:
    """The checks of meaning that need no valid model, on questions with a schema error.

    A bad `difficulty` must not hide a repeated choice or a feedback key that
    names no choice in the same question: every problem is reported in one run.
    """
    valid = {(e.file, e.path) for e in loaded.questions}
    for table in loaded.raw:
        if table.kind != "question" or (table.file, table.path) in valid:
            continue
        data = table.data
        subject = f"question {table.id!r}" if table.id else None
        choices = data.get("choices")
        if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
            continue
        for index in _repeated(choices):
            message = f"choice {choices[index]!r} is repeated"
            loaded.log.add(table.file, (*table.path, "choices", index), message, subject=subject)
        feedback = data.get("feedback")
        if isinstance(feedback, dict) and data.get("type") in {"choice", "multi"}:
            for key in feedback:
                if key not in choices:
                    message = f"feedback key {key!r} is not the text of a choice{did_you_mean(key, choices)}"
                    loaded.log.add(table.file, (*table.path, "feedback", key), message, subject=subject)


def _subject(entry: Entry[Any]) -> str:
    kind = str(entry.path[0])
    return f"{kind} {getattr(entry.item, 'id', '?')!r}"


def _error(loaded: Loaded, entry: Entry[Any], path: TomlPath, message: str) -> None:
    loaded.log.add(entry.file, (*entry.path, *path), message, subject=_subject(entry))


def _unique_ids(loaded: Loaded) -> None:
    """Ids are unique across questions and disputes, and across sources."""
    sources = [RawTable("source", {"id": e.item.id}, e.file, e.path, e.item.id) for e in loaded.sources]
    for tables in (loaded.raw, sources):
        first: dict[str, RawTable] = {}
        for table in tables:
            if table.id is None:
                continue
            if table.id in first:
                earlier = first[table.id]
                loaded.log.add(
                    table.file,
                    (*table.path, "id"),
                    f"duplicate id {table.id!r}",
                    subject=f"{table.kind} {table.id!r}",
                    related=(earlier.file, (*earlier.path, "id")),
                )
            else:
                first[table.id] = table


def _repeated(values: list[str]) -> list[int]:
    """Indexes of values that appeared earlier in the list."""
    if len(set(values)) == len(values):
        return []
    seen: set[str] = set()
    repeated = []
    for index, value in enumerate(values):
        if value in seen:
            repeated.append(index)
        seen.add(value)
    return repeated


def _answers(entry: Entry[Question], loaded: Loaded) -> None:
    # One lookup by type rather than a chain of isinstance checks: this runs
    # for every question of the bank.
    check = _ANSWER_CHECKS.get(entry.item.type)
    if check is not None:
        check(entry, loaded)
    if entry.item.feedback:
        _feedback(entry, loaded)


def _choices_repeated(
    entry: Entry[Question], question: ChoiceQuestion | MultiQuestion, loaded: Loaded
) -> None:
    for index in _repeated(question.choices):
        _error(loaded, entry, ("choices", index), f"choice {question.choices[index]!r} is repeated")


def _choice_answer(entry: Entry[Question], loaded: Loaded) -> None:
    question = cast(ChoiceQuestion, entry.item)
    _choices_repeated(entry, question, loaded)
    if question.answer not in question.choices:
        _error(
            loaded,
            entry,
            ("answer",),
            f"answer {question.answer!r} is not one of the choices"
            + did_you_mean(question.answer, question.choices),
        )


def _multi_answer(entry: Entry[Question], loaded: Loaded) -> None:
    question = cast(MultiQuestion, entry.item)
    _choices_repeated(entry, question, loaded)
    for index, answer in enumerate(question.answer):
        if answer not in question.choices:
            _error(
                loaded,
                entry,
                ("answer", index),
                f"answer {answer!r} is not one of the choices{did_you_mean(answer, question.choices)}",
            )
    for index in _repeated(question.answer):
        _error(loaded, entry, ("answer", index), f"answer {question.answer[index]!r} is repeated")


def _order_answer(entry: Entry[Question], loaded: Loaded) -> None:
    question = cast(OrderQuestion, entry.item)
    for index in _repeated(question.items):
        _error(loaded, entry, ("items", index), f"item {question.items[index]!r} is repeated")


def _match_answer(entry: Entry[Question], loaded: Loaded) -> None:
    question = cast(MatchQuestion, entry.item)
    for side in ("left", "right"):
        values = [getattr(pair, side) for pair in question.pairs]
        for index in _repeated(values):
            _error(loaded, entry, ("pairs", index, side), f"{side} side {values[index]!r} is repeated")


_ANSWER_CHECKS: dict[str, Callable[[Entry[Question], Loaded], None]] = {
    "choice": _choice_answer,
    "multi": _multi_answer,
    "order": _order_answer,
    "match": _match_answer,
}


def _feedback(entry: Entry[Question], loaded: Loaded) -> None:
    question = entry.item
    if isinstance(question, ChoiceQuestion | MultiQuestion):
        allowed, what = question.choices, "the text of a choice"
    elif isinstance(question, TrueFalseQuestion):
        allowed, what = ["true", "false"], '"true" or "false"'
    else:
        _error(loaded, entry, ("feedback",), f"feedback applies to {_FEEDBACK_TYPES} questions only")
        return
    for key in question.feedback:
        if key not in allowed:
            _error(
                loaded,
                entry,
                ("feedback", key),
                f"feedback key {key!r} is not {what}{did_you_mean(key, allowed)}",
            )


def _quotes(table: RawTable, known: set[str], loaded: Loaded) -> None:
    """Every cited source is known and every quote is found in its article."""
    key = "evidence" if table.kind == "question" else "position"
    passages = table.data.get(key)
    if not isinstance(passages, list):
        return  # a schema error, reported already
    subject = f"{table.kind} {table.id!r}" if table.id else None
    check_passages(loaded, table.file, (*table.path, key), passages, known, subject)


def check_passages(
    loaded: Loaded,
    file: Path,
    path: TomlPath,
    passages: list[Any],
    known: set[str],
    subject: str | None,
) -> None:
    """Check a list of `{ source, quote }` tables found at `path` (raw, as written).

    Shared by question evidence, dispute positions and campaign evidence.
    """
    found = loaded.quotes_found
    for index, passage in enumerate(passages):
        if not isinstance(passage, dict):
            continue  # a schema error, reported already (the raw tables come from tomli)
        source, quote = passage.get("source"), passage.get("quote")
        if (source, quote) in found:
            continue
        if not isinstance(source, str):
            continue
        if source not in known:
            message = f"unknown source {source!r}{did_you_mean(source, known)}"
            loaded.log.add(file, (*path, index, "source"), message, subject=subject)
            continue
        article = loaded.articles.get(source)
        if article is None or not isinstance(quote, str) or not quote:
            continue  # a missing article file is reported on its source
        if article.contains(quote):
            found.add((source, quote))
            continue
        hint = article.closest(quote)
        message = f"quote not found in {source!r}"
        if hint:
            message += f"; closest passage: {hint!r}"
        loaded.log.add(file, (*path, index, "quote"), message, subject=subject)


def _dispute_reference(entry: Entry[Question], loaded: Loaded) -> None:
    dispute_id = entry.item.dispute
    if dispute_id is None:
        return
    # A dispute with a mistake of its own is reported there, and still known here.
    known = {t.id for t in loaded.raw if t.kind == "dispute" and t.id is not None}
    if dispute_id not in known:
        _error(
            loaded,
            entry,
            ("dispute",),
            f"unknown dispute {dispute_id!r}{did_you_mean(dispute_id, known)}",
        )


def _positions(entry: Entry[Dispute], loaded: Loaded) -> None:
    dispute = entry.item
    sources = {p.source for p in dispute.position}
    if dispute.kind != "internal" and len(sources) < 2:
        _error(
            loaded,
            entry,
            ("kind",),
            f"a {dispute.kind} dispute needs positions from at least two different sources;"
            f" all are from {next(iter(sources))!r} (an inconsistency inside one source is kind 'internal')",
        )


def _unused(loaded: Loaded) -> None:
    """Warnings: a source nothing cites; a dispute no question asks about."""
    cited = Counter(e.source for q in loaded.questions for e in q.item.evidence)
    cited.update(p.source for d in loaded.disputes for p in d.item.position)
    for source in loaded.sources:
        if not cited[source.item.id]:
            loaded.log.add(
                source.file,
                (*source.path, "id"),
                "no question or dispute cites this source",
                subject=_subject(source),
                severity="warning",
            )
    asked = {q.item.dispute for q in loaded.questions}
    for dispute in loaded.disputes:
        if dispute.item.id not in asked:
            loaded.log.add(
                dispute.file,
                (*dispute.path, "id"),
                "no question asks about this dispute (set `dispute = ...` on one)",
                subject=_subject(dispute),
                severity="warning",
            )
