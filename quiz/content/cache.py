"""The checked bank, kept between starts so that an unchanged bank is not checked again.

Loading parses every TOML file, validates it and runs every check of meaning;
the game does that on every start although the bank rarely changes. After a
clean load (no errors), the bank is written to the player's cache folder,
keyed by the contents of every file it was read from (the TOML files and the
articles) and by the code that read and checked them. The next start reads it
back if all of those are unchanged; anything else rebuilds it.

The cache is JSON, not pickle: reading it runs no code, only rebuilds the
content models named in `_MODELS`, each with exactly its own fields. Every
object in the file is tagged (`$m` a model, `$d` a date, `$o` a mapping
written as pairs), so a teacher's text can never pass for a tag. A digest of
the payload catches a truncated or damaged file, and the folder is treated as
the user's own: it is made private, and a file another user owns, or one
others may write, is ignored. Nothing read from it is trusted: whatever does
not fit is a miss, and the bank is loaded and checked from its files.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from quiz.content import models
from quiz.content.bank import SOURCES_FILE, Bank, LoadResult, collector_paused, content_files, load_bank
from quiz.content.campaign import models as campaign_models
from quiz.content.passages import Article

MAGIC = b"csto-quiz checked bank 1\n"
_CODE_DIR = Path(__file__).resolve().parent  # quiz/content: the reading and the checks

_MODELS: dict[str, type[BaseModel]] = {
    model.__name__: model
    for module in (models, campaign_models)
    for model in vars(module).values()
    if isinstance(model, type) and issubclass(model, models.ContentModel) and model is not models.ContentModel
}


class Damaged(ValueError):
    """The cache does not hold what this code would have written."""


def load_checked(content_dir: Path, seeds_dir: Path, cache_dir: Path | None) -> LoadResult:
    """`load_bank`, read from `cache_dir` when nothing it was read from has changed.

    A bank with errors is never kept. A bank read back brings no problems with it:
    it had no errors, and its warnings are for `quiz check`, which never uses the cache.
    Without `cache_dir`, this is `load_bank`.
    """
    if cache_dir is None:
        return load_bank(content_dir, seeds_dir)
    path = cache_dir / f"bank-{_folder_key(content_dir, seeds_dir)}.json"
    files = [seeds_dir / SOURCES_FILE, *content_files(content_dir)]
    bank = _read(path, files)
    if bank is not None:
        return LoadResult(bank, [], files)
    result = load_bank(content_dir, seeds_dir)
    if result.ok:
        articles = [seeds_dir / source.file for source in result.bank.sources.values()]
        _write(path, result.bank, files, articles)
    return result


# --- keys -------------------------------------------------------------------


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _folder_key(content_dir: Path, seeds_dir: Path) -> str:
    """One cache file per pair of folders: a teacher's pack does not evict the bundled bank."""
    return _digest(f"{content_dir.resolve()}\n{seeds_dir.resolve()}".encode())[:24]


def code_version() -> str:
    """A digest of the code that reads and checks a bank: a change there rebuilds the cache."""
    digest = hashlib.sha256(MAGIC)
    for path in sorted(_CODE_DIR.rglob("*.py")):
        digest.update(path.relative_to(_CODE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _names(files: Iterable[Path]) -> list[str]:
    return [str(path.resolve()) for path in files]


def _inputs(names: Iterable[str]) -> list[list[str]]:
    """Each file the bank was read from, with a digest of its contents."""
    return [[name, _digest(Path(name).read_bytes())] for name in dict.fromkeys(names)]


# --- reading ----------------------------------------------------------------


def _read(path: Path, files: list[Path]) -> Bank | None:
    """The cached bank, if it is there, whole, ours, and made from these very files."""
    try:
        if not _owned_by_user(path):
            return None
        data = path.read_bytes()
        magic, digest, header, body = data.split(b"\n", 3)
        if magic + b"\n" != MAGIC or digest.decode() != _digest(header + b"\n" + body):
            return None
        code, tables, inputs = json.loads(header)
        # The same code, the same TOML files (none added, none gone), and every
        # file it was read from, articles included, unchanged.
        if code != code_version() or tables != _names(files):
            return None
        if _inputs(name for name, _ in inputs) != inputs:
            return None
        with collector_paused():
            return _bank(json.loads(body, object_hook=_decode))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        # Missing, unreadable, truncated, not ours: load the bank from its files.
        return None


def _owned_by_user(path: Path) -> bool:
    """The file belongs to this user and nobody else may write it."""
    status = path.stat()
    if not hasattr(os, "getuid"):
        return True  # Windows: the folder is in the user's own profile
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def _decode(obj: dict[str, Any]) -> Any:
    keys = obj.keys()
    if keys == {"$m", "f", "s"}:
        model = _MODELS[obj["$m"]]
        fields = dict(obj["f"])
        if fields.keys() != model.model_fields.keys():
            raise Damaged(f"{obj['$m']}: other fields than the code's")
        return model.model_construct(_fields_set=set(obj["s"]), **fields)
    if keys == {"$d"}:
        return datetime.date.fromisoformat(obj["$d"])
    if keys == {"$o"}:
        return dict(obj["$o"])
    raise Damaged(f"an untagged object: {sorted(keys)}")


def _bank(data: Any) -> Bank:
    if not isinstance(data, dict) or data.keys() != {
        "questions",
        "disputes",
        "sources",
        "articles",
        "campaigns",
    }:
        raise Damaged("not a bank")
    return Bank(
        questions=list(data["questions"]),
        disputes=list(data["disputes"]),
        sources=dict(data["sources"]),
        articles={key: Article(text) for key, text in data["articles"].items()},
        campaigns=dict(data["campaigns"]),
    )


# --- writing ----------------------------------------------------------------


def _encode(value: Any) -> Any:
    if isinstance(value, BaseModel):
        fields = [[name, _encode(getattr(value, name))] for name in type(value).model_fields]
        return {"$m": type(value).__name__, "f": fields, "s": sorted(value.model_fields_set)}
    if isinstance(value, dict):
        return {"$o": [[key, _encode(item)] for key, item in value.items()]}
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    if isinstance(value, datetime.date):
        return {"$d": value.isoformat()}
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"cannot keep {type(value).__name__} in the cache")


def _write(path: Path, bank: Bank, files: list[Path], articles: list[Path]) -> None:
    """Keep the bank for the next start; a cache that cannot be written is no loss."""
    contents = {
        "questions": bank.questions,
        "disputes": bank.disputes,
        "sources": bank.sources,
        "articles": {key: article.text for key, article in bank.articles.items()},
        "campaigns": bank.campaigns,
    }
    body = json.dumps(_encode(contents), ensure_ascii=False, separators=(",", ":")).encode()
    try:
        names = _names(files)
        header = json.dumps([code_version(), names, _inputs([*names, *_names(articles)])]).encode()
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".bank-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC + _digest(header + b"\n" + body).encode() + b"\n" + header + b"\n" + body)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass
