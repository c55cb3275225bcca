"""How long `quiz check` takes on a 10,000-question bank, beside a bare TOML parse.

Writes a synthetic bank whose quotes are real passages of the seed articles
(so every quote is searched for, and found), then times, alternately in the
same run, `tomli.load` of that file (the floor) and the whole check: parsing,
validation, every rule and the report. Prints the median times, the ratio and
the peak memory of each. Target: the check within 1.5 times the bare parse.
Then it puts one mistake in the middle of the bank and times that check too:
finding the mistake's line must not cost much more than a clean check.

    python bench/check_bench.py [--questions 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import json
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
from contextlib import redirect_stdout
from pathlib import Path

import tomli

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz.cli import main as quiz_main  # noqa: E402
from quiz.content.models import SourcesFile  # noqa: E402

SEEDS = ROOT / "seeds"


def real_passages() -> list[tuple[str, str]]:
    """(source id, sentence) for every usable sentence of every article."""
    sources = SourcesFile.model_validate(tomli.loads((SEEDS / "sources.toml").read_text("utf-8")))
    passages = []
    for source in sources.source:
        text = (SEEDS / source.file).read_text("utf-8")
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            sentence = " ".join(sentence.split())
            if 30 <= len(sentence) <= 300:
                passages.append((source.id, sentence))
    return passages


def s(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def synthetic_bank(count: int) -> str:
    passages = real_passages()
    out = io.StringIO()
    kinds = ["choice", "multi", "truefalse", "number", "order", "match"]
    for n in range(count):
        source, quote = passages[n % len(passages)]
        kind = kinds[n % len(kinds)]
        out.write(
            f'[[question]]\nid = "q-{n}"\ntype = "{kind}"\ntopic = "topic-{n % 7}"\n'
            f"difficulty = {n % 3 + 1}\nprompt = {s('Question ' + str(n) + ': what does the source say?')}\n"
            f"explanation = {s('Because the source says so: ' + quote[:60])}\n"
            f"evidence = [{{ source = {s(source)}, quote = {s(quote)} }}]\n"
        )
        if kind == "choice":
            out.write('choices = ["alpha", "beta", "gamma", "delta"]\nanswer = "beta"\n')
        elif kind == "multi":
            out.write('choices = ["alpha", "beta", "gamma", "delta"]\nanswer = ["alpha", "gamma"]\n')
        elif kind == "truefalse":
            out.write("answer = true\n")
        elif kind == "number":
            out.write('answer = 2885\ntolerance = 10\nunit = "people"\n')
        elif kind == "order":
            out.write('items = ["first", "second", "third", "fourth"]\n')
        else:
            out.write(
                'pairs = [{ left = "a", right = "1" }, { left = "b", right = "2" }, { left = "c", right = "3" }]\n'
            )
        out.write("\n")
    # One dispute per source pair keeps every source cited and the warnings quiet.
    out.write(
        '[[dispute]]\nid = "d-1"\nkind = "fact"\ntopic = "topic-0"\ntitle = "t"\nexplanation = "e"\n'
        f'  [[dispute.position]]\n  source = {s(passages[0][0])}\n  quote = {s(passages[0][1])}\n  claim = "a"\n'
        f'  [[dispute.position]]\n  source = {s(passages[-1][0])}\n  quote = {s(passages[-1][1])}\n  claim = "b"\n'
    )
    out.write('\n[[question]]\nid = "asks-d-1"\ntype = "truefalse"\ntopic = "topic-0"\ndifficulty = 1\n')
    out.write('prompt = "p"\nexplanation = "e"\nanswer = true\ndispute = "d-1"\n')
    out.write(f"evidence = [{{ source = {s(passages[0][0])}, quote = {s(passages[0][1])} }}]\n")
    return out.getvalue()


def bare_parse(path: Path) -> None:
    with path.open("rb") as handle:
        tomli.load(handle)


def full_check(content: Path, expected: int = 0) -> None:
    with redirect_stdout(io.StringIO()) as out:
        status = quiz_main(["check", "--content", str(content), "--seeds", str(SEEDS)])
    if status != expected:
        raise SystemExit(f"the synthetic bank did not check as expected:\n{out.getvalue()[:2000]}")


def with_one_mistake(text: str, count: int) -> str:
    """The bank with one question in its middle given a difficulty of 7."""
    at = text.index(f'id = "q-{count // 2}"')
    start = text.index("difficulty = ", at)
    return text[:start] + "difficulty = 7" + text[start + len("difficulty = 1") :]


def timed(fn, *args) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def peak(fn, *args) -> int:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    fn(*args)
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder)
        bank = content / "bank.toml"
        bank.write_text(synthetic_bank(args.questions), encoding="utf-8")
        size_mb = bank.stat().st_size / 1e6
        full_check(content)  # warm imports and caches once, for both
        bare_parse(bank)
        floor, check = [], []
        for _ in range(args.repeat):  # alternate, so drift hits both alike
            floor.append(timed(bare_parse, bank))
            check.append(timed(full_check, content))
        floor_peak, check_peak = peak(bare_parse, bank), peak(full_check, content)
        bank.write_text(with_one_mistake(bank.read_text("utf-8"), args.questions), encoding="utf-8")
        mistake = [timed(full_check, content, 1) for _ in range(max(1, args.repeat // 2))]

    f, c = statistics.median(floor), statistics.median(check)
    print(f"bank: {args.questions:,} questions, {size_mb:.1f} MB; median of {args.repeat} runs")
    print(f"  tomli.load (floor)   {f * 1000:8.1f} ms   peak {floor_peak / 1e6:6.1f} MB")
    print(f"  quiz check           {c * 1000:8.1f} ms   peak {check_peak / 1e6:6.1f} MB")
    print(f"  ratio check/floor    {c / f:8.2f}x  (target <= 1.5x)")
    m = statistics.median(mistake)
    print(f"  one mistake          {m * 1000:8.1f} ms   {m / c:.2f}x the clean check")


if __name__ == "__main__":
    main()
