"""The plain face: the whole game as lines of text on standard input and output.

For screen readers, scripts and terminals that cannot run a full-screen app:
nothing here moves the cursor or colours text, and each prompt is one line.
Content is printed exactly as written, less any control characters
(`quiz.content.text.clean`). `q` or the end of input ends the round, keeping
what was answered; input that is not an answer asks again with the hint.
"""

from __future__ import annotations

import sys
from typing import TextIO

from quiz.content.bank import Bank
from quiz.content.references import OUTSIDE_LABEL, outside_facts
from quiz.content.text import clean, clean_line
from quiz.engine.kinds import kind_of
from quiz.engine.parse import BadInput, hint, parse_answer, parse_confidence
from quiz.engine.playable import Playable
from quiz.engine.scoring import BASE_POINTS
from quiz.engine.session import DEFAULT_PLAYER, GameSession, RoundSummary, Step
from quiz.engine.setup import GameSetup
from quiz.engine.words import (
    CERTAINTY_LEVELS,
    DISPUTE_KINDS,
    MODE_TITLES,
    NOT_STATED,
    long_date,
    marks,
    percent,
    replay_hint,
    topic_name,
)

QUIT_WORDS = {"q", "quit"}
HELP_WORDS = {"help", "?"}
STOP_HELP = "q stops; answers already given are kept."
EXIT_OK, EXIT_USAGE, EXIT_INTERRUPTED = 0, 2, 130

_OUTCOMES = {"right": "Right.", "wrong": "Wrong."}
CONFIDENCE_QUESTION = "How sure are you? " + ", ".join(
    f"{level} = {name.lower()} ({marks(level)})" for level, name in CERTAINTY_LEVELS
)


class _Quit(Exception):
    """The player typed q, or the input ended."""


def run_plain(
    setup: GameSetup,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    *,
    game: type[PlainGame] | None = None,
) -> int:
    """Play one round (or, with `game`, another plain game such as the campaign); the exit status."""
    if stdin is None:
        stdin = sys.stdin
        if hasattr(stdin, "reconfigure"):
            stdin.reconfigure(errors="replace")  # bytes that are not text never crash the game
    if stdout is None:
        stdout = sys.stdout
        if hasattr(stdout, "reconfigure"):
            stdout.reconfigure(errors="replace")
    return (game or PlainGame)(setup, stdin, stdout).run()


