"""How fast the game starts and answers, beside a bare Textual app.

Two numbers, each measured on the real Linux driver inside a pseudo-terminal
(100×30), alternating the quiz and the bare app run by run so that both see
the same machine load:

1. start-up: from process start (just before the process is spawned) to the
   first frame written to the terminal that holds the home screen ("Quick
   round") — beside a bare app whose one `Static` says "Hello bench";
2. key press to feedback: from writing "1" into the terminal on a question to
   the first frame holding the feedback ("Your answer:") — beside the bare
   app repainting its `Static` after a key press. For reference, it also times
   the bare app swapping its `Static` for a screenful of lines it made
   beforehand: the least any feedback that takes the question's place costs.

With `--first-question`, instead: process start to the first frame holding
the first question, for `quiz play --player NAME` with "1" (quick round)
pressed the moment the home screen shows — beside the bare app's first frame
(target ≤ 1.5×); and, in separate runs, quitting the moment the first frame
shows, to the process's end, beside the bare app doing the same. The checked
bank's cache and the player's data are made by one run first, which is not
counted: the start of a player who has played before.

Frames are detected in the child process by wrapping the driver's `write`,
which is the moment Textual hands the painted frame to the terminal.

The quiz package's bytecode is compiled first, as `pip install` does, so that
both apps start from compiled modules.

Run: `python bench/startup_bench.py [--runs 15] [--samples] [--first-question]`. Targets: start-up ≤ 1.2× the
bare app; key to feedback ≤ 2× the bare app's key to repaint.
"""

from __future__ import annotations

import argparse
import compileall
import fcntl
import os
import pty
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SIZE = (30, 100)  # rows, columns
HOME_MARKER = "Quick round"
QUESTION_MARKER = "Question 1 of"
FEEDBACK_MARKER = "Your answer:"
BARE_MARKER = "Hello bench"
BARE_KEY_MARKER = "Pressed 1"
BARE_SWAP_MARKER = "Swapped in"
IDLE = 1.5
"""Seconds each app sits idle before a key press: the same for both, so that
neither is measured on a CPU that idled longer."""


# --- the child side -----------------------------------------------------------


def _watch_frames(report: Path, markers: list[str]) -> None:
    """Record the wall-clock time of the first frame holding each marker."""
    from textual.drivers.linux_driver import LinuxDriver

    seen: set[str] = set()
    original = LinuxDriver.write

    debug = os.environ.get("QUIZ_BENCH_DEBUG")

    profile_path = os.environ.get("QUIZ_BENCH_PROFILE")
    profiler = None
    if profile_path:
        import cProfile

        profiler = cProfile.Profile()

    def write(self: LinuxDriver, data: str) -> None:
        # The moment Textual hands the frame over, taken before anything else:
        # the driver's writer thread then competes with this wrapper's own file
        # writes for the interpreter, and a big frame would be timed late.
        now = time.time()
        original(self, data)
        if profiler is not None and profile_path and "Your answer" in data and "profiled" not in seen:
            seen.add("profiled")
            profiler.disable()
            profiler.dump_stats(profile_path)
        if debug:
            with open(debug, "a", encoding="utf-8") as out:
                out.write(f"{now!r} {len(data)} {'Your answer' in data} {'Question 1' in data}\n")
        for marker in markers:
            if marker not in seen and marker in data:
                seen.add(marker)
                with report.open("a", encoding="utf-8") as out:
                    out.write(f"{marker}\t{now!r}\n")

    LinuxDriver.write = write  # type: ignore[method-assign]
    if debug:
        _trace(debug, profiler)


def _trace(debug: str, profiler: Any) -> None:
    """Diagnostics (QUIZ_BENCH_DEBUG): when each key, answer, frame tick and collection happens,
    and how long each step of the answer's path takes; with QUIZ_BENCH_PROFILE, a profile of
    that path up to the feedback frame."""
    import functools
    import gc

    from textual._compositor import Compositor
    from textual.app import App
    from textual.message_pump import MessagePump
    from textual.screen import Screen

    def log(line: str) -> None:
        with open(debug, "a", encoding="utf-8") as out:
            out.write(f"{time.time()!r} {line}\n")

    original_dispatch = MessagePump._dispatch_message

    async def dispatch(self, message):  # type: ignore[no-untyped-def]
        name = type(message).__name__
        if profiler is not None and name == "Answered":
            profiler.enable()
        if name in ("Key", "Answered"):
            log(f"{name} {type(self).__name__}")
        return await original_dispatch(self, message)

    MessagePump._dispatch_message = dispatch  # type: ignore[method-assign]

    original_tick = Screen._on_timer_update

    def tick(self):  # type: ignore[no-untyped-def]
        dirty = ",".join(sorted(type(w).__name__ for w in self._dirty_widgets))
        log(f"Tick layout={self._layout_required} dirty={dirty}")
        return original_tick(self)

    Screen._on_timer_update = tick  # type: ignore[method-assign]

    collecting = [0.0]

    def collection(phase, info):  # type: ignore[no-untyped-def]
        if phase == "start":
            collecting[0] = time.perf_counter()
        else:
            log(f"GC gen{info['generation']} {(time.perf_counter() - collecting[0]) * 1000:.2f}ms")

    gc.callbacks.append(collection)

    def timed(owner, name):  # type: ignore[no-untyped-def]
        original = getattr(owner, name)

        @functools.wraps(original)
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                log(f"Spent {owner.__name__}.{name} {(time.perf_counter() - started) * 1000:.2f}ms")

        setattr(owner, name, wrapper)

    for owner, name in (
        (Compositor, "reflow"),
        (Compositor, "render_update"),
        (App, "_display"),
        (Screen, "_refresh_layout"),
    ):
        timed(owner, name)
    if "quiz" in sys.argv:
        from quiz.tui.data.round import RoundInPlay
        from quiz.tui.screens.answering import AnsweringScreen
        from quiz.tui.widgets.feedback import FeedbackView

        for owner, name in (
            (RoundInPlay, "answer"),
            (FeedbackView, "show"),
            (FeedbackView, "render_line"),
            (FeedbackView, "_size_updated"),
            (AnsweringScreen, "reveal_feedback"),
        ):
            timed(owner, name)


def child_bare(report: Path) -> None:
    _watch_frames(report, [BARE_MARKER, BARE_KEY_MARKER, BARE_SWAP_MARKER])
    import textwrap

    from rich.segment import Segment
    from textual.app import App, ComposeResult
    from textual.geometry import Size
    from textual.scroll_view import ScrollView
    from textual.strip import Strip
    from textual.widgets import Static

    class PreparedLines(ScrollView):
        """A screenful of lines made before they are shown: the least a swap can cost."""

        lines: list[Strip] = []  # noqa: RUF012

        def prepare(self, width: int) -> None:
            words = "The figures count different things at different times, by different speakers. " * 40
            text = [BARE_SWAP_MARKER, *textwrap.wrap(words, width)]
            self.lines = [Strip([Segment(line.ljust(width))]) for line in text]
            self.virtual_size = Size(width, len(self.lines))

        def render_line(self, y: int) -> Strip:
            y += self.scroll_offset.y
            return self.lines[y] if y < len(self.lines) else Strip.blank(self.size.width)

    class Bare(App[None]):
        BINDINGS = [("1", "press", "Press"), ("2", "swap", "Swap"), ("ctrl+q", "quit", "Quit")]  # noqa: RUF012

        def compose(self) -> ComposeResult:
            yield Static(BARE_MARKER, id="s")
            yield PreparedLines()

        def on_mount(self) -> None:
            lines = self.query_one(PreparedLines)
            lines.display = False
            lines.prepare(SIZE[1] - 2)

        def action_press(self) -> None:
            self.query_one(Static).update(BARE_KEY_MARKER)

        def action_swap(self) -> None:
            with self.batch_update():
                self.query_one(Static).display = False
                self.query_one(PreparedLines).display = True

    Bare().run()


def child_quiz(report: Path, args: list[str]) -> None:
    _watch_frames(report, [HOME_MARKER, QUESTION_MARKER, FEEDBACK_MARKER])
    from quiz.cli import main

    raise SystemExit(main(args))


# --- the parent side ----------------------------------------------------------


class Run:
    """One child process in a pseudo-terminal, its frames reported to a file."""

    def __init__(self, argv: list[str], report: Path, env: dict[str, str] | None = None) -> None:
        self.report = report
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[0], SIZE[1], 0, 0))
        env = {**os.environ, **(env or {}), "TERM": "xterm-256color"}
        env.update(COLUMNS=str(SIZE[1]), LINES=str(SIZE[0]))
        env.pop("TEXTUAL", None)
        self.master = master
        self.started = time.time()
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, start_new_session=True
        )
        os.close(slave)
        self._drain = threading.Thread(target=self._read, daemon=True)
        self._drain.start()

    def _read(self) -> None:
        while True:
            try:
                if not os.read(self.master, 65536):
                    return
            except OSError:
                return

    def seen(self) -> dict[str, float]:
        if not self.report.exists():
            return {}
        times = {}
        for line in self.report.read_text(encoding="utf-8").splitlines():
            marker, _, when = line.partition("\t")
            times[marker] = float(when)
        return times

    def wait_for(self, marker: str, timeout: float = 30.0) -> float:
        deadline = time.time() + timeout
        while time.time() < deadline:
            when = self.seen().get(marker)
            if when is not None:
                return when
            if self.process.poll() is not None:
                raise RuntimeError(f"child exited ({self.process.returncode}) before {marker!r}")
            time.sleep(0.005)
        raise TimeoutError(marker)

    def press(self, keys: str) -> float:
        now = time.time()
        os.write(self.master, keys.encode())
        return now

    def exited(self, timeout: float = 10.0) -> float:
        """The moment the process is seen to have ended."""
        deadline = time.time() + timeout
        while self.process.poll() is None:
            if time.time() > deadline:
                raise TimeoutError("the process did not end")
            time.sleep(0.002)
        return time.time()

    def close(self) -> None:
        try:
            os.write(self.master, b"\x11")  # ctrl+q
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        os.close(self.master)


def measure_bare(tmp: Path, index: int) -> tuple[float, float, float]:
    run = Run(
        [sys.executable, __file__, "--child", "bare", str(tmp / f"bare{index}.txt")], tmp / f"bare{index}.txt"
    )
    try:
        painted = run.wait_for(BARE_MARKER) - run.started
        time.sleep(IDLE)
        pressed = run.press("1")
        repainted = run.wait_for(BARE_KEY_MARKER) - pressed
        time.sleep(IDLE)
        pressed = run.press("2")
        swapped = run.wait_for(BARE_SWAP_MARKER) - pressed
        return painted, repainted, swapped
    finally:
        run.close()


def measure_quiz(tmp: Path, index: int, quiz_args: list[str]) -> tuple[float, float]:
    report = tmp / f"quiz{index}.txt"
    data = tmp / f"data{index}"
    args = [*quiz_args, "--data-dir", str(data), "--player", "bench"]
    run = Run([sys.executable, __file__, "--child", "quiz", str(report), "--", *args], report)
    try:
        painted = run.wait_for(HOME_MARKER) - run.started
        time.sleep(1.5)  # the bank loads in a worker after the first paint
        run.press("1")  # quick round
        run.wait_for(QUESTION_MARKER)
        time.sleep(IDLE)  # a player reads the question; the feedback is composed meanwhile
        pressed = run.press("1")  # the first choice
        feedback = run.wait_for(FEEDBACK_MARKER) - pressed
        return painted, feedback
    finally:
        run.close()


def bare_first_paint(tmp: Path, name: str, *, quit_at_once: bool = False) -> float:
    """The bare app's first frame after process start, or with `quit_at_once`, from it to the end."""
    report = tmp / f"{name}.txt"
    run = Run([sys.executable, __file__, "--child", "bare", str(report)], report)
    try:
        painted = run.wait_for(BARE_MARKER)
        if quit_at_once:
            run.press("\x11")  # ctrl+q
            return run.exited() - painted
        return painted - run.started
    finally:
        run.close()


def quiz_first_question(tmp: Path, name: str, quiz_args: list[str], *, quit_at_once: bool = False) -> float:
    """Start to the first question's frame, "1" pressed as the home screen shows; or from
    the home screen's frame to the process's end, quitting at once."""
    report = tmp / f"{name}.txt"
    args = [*quiz_args, "--data-dir", str(tmp / "data"), "--player", "bench"]
    env = {"QUIZ_CACHE_DIR": str(tmp / "cache")}
    run = Run([sys.executable, __file__, "--child", "quiz", str(report), "--", *args], report, env)
    try:
        painted = run.wait_for(HOME_MARKER)
        if quit_at_once:
            run.press("q")
            return run.exited() - painted
        run.press("1")  # quick round, as soon as the home screen shows
        return run.wait_for(QUESTION_MARKER) - run.started
    finally:
        run.close()


def first_question(runs: int, quiz_args: list[str]) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="quiz-bench-"))
    bare_start, quiz_start, bare_quit, quiz_quit = [], [], [], []
    try:
        quiz_first_question(tmp, "warm", quiz_args)  # the cache and the store, as a returning player has
        for index in range(runs):
            bare_start.append(bare_first_paint(tmp, f"bare{index}"))
            quiz_start.append(quiz_first_question(tmp, f"quiz{index}", quiz_args))
        for index in range(runs):
            bare_quit.append(bare_first_paint(tmp, f"bare-quit{index}", quit_at_once=True))
            quiz_quit.append(quiz_first_question(tmp, f"quiz-quit{index}", quiz_args, quit_at_once=True))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    ratios = sorted(q / b for q, b in zip(quiz_start, bare_start, strict=True))
    print(f"runs: {runs}, alternating, terminal {SIZE[1]}x{SIZE[0]}")
    print(f"start to first paint       bare app: {ms(bare_start)}")
    print(f"start to first question    quiz:     {ms(quiz_start)}")
    print(f"quit at once, to the end   bare app: {ms(bare_quit)}")
    print(f"                           quiz:     {ms(quiz_quit)}")
    start_ratio = statistics.median(quiz_start) / statistics.median(bare_start)
    print(f"first-question ratio  {start_ratio:.2f}x  (target ≤ 1.50x)")
    print(
        f"  run by run: median {statistics.median(ratios):.2f}x, min {ratios[0]:.2f}x, max {ratios[-1]:.2f}x"
    )
    print(f"quit ratio            {statistics.median(quiz_quit) / statistics.median(bare_quit):.2f}x")
    return 0


def ms(values: list[float]) -> str:
    # One decimal: a 4 ms repaint rounded to whole milliseconds moves the ratio by a quarter.
    median, low, high = (v * 1000 for v in (statistics.median(values), min(values), max(values)))
    return f"median {median:6.1f} ms  (min {low:.1f}, max {high:.1f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each app, alternating (default 15)")
    parser.add_argument("--samples", action="store_true", help="also print every key-press time, sorted")
    parser.add_argument(
        "--first-question",
        action="store_true",
        help="time start to the first question (1 pressed on the home screen), and quitting at once",
    )
    parser.add_argument("--child", choices=("bare", "quiz"), help=argparse.SUPPRESS)
    parser.add_argument("report", nargs="?", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "bare":
        child_bare(args.report)
        return 0
    if args.child == "quiz":
        rest = args.rest[1:] if args.rest[:1] == ["--"] else args.rest
        child_quiz(args.report, rest)
        return 0

    # Measure the game as installed: pip compiles a package's bytecode when it
    # installs it (Textual's is compiled already), but a checkout run with
    # PYTHONDONTWRITEBYTECODE would compile every module on every start.
    compileall.compile_dir(ROOT / "quiz", quiet=1)
    quiz_args = ["--type", "choice", "--seed", "1", "--count", "3"]
    if args.first_question:
        return first_question(args.runs, quiz_args)
    tmp = Path(tempfile.mkdtemp(prefix="quiz-bench-"))
    bare_start, bare_key, bare_swap, quiz_start, quiz_key = [], [], [], [], []
    try:
        for index in range(args.runs):
            painted, key, swap = measure_bare(tmp, index)
            bare_start.append(painted)
            bare_key.append(key)
            bare_swap.append(swap)
            painted, key = measure_quiz(tmp, index, quiz_args)
            quiz_start.append(painted)
            quiz_key.append(key)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if args.samples:
        for name, values in (("bare key", bare_key), ("bare swap", bare_swap), ("quiz key", quiz_key)):
            print(f"{name + ':':11}", " ".join(f"{v * 1000:.1f}" for v in sorted(values)))
    start_ratio = statistics.median(quiz_start) / statistics.median(bare_start)
    key_ratio = statistics.median(quiz_key) / statistics.median(bare_key)
    print(f"runs: {args.runs}, alternating, terminal {SIZE[1]}x{SIZE[0]}")
    print(f"start-up to first paint   bare app: {ms(bare_start)}")
    print(f"                          quiz:     {ms(quiz_start)}")
    print(f"key press to repaint      bare app: {ms(bare_key)}")
    print(f"key press to swap         bare app: {ms(bare_swap)}")
    print(f"key press to feedback     quiz:     {ms(quiz_key)}")
    print(f"start-up ratio   {start_ratio:.2f}x  (target ≤ 1.20x)")
    print(f"key-press ratio  {key_ratio:.2f}x  (target ≤ 2.00x)")
    # Noise only adds time: the fastest runs show what each costs when the machine lets it.
    print(
        f"fastest runs     start-up {min(quiz_start) / min(bare_start):.2f}x,"
        f" key press {min(quiz_key) / min(bare_key):.2f}x"
    )
    swap_ratio = statistics.median(bare_swap) / statistics.median(bare_key)
    print(
        f"for reference: the bare app swapping a Static for a screenful of prepared lines {swap_ratio:.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
