"""The footer every screen shows: its keys, made to fit a small terminal."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

NARROW = 80
"""Below this many columns the keys close up, and the palette's key makes room for them
(ctrl+p still opens the palette)."""


class KeysFooter(Footer):
    """Textual's footer, compact and without the palette's key below `NARROW` columns."""

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW
        self.compact = narrow
        if self.show_command_palette == narrow:
            self.show_command_palette = not narrow
            self.refresh(recompose=True)  # the palette's key is placed when the keys are composed
