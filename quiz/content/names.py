"""What players call the things the store keeps by id: articles, campaigns, endings.

The progress store records ids (`afp-rewrite`, `inside-pages`); a player reads
titles. `quiz stats` never loads the bank, so this reads only the few tables it
needs, with the standard library's TOML reader and no validation. A file that is missing or cannot be read
gives no names, and the ids stand in: the stats must never fail on the bank.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quiz.content.text import clean_line

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True)
class SourceName:
    title: str
    author: str | None
    outlet: str


@dataclass
class Names:
    """Titles by id. `campaign` and `ending` fall back to the id itself."""

    sources: dict[str, SourceName] = field(default_factory=dict)
    campaigns: dict[str, str] = field(default_factory=dict)
    endings: dict[tuple[str, str], str] = field(default_factory=dict)

    def campaign(self, campaign_id: str) -> str:
        return self.campaigns.get(campaign_id, campaign_id)

    def ending(self, campaign_id: str, ending_id: str) -> str:
        return self.endings.get((campaign_id, ending_id), ending_id)


def _table(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


def _text(value: object) -> str | None:
    return clean_line(value).strip() or None if isinstance(value, str) else None


def read_names(content_dir: Path, seeds_dir: Path) -> Names:
    """The titles in `seeds_dir/sources.toml` and the campaign files of `content_dir`."""
    names = Names()
    for entry in _table(seeds_dir / "sources.toml").get("source", []):
        if not isinstance(entry, dict):
            continue
        source_id, title = _text(entry.get("id")), _text(entry.get("title"))
        if source_id and title:
            outlet = _text(entry.get("outlet")) or "not stated"
            names.sources[source_id] = SourceName(title, _text(entry.get("author")), outlet)
    files = [content_dir / "campaign.toml", *sorted(content_dir.glob("campaign-*.toml"))]
    for path in files:
        data = _table(path)
        campaign_id = path.stem
        if title := _text(data.get("title")):
            names.campaigns[campaign_id] = title
        for ending in data.get("ending", []):
            if not isinstance(ending, dict):
                continue
            ending_id, ending_title = _text(ending.get("id")), _text(ending.get("title"))
            if ending_id and ending_title:
                names.endings[campaign_id, ending_id] = ending_title
    return names
