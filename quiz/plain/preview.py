"""One question as a player sees it, with its answer and everything the feedback shows: `quiz preview ID`.

For a teacher writing or checking a question: nothing is played and nothing
is recorded. The lines are the plain face's own, so the preview reads as the
game does.
"""

from __future__ import annotations

from quiz.content.bank import Bank
from quiz.content.text import clean
from quiz.engine.kinds import kind_of
from quiz.engine.parse import hint
from quiz.engine.playable import Playable
from quiz.engine.words import topic_name
from quiz.plain.round import evidence_lines, right_answer


def preview_lines(bank: Bank, playable: Playable) -> list[str]:
    """The question, how to answer it, the right answer, and the feedback, as lines."""
    kind = kind_of(playable.type)
    origin = "made from a dispute" if playable.generated else "written by a teacher"
    lines = [
        f"{playable.id}: {kind.label}, {origin}. Topic: {topic_name(playable.topic)}."
        f" Difficulty {playable.difficulty}.",
        "",
        playable.prompt,
        *kind.shown(playable),
        hint(playable),
        "",
        *right_answer(playable),
        f"Why: {playable.explanation}",
    ]
    for key, advice in playable.feedback.items():
        lines.append(f"If the answer given is {key}: {advice}")
    lines += evidence_lines(bank, playable)
    return [clean(line) for line in lines]
