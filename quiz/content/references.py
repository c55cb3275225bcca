"""Facts from outside the five articles, each with its reference.

The articles are the evidence; anything else the bank tells a player (a date
the articles get wrong, who a named person was) is an outside fact. It is not
written as free text in an explanation but as an entry of the question's or
dispute's `outside` list, naming a `[[reference]]` of `seeds/references.toml`,
so the game can show it apart from the evidence, labelled, with its source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from quiz.content.loaded import Entry, Loaded
from quiz.content.models import OutsideFact, Reference
from quiz.content.problems import did_you_mean

if TYPE_CHECKING:  # the bank's loader checks references: a type, not an import
    from quiz.content.bank import Bank

OUTSIDE_LABEL = "Outside the articles"
# The free-text form this replaces: "Outside these articles: ...".
_FREE_TEXT = re.compile(r"\boutside (?:these|the) (?:five )?articles\b", re.IGNORECASE)


def check_references(loaded: Loaded) -> None:
    """Known references, used references, unique ids, and no outside fact as free text."""
    known: dict[str, Entry[Reference]] = {}
    for entry in loaded.references:
        if entry.item.id in known:
            earlier = known[entry.item.id]
            loaded.log.add(
                entry.file,
                (*entry.path, "id"),
                f"duplicate id {entry.item.id!r}",
                subject=f"reference {entry.item.id!r}",
                related=(earlier.file, (*earlier.path, "id")),
            )
        else:
            known[entry.item.id] = entry
    used: set[str] = set()
    tables: list[Entry[Any]] = [*loaded.questions, *loaded.disputes]
    for table in tables:
        subject = f"{table.path[0]} {table.item.id!r}"
        for index, outside in enumerate(table.item.outside):
            used.add(outside.reference)
            if outside.reference not in known:
                loaded.log.add(
                    table.file,
                    (*table.path, "outside", index, "reference"),
                    f"unknown reference {outside.reference!r}{did_you_mean(outside.reference, known)}"
                    " (references are [[reference]] tables in seeds/references.toml)",
                    subject=subject,
                )
        for path, text in _own_texts(table):
            if _FREE_TEXT.search(text):
                loaded.log.add(
                    table.file,
                    (*table.path, *path),
                    "an outside fact is written as free text; write it as"
                    ' outside = [{ reference = "<id>", fact = "..." }]',
                    subject=subject,
                )
    # A bank that cites no reference at all uses the seeds for their articles
    # only (a teacher's pack beside the bundled seeds): no warning for each.
    for reference_id, entry in known.items():
        if used and reference_id not in used:
            loaded.log.add(
                entry.file,
                (*entry.path, "id"),
                "no question or dispute cites this reference",
                subject=f"reference {reference_id!r}",
                severity="warning",
            )


def _own_texts(table: Entry[Any]) -> Iterable[tuple[tuple[str | int, ...], str]]:
    item = table.item
    yield ("explanation",), item.explanation
    for key, text in getattr(item, "feedback", {}).items():
        yield ("feedback", key), text
    for index, position in enumerate(getattr(item, "position", [])):
        yield ("position", index, "claim"), position.claim


def describe_reference(reference: Reference) -> str:
    """`title, publisher, date`, as the game prints a reference."""
    return f"{reference.title}, {reference.publisher}, {reference.date}"


def outside_facts(bank: Bank, question_id: str, dispute_id: str | None) -> list[str]:
    """The outside facts of a question and of its dispute, each with its reference, as lines.

    Generated questions have no entry of their own: their dispute's facts are shown.
    """
    facts: list[OutsideFact] = []
    if bank.has_question(question_id):
        facts += bank.question(question_id).outside
    if dispute_id is not None and bank.has_dispute(dispute_id):
        facts += [f for f in bank.dispute(dispute_id).outside if f not in facts]
    lines = []
    for fact in facts:
        reference = bank.references.get(fact.reference)
        where = f" ({describe_reference(reference)})" if reference is not None else ""
        lines.append(f"{fact.fact}{where}")
    return lines
