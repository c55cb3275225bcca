"""A pack from a stranger: nothing outside its seeds folder is read, and no file
makes `quiz check` crash, hang or take its time, whatever it holds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.content.bank import MAX_ARTICLE_BYTES, MAX_NESTING, load_bank
from tests.content.banks import VALID, check_text, line_of

SECRET = "QUIZ_SECRET=do-not-print-me"


def pack_seeds(tmp_path: Path, seeds_dir: Path, file_for_russtrat: str) -> Path:
    """A copy of the real seeds whose `russtrat` entry points at `file_for_russtrat`."""
    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir, seeds)
    sources = (seeds / "sources.toml").read_text("utf-8")
    sources = sources.replace('file = "003_b270a8d2a36b51f2.txt"', f"file = {file_for_russtrat!r}")
    (seeds / "sources.toml").write_text(sources, "utf-8")
    return seeds


def file_error(tmp_path: Path, seeds: Path) -> tuple[int, str, list[str]]:
    """The error on the russtrat entry's `file` line, and every message of the run."""
    result = check_text(tmp_path, seeds, VALID)
    sources = (seeds / "sources.toml").read_text("utf-8")
    line = line_of(sources, 'id = "russtrat"') + 1
    [problem] = [p for p in result.errors if p.file.endswith("sources.toml")]
    assert problem.line == line
    return problem.line, problem.message, [p.message for p in result.problems]


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    outside = tmp_path / "outside" / "env"
    outside.parent.mkdir()
    outside.write_text(f"{SECRET}\nThe CSTO has become NATO in a fine sense of the word\n", "utf-8")
    return outside


@pytest.mark.parametrize("how", ["dotdot", "absolute"])
def test_an_article_path_out_of_the_seeds_folder_is_refused_unread(
    tmp_path: Path, seeds_dir: Path, secret_file: Path, how: str
) -> None:
    name = "../outside/env" if how == "dotdot" else str(secret_file)
    seeds = pack_seeds(tmp_path, seeds_dir, name)
    _, message, every = file_error(tmp_path, seeds)
    assert "inside the seeds folder" in message
    assert not any(SECRET in m for m in every)


def test_a_symlink_out_of_the_seeds_folder_is_refused_unread(
    tmp_path: Path, seeds_dir: Path, secret_file: Path
) -> None:
    seeds = pack_seeds(tmp_path, seeds_dir, "linked.txt")
    os.symlink(secret_file, seeds / "linked.txt")
    _, message, every = file_error(tmp_path, seeds)
    assert "leads out of the seeds folder" in message
    assert not any(SECRET in m for m in every)


def test_an_article_over_the_size_limit_is_an_error_with_its_size(tmp_path: Path, seeds_dir: Path) -> None:
    seeds = pack_seeds(tmp_path, seeds_dir, "huge.txt")
    with (seeds / "huge.txt").open("w", encoding="utf-8") as handle:
        handle.write("word " * (MAX_ARTICLE_BYTES // 5 + 10))
    _, message, _ = file_error(tmp_path, seeds)
    assert "'huge.txt' is 2.0 MB; an article may be at most 2 MB" in message


def test_deep_nesting_is_an_error_at_its_line(tmp_path: Path, seeds_dir: Path) -> None:
    deep = "[" * 500 + "]" * 500
    text = VALID + f'\n# a comment with [[[[ brackets, and a string: "[[[["\nx = {deep}\n'
    result = check_text(tmp_path, seeds_dir, text)
    [problem] = result.errors
    assert problem.line == line_of(text, "x = [[[")
    assert problem.col == len("x = ") + MAX_NESTING + 1
    assert "nested more than 32 levels deep" in problem.message


def test_a_byte_order_mark_is_read_past(tmp_path: Path, seeds_dir: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "q.toml").write_bytes(b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    result = load_bank(content, seeds_dir)
    assert result.ok, [p.format() for p in result.problems]
    assert len(result.bank.questions) == 6


@pytest.mark.parametrize(
    ("written", "word"),
    [("answer = nan", "answer"), ("answer = inf", "answer"), ("tolerance = inf", "tolerance")],
)
def test_numbers_that_are_no_answer_are_refused(
    tmp_path: Path, seeds_dir: Path, written: str, word: str
) -> None:
    text = VALID.replace("answer = 2885", "answer = 2885\ntolerance = 0" if word == "tolerance" else written)
    if word == "tolerance":
        text = text.replace("tolerance = 0", written)
    result = check_text(tmp_path, seeds_dir, text)
    [problem] = result.errors
    assert problem.line == line_of(text, written)
    assert problem.message.startswith(f"{word} must be a finite number, not ")


def test_a_negative_tolerance_is_refused(tmp_path: Path, seeds_dir: Path) -> None:
    text = VALID.replace("answer = 2885", "answer = 2885\ntolerance = -5")
    [problem] = check_text(tmp_path, seeds_dir, text).errors
    assert problem.line == line_of(text, "tolerance = -5")


def test_the_sanitiser_keeps_words_and_drops_what_a_terminal_acts_on() -> None:
    from quiz.content.text import clean, clean_line

    payload = "a\x1b]52;c;cm0gLXJmIH4=\x07b\x1b]0;owned\x07c\x1b[2Jd\x9b31me\x07f\x7fg"
    assert clean(payload) == "abcdefg"
    assert (
        clean("left \u202eright\u202c and \u2066iso\u2069 zero\u200bwidth") == "left right and iso zerowidth"
    )
    assert clean("family: \U0001f468\u200d\U0001f469") == "family: \U0001f468\u200d\U0001f469"  # ZWJ kept
    assert clean_line("two\nlines\ttab") == "two lines tab"


@given(
    st.text(alphabet=st.sampled_from("ab =-\n\r\t\x00\x1b[]\x07\x7f\x9b\x9c\u200b\u200d\u202e\ufeff\u061c"))
)
def test_text_said_to_need_no_cleaning_is_left_as_it_is(text: str) -> None:
    from quiz.content.text import UNCLEAN, clean_line

    assert (UNCLEAN.search(text) is not None) == (clean_line(text) != text)


def test_check_never_prints_a_control_character_from_a_pack(tmp_path: Path, seeds_dir: Path) -> None:
    from quiz.content.report import format_json, format_text

    text = VALID.replace('id = "zas"', 'id = "zas\\u001b]0;owned\\u0007\\u202e"', 1)
    result = check_text(tmp_path, seeds_dir, text)
    assert result.errors  # the id is no slug
    for report in (format_text(result), format_json(result)):
        assert not any((ord(c) < 32 and c != "\n") or 0x7F <= ord(c) <= 0x9F for c in report)
        assert "\u202e" not in report  # shown, if at all, as a visible escape
