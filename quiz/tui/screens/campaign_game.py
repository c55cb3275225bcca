"""A campaign in play, as the campaign's screens share it.

`CampaignRun` (quiz.campaign.engine) is the game: its rules and its whole
state. A `CampaignGame` adds what the screens need around it: the app and the
loaded `Game`, the player whose journey it is, saving after every move,
recording the ending once, and a fresh run for a restart. Every move the
screens make goes through here, so none of them can forget to save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.campaign.engine import CampaignRun, MoveError
from quiz.campaign.models import CampaignEvidence, CampaignFile, Scene
from quiz.engine.playable import Answer, DisputeView, Verdict
from quiz.tui.game import SourceCard, dispute_view
from quiz.tui.text import long_date

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp
    from quiz.tui.game import Game

__all__ = ["CampaignGame", "MoveError", "campaign_id_for"]


def campaign_id_for(campaigns: dict[str, CampaignFile]) -> str | None:
    """The campaign to play: "campaign" (content/campaign.toml), else the first by id."""
    if not campaigns:
        return None
    return "campaign" if "campaign" in campaigns else sorted(campaigns)[0]


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class CampaignGame:
    """One journey: the engine's run, the game around it, and the player it belongs to."""

    def __init__(self, app: QuizApp, game: Game, campaign_id: str, run: CampaignRun, player: str) -> None:
        self.app = app
        self.game = game
        self.id = campaign_id
        self.run = run
        self.player = player
        self.recorded = False
        self._warned = False
        self._scene_of = {e.id: s for s in run.campaign.scene for e in s.evidence}

    @classmethod
    def new(cls, app: QuizApp, game: Game, campaign_id: str, player: str) -> CampaignGame:
        """A fresh journey (the command line's seed, if one was given)."""
        campaign = game.bank.campaigns[campaign_id]
        seed = game.options.spec.seed
        run = CampaignRun(campaign, game.bank, campaign_id, seed=seed)
        return cls(app, game, campaign_id, run, player)

    # --- what the screens show ----------------------------------------------------

    @property
    def campaign(self) -> CampaignFile:
        return self.run.campaign

    @property
    def scene(self) -> Scene:
        return self.run.scene

    @property
    def score(self) -> int:
        return self.run.state.score

    def card(self, source_id: str) -> SourceCard:
        return self.game.card(source_id)

    def source_line(self, source_id: str) -> str:
        """Who wrote it and when, short: ``AFP · 7 January 2022``."""
        card = self.card(source_id)
        who = card.author or card.outlet
        if not who or who == "not stated":
            who = shorten(card.title, 48)
        return f"{who} · {card.date}" if card.date else who

    def scene_when(self, scene: Scene) -> str:
        """``Almaty · 8 January 2022`` (the place, and the date when the scene has one)."""
        return f"{scene.place} · {long_date(scene.date)}" if scene.date else scene.place

    def scene_of(self, evidence_id: str) -> Scene | None:
        """The scene where a piece of evidence is found."""
        return self._scene_of.get(evidence_id)

    def is_kept(self, evidence_id: str) -> bool:
        return evidence_id in self.run.state.notebook

    def dispute(self, dispute_id: str) -> DisputeView:
        view: DisputeView = dispute_view(self.game, dispute_id)
        return view

    @property
    def contradiction_ready(self) -> bool:
        """There is a contradiction here still to solve."""
        return self.run.contradiction is not None and not self.run.contradiction_solved

    # --- moves: each one is saved ------------------------------------------------------

    def keep(self, evidence: CampaignEvidence) -> bool:
        """Keep a piece of this scene's evidence; False if it was kept already."""
        if self.is_kept(evidence.id):
            return False
        self.run.keep(evidence.id)
        self.save()
        return True

    def drop(self, evidence_id: str) -> bool:
        if not self.is_kept(evidence_id):
            return False
        self.run.drop(evidence_id)
        self.save()
        return True

    def answer(self, ref: str, given: Answer) -> tuple[Verdict, int]:
        """Judge an answer to a question of this scene: the verdict and the points it earned."""
        before = self.score
        verdict = self.run.answer(ref, given)
        self.save()
        return verdict, self.score - before

    def try_pair(self, first: str, second: str) -> tuple[bool, int]:
        before = self.score
        right = self.run.try_pair(first, second)
        self.save()
        return right, self.score - before

    def give_reason(self, reason: str) -> tuple[bool, int]:
        before = self.score
        right = self.run.give_reason(reason)
        self.save()
        return right, self.score - before

    def go(self, index: int) -> Scene:
        """Take an exit (MoveError if it is closed). At the end, the result is recorded."""
        scene = self.run.go(index)
        if self.run.finished:
            self.finish()
        else:
            self.save()
        return scene

    # --- the store ---------------------------------------------------------------------

    def save(self) -> None:
        """Keep the journey as it stands: a quit, a crash or Ctrl+Q loses nothing."""
        if self.run.finished:
            return
        try:
            self.game.store.save_campaign(self.player, self.id, self.run.state.to_json())
        except Exception as exc:  # the store falls back rather than fail; play goes on regardless
            self._warn(f"Could not save the journey: {exc}")

    def finish(self) -> None:
        """Record the ending in the stats and forget the save; once."""
        ending = self.run.ending
        if self.recorded or ending is None:
            return
        self.recorded = True
        store = self.game.store
        try:
            store.record_campaign_result(self.player, self.id, ending.id, self.score, self.run.max_score)
            store.clear_campaign(self.player, self.id)
        except Exception as exc:
            self._warn(f"Could not record the ending: {exc}")

    def restart(self) -> CampaignGame:
        """Forget this journey and begin a new one."""
        try:
            self.game.store.clear_campaign(self.player, self.id)
        except Exception as exc:
            self._warn(f"Could not clear the saved journey: {exc}")
        return CampaignGame.new(self.app, self.game, self.id, self.player)

    def _warn(self, text: str) -> None:
        if not self._warned:
            self._warned = True
            self.app.notify(text, title="Progress", severity="warning", timeout=5, markup=False)
