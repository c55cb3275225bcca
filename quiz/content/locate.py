"""Where each key of a TOML file stands: line and column for a problem report.

Neither `tomli` nor `tomllib` reports where keys are, only where syntax fails.
`tomlkit` parses losslessly (its document renders back to the exact text), so
walking its tree in document order and finding each piece's text from a moving
cursor gives the position of every key, table header and array element.

This runs only when a file has problems to report: a clean bank never pays for
the second parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

PathPart = str | int
TomlPath = tuple[PathPart, ...]

_HEADER = re.compile(r"^[ \t]*\[\[?[ \t]*([A-Za-z0-9_.\-\" \t]+?)[ \t]*\]\]?", re.MULTILINE)


class Positions:
    """Line and column (1-based) of every key path in one TOML text."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._offsets: dict[TomlPath, int] = {}
        try:
            self._walk_document()
        except Exception:
            # A text tomli accepted but tomlkit cannot walk: fall back to the
            # table headers, which a plain scan finds reliably enough.
            self._offsets.clear()
            self._scan_headers()

    def of(self, path: TomlPath) -> tuple[int, int]:
        """The position of the longest known prefix of `path`.

        A missing key has no position of its own, so it points at the table
        that should hold it.
        """
        for end in range(len(path), 0, -1):
            offset = self._offsets.get(path[:end])
            if offset is not None:
                return self._line_col(offset)
        return (1, 1)

    def _line_col(self, offset: int) -> tuple[int, int]:
        lo, hi = 0, len(self._line_starts) - 1
        while lo < hi:  # the last line start at or before offset
            mid = (lo + hi + 1) // 2
            if self._line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, offset - self._line_starts[lo] + 1

    # --- walking tomlkit's tree -------------------------------------------

    def _walk_document(self) -> None:
        import tomlkit
        from tomlkit.items import AoT, Table

        self._AoT, self._Table = AoT, Table
        self._cursor = 0
        self._walk_body(tomlkit.parse(self._text).body, ())

    def _seek(self, piece: str) -> int:
        """Find `piece` at or after the cursor; move the cursor to it."""
        at = self._text.find(piece, self._cursor) if piece else -1
        if at >= 0:
            self._cursor = at
            return at
        return self._cursor

    def _skip(self, piece: str) -> None:
        at = self._seek(piece)
        self._cursor = at + len(piece)

    def _walk_body(self, body: Iterable[tuple[Any, Any]], path: TomlPath) -> None:
        for key, item in body:
            if key is None:  # white space and comments
                text = item.as_string()
                if text.strip():
                    self._skip(text)
                continue
            name = key.key
            if isinstance(item, self._AoT):
                # tomlkit gathers every [[name]] table of a file into one array,
                # even when other tables come between them: find each header by
                # its name, after the one before, not at the cursor.
                dotted = ".".join([*(p for p in path if isinstance(p, str)), name])
                header = re.compile(r"^[ \t]*\[\[[ \t]*" + re.escape(dotted) + r"[ \t]*\]\]", re.MULTILINE)
                after = self._offsets.get(path, 0)
                for index, table in enumerate(item.body):
                    found = header.search(self._text, after)
                    self._cursor = found.start() if found else self._cursor
                    self._offsets[(*path, name, index)] = self._cursor
                    self._offsets.setdefault((*path, name), self._cursor)
                    self._skip_line()
                    after = self._cursor
                    self._walk_body(table.value.body, (*path, name, index))
            elif isinstance(item, self._Table):
                if item.is_super_table() or key.is_dotted():
                    self._offsets[(*path, name)] = self._seek(key.as_string().strip())
                else:
                    self._offsets[(*path, name)] = self._seek("[")
                    self._skip_line()
                self._walk_body(item.value.body, (*path, name))
            else:
                self._offsets[(*path, name)] = self._seek(key.as_string().strip())
                self._walk_value(item, (*path, name))

    def _skip_line(self) -> None:
        end = self._text.find("\n", self._cursor)
        self._cursor = len(self._text) if end < 0 else end + 1

    def _walk_value(self, item: Any, path: TomlPath) -> None:
        from tomlkit.items import Array, InlineTable

        if isinstance(item, Array):
            self._skip("[")
            index = 0
            for group in item._value:  # tomlkit keeps each element with its trivia
                value = getattr(group, "value", None)
                if value is None or type(value).__name__ in {"Whitespace", "Comment", "Null"}:
                    continue
                self._offsets[(*path, index)] = self._seek(value.as_string())
                self._walk_value(value, (*path, index))
                index += 1
        elif isinstance(item, InlineTable):
            self._skip("{")
            self._walk_body(item.value.body, path)
            self._skip("}")
        else:
            self._skip(item.as_string())

    # --- fallback ---------------------------------------------------------

    def _scan_headers(self) -> None:
        counts: dict[str, int] = {}
        for match in _HEADER.finditer(self._text):
            name = match.group(1).strip()
            if match.group(0).lstrip().startswith("[["):
                index = counts.get(name, 0)
                counts[name] = index + 1
                self._offsets[(*name.split("."), index)] = match.start()
            else:
                self._offsets[tuple(name.split("."))] = match.start()
