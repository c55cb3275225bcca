"""The store a command's options name: `--db` or `QUIZ_DB`, else the data folder."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.engine.store import Store


def store_from_args(args: argparse.Namespace, *, create: bool = True) -> Store:
    """Open it; raises `StoreUnreachable` (the entry point says it in one line) for a server that is away."""
    from quiz.engine.store import open_store
    from quiz.paths import data_dir, store_url

    return open_store(
        store_url(getattr(args, "db", None)), data_dir(getattr(args, "data_dir", None)), create=create
    )
