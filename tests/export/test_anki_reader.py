"""The Anki export, imported by Anki's own library (the `anki` package) into a fresh collection.

The package must give one note per question, one deck per topic under the
parent deck, fields that read back as the bank wrote them (HTML-escaped, so
Anki's own HTML stripping gives back the text), and a second export must
update the same notes rather than add copies.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quiz.content.bank import Bank
from quiz.engine.generated import generated_refs
from quiz.engine.spec import RoundSpec
from quiz.export import select
from tests.export.banks import SPECIAL_PROMPT

pytest.importorskip(
    "genanki", reason="genanki, which writes .apkg packages, is not installed: pip install -e '.[test]'"
)
collection_module = pytest.importorskip(
    "anki.collection",
    reason="the anki package, the independent .apkg reader, is not installed: pip install -e '.[test]'",
)
import_export = pytest.importorskip("anki.import_export_pb2")
anki_utils = pytest.importorskip("anki.utils")
anki_lang = pytest.importorskip("anki.lang")

from quiz.export import anki as anki_export  # noqa: E402 - after the skip: it imports genanki


def write(bank: Bank, path: Path, *, timestamp: float, include_generated: bool = True) -> Path:
    selection = select(bank, RoundSpec(), include_generated=include_generated)
    anki_export.write_apkg(selection, bank, path, timestamp=timestamp)
    return path


def import_into(collection: Any, package: Path) -> Any:
    request = import_export.ImportAnkiPackageRequest(
        package_path=str(package), options=import_export.ImportAnkiPackageOptions()
    )
    return collection.import_anki_package(request).log


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Any]:
    opened = collection_module.Collection(str(tmp_path / "collection.anki2"))
    # Anki's HTML-to-text runs in the backend of an open collection, which the
    # desktop app hands to `anki.lang` in the same way.
    before, anki_lang.current_i18n = anki_lang.current_i18n, opened._backend
    yield opened
    anki_lang.current_i18n = before
    opened.close()


def notes_by_id(collection: Any) -> dict[str, Any]:
    notes = [collection.get_note(nid) for nid in collection.find_notes("")]
    return {note["Id"]: note for note in notes}


def text(field: str) -> str:
    """A field as Anki shows it on one line, by Anki's own HTML stripping."""
    return anki_utils.html_to_text_line(field)


def test_the_bank_imports_as_one_note_per_question_in_a_deck_per_topic(
    real_bank: Bank, collection: Any, tmp_path: Path
) -> None:
    log = import_into(collection, write(real_bank, tmp_path / "bank.apkg", timestamp=1_700_000_000))
    expected = len(real_bank.questions) + len(generated_refs(real_bank))
    assert len(log.new) == expected
    assert collection.note_count() == expected

    topics = {q.topic for q in real_bank.questions} | {d.topic for d in real_bank.disputes}
    decks = {d.name for d in collection.decks.all_names_and_ids()}
    assert decks == {"Default", "CSTO quiz", *(f"CSTO quiz::{t}" for t in topics)}

    notes = notes_by_id(collection)
    model = collection.models.by_name("CSTO quiz question")
    assert model is not None
    assert [f["name"] for f in model["flds"]] == list(anki_export.FIELDS)
    for question in real_bank.questions:
        note = notes[question.id]
        assert text(note["Prompt"]) == " ".join(question.prompt.split())
        card = note.cards()[0]
        assert collection.decks.name(card.did) == f"CSTO quiz::{question.topic}"
        assert f"topic::{question.topic}" in note.tags
        assert f"type::{question.type}" in note.tags
        for passage in question.evidence:
            assert f"source::{passage.source}" in note.tags
        assert ("dispute" in note.tags) == (question.dispute is not None)