class PlainGame:
    def __init__(self, setup: GameSetup, stdin: TextIO, stdout: TextIO, *, interactive: bool | None = None):
        self.setup = setup
        self.stdin = stdin
        self.stdout = stdout
        # Typed at a terminal, or piped from a script or a file.
        self.interactive = _isatty(stdin) if interactive is None else interactive
        self.echo = not self.interactive  # piped: show what was read, so the transcript reads
        self.shown_notice: str | None = None

    # --- lines in and out -------------------------------------------------------

    def say(self, text: str = "") -> None:
        self.stdout.write(clean(text) + "\n")
        self.stdout.flush()

    def ask(self, prompt: str = "> ", keys: str | None = None) -> str:
        """One line from the player; raises _Quit on q or at the end of input.

        With `keys` (what this prompt takes), `help` or `?` says them and asks again.
        """
        while True:
            self.stdout.write(prompt)
            self.stdout.flush()
            line = self.stdin.readline()
            if not line:
                self.stdout.write("\n")
                self.stdout.flush()
                raise _Quit
            line = line.rstrip("\r\n")
            if self.echo:
                self.say(line)
            word = line.strip().lower()
            if word in QUIT_WORDS:
                raise _Quit
            if keys is not None and word in HELP_WORDS:
                self.say(f"{keys} {STOP_HELP}")
                continue
            return line

    def notice(self) -> None:
        notice = self.setup.store.notice
        if notice and notice != self.shown_notice:
            self.say(notice)
            self.shown_notice = notice

    # --- the game ------------------------------------------------------------------

    def run(self) -> int:
        setup = self.setup
        self.say("CSTO quiz, plain text. Type q at any prompt to stop; answers already given are kept.")
        self.notice()
        try:
            player = self.player()
        except _Quit:
            self.say("Goodbye.")
            return EXIT_OK
        session = GameSession(setup.bank, setup.options.spec, setup.store, player)
        if not session.total:
            self.say(session.empty_reason or "No questions.")
            return EXIT_OK if session.spec.mode in {"review", "due"} else EXIT_USAGE
        self.introduce(session)
        status = EXIT_OK
        try:
            while not session.finished:
                self.play(session)
        except _Quit:
            pass
        except KeyboardInterrupt:
            status = EXIT_INTERRUPTED
        finally:
            session.end()
        self.summarise(session.summary())
        return status

    def player(self) -> str:
        named = self.setup.player
        if named:
            how = "" if self.setup.options.player else " (the last player; --player NAME to change)"
            self.say(f"Playing as {named}{how}.")
            return named
        if not self.interactive:
            # A script's first line is its first answer, not a name.
            self.say(f"Playing as {DEFAULT_PLAYER} (--player NAME to play under a name).")
            return DEFAULT_PLAYER
        self.say(f"Your name? Press Enter to play as {DEFAULT_PLAYER}.")
        name = (
            clean_line(
                self.ask(keys=f"Type your name and press Enter, or just Enter to play as {DEFAULT_PLAYER}.")
            ).strip()
            or DEFAULT_PLAYER
        )
        self.say(f"Playing as {name}.")
        return name

    def introduce(self, session: GameSession) -> None:
        spec = session.spec
        title = MODE_TITLES.get(spec.mode, spec.mode)
        if spec.mode == "drill" and spec.topics:
            title += f" on {', '.join(topic_name(t) for t in spec.topics)}"
        line = f"{title}: {session.total} question{'s' if session.total != 1 else ''}"
        if spec.seed is not None and spec.mode not in {"review", "due"}:  # these follow the history
            line += f", seed {spec.seed} (the same seed always gives the same round)"
        self.say(line + ".")
        if spec.mode not in {"review", "due"} and session.round.available < spec.count:
            available = session.round.available
            self.say(
                f"Only {available} question{'s' if available != 1 else ''} match, so the round is shorter."
            )
        if spec.confidence:
            self.say("Certainty-based marking is on: before each verdict you say how sure you are.")

    def play(self, session: GameSession) -> None:
        playable = session.current
        assert playable is not None
        self.say()
        points = BASE_POINTS.get(playable.difficulty, 100 * playable.difficulty)
        self.say(
            f"Question {session.index + 1} of {session.total}. Topic: {topic_name(playable.topic)}."
            f" Difficulty {playable.difficulty} ({points} points)."
        )
        self.show(playable)
        usage = hint(playable)
        self.say(usage)
        session.shown()
        while True:
            parsed = parse_answer(playable, self.ask(keys=usage))
            if not isinstance(parsed, BadInput):
                break
            self.say(str(parsed))
        confidence = None
        if session.spec.confidence:
            self.say(CONFIDENCE_QUESTION)
            while True:
                level = parse_confidence(self.ask(keys=CONFIDENCE_QUESTION + "."))
                if not isinstance(level, BadInput):
                    confidence = level
                    break
                self.say(str(level))
        step = session.answer(parsed, confidence)
        self.verdict(step, session)
        self.notice()

    def show(self, playable: Playable) -> None:
        self.say(playable.prompt)
        for line in kind_of(playable.type).shown(playable):
            self.say(line)

    # --- after an answer -------------------------------------------------------------

    def verdict(self, step: Step, session: GameSession) -> None:
        playable, verdict, award = step.playable, step.verdict, step.award
        outcome = _OUTCOMES.get(verdict.outcome) or f"Partly right ({round(verdict.credit * 100)}%)."
        line = f"{outcome} +{award.points} points"
        if award.bonus_percent:
            line += f" with a streak bonus of {award.bonus_percent}% ({award.streak} right in a row)"
        self.say(f"{line}. Total: {session.points}.")
        if award.marks is not None:
            self.say(
                f"Certainty marks: {award.marks:+d} at confidence {award.confidence}. Total marks: {session.marks}."
            )
        if verdict.outcome != "right":
            for text in kind_of(playable.type).given_lines(playable, step.given):
                self.say(text)
            for text in right_answer(playable):
                self.say(text)
        self.say(f"Why: {playable.explanation}")
        for advice in verdict.feedback:
            self.say(f"Note: {advice}")
        for line in evidence_lines(self.setup.bank, playable):
            self.say(line)

    def summarise(self, summary: RoundSummary) -> None:
        self.say()
        over = summary.answered == summary.total
        self.say("Round over." if over else "Round ended.")
        if not summary.answered:
            self.say("No question was answered, so nothing was recorded.")
            return
        self.say(
            f"Answered {summary.answered} of {summary.total}: {summary.right} right,"
            f" {summary.partial} partly right, {summary.wrong} wrong."
        )
        self.say(
            f"Points: {summary.points}. Accuracy: {percent(summary.accuracy)}."
            f" Best streak: {summary.best_streak}."
        )
        if seed_line := replay_hint(summary.seed, summary.mode):
            self.say(seed_line)
        if summary.marks is not None:
            self.say(f"Certainty-based marks: {summary.marks}.")
            for level in summary.calibration:
                share = percent(level.right / level.answered) if level.answered else "-"
                self.say(
                    f"  At confidence {level.confidence}: {level.right} of {level.answered} right ({share})."
                )
        if len(summary.by_topic) > 1:
            self.say("By topic:")
            for topic in summary.by_topic:
                self.say(
                    f"  {topic.topic}: {topic.answered} answered, {percent(topic.credit / topic.answered)}."
                )
        if summary.missed:
            self.say("To review (quiz play --plain --mode review):")
            for playable in summary.missed:
                self.say(f"  - {playable.prompt}")
        self.notice()
        if summary.saved and self.setup.store.waiting:
            self.say(f"Progress for {summary.player} will be saved once the file is free.")
        elif summary.saved:
            self.say(f"Progress saved for {summary.player}.")
        else:
            self.say("Progress is not being saved.")


def evidence_lines(bank: Bank, playable: Playable) -> list[str]:
    """What follows the explanation: the evidence, the dispute and the facts from outside the articles."""
    lines = []
    dispute = playable.dispute
    shown_in_dispute = {(p.source_id, p.quote) for p in dispute.positions} if dispute is not None else set()
    evidence = [e for e in playable.evidence if (e.source_id, e.quote) not in shown_in_dispute]
    if evidence:
        lines.append("Evidence:")
        for passage in evidence:
            lines.append(f"  “{passage.quote}”")
            lines.append(f"    from {describe_source(bank, passage.source_id)}")
    if dispute is not None:
        kind = DISPUTE_KINDS.get(dispute.kind, dispute.kind)
        lines.append(f"Where the sources disagree ({kind}): {dispute.title}")
        for position in dispute.positions:
            lines.append(f"  {describe_source(bank, position.source_id)}: {position.claim}")
            lines.append(f"    “{position.quote}”")
        if (why := playable.why_they_differ) is not None:
            lines.append(f"Why they differ: {why}")
    facts = outside_facts(bank, playable.id, dispute.id if dispute is not None else None)
    if facts:
        lines.append(f"{OUTSIDE_LABEL}:")
        lines += [f"  {fact}" for fact in facts]
    return lines


def right_answer(playable: Playable) -> list[str]:
    """The right answer, numbered as the question showed it."""
    return kind_of(playable.type).right_lines(playable)


def describe_source(bank: Bank, source_id: str) -> str:
    """An article as the evidence line names it: title, outlet, date."""
    source = bank.sources.get(source_id)
    if source is None:
        return source_id
    parts = [f"“{source.title}”"]
    if source.author:
        parts.append(f"by {source.author}")
    if source.outlet != NOT_STATED:
        parts.append(source.outlet)
    parts.append(long_date(source.date))
    unnamed = " (no outlet named)" if not source.author and source.outlet == NOT_STATED else ""
    return ", ".join(parts) + unnamed


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
