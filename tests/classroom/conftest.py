"""The engine tests' bank and stores, for the classroom tests."""

from tests.engine.conftest import bank, content_dir, data_dir, store

__all__ = ["bank", "content_dir", "data_dir", "store"]
