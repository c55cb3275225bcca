"""The campaign as plain lines: `quiz play --plain --mode campaign`.

It shares the plain round's ways of reading and writing lines (`PlainGame`):
control characters are stripped from content, `q` or the end of input stops,
bad input asks again. Each scene is printed, then the player types short
commands (`h` lists them). The journey is saved after every move, so
stopping never loses it; the next game offers to resume.
"""

from __future__ import annotations

from quiz.content.campaign.models import CampaignEvidence
from quiz.engine.campaign.journey import (
    Journey,
    SavedJourneyOutdated,
    SavedJourneyUnreadable,
    campaign_to_play,
)
from quiz.engine.campaign.run import CampaignRun, MoveError
from quiz.engine.parse import BadInput, hint, parse_answer, shown_input, whole_number
from quiz.engine.words import long_date
from quiz.plain.round import EXIT_OK, PlainGame, _Quit, describe_source, right_answer

HELP = """Commands:
  k N      keep evidence N in your notebook      d N   drop notebook entry N
  a N      answer question N                      n     show your notebook
  c        catch the contradiction (pick two notebook entries, then say why)
  g N      go through exit N                      m     the journey so far
  l        look at the scene again                h     this help
  q        stop (your journey is saved)"""


class PlainCampaign(PlainGame):
    """A campaign played in plain text."""

    def run(self) -> int:
        bank = self.setup.bank
        if not bank.campaigns:
            self.say("This content has no campaign (content/campaign.toml).")
            return 2
        campaign_id = campaign_to_play(bank.campaigns)
        assert campaign_id is not None
        campaign = bank.campaigns[campaign_id]
        self.say(
            "CSTO quiz, campaign, plain text. Type h for the commands, q to stop; your journey is saved."
        )
        self.notice()
        try:
            player = self.player()
            self.journey = self._start(campaign_id, player)
        except _Quit:
            self.say("Goodbye.")
            return EXIT_OK
        self.say()
        self.say(campaign.title)
        self.say(campaign.intro)
        self.look()
        try:
            while not self.journey.finished:
                self.command(self.ask())
                self.notice()
        except _Quit:
            self.journey.save()
            self.notice()
            self.say("Journey saved. Goodbye.")
            return EXIT_OK
        self.finish()
        return EXIT_OK

    @property
    def run_(self) -> CampaignRun:
        return self.journey.run

    def _start(self, campaign_id: str, player: str) -> Journey:
        bank, store = self.setup.bank, self.setup.store
        seed = self.setup.options.spec.seed
        try:
            saved = Journey.saved(bank, store, campaign_id, player)
        except SavedJourneyUnreadable as exc:
            self.say(str(exc))
            saved = None
        except SavedJourneyOutdated:
            self.say(
                "Your saved journey is in a scene this campaign no longer has (the questions changed)."
                " r to restart (the old save is kept aside), q to stop and keep it as it is."
            )
            while True:
                choice = self.ask(keys="r restarts the journey (the old save is kept aside).").strip().lower()
                if choice in {"r", "restart"}:
                    return Journey.restart_outdated(bank, store, campaign_id, player, seed)
                self.say("Type r to restart or q to stop.")
        if saved is not None:
            self.say(f"You have a journey under way, at {saved.scene.title}. r to resume, n to start again.")
            while True:
                choice = self.ask(keys="r resumes your journey; n starts again.").strip().lower()
                if choice in {"r", "resume", ""}:
                    return saved
                if choice in {"n", "new"}:
                    return saved.restart(seed)
                self.say("Type r to resume or n to start again.")
        return Journey.new(bank, store, campaign_id, player, seed)

    # --- showing -------------------------------------------------------------------------

    def look(self) -> None:
        run = self.run_
        scene = run.scene
        self.say()
        when = f", {long_date(scene.date)}" if scene.date else ""
        self.say(f"== {scene.title} ({scene.place}{when}) ==")
        self.say(scene.text.strip())
        if scene.evidence:
            self.say("Evidence here:")
            kept = set(run.state.notebook)
            for n, evidence in enumerate(scene.evidence, 1):
                mark = " [in notebook]" if evidence.id in kept else ""
                self.say(f"  {n}. {self._passage(evidence)}{mark}")
        questions = run.questions()
        if questions:
            self.say("Questions:")
            for n, question in enumerate(questions, 1):
                mark = " [answered]" if question.answered_right else ""
                self.say(f"  {n}. {question.playable.prompt}{mark}")
        if run.contradiction is not None:
            state = "solved" if run.contradiction_solved else "to solve: type c"
            self.say(f"Contradiction ({state}): {run.contradiction.prompt}")
        self.say("Exits:")
        for exit_view in run.exits():
            status = "" if exit_view.open else " [closed: " + "; ".join(exit_view.missing) + "]"
            self.say(f"  {exit_view.index + 1}. {exit_view.label}{status}")
        self.say(f"Score: {run.state.score}. Type h for the commands.")

    def _passage(self, evidence: CampaignEvidence) -> str:
        text = f"“{evidence.quote}” ({describe_source(self.setup.bank, evidence.source)})"
        return f"{text} {evidence.note}" if evidence.note else text

    def notebook(self) -> None:
        entries = self.run_.notebook
        if not entries:
            self.say("Your notebook is empty. Keep evidence with k N.")
            return
        self.say("Your notebook:")
        for n, evidence in enumerate(entries, 1):
            self.say(f"  {n}. {self._passage(evidence)}")

    def journey_so_far(self) -> None:
        run = self.run_
        self.say("Visited: " + ", ".join(s.title for s in run.visited_scenes()))
        open_places = run.open_places()
        if open_places:
            self.say("Not yet visited: " + ", ".join(s.title for s in open_places))
        self.say(f"Score: {run.state.score} of at most {run.max_score}.")

    # --- commands ------------------------------------------------------------------------

    def command(self, line: str) -> None:
        word, _, rest = line.strip().partition(" ")
        word = word.lower()
        actions = {
            "k": self.keep,
            "d": self.drop,
            "a": self.answer,
            "g": self.go,
        }
        try:
            if word in actions:
                actions[word](self._number(rest))
            elif word == "n":
                self.notebook()
            elif word == "c":
                self.contradiction()
            elif word == "m":
                self.journey_so_far()
            elif word == "l":
                self.look()
            elif word in {"h", "help", "?"}:
                self.say(HELP)
            else:
                self.say(f"{shown_input(line.strip())} is not a command. Type h for the commands.")
        except MoveError as exc:
            self.say(f"Not possible: {exc}.")

    def _number(self, text: str) -> int:
        number = whole_number(text.strip())
        if number is None:
            raise MoveError(f"type a number after the command, like k 1 (not {shown_input(text.strip())})")
        return number

    def _pick(self, items: list[object], number: int, what: str) -> int:
        if not 1 <= number <= len(items):
            raise MoveError(
                f"there is no {what} {number} (1 to {len(items)})" if items else f"there is no {what}"
            )
        return number - 1

    def keep(self, number: int) -> None:
        evidence = self.run_.scene.evidence[self._pick(list(self.run_.scene.evidence), number, "evidence")]
        self.journey.keep(evidence.id)
        self.say(f"Kept in your notebook: “{evidence.quote}”")

    def drop(self, number: int) -> None:
        entries = self.run_.notebook
        evidence = entries[self._pick(list(entries), number, "notebook entry")]
        self.journey.drop(evidence.id)
        self.say(f"Dropped: “{evidence.quote}”")

    def answer(self, number: int) -> None:
        questions = self.run_.questions()
        view = questions[self._pick(list(questions), number, "question")]
        self.show(view.playable)
        self.say(hint(view.playable))
        while True:
            parsed = parse_answer(view.playable, self.ask(keys=hint(view.playable)))
            if not isinstance(parsed, BadInput):
                break
            self.say(str(parsed))
        verdict, _points = self.journey.answer(view.ref, parsed)
        outcome = {"right": "Right.", "wrong": "Wrong."}.get(
            verdict.outcome, "Partly right: not enough to count."
        )
        self.say(outcome)
        if verdict.outcome != "right":
            self.say("You may try again (a at the same number); only a right first answer scores.")
        else:
            for line in right_answer(view.playable):
                self.say(line)
        self.say(f"Why: {view.playable.explanation}")
        for passage in view.playable.evidence:
            self.say(f"  “{passage.quote}”")
            self.say(f"    from {describe_source(self.setup.bank, passage.source_id)}")
        self.say(f"Score: {self.run_.state.score}.")

    def contradiction(self) -> None:
        run = self.run_
        contradiction = run.contradiction
        if contradiction is None:
            raise MoveError("there is no contradiction to catch in this scene")
        if run.contradiction_solved:
            self.say("You have solved this one already.")
            return
        if not run.pair_found:
            entries = run.notebook
            if len(entries) < 2:
                raise MoveError("keep at least two pieces of evidence in your notebook first")
            self.notebook()
            self.say("Which two entries contradict each other? Type their numbers, like 1 3.")
            while True:
                picks = [
                    whole_number(p)
                    for p in self.ask(keys="Type the numbers of two notebook entries, like 1 3.")
                    .replace(",", " ")
                    .split()
                ]
                if len(picks) == 2 and all(p is not None and 1 <= p <= len(entries) for p in picks):
                    first, second = (entries[p - 1].id for p in picks if p is not None)
                    if first != second:
                        break
                self.say(f"Type two different numbers from 1 to {len(entries)}, like 1 2.")
            if not self.journey.try_pair(first, second)[0]:
                self.say("Those two do not contradict each other on this point. Look again (type c).")
                return
            self.say("Yes: those two conflict.")
        self.say(contradiction.prompt)
        for n, reason in enumerate(contradiction.reasons, 1):
            self.say(f"  {n}. {reason}")
        self.say(f"Type the number of the reason, from 1 to {len(contradiction.reasons)}.")
        while True:
            picked = whole_number(
                self.ask(keys=f"Type the number of a reason, from 1 to {len(contradiction.reasons)}.").strip()
            )
            if picked is not None and 1 <= picked <= len(contradiction.reasons):
                break
            self.say(f"Type a number from 1 to {len(contradiction.reasons)}.")
        if self.journey.give_reason(contradiction.reasons[picked - 1])[0]:
            dispute = self.setup.bank.dispute(contradiction.dispute)
            self.say("Right. " + dispute.explanation)
        else:
            self.say("Not that. Think about who gave each figure, when, and how (type c to try again).")
        self.say(f"Score: {run.state.score}.")

    def go(self, number: int) -> None:
        exits = self.run_.exits()
        index = self._pick(list(exits), number, "exit")
        self.journey.go(index)
        if not self.journey.finished:
            self.look()

    # --- the end ---------------------------------------------------------------------------

    def finish(self) -> None:
        run = self.run_
        ending = run.ending
        assert ending is not None
        self.say()
        self.say(f"== {run.scene.title} ==")
        self.say(run.scene.text.strip())
        self.say()
        self.say(f"Ending: {ending.title}")
        self.say(ending.text.strip())
        self.say(f"Your score: {run.state.score} of at most {run.max_score}.")
        store = self.setup.store
        self.journey.finish()
        self.notice()
        self.say("Campaign finished." + ("" if store.saving else " Progress is not being saved."))
