"""Passages the bank quotes in its own voice, checked like evidence quotes.

Explanations, feedback, dispute claims and explanations, and campaign text
often quote an article inside a sentence: AFP calls the CSTO a "mini-NATO".
A passage in double quotes (straight or curly) is taken as an article's words
and must be found, with the folding of evidence quotes, in one of the articles
that question, dispute or scene cites. Single quotes are the bank's own: a
term mentioned, a speaker in the story, a choice's text, a translation.

Two liberties of ordinary quoting are allowed: a final comma or full stop
inside the quotes (`"far behind,"`), and an ellipsis (`...`, `…` or `[...]`)
for left-out words, each part then found in order in one article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from quiz.content.loaded import Loaded
from quiz.content.locate import TomlPath
from quiz.content.passages import Article, fold

_DOUBLE_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'})
_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\s*){3}\]|\.\s*\.\s*\.|…)\s*")
_TRAILING = ",.;:"


def quoted_passages(text: str) -> tuple[list[str], bool]:
    """The passages in double quotes, and whether a quote was left open."""
    parts = text.translate(_DOUBLE_QUOTES).split('"')
    return [p for p in parts[1::2]], len(parts) % 2 == 0


def _unified(text: str) -> str:
    """Folded, with double and single quotes alike: quotes inside a quoted
    passage are written single, as typography asks, where the article has double."""
    return fold(text).replace('"', "'")


def _in_order(folded: str, pieces: list[str]) -> bool:
    """Every piece found in the folded text, each after the one before."""
    at = 0
    for piece in pieces:
        needle = _unified(piece)
        found = folded.find(needle, at)
        if found < 0:
            return False
        at = found + len(needle)
    return True


def passage_found(passage: str, articles: Iterable[Article]) -> bool:
    """Whether an article holds the passage, as written or with the liberties allowed."""
    candidates = [passage, passage.rstrip().rstrip(_TRAILING)]
    for article in articles:
        if any(c.strip() and article.contains(c) for c in candidates):
            return True
        folded = _unified(article.folded_text())
        for candidate in candidates:
            pieces = [p for p in _ELLIPSIS.split(candidate) if p.strip()]
            if pieces and _in_order(folded, pieces):
                return True
    return False


def _problems(text: str, articles: Mapping[str, Article], cited: Iterable[str]) -> list[str]:
    passages, left_open = quoted_passages(text)
    chosen = [articles[s] for s in dict.fromkeys(cited) if s in articles]
    names = ", ".join(repr(s) for s in dict.fromkeys(cited) if s in articles) or "no article"
    messages = []
    for passage in passages:
        if not passage.strip() or passage_found(passage, chosen):
            continue
        message = f"quoted passage {_short(passage)} is not in the articles cited here ({names})"
        hint = next((h for a in chosen if (h := a.closest(passage))), None)
        if hint:
            message += f"; closest passage: {hint!r}"
        message += "; for words that are not an article's, use single quotes"
        messages.append(message)
    if left_open:
        messages.append("a double quote is opened and never closed")
    return messages


def _short(passage: str) -> str:
    text = fold(passage)
    return repr(text if len(text) <= 80 else text[:77] + "...")


class _Checker:
    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.disputes: dict[str, list[str]] = {}
        for table in loaded.raw:
            if table.kind == "dispute" and table.id:
                self.disputes[table.id] = _sources(table.data.get("position"))

    def text(self, file: Path, path: TomlPath, value: object, cited: list[str], subject: str | None) -> None:
        if not isinstance(value, str) or '"' not in value.translate(_DOUBLE_QUOTES):
            return
        for message in _problems(value, self.loaded.articles, cited):
            self.loaded.log.add(file, path, message, subject=subject)

    def question(self, data: Mapping[str, Any], file: Path, path: TomlPath, subject: str | None) -> None:
        cited = _sources(data.get("evidence"))
        dispute = data.get("dispute")
        if isinstance(dispute, str):
            cited += self.disputes.get(dispute, [])
        self.text(file, (*path, "explanation"), data.get("explanation"), cited, subject)
        feedback = data.get("feedback")
        if isinstance(feedback, Mapping):
            for key, value in feedback.items():
                self.text(file, (*path, "feedback", key), value, cited, subject)

    def dispute(self, data: Mapping[str, Any], file: Path, path: TomlPath, subject: str | None) -> None:
        cited = _sources(data.get("position"))
        self.text(file, (*path, "explanation"), data.get("explanation"), cited, subject)
        positions = data.get("position")
        for index, position in enumerate(positions if isinstance(positions, list) else []):
            if isinstance(position, Mapping):
                own = _sources([position])
                self.text(file, (*path, "position", index, "claim"), position.get("claim"), own, subject)

    def campaign(self, data: Mapping[str, Any], file: Path) -> None:
        self.text(file, ("intro",), data.get("intro"), [], "campaign")
        for index, ending in enumerate(_tables(data.get("ending"))):
            self.text(file, ("ending", index, "text"), ending.get("text"), [], "campaign")
        for index, scene in enumerate(_tables(data.get("scene"))):
            path: TomlPath = ("scene", index)
            subject = f"scene {scene.get('id')!r}"
            cited = _sources(scene.get("evidence"))
            self.text(file, (*path, "text"), scene.get("text"), cited, subject)
            for at, evidence in enumerate(_tables(scene.get("evidence"))):
                self.text(file, (*path, "evidence", at, "note"), evidence.get("note"), cited, subject)
            contradiction = scene.get("contradiction")
            if isinstance(contradiction, Mapping):
                dispute = contradiction.get("dispute")
                also = self.disputes.get(dispute, []) if isinstance(dispute, str) else []
                where = (*path, "contradiction")
                self.text(file, (*where, "prompt"), contradiction.get("prompt"), cited + also, subject)
                self.text(file, (*where, "answer"), contradiction.get("answer"), cited + also, subject)
                reasons = contradiction.get("reasons")
                for at, reason in enumerate(reasons if isinstance(reasons, list) else []):
                    self.text(file, (*where, "reasons", at), reason, cited + also, subject)


def _tables(value: object) -> list[Mapping[str, Any]]:
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def _sources(passages: object) -> list[str]:
    return [p["source"] for p in _tables(passages) if isinstance(p.get("source"), str)]


def check_quoted(loaded: Loaded) -> None:
    """Every passage quoted in the bank's own voice is found in an article cited beside it."""
    checker = _Checker(loaded)
    for table in loaded.raw:
        subject = f"{table.kind} {table.id!r}" if table.id else None
        if table.kind == "question":
            checker.question(table.data, table.file, table.path, subject)
        elif table.kind == "dispute":
            checker.dispute(table.data, table.file, table.path, subject)
    for campaign in loaded.campaigns:
        checker.campaign(campaign.data, campaign.file)
