"""Exporting the bank to the tools schools already use: GIFT for Moodle, `.apkg` for Anki.

Both formats start here. `select` takes the questions `quiz play` would take
with the same filters (the teachers' questions, and with `include_generated`
those made from disputes too), builds each once as a `Playable` with a fixed
seed (so an export is the same every time), and strips control characters
from every piece of text. A question that cleaning leaves without a prompt, or
with a blank or repeated choice, is skipped with a reason rather than exported
broken.

The evidence and the dispute of a question are rendered here as HTML, once,
for both formats: a Moodle question in `[html]` format and an Anki field are
both HTML. Content text is always escaped, so a prompt holding `<b>` shows
`<b>`.

This package imports the content and the engine, never Textual; `genanki` is
imported only by `quiz.export.anki`.
"""

from __future__ import annotations

import html
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

from quiz.content.bank import Bank
from quiz.content.models import QUESTION_TYPES, Source
from quiz.content.text import clean, clean_line
from quiz.engine.build import playable_from_question
from quiz.engine.generated import GeneratedRef, generated_refs
from quiz.engine.generated import build as build_generated
from quiz.engine.playable import Answer, DisputePosition, DisputeView, Passage, Playable
from quiz.engine.rounds import empty_reason, matching  # play's own filter and its words
from quiz.engine.spec import RoundSpec

EXPORT_SEED = 0
"""Choices, items and right sides are shuffled with this seed: the same bank exports the same file."""

DECK_NAME = "CSTO quiz"
"""The parent deck in Anki and the top category in Moodle."""


class ExportError(Exception):
    """An export that cannot be made, in one sentence for the person who asked for it."""


@dataclass
class Selection:
    """The questions to export, in the bank's order, and what was left out."""

    questions: list[Playable]
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (question id, why)
    generated_left_out: int = 0  # questions made from disputes, without --include-generated


def select(bank: Bank, spec: RoundSpec, *, include_generated: bool = False) -> Selection:
    """The questions of `bank` that pass the filters of `spec`, cleaned and ready to write.

    Raises ExportError when no question passes the filters, and for any value
    of a filter that matches nothing on its own (a misspelt `--topic` beside a
    right one is reported, not silently dropped).
    """
    single = [
        *(RoundSpec(topics=(v,)) for v in spec.topics),
        *(RoundSpec(types=(v,)) for v in spec.types),
        *(RoundSpec(sources=(v,)) for v in spec.sources),
        *(RoundSpec(difficulties=(v,)) for v in spec.difficulties),
        *(RoundSpec(skills=(v,)) for v in spec.skills),
    ]
    for one in [*single, spec]:
        _some_match(bank, one, include_generated)
    written = matching(list(bank.questions), spec)
    generated: list[GeneratedRef] = matching(generated_refs(bank), spec)
    built = [playable_from_question(q, bank, EXPORT_SEED) for q in written]
    if include_generated:
        built += [build_generated(ref, bank, EXPORT_SEED) for ref in generated]
    selection = Selection(questions=[], generated_left_out=0 if include_generated else len(generated))
    for playable in map(cleaned, built):
        problem = unfit(playable)
        if problem:
            selection.skipped.append((playable.id, problem))
        else:
            selection.questions.append(playable)
    return selection


def _some_match(bank: Bank, spec: RoundSpec, include_generated: bool) -> None:
    """Raise ExportError, in play's words, when no question to export passes `spec`."""
    generated = matching(generated_refs(bank), spec)
    if matching(list(bank.questions), spec) or (include_generated and generated):
        return
    reason = empty_reason(bank, spec)
    if reason.startswith("No question matches all") and len(_values(spec)) == 1:
        # The value is known (a dispute has it, say) but no question to export has it.
        ((name, value),) = _values(spec)
        reason = f"No questions: none has {name} {value!r}."
    if generated and not include_generated:
        reason += f" ({len(generated)} made from disputes do: add --include-generated.)"
    raise ExportError(reason)


def _values(spec: RoundSpec) -> list[tuple[str, object]]:
    return [
        (name, value)
        for name, values in (
            ("topic", spec.topics),
            ("type", spec.types),
            ("source", spec.sources),
            ("difficulty", spec.difficulties),
            ("skill", spec.skills),
        )
        for value in values
    ]


# --- cleaning ----------------------------------------------------------------


def cleaned(playable: Playable) -> Playable:
    """`playable` with control characters stripped from every piece of text it holds."""
    dispute = playable.dispute
    if dispute is not None:
        dispute = DisputeView(
            id=dispute.id,
            kind=dispute.kind,
            title=clean(dispute.title),
            explanation=clean(dispute.explanation),
            positions=tuple(
                DisputePosition(p.source_id, clean(p.quote), clean(p.claim)) for p in dispute.positions
            ),
        )
    return replace(
        playable,
        prompt=clean(playable.prompt),
        explanation=clean(playable.explanation),
        evidence=tuple(Passage(p.source_id, clean(p.quote)) for p in playable.evidence),
        choices=tuple(clean_line(c) for c in playable.choices),
        items=tuple(clean_line(i) for i in playable.items),
        lefts=tuple(clean_line(left) for left in playable.lefts),
        rights=tuple(clean_line(right) for right in playable.rights),
        unit=clean_line(playable.unit) if playable.unit else playable.unit,
        dispute=dispute,
        feedback={clean_line(k): clean(v) for k, v in playable.feedback.items()},
        answer=_cleaned_answer(playable.answer),
    )


def _cleaned_answer(answer: Answer | None) -> Answer | None:
    if isinstance(answer, str):
        return clean_line(answer)
    if isinstance(answer, frozenset):
        return frozenset(clean_line(a) for a in answer)
    if isinstance(answer, tuple):
        return tuple(clean_line(a) for a in answer)
    if isinstance(answer, Mapping):
        return {clean_line(k): clean_line(v) for k, v in answer.items()}
    return answer  # bool or number


def unfit(playable: Playable) -> str | None:
    """Why a cleaned question cannot be exported, or None."""
    if not playable.prompt.strip():
        return "its prompt is empty once control characters are removed"
    for name, texts in (
        ("choice", playable.choices),
        ("item", playable.items),
        ("left side", playable.lefts),
    ):
        if any(not t.strip() for t in texts):
            return f"a {name} is empty once control characters are removed"
        if len(set(texts)) != len(texts):
            return f"two of its {name}s read the same once control characters are removed"
    if any(not t.strip() for t in playable.rights):
        return "a right side is empty once control characters are removed"
    return None


# --- the text both formats carry -------------------------------------------------


def text_html(text: str) -> str:
    """Content text as HTML that shows it literally: `<b>` stays `<b>`; newlines are line breaks."""
    return html.escape(clean(text), quote=False).replace("\n", "<br>")


def date_text(source: Source) -> str:
    return f"{source.date.day} {source.date:%B %Y}"


def citation_html(bank: Bank, source_id: str) -> str:
    """An article as a reader can find it: its title, author, outlet and date."""
    source = bank.sources.get(source_id)
    if source is None:
        return text_html(source_id)
    parts = [f"<i>{text_html(source.title)}</i>"]
    if source.author:
        parts.append(text_html(source.author))
    outlet = clean_line(source.outlet)
    parts.append("outlet not stated" if outlet == "not stated" else text_html(outlet))
    parts.append(date_text(source))
    return ", ".join(parts)


def evidence_html(bank: Bank, playable: Playable) -> str:
    """Every passage that supports the answer, each with its article."""
    rows = (
        f"<li>“{text_html(p.quote)}”<br>— {citation_html(bank, p.source_id)}</li>" for p in playable.evidence
    )
    return f"<ul>{''.join(rows)}</ul>"


