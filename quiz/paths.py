"""Where the game finds its content, its articles and the player's data.

Content and articles: `content/` and `seeds/` in the current folder when they
are there (a checkout, or a teacher's own pack), else the copies bundled in the
package, so that an installed `quiz` works from any folder.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled(name: str) -> Path:
    """The bundled copy of `content` or `seeds`.

    A wheel carries them in `quiz/_bundled/`; a source checkout (or an
    editable install) has them beside the package.
    """
    inside = _PACKAGE / "_bundled" / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def default_dir(name: str) -> Path:
    here = Path.cwd() / name
    return Path(name) if here.is_dir() else bundled(name)


def default_content_dir() -> Path:
    return default_dir("content")


def default_seeds_dir() -> Path:
    return default_dir("seeds")


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The player's data folder: `--data-dir`, else `QUIZ_DATA_DIR`, else the platform's."""
    if override:
        return Path(override)
    env = os.environ.get("QUIZ_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("csto-quiz", appauthor=False)


def store_url(override: str | None = None) -> str | None:
    """The database progress is kept in, if not the data folder's file: `--db`, else `QUIZ_DB`."""
    return override or os.environ.get("QUIZ_DB") or None


def cache_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Where the checked bank is kept between starts: `QUIZ_CACHE_DIR`, else the platform's."""
    if override:
        return Path(override)
    env = os.environ.get("QUIZ_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_path

    return user_cache_path("csto-quiz", appauthor=False)
