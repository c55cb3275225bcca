"""How many pupils one machine serves: `quiz serve` under a growing class, on loopback.

Each served player is a real websocket session of `quiz serve` (textual-serve
starts one `quiz play` process per connection), driven as a browser would
drive it: the name at the gate, `j` and the assignment's code, then answers.
Three figures:

1. memory per served player: the proportional set size (Pss, so shared pages
   are split between processes) of each player's processes, read from
   /proc/<pid>/smaps_rollup while the class is connected;
2. connection to first paint: from opening the websocket to the first frame
   holding the gate ("join the class");
3. key press to feedback: from sending "f" on a true/false question to the
   first frame holding the feedback ("Your answer:"), one player at a time
   while the whole class is connected (as a class plays: pupils press at
   different moments). The single player's median is the floor; the class
   grows (1, 2, 4, 8, 16, 24, 32) until the median key press takes more than
   2x that floor, or the class reaches --max. The same press with the whole
   class pressing at the same instant (the worst case) is printed beside it.

Loopback only, and bounded: --max players and --budget seconds in all.
Run: `python bench/class_bench.py [--max 32] [--answers 4] [--budget 300]`; CLASS_BENCH_SAMPLES=1
prints every sample.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[@-Z\\-_]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)")
SIZE = (100, 30)  # columns, rows
GATE = "join the class"
FEEDBACK = "Your answer:"
TIMEOUT = float(os.environ.get("CLASS_BENCH_TIMEOUT", "60"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_listening(port: int, timeout: float = 30.0) -> None:
    """The server prints its address as it starts; the port opens a moment later."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class Player:
    """One browser tab, as textual-serve's page drives it: JSON messages in, terminal bytes out."""

    def __init__(self, session, url: str, name: str) -> None:  # type: ignore[no-untyped-def]
        self.session = session
        self.url = url
        self.name = name
        self.text = ""
        self.ws = None
        self.reader: asyncio.Task[None] | None = None
        self.changed = asyncio.Event()

    async def connect(self) -> float:
        start = time.perf_counter()
        self.ws = await self.session.ws_connect(f"{self.url}/ws?width={SIZE[0]}&height={SIZE[1]}")
        self.reader = asyncio.create_task(self._read())
        await self.wait_for(GATE)
        return time.perf_counter() - start

    async def _read(self) -> None:
        import aiohttp

        assert self.ws is not None
        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.text += ANSI.sub(b"", message.data).decode("utf-8", "replace")
                self.changed.set()
            elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                break

    async def wait_for(self, marker: str) -> None:
        deadline = time.perf_counter() + TIMEOUT
        while marker not in self.text:
            self.changed.clear()
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{self.name}: no {marker!r} on screen: {self.text[-1500:]!r}")
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self.changed.wait(), left)

    async def keys(self, data: str, marker: str) -> float:
        """Send keys; the seconds until `marker` is painted."""
        import json

        assert self.ws is not None
        self.text = ""
        start = time.perf_counter()
        await self.ws.send_str(json.dumps(["stdin", data]))
        await self.wait_for(marker)
        return time.perf_counter() - start

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.reader is not None:
            self.reader.cancel()


