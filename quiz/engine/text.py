"""Making content text safe to print on a terminal.

Question text comes from files anyone can edit, and player names from the
keyboard. Printed raw, an escape sequence in either could move the cursor,
retitle the window or hide text. `clean` keeps the words exactly as written
and removes only what a terminal would act on: ESC sequences and the other
C0 and C1 control characters (a newline is kept; a tab becomes a space).
"""

from __future__ import annotations

import re

_ESCAPE_SEQUENCE = re.compile(
    r"""
      \x1b\[[0-?]*[\x20-/]*[@-~]?              # CSI: colours, cursor moves
    | \x9b[0-?]*[\x20-/]*[@-~]?                # the same, as one 8-bit C1 code
    | \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?  # OSC: window titles, links
    | \x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?   # DCS, SOS, PM, APC strings
    | \x1b[\x20-/]*[0-~]?                      # any other escape
    """,
    re.VERBOSE,
)
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """`text` without escape sequences or control characters, newlines kept."""
    text = text.replace("\r\n", "\n").replace("\t", " ")
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROL.sub("", text)


def clean_line(text: str) -> str:
    """`clean`, on one line: newlines become spaces (for names and table cells)."""
    return " ".join(clean(text).split("\n"))
