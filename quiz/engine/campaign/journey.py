"""One player's journey through a campaign, kept in the progress store.

`CampaignRun` (`run.py`) is the game's rules and its whole state; a `Journey`
is that run for one player: found again in the store, saved after every move,
its ending recorded once. Both faces play a campaign through a Journey, so
neither can forget to save, and choosing, resuming and finishing a campaign
are written once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.engine.campaign.run import CampaignRun, CampaignState

if TYPE_CHECKING:
    from quiz.content.bank import Bank
    from quiz.content.campaign.models import CampaignFile, Scene
    from quiz.engine.playable import Answer, Verdict
    from quiz.engine.store import Store


class SavedJourneyUnreadable(ValueError):
    """The saved journey could not be read; it has been set aside, and a new journey starts."""


class SavedJourneyOutdated(ValueError):
    """The saved journey stands in a scene the campaign no longer has (the content changed).

    Nothing has been changed yet: the face offers a restart (`Journey.restart_outdated`),
    which keeps the old save aside.
    """

    def __init__(self, scene: str) -> None:
        super().__init__(f"the saved journey is in a scene this campaign no longer has ({scene!r})")
        self.scene = scene


def campaign_to_play(campaigns: dict[str, CampaignFile]) -> str | None:
    """The campaign to play: "campaign" (content/campaign.toml), else the first by id."""
    if not campaigns:
        return None
    return "campaign" if "campaign" in campaigns else sorted(campaigns)[0]


class Journey:
    """A player's run through one campaign, saved after every move."""

    def __init__(self, bank: Bank, store: Store, campaign_id: str, run: CampaignRun, player: str) -> None:
        self.bank = bank
        self.store = store
        self.id = campaign_id
        self.run = run
        self.player = player
        self.recorded = False

    @classmethod
    def new(cls, bank: Bank, store: Store, campaign_id: str, player: str, seed: int | None = None) -> Journey:
        """A fresh journey; nothing is saved until the first move."""
        run = CampaignRun(bank.campaigns[campaign_id], bank, campaign_id, seed=seed)
        return cls(bank, store, campaign_id, run, player)

    @classmethod
    def saved(cls, bank: Bank, store: Store, campaign_id: str, player: str) -> Journey | None:
        """The player's journey under way in this campaign, or None if there is none.

        A journey saved at its very end but never recorded is recorded now, and
        None is returned. A save that cannot be read is set aside (never
        deleted) and SavedJourneyUnreadable raised; a save whose scene is gone
        raises SavedJourneyOutdated and is left as it is.
        """
        text = store.load_campaign(player, campaign_id)
        if not text:
            return None
        campaign = bank.campaigns[campaign_id]
        try:
            state = CampaignState.from_json(text)
        except ValueError as exc:
            store.set_campaign_aside(player, campaign_id)
            raise SavedJourneyUnreadable(
                "The saved journey could not be read, so it was kept aside and a new journey starts."
            ) from exc
        if state.scene not in {scene.id for scene in campaign.scene}:
            raise SavedJourneyOutdated(state.scene)
        known = {e.id for scene in campaign.scene for e in scene.evidence}
        state.notebook = [e for e in state.notebook if e in known]  # evidence the content dropped
        run = CampaignRun(campaign, bank, campaign_id, state=state)
        journey = cls(bank, store, campaign_id, run, player)
        if run.finished:
            journey.finish()
            return None
        return journey

    @classmethod
    def restart_outdated(
        cls, bank: Bank, store: Store, campaign_id: str, player: str, seed: int | None = None
    ) -> Journey:
        """Set an outdated save aside and begin a new journey."""
        store.set_campaign_aside(player, campaign_id)
        return cls.new(bank, store, campaign_id, player, seed)

    # --- where it stands ---------------------------------------------------------------

    @property
    def campaign(self) -> CampaignFile:
        return self.run.campaign

    @property
    def scene(self) -> Scene:
        return self.run.scene

    @property
    def score(self) -> int:
        return self.run.state.score

    @property
    def finished(self) -> bool:
        return self.run.finished

    def is_kept(self, evidence_id: str) -> bool:
        return evidence_id in self.run.state.notebook

    # --- moves: each one is saved ------------------------------------------------------

    def keep(self, evidence_id: str) -> bool:
        """Keep a piece of this scene's evidence; False if it was kept already."""
        if self.is_kept(evidence_id):
            return False
        self.run.keep(evidence_id)
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
        self._review(ref, verdict)
        return verdict, self.score - before

    def _review(self, ref: str, verdict: Verdict) -> None:
        """The answer reviews the question's card, as an answer in a round does."""
        view = next((v for v in self.run.questions() if v.ref == ref), None)
        if view is not None:
            playable = view.playable
            self.store.review_card(
                self.player, playable.id, verdict.outcome, disputed=playable.dispute is not None
            )

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
        if not self.run.finished:
            self.store.save_campaign(self.player, self.id, self.run.state.to_json())

    def finish(self) -> None:
        """Record the ending in the stats and forget the save; once."""
        ending = self.run.ending
        if self.recorded or ending is None:
            return
        self.recorded = True
        self.store.record_campaign_result(self.player, self.id, ending.id, self.score, self.run.max_score)
        self.store.clear_campaign(self.player, self.id)

    def restart(self, seed: int | None = None) -> Journey:
        """Forget this journey and begin a new one."""
        self.store.clear_campaign(self.player, self.id)
        return Journey.new(self.bank, self.store, self.id, self.player, seed)