def test_fields_read_back_as_the_bank_wrote_them(real_bank: Bank, collection: Any, tmp_path: Path) -> None:
    import_into(collection, write(real_bank, tmp_path / "bank.apkg", timestamp=1_700_000_000))
    notes = notes_by_id(collection)

    choice = next(q for q in real_bank.questions if q.type == "choice" and q.dispute)
    note = notes[choice.id]
    assert text(note["Answer"]) == choice.answer
    for option in choice.choices:
        assert text(option) in text(note["Choices"])
    assert choice.explanation in text(note["Explanation"])
    for passage in choice.evidence:
        source = real_bank.sources[passage.source]
        assert " ".join(passage.quote.split()) in text(note["Evidence"])
        assert source.title in text(note["Evidence"])
        assert f"{source.date.day} {source.date:%B %Y}" in text(note["Evidence"])
    assert choice.dispute is not None
    dispute = real_bank.dispute(choice.dispute)
    assert dispute.title in text(note["Dispute"])
    for position in dispute.position:
        assert position.claim in text(note["Dispute"])

    number = next(q for q in real_bank.questions if q.type == "number")
    assert text(notes[number.id]["Answer"]).startswith(str(number.answer))
    assert notes[number.id]["Dispute"] == ""

    order = next(q for q in real_bank.questions if q.type == "order")
    answer = text(notes[order.id]["Answer"])
    places = [answer.index(item) for item in order.items]
    assert places == sorted(places), "the items in their right order"

    multi = next(q for q in real_bank.questions if q.type == "multi")
    answer = text(notes[multi.id]["Answer"])
    assert all(right in answer for right in multi.answer)
    assert notes[multi.id]["Answer"].count("<li>") == len(multi.answer)

    match = next(q for q in real_bank.questions if q.type == "match")
    answer = text(notes[match.id]["Answer"])
    assert all(f"{p.left} → {p.right}" in answer for p in match.pairs)


def test_markup_and_control_characters_come_through_as_text(
    tricky_bank: Bank, collection: Any, tmp_path: Path
) -> None:
    import_into(collection, write(tricky_bank, tmp_path / "tricky.apkg", timestamp=1_700_000_000))
    notes = notes_by_id(collection)
    special = notes["gift-specials"]
    assert "<b>" not in special["Prompt"]
    assert text(special["Prompt"]) == SPECIAL_PROMPT
    assert "<script>" not in special["Explanation"]
    assert "<script>alert(1)</script>" in text(special["Explanation"])
    escaped = notes["escape-sequences"]
    for name in anki_export.FIELDS:
        assert "\x1b" not in escaped[name] and "\x07" not in escaped[name]
    assert text(escaped["Prompt"]) == "An escape  and a bell never reach the file."


def test_a_second_export_updates_the_same_notes(tricky_bank: Bank, collection: Any, tmp_path: Path) -> None:
    first = import_into(collection, write(tricky_bank, tmp_path / "first.apkg", timestamp=1_700_000_000))
    ids = {note["Id"]: note.id for note in notes_by_id(collection).values()}
    assert len(first.new) == len(ids)

    # The teacher corrects an explanation and exports again, later.
    edited = tricky_bank.question("peak")
    questions = [
        q.model_copy(update={"explanation": "Nine, at the peak."}) if q is edited else q
        for q in tricky_bank.questions
    ]
    corrected = Bank(questions, tricky_bank.disputes, tricky_bank.sources, tricky_bank.articles)
    second = import_into(collection, write(corrected, tmp_path / "second.apkg", timestamp=1_700_000_100))

    assert len(second.new) == 0
    assert len(second.updated) == len(ids)
    assert collection.note_count() == len(ids)
    after = notes_by_id(collection)
    assert {qid: note.id for qid, note in after.items()} == ids
    assert text(after["peak"]["Explanation"]) == "Nine, at the peak."
    topics = {q.topic for q in tricky_bank.questions} | {d.topic for d in tricky_bank.disputes}
    assert len(collection.decks.all_names_and_ids()) == 2 + len(topics)  # Default and the parent, once


def test_the_guid_depends_on_the_question_id_alone() -> None:
    assert anki_export.note_guid("peak") == anki_export.note_guid("peak")
    assert anki_export.note_guid("peak") != anki_export.note_guid("steps")
    assert anki_export.deck_id("CSTO quiz::numbers") == anki_export.deck_id("CSTO quiz::numbers")
