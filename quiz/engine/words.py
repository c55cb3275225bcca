"""The game's own words, for both faces: modes, disputes, marks, sources, dates, counts.

The plain face and the TUI say the same things in the same words; each takes
them from here rather than keeping a copy. Nothing here is markup: the TUI
styles these words itself. Importing this module costs nothing (the home
screen, painted before anything is loaded, uses it): the marks come from
`quiz.engine.scoring` only when asked for.
"""

from __future__ import annotations

import datetime

MODE_TITLES: dict[str, str] = {
    "quick": "Quick round",
    "drill": "Topic drill",
    "disputes": "Where sources disagree",
    "review": "Review my mistakes",
    "campaign": "Campaign",
    "due": "Due for review",
}
MODE_BLURBS: dict[str, str] = {
    "quick": "mixed questions from the whole bank",
    "drill": "questions on one topic",
    "disputes": "the questions about disputes",
    "review": "questions you got wrong before",
    "campaign": "the Kazakhstan briefing: a text adventure through the reports",
    "due": "spaced review: what is due today, then new questions",
}

DISPUTE_KINDS: dict[str, str] = {
    "fact": "a disagreement over facts",
    "interpretation": "a disagreement of interpretation",
    "internal": "a source at odds with itself",
}

CERTAINTY_LEVELS: tuple[tuple[int, str], ...] = ((1, "Not sure"), (2, "Fairly sure"), (3, "Sure"))
"""Certainty-based marking's levels, as a player chooses them."""

NOT_STATED = "not stated"  # what sources.toml says when an article names no outlet


def signed(number: int) -> str:
    """``+3``, ``0``, ``−6`` (a minus sign, not a hyphen)."""
    return f"+{number}" if number > 0 else f"−{-number}" if number < 0 else "0"


def marks(level: int, *, width: int = 0) -> str:
    """``+3 if right, −6 if wrong``: what a certainty level stands to win or lose."""
    from quiz.engine.scoring import RIGHT_MARKS, WRONG_MARKS

    right, wrong = signed(RIGHT_MARKS[level]), signed(WRONG_MARKS[level])
    return f"{right:>{width}} if right, {wrong:>{width}} if wrong"


def marks_table() -> str:
    """``Right: +1 / +2 / +3.  Wrong: 0 / −2 / −6.``"""
    from quiz.engine.scoring import RIGHT_MARKS, WRONG_MARKS

    levels = [level for level, _ in CERTAINTY_LEVELS]
    right = " / ".join(signed(RIGHT_MARKS[level]) for level in levels)
    wrong = " / ".join(signed(WRONG_MARKS[level]) for level in levels)
    return f"Right: {right}.  Wrong: {wrong}."


def long_date(date: datetime.date) -> str:
    """``7 January 2022``: an article's or a scene's date, never today's."""
    return f"{date.day} {date:%B %Y}"


def percent(share: float) -> str:
    """``67%`` for two thirds."""
    return f"{round(share * 100)}%"


def plural(count: int, word: str, words: str | None = None) -> str:
    """``1 question``, ``2 questions``; ``words`` where adding an s will not do."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def who_wrote(author: str | None, outlet: str) -> str | None:
    """The author, else the outlet; None when the article names neither."""
    return author or (outlet if outlet != NOT_STATED else None)


def topic_name(slug: str) -> str:
    """``reading-sources`` → ``Reading sources``: a topic as players read it."""
    words = slug.replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def byline(author: str | None, outlet: str, date: str) -> str:
    """``Andrea Gaspardo · 26 January 2022``: who wrote an article (when known), then when."""
    parts = [author] if author else []
    if outlet != NOT_STATED:
        parts.append(outlet)
    who = ", ".join(parts) if parts else "Outlet not named"
    return f"{who} · {date}"


def source_name(title: str, author: str | None, outlet: str) -> str:
    """``AFP: “Title”``: an article in a list, told apart from another copy of it."""
    who = who_wrote(author, outlet)
    return f"{who}: “{title}”" if who else f"“{title}”"


def source_label(title: str, author: str | None, outlet: str, date: datetime.date) -> str:
    """How an article is named in a line of text: ``“Title” (AFP, 7 January 2022)``."""
    who = who_wrote(author, outlet)
    return f"“{title}” ({who}, {long_date(date)})" if who else f"“{title}” ({long_date(date)})"


def replay_hint(seed: int | None, mode: str) -> str | None:
    """How a teacher gives a class this round again, or None where a round follows the history."""
    if seed is None or mode in {"review", "due", "campaign"}:
        return None
    return f"Seed {seed}: `--seed {seed}` with the same size, mode and filters gives this round again."
