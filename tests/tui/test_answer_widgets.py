"""Every question type has its answer widget, registered by the widget's own module."""

from __future__ import annotations

from quiz.engine.kinds import KINDS
from quiz.tui.widgets.answer import AnswerWidget
from quiz.tui.widgets.answer_widgets import ANSWER_WIDGETS


def test_every_type_has_an_answer_widget() -> None:
    assert set(ANSWER_WIDGETS) == set(KINDS)
    assert all(issubclass(widget, AnswerWidget) for widget in ANSWER_WIDGETS.values())
