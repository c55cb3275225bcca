"""Making text safe to show: the one sanitiser of every face and every report.

Question text comes from files anyone can edit, player names from the
keyboard, and both come back from the progress store. Printed raw, an escape
sequence in any of them could move the cursor, retitle the window, hide text
or set the clipboard (OSC 52). `clean` keeps the words exactly as written and
removes only what a terminal would act on: ESC sequences and the other C0 and
C1 control characters (a newline is kept; a tab becomes a space). It also
drops the invisible characters that make text read other than it is: bidi
embeddings, overrides and isolates (which can reverse a line on screen) and
zero-width spaces. The zero-width joiner and non-joiner stay: some scripts and
emoji need them.

The TUI, the plain face, `quiz check` and `quiz stats` all show text through
this module, so there is one place to get it right.
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
# C0 but newline, DEL, C1; then bidi controls (LRM, RLM, ALM, LRE..RLO, LRI..PDI)
# and the zero-width space, word joiner and byte-order mark.
_CONTROL = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]"
)
# Every character `clean_line` removes or replaces: those above and the newline. Text
# without one is already clean, which a caller cleaning many cells can look for first.
UNCLEAN = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]")


def clean(text: str) -> str:
    """`text` without escape sequences or control characters, newlines kept."""
    if text.isprintable():  # the common case, checked in C: nothing to remove
        return text
    text = text.replace("\r\n", "\n").replace("\t", " ")
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROL.sub("", text)


def clean_line(text: str) -> str:
    """`clean`, on one line: newlines become spaces (for names and table cells)."""
    return " ".join(clean(text).split("\n"))