def dispute_html(bank: Bank, playable: Playable) -> str:
    """Where the sources disagree: the dispute and every position side by side, or ""."""
    dispute = playable.dispute
    if dispute is None:
        return ""
    parts = [f"<p><b>{text_html(dispute.title)}</b></p>"]
    if dispute.explanation != playable.explanation:
        parts.append(f"<p>{text_html(dispute.explanation)}</p>")
    rows = "".join(
        f"<tr><td>{citation_html(bank, p.source_id)}</td><td>{text_html(p.claim)}</td>"
        f"<td>“{text_html(p.quote)}”</td></tr>"
        for p in dispute.positions
    )
    parts.append(f"<table><tr><th>Article</th><th>Claims</th><th>In its words</th></tr>{rows}</table>")
    return "".join(parts)


def advice_html(playable: Playable) -> str:
    """The teacher's advice on particular answers, or ""."""
    if not playable.feedback:
        return ""
    names = {"true": "True", "false": "False"} if playable.type == "truefalse" else {}
    rows = (
        f"<li>“{text_html(names.get(key, key))}”: {text_html(advice)}</li>"
        for key, advice in playable.feedback.items()
    )
    return f"<ul>{''.join(rows)}</ul>"


def unit_html(playable: Playable) -> str:
    """How a number question asks for its answer: `___ troops`."""
    return f"___ {text_html(playable.unit)}" if playable.unit else "___"


def tags(playable: Playable) -> list[str]:
    """The question's sources, then `dispute` for a question about a dispute."""
    found = sorted(playable.sources)
    return [*found, "dispute"] if playable.dispute is not None else found


# --- the summary -----------------------------------------------------------------


@dataclass
class Summary:
    """What went out, for the person who ran the export (printed on stderr)."""

    format_name: str
    target: str
    counts: Counter[str]
    notes: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    generated_left_out: int = 0

    def lines(self) -> list[str]:
        total = sum(self.counts.values())
        noun = "question" if total == 1 else "questions"
        out = [f"quiz export: {total} {noun} written to {self.target} ({self.format_name})"]
        by_type = ", ".join(f"{self.counts[t]} {t}" for t in QUESTION_TYPES if self.counts[t])
        out.append(f"  by type: {by_type or 'none'}")
        out += [f"  {note}" for note in self.notes]
        if self.generated_left_out:
            out.append(
                f"  left out: {self.generated_left_out} questions made from disputes "
                "(add --include-generated to export them too)"
            )
        if self.skipped:
            out.append(f"  skipped: {len(self.skipped)}")
            out += [f"    {clean_line(qid)}: {why}" for qid, why in self.skipped]
        else:
            out.append("  skipped: none")
        return out


def summary_for(selection: Selection, format_name: str, target: str, notes: Iterable[str] = ()) -> Summary:
    return Summary(
        format_name=format_name,
        target=target,
        counts=Counter(p.type for p in selection.questions),
        notes=list(notes),
        skipped=list(selection.skipped),
        generated_left_out=selection.generated_left_out,
    )


def by_topic(questions: Sequence[Playable]) -> dict[str, list[Playable]]:
    """The questions grouped by topic, topics in the order they first appear."""
    groups: dict[str, list[Playable]] = {}
    for playable in questions:
        groups.setdefault(playable.topic, []).append(playable)
    return groups


# --- writing a file ------------------------------------------------------------------


def write_atomically(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Write `path` through a temporary file beside it, so a failed export leaves no half file.

    Raises OSError (a missing folder, no permission, a directory in the way).
    """
    if path.is_dir():
        raise IsADirectoryError(21, "is a folder", str(path))
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as handle:
        try:
            write(handle)
        except BaseException:
            handle.close()
            Path(handle.name).unlink(missing_ok=True)
            raise
    try:
        os.chmod(handle.name, 0o666 & ~_umask())  # as an ordinary new file, not the temporary's 0600
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
