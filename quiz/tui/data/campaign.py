"""A campaign in play, as the campaign's screens and widgets share it.

A `Journey` (quiz.engine.campaign.journey) is the player's run, saved after
every move and recorded once at its end. A `JourneyInPlay` adds what the
screens need around it: the loaded `Game`, source cards and the words for
places and dates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.content.campaign.models import CampaignEvidence, CampaignFile, Scene
from quiz.engine.campaign.journey import Journey, campaign_to_play
from quiz.engine.campaign.run import CampaignRun, MoveError
from quiz.engine.playable import Answer, DisputeView, Verdict
from quiz.engine.words import long_date, who_wrote
from quiz.tui.game import SourceCard, dispute_view

if TYPE_CHECKING:
    from quiz.tui.game import Game

__all__ = ["JourneyInPlay", "MoveError", "campaign_to_play"]


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class JourneyInPlay:
    """One journey, with the game around it that the screens show."""

    def __init__(self, game: Game, journey: Journey) -> None:
        self.game = game
        self.journey = journey
        self._scene_of = {e.id: s for s in journey.campaign.scene for e in s.evidence}

    @classmethod
    def new(cls, game: Game, campaign_id: str, player: str) -> JourneyInPlay:
        """A fresh journey (the command line's seed, if one was given)."""
        journey = Journey.new(game.bank, game.store, campaign_id, player, game.options.spec.seed)
        return cls(game, journey)

    @property
    def run(self) -> CampaignRun:
        return self.journey.run

    @property
    def id(self) -> str:
        return self.journey.id

    @property
    def player(self) -> str:
        return self.journey.player

    @property
    def recorded(self) -> bool:
        return self.journey.recorded

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
        who = who_wrote(card.author, card.outlet) or shorten(card.title, 48)
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

    # --- moves: each one is saved by the journey ---------------------------------------

    def keep(self, evidence: CampaignEvidence) -> bool:
        """Keep a piece of this scene's evidence; False if it was kept already."""
        return self.journey.keep(evidence.id)

    def drop(self, evidence_id: str) -> bool:
        return self.journey.drop(evidence_id)

    def answer(self, ref: str, given: Answer) -> tuple[Verdict, int]:
        """Judge an answer to a question of this scene: the verdict and the points it earned."""
        return self.journey.answer(ref, given)

    def try_pair(self, first: str, second: str) -> tuple[bool, int]:
        return self.journey.try_pair(first, second)

    def give_reason(self, reason: str) -> tuple[bool, int]:
        return self.journey.give_reason(reason)

    def go(self, index: int) -> Scene:
        """Take an exit (MoveError if it is closed). At the end, the result is recorded."""
        return self.journey.go(index)

    def save(self) -> None:
        self.journey.save()

    def finish(self) -> None:
        self.journey.finish()

    def restart(self) -> JourneyInPlay:
        """Forget this journey and begin a new one."""
        return JourneyInPlay(self.game, self.journey.restart(self.game.options.spec.seed))
