"""Playing a campaign: the state of one journey, and the moves a player makes.

`CampaignRun` is to a campaign what `GameSession` is to a round: both faces
(the TUI and the plain text) drive it with method calls and show what it
returns. Its whole state is a `CampaignState`, plain data that goes to JSON,
so a journey is saved after every move and resumed exactly where it stopped.

Moves: keep a piece of evidence in the notebook (or drop it), answer a
question, pick two notebook entries that contradict each other and then the
reason they differ, and take an exit once its requirements hold. Arriving at a
final scene chooses the ending.
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass, field, fields

from quiz.content.bank import Bank
from quiz.content.campaign.check import POINTS_PER_QUESTION, max_score, position_evidence
from quiz.content.campaign.models import CampaignEvidence, CampaignFile, Contradiction, Ending, Exit, Scene
from quiz.content.models import Question
from quiz.engine.answers import judge
from quiz.engine.build import playable_from_question
from quiz.engine.playable import Answer, Playable, Verdict

POINTS_FOR_PAIR = 2
POINTS_FOR_REASON = 1


class MoveError(ValueError):
    """A move the rules do not allow here (a closed exit, evidence not in this scene...)."""


@dataclass
class CampaignState:
    """Everything about one journey; JSON in, JSON out."""

    campaign: str
    seed: int
    scene: str
    visited: list[str] = field(default_factory=list)
    notebook: list[str] = field(default_factory=list)  # evidence ids, in the order kept
    flags: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)  # question refs answered right
    tried: list[str] = field(default_factory=list)  # question refs answered at least once
    pairs_found: list[str] = field(default_factory=list)  # scene ids
    pair_tries: dict[str, int] = field(default_factory=dict)
    solved: list[str] = field(default_factory=list)  # scene ids: pair found and right reason given
    reason_tries: dict[str, int] = field(default_factory=dict)
    score: int = 0
    ending: str | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> CampaignState:
        """A saved state; ValueError for anything that is not one, whatever the text holds."""
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise ValueError("not JSON") from exc
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        known = {f.name: f.type for f in fields(cls)}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise ValueError(f"unknown keys: {', '.join(unknown)}")
        for name in ("campaign", "seed", "scene"):
            if name not in data:
                raise ValueError(f"missing key {name!r}")
        for name, value in data.items():
            if not _of_type(value, str(known[name])):
                raise ValueError(f"{name!r} has the wrong type")
        return cls(**data)


def _of_type(value: object, annotation: str) -> bool:
    """Whether a JSON value fits one of the field annotations used above."""
    if annotation == "str":
        return isinstance(value, str)
    if annotation == "int":
        return isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**63
    if annotation == "str | None":
        return value is None or isinstance(value, str)
    if annotation == "list[str]":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if annotation == "dict[str, int]":
        return isinstance(value, dict) and all(
            isinstance(v, int) and not isinstance(v, bool) and abs(v) < 2**63 for v in value.values()
        )
    return False


@dataclass(frozen=True)
class ExitView:
    """An exit as a face shows it: open or not, and what is still missing."""

    index: int
    label: str
    to: str
    open: bool
    missing: tuple[str, ...]


@dataclass(frozen=True)
class QuestionView:
    ref: str  # the id written in the scene: a question id, or a dispute id
    playable: Playable
    answered_right: bool


class CampaignRun:
    """One journey through a campaign."""

    def __init__(
        self,
        campaign: CampaignFile,
        bank: Bank,
        campaign_id: str = "campaign",
        state: CampaignState | None = None,
        seed: int | None = None,
    ) -> None:
        self.campaign = campaign
        self.bank = bank
        self.id = campaign_id
        self._scenes = {scene.id: scene for scene in campaign.scene}
        self._evidence = {e.id: e for scene in campaign.scene for e in scene.evidence}
        self.max_score = max_score(campaign)
        self._quoted: dict[str, dict[int, list[str]]] = {}  # dispute id -> position -> evidence ids
        if state is None or state.scene not in self._scenes:
            seed = seed if seed is not None else random.SystemRandom().randrange(2**31)
            state = CampaignState(campaign_id, seed, campaign.scene[0].id)
            self._arrive(state, campaign.scene[0])
        self.state = state

    # --- where the player is -------------------------------------------------------

    @property
    def scene(self) -> Scene:
        return self._scenes[self.state.scene]

    @property
    def finished(self) -> bool:
        return self.state.ending is not None

    @property
    def ending(self) -> Ending | None:
        return next((e for e in self.campaign.ending if e.id == self.state.ending), None)

    def visited_scenes(self) -> list[Scene]:
        return [self._scenes[s] for s in self.state.visited if s in self._scenes]

    def open_places(self) -> list[Scene]:
        """Scenes an exit of a visited scene leads to, not yet visited: the journey map's open places."""
        seen = set(self.state.visited)
        found: dict[str, Scene] = {}
        for scene in self.visited_scenes():
            for exit_ in scene.exits:
                if exit_.to not in seen and exit_.to in self._scenes:
                    found.setdefault(exit_.to, self._scenes[exit_.to])
        return list(found.values())

    # --- the notebook ----------------------------------------------------------------

    @property
    def notebook(self) -> list[CampaignEvidence]:
        return [self._evidence[e] for e in self.state.notebook if e in self._evidence]

    def keep(self, evidence_id: str) -> None:
        """Put a piece of evidence of this scene in the notebook."""
        if evidence_id not in {e.id for e in self.scene.evidence}:
            raise MoveError(f"there is no evidence {evidence_id!r} in this scene")
        if evidence_id not in self.state.notebook:
            self.state.notebook.append(evidence_id)

    def drop(self, evidence_id: str) -> None:
        if evidence_id in self.state.notebook:
            self.state.notebook.remove(evidence_id)

    def notebook_for_contradiction(self) -> list[CampaignEvidence]:
        """The notebook, the entries that bear on this scene first: this scene's evidence, and
        evidence from a source its contradiction's dispute cites; otherwise in the order kept.

        A hint of where to look, not the answer: every entry from those sources comes first,
        whether it quotes the dispute or not.
        """
        here = {e.id for e in self.scene.evidence}
        sources: set[str] = set()
        contradiction = self.scene.contradiction
        if contradiction is not None and self.bank.has_dispute(contradiction.dispute):
            sources = {p.source for p in self.bank.dispute(contradiction.dispute).position}
        entries = self.notebook
        return sorted(entries, key=lambda e: not (e.id in here or e.source in sources))

    # --- questions ----------------------------------------------------------------------

    def questions(self) -> list[QuestionView]:
        """The questions of this scene, ready to show."""
        views = []
        for ref in self.scene.questions:
            question = self._question_for(ref)
            if question is not None:
                playable = playable_from_question(question, self.bank, self.state.seed)
                views.append(QuestionView(ref, playable, ref in self.state.right))
        return views

    def _question_for(self, ref: str) -> Question | None:
        """A scene's question: the bank's question with this id, or one drawn from a dispute's."""
        if self.bank.has_question(ref):
            return self.bank.question(ref)
        about = sorted((q for q in self.bank.questions if q.dispute == ref), key=lambda q: q.id)
        if not about:
            return None
        return random.Random(f"{self.state.seed}/{ref}").choice(about)

    def answer(self, ref: str, given: Answer) -> Verdict:
        """Judge an answer to a question of this scene. Only a right first answer scores."""
        view = next((v for v in self.questions() if v.ref == ref), None)
        if view is None:
            raise MoveError(f"there is no question {ref!r} in this scene")
        verdict = judge(view.playable, given)
        first_try = ref not in self.state.tried
        if first_try:
            self.state.tried.append(ref)
        if verdict.outcome == "right" and ref not in self.state.right:
            self.state.right.append(ref)
            if first_try:
                self.state.score += POINTS_PER_QUESTION
        return verdict

    # --- the contradiction -------------------------------------------------------------

    @property
    def contradiction(self) -> Contradiction | None:
        return self.scene.contradiction

    @property
    def pair_found(self) -> bool:
        return self.scene.id in self.state.pairs_found

    @property
    def contradiction_solved(self) -> bool:
        return self.scene.id in self.state.solved

    def is_right_pair(self, first: str, second: str) -> bool:
        """Do two notebook entries quote two conflicting positions of this scene's dispute?

        Conflicting: different claims; and, for an inconsistency inside one
        source (an `internal` dispute), from that one source.
        """
        contradiction = self._contradiction()
        dispute = self.bank.dispute(contradiction.dispute)
        if dispute.id not in self._quoted:
            self._quoted[dispute.id] = position_evidence(dispute, self.campaign)
        quoted = self._quoted[dispute.id]
        first_positions = [i for i, ids in quoted.items() if first in ids]
        second_positions = [i for i, ids in quoted.items() if second in ids]
        for i in first_positions:
            for j in second_positions:
                a, b = dispute.position[i], dispute.position[j]
                if a.claim == b.claim:
                    continue
                if dispute.kind == "internal" and a.source != b.source:
                    continue
                return True
        return False

    def try_pair(self, first: str, second: str) -> bool:
        """The player's pick of two notebook entries. True when they conflict."""
        self._contradiction()  # there must be one here
        if first == second:
            raise MoveError("pick two different pieces of evidence")
        for evidence_id in (first, second):
            if evidence_id not in self.state.notebook:
                raise MoveError(f"{evidence_id!r} is not in the notebook")
        scene_id = self.scene.id
        tries = self.state.pair_tries.get(scene_id, 0)
        self.state.pair_tries[scene_id] = tries + 1
        right = self.is_right_pair(first, second)
        if right and scene_id not in self.state.pairs_found:
            self.state.pairs_found.append(scene_id)
            if tries == 0:
                self.state.score += POINTS_FOR_PAIR
        return right

    def give_reason(self, reason: str) -> bool:
        """Why the pair differs. True when right; the contradiction is then solved."""
        contradiction = self._contradiction()
        if not self.pair_found:
            raise MoveError("find the two pieces of evidence that conflict first")
        if reason not in contradiction.reasons:
            raise MoveError(f"{reason!r} is not one of the reasons")
        scene_id = self.scene.id
        tries = self.state.reason_tries.get(scene_id, 0)
        self.state.reason_tries[scene_id] = tries + 1
        right = reason == contradiction.answer
        if right and scene_id not in self.state.solved:
            self.state.solved.append(scene_id)
            if tries == 0:
                self.state.score += POINTS_FOR_REASON
        return right

    def _contradiction(self) -> Contradiction:
        if self.scene.contradiction is None:
            raise MoveError("there is no contradiction to solve in this scene")
        return self.scene.contradiction

    # --- moving on ----------------------------------------------------------------------

    def exits(self) -> list[ExitView]:
        return [self._exit_view(i, e) for i, e in enumerate(self.scene.exits)]

    def _exit_view(self, index: int, exit_: Exit) -> ExitView:
        needs = exit_.requires
        missing: list[str] = []
        for ref in needs.questions:
            if ref not in self.state.right:
                missing.append(f"answer the question {self._question_label(ref)} right")
        for evidence_id in needs.evidence:
            if evidence_id not in self.state.notebook:
                missing.append(f"keep {self._evidence_label(evidence_id)} in your notebook")
        for flag in needs.flags:
            if flag not in self.state.flags:
                missing.append(f"first: {flag.replace('-', ' ')}")
        for scene_id in needs.contradictions:
            if scene_id not in self.state.solved:
                where = self._scenes[scene_id].title if scene_id in self._scenes else scene_id
                missing.append(f"solve the contradiction in {where}")
        return ExitView(index, exit_.label, exit_.to, not missing, tuple(missing))

    def _question_label(self, ref: str) -> str:
        question = self._question_for(ref)
        if question is None:
            return repr(ref)
        prompt = question.prompt
        return f"“{prompt if len(prompt) <= 60 else prompt[:57] + '...'}”"

    def _evidence_label(self, evidence_id: str) -> str:
        evidence = self._evidence.get(evidence_id)
        if evidence is None:
            return repr(evidence_id)
        quote = evidence.quote
        return f"“{quote if len(quote) <= 50 else quote[:47] + '...'}”"

    def go(self, index: int) -> Scene:
        """Take an exit; the scene arrived at."""
        if self.finished:
            raise MoveError("the journey is over")
        views = self.exits()
        if not 0 <= index < len(views):
            raise MoveError(f"there is no exit {index + 1} here")
        view = views[index]
        if not view.open:
            raise MoveError("that way is not open yet: " + "; ".join(view.missing))
        scene = self._scenes[view.to]
        self.state.scene = scene.id
        self._arrive(self.state, scene)
        return scene

    def _arrive(self, state: CampaignState, scene: Scene) -> None:
        if scene.id not in state.visited:
            state.visited.append(scene.id)
        for flag in scene.sets:
            if flag not in state.flags:
                state.flags.append(flag)
        if scene.final:
            state.ending = self._choose_ending(state).id

    def _choose_ending(self, state: CampaignState) -> Ending:
        for ending in self.campaign.ending:
            if state.score < ending.min_score:
                continue
            if ending.max_score is not None and state.score > ending.max_score:
                continue
            if any(flag not in state.flags for flag in ending.flags):
                continue
            return ending
        return self.campaign.ending[-1]  # `quiz check` makes the last one unconditional