def pss_of_players(server_pid: int) -> list[int]:
    """Pss in bytes of each player: every process below the server, grouped by its child of the server."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                pass

    def pss(pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def below(pid: int) -> list[int]:
        kids = [p for p, parent in parents.items() if parent == pid]
        return kids + [d for k in kids for d in below(k)]

    return [
        pss(top) + sum(pss(p) for p in below(top))
        for top in (p for p, q in parents.items() if q == server_pid)
    ]


async def run_class(
    url: str, code: str, size: int, answers: int, length: int, server_pid: int
) -> dict[str, object]:
    """`size` players join, then answer `answers` of the assignment's `length` questions."""
    import aiohttp

    async with aiohttp.ClientSession() as session:
        players = [Player(session, url, f"Pupil {n + 1}") for n in range(size)]
        try:
            paints = await asyncio.gather(*(p.connect() for p in players))
            for p in players:
                await p.keys(p.name + "\r", "Quick round")
            await asyncio.gather(*(p.wait_for(" disputes from ") for p in players))  # the bank is loaded
            await asyncio.gather(*(p.keys("j", "Type the code your teacher") for p in players))
            await asyncio.gather(*(p.keys(code.replace("-", "") + "\r", "Question 1 of") for p in players))
            memory = pss_of_players(server_pid)
            one_at_a_time: list[float] = []
            at_once: list[float] = []

            async def answer(p: Player, k: int, into: list[float]) -> None:
                into.append(await p.keys("f", FEEDBACK))
                await p.keys("\r", f"Question {k + 2} of" if k + 1 < length else "Round over")

            for k in range(answers):
                if k < answers // 2:  # one press at a time, the rest of the class connected
                    for p in players:
                        await answer(p, k, one_at_a_time)
                else:  # everyone presses at the same instant
                    await asyncio.gather(*(answer(p, k, at_once) for p in players))
        finally:
            await asyncio.gather(*(p.close() for p in players), return_exceptions=True)
    return {"paint": paints, "one": one_at_a_time, "all": at_once, "memory": memory}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=32, help="the largest class tried (default 32)")
    parser.add_argument(
        "--answers",
        type=int,
        default=4,
        help="questions per player: the first half pressed one player at a time, the rest all at once (default 4)",
    )
    parser.add_argument("--budget", type=float, default=300, help="seconds in all (default 300)")
    args = parser.parse_args()
    try:
        import aiohttp  # noqa: F401
        import textual_serve  # noqa: F401
    except ImportError:
        print("class_bench: needs the serve extra: pip install '.[serve]'", file=sys.stderr)
        return 2

    from quiz.content.bank import load_bank
    from quiz.engine import assignments
    from quiz.engine.spec import RoundSpec
    from quiz.engine.store import Store

    folder = Path(tempfile.mkdtemp(prefix="class-bench-"))
    content, seeds = ROOT / "content", ROOT / "seeds"
    store = Store.open(folder / "data")
    made = assignments.create(
        load_bank(content, seeds).bank,
        store,
        "Bench",
        RoundSpec(types=("truefalse",), count=max(args.answers, 12)),
    )
    store.close()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "quiz", "serve", "--port", str(port), "--content", str(content),
         "--seeds", str(seeds), "--data-dir", str(folder / "data")],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    started = time.monotonic()
    try:
        assert server.stdout is not None
        server.stdout.readline()
        wait_listening(port)
        url = f"http://127.0.0.1:{port}"
        floor: float | None = None
        held = 0
        size = 1
        print(
            f"{'players':>7}  {'MB/player':>9}  {'paint s':>8}  {'key->feedback ms':>16}  {'x floor':>7}"
            f"  {'all at once ms':>14}"
        )
        while size <= args.max and time.monotonic() - started < args.budget:
            # The single player, the floor, answers every question of the assignment, for more samples.
            questions = made.size if size == 1 else args.answers
            result = asyncio.run(run_class(url, made.code, size, questions, made.size, server.pid))
            memory = result["memory"]
            latency = statistics.median(result["one"])  # type: ignore[arg-type]
            together = statistics.median(result["all"])  # type: ignore[arg-type]
            if os.environ.get("CLASS_BENCH_SAMPLES"):
                print(sorted(round(x * 1000) for x in result["one"]))  # type: ignore[attr-defined]
                print(sorted(round(x * 1000) for x in result["all"]))  # type: ignore[attr-defined]
            paint = statistics.median(result["paint"])  # type: ignore[arg-type]
            if floor is None:
                floor = latency
            ratio = latency / floor
            per = statistics.median(memory) / 2**20 if memory else float("nan")  # type: ignore[arg-type]
            print(
                f"{size:>7}  {per:>9.1f}  {paint:>8.2f}  {latency * 1000:>16.1f}  {ratio:>7.2f}"
                f"  {together * 1000:>14.1f}",
                flush=True,
            )
            if ratio > 2.0:
                break
            held = size
            size = size * 2 if size < 8 else size + 8
        print(f"class_bench: {held} concurrent served players kept key-to-feedback within 2x one player's"
              f" ({floor * 1000 if floor else float('nan'):.0f} ms); tried up to {min(size, args.max)}"
              f" in {time.monotonic() - started:.0f} s")  # fmt: skip
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
