"""Key press to painted feedback, beside a bare Textual app showing the same text.

On the real Linux driver inside a pseudo-terminal (100×30), alternating the
two run by run so that both see the same machine load:

- the quiz: from writing "1" into the terminal on a choice question (seed 1,
  read for a while, as a player does) to the first frame holding its feedback
  ("Your answer:");
- the floor: a bare app that, on the same key, swaps a `Static` for another
  `Static` made beforehand holding the same feedback's text (the verdict, the
  prompt, the answers, the explanation and every passage in its paragraph):
  the same amount of text on screen, laid out by Textual on the key press.

Run: `python bench/feedback_bench.py [--runs 15] [--samples]`. Target: the
quiz's median within 1.5× the floor's.
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup_bench import IDLE, QUESTION_MARKER, ROOT, SIZE, Run, _watch_frames

FEEDBACK_MARKER = "Your answer:"
QUIZ_ARGS = ["--type", "choice", "--seed", "1", "--count", "3"]


def feedback_text(data_dir: Path) -> str:
    """The text of the quiz's feedback to the first choice of its first question, in plain lines."""
    from quiz.engine.setup import load_setup, play_options
    from quiz.tui.game import Game
    from quiz.tui.verdicts import answer_text, verdict_line

    options = play_options(data_dir=data_dir, types=("choice",), seed=1, count=3, player="bench")
    game = Game(load_setup(options))
    session = game.session(options.spec)
    playable = session.current
    assert playable is not None
    step = session.answer(playable.choices[0])
    parts = [
        verdict_line(step).plain,
        playable.prompt,
        f"{FEEDBACK_MARKER} {answer_text(playable, step.given)}",
        f"The answer: {step.verdict.expected}",
        *step.verdict.feedback,
        f"Why: {playable.explanation}",
        "Evidence",
    ]
    for passage in playable.evidence:
        card = game.card(passage.source_id)
        view = game.passage(passage.source_id, passage.quote)
        parts += [card.title, card.byline, view.paragraph if view else passage.quote]
    return "\n\n".join(parts)


def child_floor(report: Path, text_file: Path) -> None:
    _watch_frames(report, ["Question", FEEDBACK_MARKER])
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    text = text_file.read_text(encoding="utf-8")

    class Floor(App[None]):
        BINDINGS = [("1", "swap", "Swap"), ("ctrl+q", "quit", "Quit")]  # noqa: RUF012

        def compose(self) -> ComposeResult:
            yield Static("Question", id="question")
            feedback = Static(text, id="feedback", markup=False)
            feedback.display = False
            yield feedback

        def action_swap(self) -> None:
            with self.batch_update():
                self.query_one("#question").display = False
                self.query_one("#feedback").display = True

    Floor().run()


def child_quiz(report: Path, args: list[str]) -> None:
    _watch_frames(report, [QUESTION_MARKER, FEEDBACK_MARKER])
    from quiz.cli import main

    raise SystemExit(main(args))


def measure_floor(tmp: Path, index: int, text_file: Path) -> float:
    report = tmp / f"floor{index}.txt"
    run = Run([sys.executable, __file__, "--child", "floor", str(report), str(text_file)], report)
    try:
        run.wait_for("Question")
        time.sleep(IDLE)
        pressed = run.press("1")
        return run.wait_for(FEEDBACK_MARKER) - pressed
    finally:
        run.close()


def measure_quiz(tmp: Path, index: int) -> float:
    report = tmp / f"quiz{index}.txt"
    args = [*QUIZ_ARGS, "--data-dir", str(tmp / f"data{index}"), "--player", "bench"]
    run = Run([sys.executable, __file__, "--child", "quiz", str(report), "--", *args], report)
    try:
        deadline = time.time() + 30
        while (
            True
        ):  # press "1" (a quick round) until the question shows: the bank loads after the first paint
            run.press("1")
            try:
                run.wait_for(QUESTION_MARKER, timeout=0.5)
                break
            except TimeoutError:
                if time.time() > deadline:
                    raise
        time.sleep(IDLE)  # a player reads the question; the feedback is laid out meanwhile
        pressed = run.press("1")  # the first choice
        return run.wait_for(FEEDBACK_MARKER) - pressed
    finally:
        run.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each app, alternating (default 15)")
    parser.add_argument("--samples", action="store_true", help="also print every time, sorted")
    parser.add_argument("--child", choices=("floor", "quiz"), help=argparse.SUPPRESS)
    parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "floor":
        child_floor(Path(args.rest[0]), Path(args.rest[1]))
        return 0
    if args.child == "quiz":
        report, rest = Path(args.rest[0]), args.rest[1:]
        child_quiz(report, rest[1:] if rest[:1] == ["--"] else rest)
        return 0

    compileall.compile_dir(ROOT / "quiz", quiet=1)
    tmp = Path(tempfile.mkdtemp(prefix="quiz-feedback-bench-"))
    floor, quiz = [], []
    try:
        text_file = tmp / "feedback.txt"
        text_file.write_text(feedback_text(tmp / "text-data"), encoding="utf-8")
        for index in range(args.runs):
            floor.append(measure_floor(tmp, index, text_file))
            quiz.append(measure_quiz(tmp, index))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    def ms(values: list[float]) -> str:
        median, low, high = (v * 1000 for v in (statistics.median(values), min(values), max(values)))
        spread = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
        return (
            f"median {median:6.1f} ms  (min {low:.1f}, quartiles {spread[0] * 1000:.1f}-{spread[2] * 1000:.1f},"
            f" max {high:.1f})"
        )

    if args.samples:
        for name, values in (("floor", floor), ("quiz", quiz)):
            print(f"{name + ':':7}", " ".join(f"{v * 1000:.1f}" for v in sorted(values)))
    print(f"runs: {args.runs}, alternating, terminal {SIZE[1]}x{SIZE[0]}")
    print(f"key press to feedback   floor (a prepared Static): {ms(floor)}")
    print(f"                        quiz:                      {ms(quiz)}")
    print(f"ratio  {statistics.median(quiz) / statistics.median(floor):.2f}x  (target ≤ 1.50x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
