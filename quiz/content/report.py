"""The report of `quiz check`, for people (text) and for machines (JSON)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from quiz.content.bank import LoadResult
from quiz.content.problems import display_path


def summary(result: LoadResult) -> dict[str, Any]:
    """Counts a teacher wants after a clean check."""
    bank = result.bank
    # One pass over the questions: a large bank has tens of thousands.
    by_source = dict.fromkeys(bank.sources, 0)
    by_type: Counter[str] = Counter()
    by_topic: Counter[str] = Counter()
    for question in bank.questions:
        by_type[question.type] += 1
        by_topic[question.topic] += 1
        evidence = question.evidence
        cited = (evidence[0].source,) if len(evidence) == 1 else {e.source for e in evidence}
        for source in cited:
            if source in by_source:
                by_source[source] += 1
    return {
        "questions": len(bank.questions),
        "disputes": len(bank.disputes),
        "sources": len(bank.sources),
        "questions_by_type": dict(sorted(by_type.items())),
        "questions_by_topic": dict(sorted(by_topic.items())),
        "questions_by_source": by_source,
        "disputes_by_kind": dict(sorted(Counter(d.kind for d in bank.disputes).items())),
        "campaigns": {
            campaign_id: {"scenes": len(c.scene), "endings": len(c.ending)}
            for campaign_id, c in bank.campaigns.items()
        },
    }


def _table(title: str, counts: dict[str, int]) -> list[str]:
    if not counts:
        return [f"{title}: none"]
    width = max(len(k) for k in counts)
    return [f"{title}:"] + [f"  {key:<{width}}  {value:>5}" for key, value in counts.items()]


def format_text(result: LoadResult) -> str:
    lines = [problem.format() for problem in result.problems]
    errors, warnings = len(result.errors), len(result.warnings)
    files = ", ".join(display_path(f) for f in result.files)
    if errors:
        lines.append(f"{errors} error(s), {warnings} warning(s) in {files}")
        return "\n".join(lines)
    counts = summary(result)
    if lines:
        lines.append("")
    lines.append(
        f"OK: {counts['questions']} questions, {counts['disputes']} disputes, "
        f"{counts['sources']} sources; {warnings} warning(s). Checked {files}."
    )
    lines += _table("Questions by type", counts["questions_by_type"])
    lines += _table("Questions by topic", counts["questions_by_topic"])
    lines += _table("Questions citing each source", counts["questions_by_source"])
    lines += _table("Disputes by kind", counts["disputes_by_kind"])
    for campaign_id, size in counts["campaigns"].items():
        lines.append(f"Campaign {campaign_id!r}: {size['scenes']} scenes, {size['endings']} endings")
    return "\n".join(lines)


def format_json(result: LoadResult) -> str:
    report = {
        "ok": result.ok,
        "errors": [p.as_dict() for p in result.errors],
        "warnings": [p.as_dict() for p in result.warnings],
        "files": [display_path(f) for f in result.files],
        "summary": summary(result),
    }
    return json.dumps(report, indent=2, ensure_ascii=False)
