"""The bank as an Anki package (`.apkg`), written with genanki (File → Import in Anki).

One deck per topic under one parent deck, "CSTO quiz"; one note type, "CSTO
quiz question", whose fields hold the prompt, the choices, the answer, the
explanation (with the teacher's advice on particular answers), the evidence
(each passage with its article's title, outlet and date), the dispute (its
positions side by side) and the question's id. A note's GUID comes from its
question's id, and the note type and the decks have fixed ids, so importing a
later export updates the notes already there instead of adding copies. Tags:
`topic::...`, `type::...`, `source::...` and `dispute`.

Fields are HTML: content text is escaped, so a prompt holding `<b>` shows `<b>`.
This is the only module that imports genanki (the `anki` extra).
"""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path
from typing import IO

import genanki

from quiz.content.bank import Bank
from quiz.content.text import clean_line
from quiz.engine.answers import expected_text
from quiz.engine.playable import Playable
from quiz.export import (
    DECK_NAME,
    Selection,
    Summary,
    advice_html,
    by_topic,
    dispute_html,
    evidence_html,
    summary_for,
    tags,
    text_html,
    unit_html,
    write_atomically,
)

FORMAT_NAME = "Anki package"

# Fixed for good: a new id would give the notes a second note type on import.
MODEL_ID = 1_574_092_388
FIELDS = ("Prompt", "Choices", "Answer", "Explanation", "Evidence", "Dispute", "Id")

_FRONT = """\
<div class="prompt">{{Prompt}}</div>
{{#Choices}}<div class="choices">{{Choices}}</div>{{/Choices}}
"""
_BACK = """\
{{FrontSide}}
<hr id="answer">
<div class="answer">{{Answer}}</div>
<div class="explanation">{{Explanation}}</div>
{{#Evidence}}<h4>Evidence</h4><div class="evidence">{{Evidence}}</div>{{/Evidence}}
{{#Dispute}}<h4>Where the sources disagree</h4><div class="dispute">{{Dispute}}</div>{{/Dispute}}
<div class="id">{{Id}}</div>
"""
_CSS = """\
.card { font-family: sans-serif; font-size: 18px; text-align: left; max-width: 46em; margin: auto; }
.answer { font-weight: bold; margin: 0.5em 0; }
.evidence, .dispute, .hint { font-size: 16px; }
.dispute table { border-collapse: collapse; }
.dispute td, .dispute th { border: 1px solid #999; padding: 0.3em; vertical-align: top; }
.id { color: #888; font-size: 12px; margin-top: 1em; }
"""

MODEL = genanki.Model(
    MODEL_ID,
    f"{DECK_NAME} question",
    fields=[{"name": name} for name in FIELDS],
    templates=[{"name": "Question", "qfmt": _FRONT, "afmt": _BACK}],
    css=_CSS,
)


def deck_id(name: str) -> int:
    """A deck's id, from its name: the same every export, and inside the range Anki uses."""
    digest = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big")
    return (1 << 30) + digest % (1 << 30)


def deck_name(topic: str) -> str:
    return f"{DECK_NAME}::{clean_line(topic)}"


def note_guid(question_id: str) -> str:
    """The note's GUID: from the question's id alone, so a later export updates the same note."""
    return str(genanki.guid_for("csto-quiz", question_id))


def note_fields(playable: Playable, bank: Bank) -> list[str]:
    """The note's fields, in the order of FIELDS, as HTML."""
    explanation = f"<p>{text_html(playable.explanation)}</p>{advice_html(playable)}"
    return [
        text_html(playable.prompt),
        choices_html(playable),
        answer_html(playable),
        explanation,
        evidence_html(bank, playable),
        dispute_html(bank, playable),
        text_html(playable.id),
    ]


def note_tags(playable: Playable) -> list[str]:
    found = [f"topic::{playable.topic}", f"type::{playable.type}"]
    found += [tag if tag == "dispute" else f"source::{tag}" for tag in tags(playable)]
    return ["_".join(clean_line(tag).split()) for tag in found]  # a tag has no spaces


def _items(texts: tuple[str, ...] | list[str], tag: str = "ul") -> str:
    return f"<{tag}>{''.join(f'<li>{text_html(t)}</li>' for t in texts)}</{tag}>"


def choices_html(playable: Playable) -> str:
    """What the front shows besides the prompt."""
    kind = playable.type
    if kind == "choice":
        return _items(playable.choices)
    if kind == "multi":
        return f'<p class="hint">Every right choice:</p>{_items(playable.choices)}'
    if kind == "truefalse":
        return '<p class="hint">True or false?</p>'
    if kind == "number":
        return f'<p class="hint">{unit_html(playable)}</p>'
    if kind == "order":
        return f'<p class="hint">Put in order:</p>{_items(playable.items)}'
    if kind == "match":
        return f'<p class="hint">Match</p>{_items(playable.lefts)}<p class="hint">with</p>{_items(playable.rights)}'
    return ""  # pragma: no cover - every type is above


def answer_html(playable: Playable) -> str:
    key = playable.answer
    if playable.type == "multi" and isinstance(key, frozenset):
        return _items([c for c in playable.choices if c in key])
    if playable.type == "order" and isinstance(key, tuple):
        return _items(key, "ol")
    if playable.type == "match" and isinstance(key, dict):
        return "<ul>" + "".join(f"<li>{text_html(a)} → {text_html(b)}</li>" for a, b in key.items()) + "</ul>"
    return text_html(expected_text(playable))


def package(selection: Selection, bank: Bank) -> genanki.Package:
    decks = [genanki.Deck(deck_id(DECK_NAME), DECK_NAME)]
    for topic, questions in by_topic(selection.questions).items():
        name = deck_name(topic)
        deck = genanki.Deck(deck_id(name), name)
        for playable in questions:
            deck.add_note(
                genanki.Note(
                    model=MODEL,
                    fields=note_fields(playable, bank),
                    tags=note_tags(playable),
                    guid=note_guid(playable.id),
                )
            )
        decks.append(deck)
    return genanki.Package(decks)


def write_apkg(selection: Selection, bank: Bank, path: Path, *, timestamp: float | None = None) -> None:
    """Write the package to `path`. `timestamp` dates the notes (default: now); Anki updates a
    note on import only from a newer package. Raises OSError when `path` cannot be written."""
    stamp = time.time() if timestamp is None else timestamp
    with tempfile.TemporaryDirectory(prefix="quiz-export-") as folder:
        # genanki's own write_to_file leaves its database in the temporary folder; this does not.
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            package(selection, bank).write_to_db(
                connection.cursor(), stamp, itertools.count(int(stamp * 1000))
            )
            connection.commit()
        finally:
            connection.close()

        def write(handle: IO[bytes]) -> None:
            with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.write(database, "collection.anki2")
                archive.writestr("media", "{}")

        write_atomically(path, write)


def summary(selection: Selection, target: str) -> Summary:
    decks = len(by_topic(selection.questions))
    return summary_for(
        selection, FORMAT_NAME, target, [f"decks: {DECK_NAME} and {decks} topic decks under it"]
    )
