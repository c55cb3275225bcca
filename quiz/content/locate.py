"""Where each key of a TOML file stands: line and column for a problem report.

Neither `tomli` nor `tomllib` reports where keys are, only where syntax fails.
`tomlkit` parses losslessly (its document renders back to the exact text), so
walking its tree in document order and finding each piece's text from a moving
cursor gives the position of every key, table header and array element.

This runs only when a file has problems to report: a clean bank never pays for
the second parse. Even then only the `[[table]]` that holds a problem is walked
(a plain scan finds where each table starts), so one mistake in a file of a
hundred thousand questions costs a walk of one question, not of the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

PathPart = str | int
TomlPath = tuple[PathPart, ...]

_HEADER = re.compile(r"^[ \t]*\[\[?[ \t]*([A-Za-z0-9_.\-\" \t]+?)[ \t]*\]\]?", re.MULTILINE)


def nesting_beyond(text: str, limit: int) -> tuple[int, int] | None:
    """Where arrays and inline tables first nest deeper than `limit`, or None.

    One pass over the text, minding strings and comments, so that a file
    nested a thousand levels deep is reported at its line instead of sending
    the parser into a recursion it cannot finish.
    """
    depth, at, size = 0, 0, len(text)
    while at < size:
        char = text[at]
        if char in "[{":
            depth += 1
            if depth > limit:
                line = text.count("\n", 0, at) + 1
                return line, at - (text.rfind("\n", 0, at) + 1) + 1
        elif char in "]}":
            depth = max(0, depth - 1)
        elif char == "#":
            end = text.find("\n", at)
            at = size if end < 0 else end
            continue
        elif char in "\"'":
            at = _string_end(text, at)
            continue
        at += 1
    return None


def unclosed_at(text: str, offset: int) -> tuple[str, int] | None:
    """What is still open at `offset` (where the parser gave up), and where it opened.

    ("string", at) for a string that a line ended before it closed, or that is
    still open; ("array", at) or ("inline table", at) for brackets still open.
    Table headers (`[[question]]`) are left out: the parser's own words say
    what is wrong with them. None when nothing is open.
    """
    stack: list[tuple[str, int]] = []
    at, size = 0, min(offset, len(text))
    while at < size:
        char = text[at]
        if char in "\"'":
            end = _string_end(text, at)
            triple = text.startswith(char * 3, at)
            closed = text.startswith(char * 3, end - 3) if triple else text[end - 1 : end] == char
            if end > size or not closed or (not triple and end - 1 > at and text[end - 1] == "\n"):
                return "string", at
            at = end
            continue
        if char == "#":
            end = text.find("\n", at)
            at = size if end < 0 else end
            continue
        if char in "[{":
            line_start = text.rfind("\n", 0, at) + 1
            header = char == "[" and not stack and not text[line_start:at].strip(" \t[")
            stack.append(("header" if header else "array" if char == "[" else "inline table", at))
        elif (char in "]}" and stack) or (char == "\n" and stack and stack[-1][0] == "header"):
            stack.pop()
        at += 1
    open_values = [item for item in stack if item[0] != "header"]
    return open_values[-1] if open_values else None


def _string_end(text: str, at: int) -> int:
    """The index just past the TOML string that starts at `at`."""
    quote = text[at]
    if text.startswith(quote * 3, at):
        end = text.find(quote * 3, at + 3)
        while end >= 0 and quote == '"' and _escaped(text, end):
            end = text.find(quote * 3, end + 1)
        return len(text) if end < 0 else end + 3
    at += 1
    while at < len(text):
        char = text[at]
        if char == "\\" and quote == '"':
            at += 2
            continue
        if char == quote or char == "\n":
            return at + 1
        at += 1
    return at


def _escaped(text: str, at: int) -> bool:
    """Whether the character at `at` follows an odd number of backslashes."""
    count = 0
    while at > 0 and text[at - 1] == "\\":
        count += 1
        at -= 1
    return count % 2 == 1


class Positions:
    """Line and column (1-based) of every key path in one TOML text."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._offsets: dict[TomlPath, int] = {}
        # Where each `[[name]]` table starts, by (name, index), from a plain scan.
        self._tables: dict[tuple[str, int], tuple[int, int]] = {}
        self._walked: set[tuple[str, int] | None] = set()
        self._scan_tables()

    def of(self, path: TomlPath) -> tuple[int, int]:
        """The position of the longest known prefix of `path`.

        A missing key has no position of its own, so it points at the table
        that should hold it.
        """
        self._walk_for(path)
        for end in range(len(path), 0, -1):
            offset = self._offsets.get(path[:end])
            if offset is not None:
                return self._line_col(offset)
        return (1, 1)

    def _walk_for(self, path: TomlPath) -> None:
        """Walk the part of the text that holds `path`: its `[[table]]`, else the whole file."""
        name, index = (path[0], path[1]) if len(path) >= 2 else (None, None)
        if isinstance(name, str) and isinstance(index, int) and (name, index) in self._tables:
            if (name, index) in self._walked:
                return
            self._walked.add((name, index))
            start, end = self._tables[(name, index)]
            found: dict[TomlPath, int] = {}
            if self._walk_text(self._text[start:end], start, found):
                for sub_path, offset in found.items():
                    if sub_path[:2] == (name, 0):
                        self._offsets[(name, index, *sub_path[2:])] = offset
                return
        if None not in self._walked:  # a key outside any table, or a table tomlkit could not walk
            self._walked.add(None)
            found = {}
            if self._walk_text(self._text, 0, found):
                self._offsets.update(found)

    def _walk_text(self, text: str, base: int, found: dict[TomlPath, int]) -> bool:
        """Offsets of every key in `text` (which starts at `base`); False if tomlkit cannot walk it."""
        walker = _Walker(text, base, found)
        try:
            walker.walk()
        except Exception:
            # A text tomli accepted but tomlkit cannot walk: the table headers
            # found by the plain scan stand in.
            return False
        return True

    def _line_col(self, offset: int) -> tuple[int, int]:
        lo, hi = 0, len(self._line_starts) - 1
        while lo < hi:  # the last line start at or before offset
            mid = (lo + hi + 1) // 2
            if self._line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, offset - self._line_starts[lo] + 1

    # --- the plain scan ----------------------------------------------------

    def _scan_tables(self) -> None:
        counts: dict[str, int] = {}
        headers: list[tuple[str, int | None, int]] = []  # name, index within its array (None: a table)
        for match in _HEADER.finditer(self._text):
            name = match.group(1).strip()
            index: int | None = None
            if match.group(0).lstrip().startswith("[["):
                index = counts.get(name, 0)
                counts[name] = index + 1
                self._offsets[(*name.split("."), index)] = match.start()
            self._offsets.setdefault(tuple(name.split(".")), match.start())
            headers.append((name, index, match.start()))
        # A top-level `[[name]]` table runs to the next header that is not one of its
        # sub-tables; walking backwards, that header is the last one seen that is not.
        end = len(self._text)
        for name, index, start in reversed(headers):
            if index is not None and "." not in name:
                self._tables[(name, index)] = (start, end)
            if "." not in name:
                end = start


class _Walker:
    """Walks tomlkit's tree of one text in document order, noting where each key stands."""

    def __init__(self, text: str, base: int, found: dict[TomlPath, int]) -> None:
        self._text = text
        self._base = base
        self._offsets = found

    def walk(self) -> None:
        import tomlkit
        from tomlkit.items import AoT, Table

        self._AoT, self._Table = AoT, Table
        self._cursor = 0
        self._walk_body(tomlkit.parse(self._text).body, ())
        if self._base:
            for path in self._offsets:
                self._offsets[path] += self._base

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
