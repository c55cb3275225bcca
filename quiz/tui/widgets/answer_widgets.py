"""Which answer widget a question gets: every type's widget module, registered.

Importing a widget module registers its widgets (`@answers` in
`quiz.tui.widgets.answer`); a new type's widget module is added to the import
below.
"""

from __future__ import annotations

from quiz.engine.playable import Playable
from quiz.tui.widgets import choices, match, number, order  # noqa: F401  (each registers its widgets)
from quiz.tui.widgets.answer import ANSWER_WIDGETS, AnswerWidget

__all__ = ["ANSWER_WIDGETS", "answer_widget_for"]


def answer_widget_for(playable: Playable) -> AnswerWidget:
    """The widget for a question's type."""
    return ANSWER_WIDGETS[playable.type](playable)
