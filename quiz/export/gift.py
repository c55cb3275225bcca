"""The bank as GIFT, the text format Moodle imports (Question bank → Import → GIFT format).

One `$CATEGORY:` per topic, under "CSTO quiz". Each question is preceded by
`// [id:...]` and `// [tag:...]` comments (its sources, and `dispute` for a
question about a dispute), is named by its id, and is written in `[html]`
format, so that its general feedback (`####`) can carry the explanation, every
evidence passage with its article's title, outlet and date, and a dispute's
positions side by side.

| type      | GIFT                                                                 |
|-----------|----------------------------------------------------------------------|
| choice    | `=right#advice ~wrong#advice`                                        |
| multi     | `~%50%right ~%-50%wrong`: the right choices share 100%, and each wrong one costs as much as a right one earns, as in the game |
| truefalse | `{TRUE#shown if wrong#shown if right}`                               |
| number    | `{#answer:tolerance}`, the unit after the prompt                      |
| match     | `=left -> right`                                                     |
| order     | GIFT has none: a match of each place in the order (1, 2, ...) to its item |

Every field is escaped twice over: as HTML (so `<b>` in a prompt shows `<b>`)
and for GIFT (`~ = # :` and the backslash with a backslash; braces as HTML
entities, see `escape_html`), so content that looks like markup or GIFT syntax
comes through literally. The right side of a match is plain text in Moodle, so
it is escaped for GIFT only, braces with a backslash.
"""

from __future__ import annotations

import math

from quiz.content.bank import Bank
from quiz.content.text import clean_line
from quiz.engine.answers import format_number
from quiz.engine.playable import Playable
from quiz.export import (
    DECK_NAME,
    Selection,
    Summary,
    by_topic,
    dispute_html,
    evidence_html,
    summary_for,
    tags,
    text_html,
    unit_html,
)

FORMAT_NAME = "GIFT, for Moodle"
_SPECIAL = "~=#{}:"
ORDER_NOTE = "order: {n} written as matching questions (each place in the order, 1 first, to its item): GIFT has no ordering question"


def escape(text: str) -> str:
    """`text` with GIFT's special characters escaped; the backslash first, as Moodle reads it."""
    text = text.replace("\\", "\\\\")
    for char in _SPECIAL:
        text = text.replace(char, "\\" + char)
    return text


def escape_html(text: str) -> str:
    """An HTML field, escaped for GIFT, with its braces written as HTML entities.

    `\\{` and `\\}` are enough for Moodle, but GIFT readers that find the answer
    block by the first `}` (pygiftparser among them) cut a field short at an
    escaped one; an entity holds no brace at all, and Moodle shows it as one.
    """
    return escape(text.replace("{", "&#123;").replace("}", "&#125;"))


def to_gift(selection: Selection, bank: Bank) -> str:
    """The GIFT text of the selected questions."""
    count = len(selection.questions)
    out = [
        f"// {DECK_NAME}: {count} question{'s' if count != 1 else ''} from the question bank, "
        "each with its evidence.",
        "// In Moodle: Question bank → Import → GIFT format.",
        "",
    ]
    for topic, questions in by_topic(selection.questions).items():
        out += [f"$CATEGORY: {DECK_NAME}/{escape(clean_line(topic))}", ""]
        for playable in questions:
            out += [*question_lines(playable, bank), ""]
    return "\n".join(out)


def summary(selection: Selection, target: str) -> Summary:
    orders = sum(1 for p in selection.questions if p.type == "order")
    notes = [ORDER_NOTE.format(n=orders)] if orders else []
    return summary_for(selection, FORMAT_NAME, target, notes)


def question_lines(playable: Playable, bank: Bank) -> list[str]:
    """One question: its comments, its name, its text, its answers, its general feedback."""
    comments = [f"// [id:{clean_line(playable.id)}]"]
    found = tags(playable)
    if found:
        comments.append("// " + " ".join(f"[tag:{clean_line(tag)}]" for tag in found))
    head = f"::{escape(clean_line(playable.id))}::[html]{escape_html(_prompt_html(playable))}"
    feedback = f"\t####{escape_html(general_feedback_html(playable, bank))}"
    # A space before the brace: a prompt ending in a backslash must not escape it.
    return [*comments, head + " {", *answer_lines(playable), feedback, "}"]


def _prompt_html(playable: Playable) -> str:
    prompt = text_html(playable.prompt)
    if playable.type == "number":
        return f"{prompt}<br>{unit_html(playable)}"
    if playable.type == "order":
        return f"{prompt}<br>(Match each place in the order, 1 being the first, to its item.)"
    return prompt


def general_feedback_html(playable: Playable, bank: Bank) -> str:
    parts = [
        f"<p>{text_html(playable.explanation)}</p>",
        "<p><b>Evidence</b></p>",
        evidence_html(bank, playable),
    ]
    disputed = dispute_html(bank, playable)
    if disputed:
        parts += ["<p><b>Where the sources disagree</b></p>", disputed]
    return "".join(parts)


def answer_lines(playable: Playable) -> list[str]:
    """The lines between the braces, before the general feedback."""
    kind = playable.type
    key = playable.answer
    if kind == "choice":
        return [
            f"\t{'=' if choice == key else '~'}{_choice(playable, choice)}" for choice in playable.choices
        ]
    if kind == "multi":
        picks = key if isinstance(key, frozenset) else frozenset()
        weight = _weight(len(picks))
        return [
            f"\t~%{'' if choice in picks else '-'}{weight}%{_choice(playable, choice)}"
            for choice in playable.choices
        ]
    if kind == "truefalse":
        truth = "true" if key else "false"
        lie = "false" if key else "true"
        if_wrong = playable.feedback.get(lie) or f"No: the statement is {truth}."
        if_right = playable.feedback.get(truth) or f"Yes: the statement is {truth}."
        return [f"\t{truth.upper()}#{escape_html(text_html(if_wrong))}#{escape_html(text_html(if_right))}"]
    if kind == "number":
        return [f"\t#{format_number(float(key))}:{format_number(playable.tolerance)}"]  # type: ignore[arg-type]
    if kind == "match" and isinstance(key, dict):
        return [f"\t={escape_html(text_html(left))} -> {escape(right)}" for left, right in key.items()]
    if kind == "order" and isinstance(key, tuple):
        return [f"\t={place} -> {escape(item)}" for place, item in enumerate(key, 1)]
    raise ValueError(f"no GIFT form for a {kind} question")  # pragma: no cover - every type has one


def _choice(playable: Playable, choice: str) -> str:
    text = escape_html(text_html(choice))
    advice = playable.feedback.get(choice)
    return f"{text}#{escape_html(text_html(advice))}" if advice else text


def _weight(right: int) -> str:
    """100% shared by the right choices, cut (never rounded up) to the 5 decimals Moodle lists, so
    the shares never add up to more than 100: 50, 33.33333, 16.66666."""
    share = math.floor(100 / max(right, 1) * 100_000) / 100_000
    return f"{share:.5f}".rstrip("0").rstrip(".")
