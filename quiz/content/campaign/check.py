"""Checking a campaign: references, quotes, the map of scenes, and conditions.

Reported like every other content problem, against the key that is wrong:
unknown scenes, questions, disputes and evidence; quotes not in their article;
scenes that cannot be reached from the start; scenes from which no ending can
be reached; conditions that can never hold.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable

from quiz.content.campaign.models import CampaignFile, Requirements, Scene
from quiz.content.check import check_passages
from quiz.content.loaded import CampaignSource, Loaded
from quiz.content.locate import TomlPath
from quiz.content.models import Dispute
from quiz.content.passages import fold
from quiz.content.problems import did_you_mean

POINTS_PER_QUESTION = 1
POINTS_PER_CONTRADICTION = 3  # 2 for the pair, 1 for the reason


def check_campaigns(loaded: Loaded) -> None:
    known_sources = {s.item.id for s in loaded.sources}
    for source in loaded.campaigns:
        scenes = source.data.get("scene")
        if isinstance(scenes, list):  # quotes are checked even when the schema is not met
            for index, scene in enumerate(scenes):
                if isinstance(scene, dict) and isinstance(scene.get("evidence"), list):
                    subject = f"scene {scene['id']!r}" if isinstance(scene.get("id"), str) else None
                    check_passages(
                        loaded,
                        source.file,
                        ("scene", index, "evidence"),
                        scene["evidence"],
                        known_sources,
                        subject,
                    )
        if source.campaign is not None:
            _CampaignChecker(loaded, source, source.campaign).run()


def max_score(campaign: CampaignFile) -> int:
    """The most points a player could earn: every question right, every contradiction solved."""
    questions = {ref for scene in campaign.scene for ref in scene.questions}
    contradictions = sum(1 for scene in campaign.scene if scene.contradiction is not None)
    return POINTS_PER_QUESTION * len(questions) + POINTS_PER_CONTRADICTION * contradictions


def position_evidence(dispute: Dispute, campaign: CampaignFile) -> dict[int, list[str]]:
    """For each position of a dispute, the campaign evidence ids that quote it.

    Evidence quotes a position when both cite the same source and one quote
    contains the other (after folding), so a scene may quote a little more or
    less than the dispute does.
    """
    found: dict[int, list[str]] = {}
    for index, position in enumerate(dispute.position):
        wanted = fold(position.quote)
        for scene in campaign.scene:
            for evidence in scene.evidence:
                if evidence.source != position.source:
                    continue
                have = fold(evidence.quote)
                if wanted in have or have in wanted:
                    found.setdefault(index, []).append(evidence.id)
    return found


class _CampaignChecker:
    def __init__(self, loaded: Loaded, source: CampaignSource, campaign: CampaignFile) -> None:
        self.loaded = loaded
        self.source = source
        self.campaign = campaign
        self.scene_ids = [scene.id for scene in campaign.scene]
        self.evidence_ids = [e.id for scene in campaign.scene for e in scene.evidence]
        self.flags = {flag for scene in campaign.scene for flag in scene.sets}
        self.offered = {ref for scene in campaign.scene for ref in scene.questions}
        self.with_contradiction = {s.id for s in campaign.scene if s.contradiction is not None}
        self.questions = {q.item.id for q in loaded.questions}
        self.disputes = {d.item.id: d.item for d in loaded.disputes}

    def error(self, path: TomlPath, message: str, subject: str | None = None) -> None:
        self.loaded.log.add(self.source.file, path, message, subject=subject)

    def run(self) -> None:
        self._unique("scene", self.scene_ids, lambda i: ("scene", i, "id"))
        self._unique("ending", [e.id for e in self.campaign.ending], lambda i: ("ending", i, "id"))
        positions = [
            (i, j) for i, scene in enumerate(self.campaign.scene) for j in range(len(scene.evidence))
        ]
        self._unique(
            "evidence",
            self.evidence_ids,
            lambda k: ("scene", positions[k][0], "evidence", positions[k][1], "id"),
        )
        for index, scene in enumerate(self.campaign.scene):
            self._scene(index, scene)
        self._map()
        self._endings()

    def _unique(self, what: str, ids: list[str], path_of: Callable[[int], TomlPath]) -> None:
        seen: set[str] = set()
        for index, item_id in enumerate(ids):
            if item_id in seen:
                self.error(path_of(index), f"duplicate {what} id {item_id!r}")
            seen.add(item_id)

    def _scene(self, index: int, scene: Scene) -> None:
        here: TomlPath = ("scene", index)
        subject = f"scene {scene.id!r}"
        for q, ref in enumerate(scene.questions):
            if ref not in self.questions and ref not in self.disputes:
                hint = did_you_mean(ref, [*self.questions, *self.disputes])
                self.error((*here, "questions", q), f"no question or dispute {ref!r}{hint}", subject)
            elif ref in self.disputes and not self._questions_about(ref):
                self.error(
                    (*here, "questions", q), f"no question in the bank asks about dispute {ref!r}", subject
                )
        for e, exit_ in enumerate(scene.exits):
            if exit_.to not in self.scene_ids:
                hint = did_you_mean(exit_.to, self.scene_ids)
                self.error((*here, "exits", e, "to"), f"exit to unknown scene {exit_.to!r}{hint}", subject)
            self._requirements((*here, "exits", e, "requires"), exit_.requires, subject)
        if scene.final and scene.exits:
            self.error((*here, "exits"), "a final scene has no exits: the ending is chosen there", subject)
        if scene.contradiction is not None:
            self._contradiction((*here, "contradiction"), scene, subject)

    def _questions_about(self, dispute_id: str) -> list[str]:
        return [q.item.id for q in self.loaded.questions if q.item.dispute == dispute_id]

    def _requirements(self, path: TomlPath, requires: Requirements, subject: str) -> None:
        checks: list[tuple[str, Iterable[str], str]] = [
            ("questions", self.offered, "no scene offers question {!r}"),
            ("evidence", self.evidence_ids, "no scene has evidence {!r}"),
            ("flags", self.flags, "no scene sets flag {!r}"),
            ("contradictions", self.with_contradiction, "no scene {!r} with a contradiction"),
        ]
        for key, available, message in checks:
            pool = list(available)
            for i, ref in enumerate(getattr(requires, key)):
                if ref not in pool:
                    self.error(
                        (*path, key, i),
                        f"can never hold: {message.format(ref)}{did_you_mean(ref, pool)}",
                        subject,
                    )

    def _contradiction(self, path: TomlPath, scene: Scene, subject: str) -> None:
        contradiction = scene.contradiction
        assert contradiction is not None
        if contradiction.answer not in contradiction.reasons:
            hint = did_you_mean(contradiction.answer, contradiction.reasons)
            self.error(
                (*path, "answer"), f"answer {contradiction.answer!r} is not one of the reasons{hint}", subject
            )
        dispute = self.disputes.get(contradiction.dispute)
        if dispute is None:
            hint = did_you_mean(contradiction.dispute, self.disputes)
            self.error((*path, "dispute"), f"unknown dispute {contradiction.dispute!r}{hint}", subject)
            return
        if len(position_evidence(dispute, self.campaign)) < 2:
            self.error(
                (*path, "dispute"),
                f"can never be solved: fewer than two positions of dispute {dispute.id!r}"
                " are quoted as evidence in any scene",
                subject,
            )

    def _map(self) -> None:
        """Every scene reachable from the start; an ending reachable from every scene."""
        scenes = self.campaign.scene
        by_id = {scene.id: scene for scene in scenes}
        finals = [s.id for s in scenes if s.final]
        if not finals:
            self.error(("scene",), "no scene is final (final = true): no ending can ever be reached")
            return
        reachable = _reach([scenes[0].id], lambda s: [e.to for e in by_id[s].exits if e.to in by_id])
        leads_to_end = _reach(finals, lambda s: [t.id for t in scenes if any(e.to == s for e in t.exits)])
        for index, scene in enumerate(scenes):
            subject = f"scene {scene.id!r}"
            if scene.id not in reachable:
                self.error(
                    ("scene", index, "id"), "cannot be reached from the start (no exit leads here)", subject
                )
            elif scene.id not in leads_to_end:
                self.error(("scene", index, "id"), "no ending can be reached from this scene", subject)

    def _endings(self) -> None:
        best = max_score(self.campaign)
        for index, ending in enumerate(self.campaign.ending):
            here: TomlPath = ("ending", index)
            subject = f"ending {ending.id!r}"
            if ending.min_score > best:
                self.error(
                    (*here, "min_score"),
                    f"can never hold: min_score {ending.min_score} is above the most a player can score ({best})",
                    subject,
                )
            if ending.max_score is not None and ending.max_score < ending.min_score:
                self.error((*here, "max_score"), "can never hold: max_score is below min_score", subject)
            for i, flag in enumerate(ending.flags):
                if flag not in self.flags:
                    hint = did_you_mean(flag, self.flags)
                    self.error(
                        (*here, "flags", i), f"can never hold: no scene sets flag {flag!r}{hint}", subject
                    )
            for earlier in self.campaign.ending[:index]:
                if earlier.min_score == 0 and earlier.max_score is None and not earlier.flags:
                    self.error(
                        (*here, "id"),
                        f"can never be chosen: ending {earlier.id!r} before it always holds",
                        subject,
                    )
                    break
        last = self.campaign.ending[-1]
        if last.min_score or last.max_score is not None or last.flags:
            self.error(
                ("ending", len(self.campaign.ending) - 1, "id"),
                "the last ending should have no condition, so that every briefing has an ending",
                f"ending {last.id!r}",
            )


def _reach(start: list[str], neighbours: Callable[[str], Iterable[str]]) -> set[str]:
    seen = set(start)
    queue = deque(start)
    while queue:
        for nxt in neighbours(queue.popleft()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen
