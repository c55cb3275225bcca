"""`quiz play --plain` end to end: a real subprocess, answers piped in."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest

from quiz.content.bank import Bank
from quiz.engine.kinds import QUESTION_TYPES, kind_of
from quiz.engine.parse import hint
from quiz.engine.playable import Playable
from quiz.engine.rounds import draw
from quiz.engine.setup import GameSetup, PlayOptions
from quiz.engine.spec import RoundSpec
from quiz.engine.store import Store
from quiz.engine.words import topic_name
from quiz.plain.round import PlainGame
from tests.engine.helpers import (
    FIXTURE_BANK,
    SEEDS,
    quiz_command,
    quiz_env,
    right_answer,
    right_input,
    run_quiz,
    wrong_input,
)

VERDICT = re.compile(r"^(Right\.|Wrong\.|Partly right \(\d+%\)\.) \+\d+ points", re.MULTILINE)


def play(
    content_dir: Path, data_dir: Path, tmp_path: Path, *options: str, input: str
) -> subprocess.CompletedProcess[str]:
    return run_quiz(
        "play", "--plain", "--content", content_dir, "--seeds", SEEDS, "--data-dir", data_dir, *options,
        input=input, cwd=tmp_path,
    )  # fmt: skip


def test_a_whole_round_of_every_type_answered_right(
    bank: Bank, content_dir: Path, data_dir: Path, tmp_path: Path
) -> None:
    spec = RoundSpec(count=50, seed=5)
    playables = draw(bank, spec).playables
    assert {p.type for p in playables} == set(QUESTION_TYPES)
    lines = "".join(right_input(p) + "\n" for p in playables)
    result = play(
        content_dir, data_dir, tmp_path, "--count", "50", "--seed", "5", "--player", "kim", input=lines
    )
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert VERDICT.findall(out) == ["Right."] * len(playables)
    assert (
        f"Answered {len(playables)} of {len(playables)}: {len(playables)} right, 0 partly right, 0 wrong."
        in out
    )
    assert "Progress saved for kim." in out
    # Each question: its number, the prompt, the numbered choices, the hint.
    for n, p in enumerate(playables, 1):
        assert f"Question {n} of {len(playables)}. Topic: {topic_name(p.topic)}." in out
        assert f"Topic: {p.topic}." not in out or p.topic == topic_name(p.topic)  # names, not ids
        assert p.prompt in out
    members = next(p for p in playables if p.id == "members-count")
    block = out[out.index(members.prompt) :]
    assert block.splitlines()[1:6] == [
        *(f"  {n}. {c}" for n, c in enumerate(members.choices, 1)),
        "Type the number of your choice, from 1 to 4 (or its letter, a to d).",
    ]
    assert "Type each number with the letter it matches, e.g. 1b 2a 3c." in out
    assert "Type t (or 1) for true, f (or 2) for false." in out
    # Evidence with the article's title, outlet and date.
    assert (
        "  “Here is what you need to know about the Russia-led alliance of six ex-Soviet states”\n"
        "    from “Russia's 'mini-Nato' intervenes in Kazakhstan”, 24 News HD, publishing AFP copy, 7 January 2022\n"
    ) in out
    # A dispute question: every position beside its source, and why they differ.
    assert "Where the sources disagree (a disagreement over facts): How large was the force" in out
    assert "“CSTO: Russian NATO?”, by Andrea Gaspardo, 26 January 2022: Officially 3,800;" in out
    assert "Why they differ: The figures count different things" in out
    assert len(Store.open(data_dir).answers("kim")) == len(playables)


def test_wrong_and_partly_right_answers_show_the_right_answer(
    bank: Bank, content_dir: Path, data_dir: Path, tmp_path: Path
) -> None:
    playables = draw(bank, RoundSpec(types=("multi", "order"), count=2, seed=1)).playables
    by_type = {p.type: p for p in playables}
    multi, order = by_type["multi"], by_type["order"]
    inputs = {"multi": right_input(multi).split(",")[0], "order": wrong_input(order)}
    result = play(
        content_dir, data_dir, tmp_path, "--type", "multi", "--type", "order", "--count", "2", "--seed", "1",
        input="".join(inputs[p.type] + "\n" for p in playables),
    )  # fmt: skip
    out = result.stdout
    assert "Partly right (33%). +67 points" in out
    assert "Wrong. +0 points" in out
    assert "The right answers: " in out
    assert "The right order: " in out
    assert "Note: " not in out or "Armenia" in out


def test_a_partly_right_match_marks_the_wrong_pairs_in_the_answers_notation(
    bank: Bank, content_dir: Path, data_dir: Path, tmp_path: Path
) -> None:
    (match,) = draw(bank, RoundSpec(types=("match",), count=1, seed=2)).playables
    right = right_answer(match)
    assert isinstance(right, Mapping)
    first, second, third = match.lefts
    given = {first: right[first], second: right[third], third: right[second]}  # two pairs swapped
    result = play(
        content_dir, data_dir, tmp_path, "--type", "match", "--count", "1", "--seed", "2",
        input=kind_of("match").typed(match, given) + "\n",
    )  # fmt: skip
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert "Partly right (33%)." in out

    def pair(n: int, left: str, partner: str) -> str:
        return f"  {n}. {left} = {'abc'[match.rights.index(partner)]}. {partner}"

    lines = out.splitlines()
    mine = lines.index(f"Your answer: {kind_of('match').typed(match, given)}")
    assert lines[mine + 1 : mine + 4] == [
        pair(1, first, right[first]),
        pair(2, second, right[third]) + " ✘",
        pair(3, third, right[second]) + " ✘",
    ]
    assert lines[mine + 4 : mine + 8] == [
        f"The answer: {right_input(match)}",
        pair(1, first, right[first]),
        pair(2, second, right[second]),
        pair(3, third, right[third]),
    ]


def test_bad_input_asks_again_with_the_hint_and_never_crashes(
    bank: Bank, content_dir: Path, data_dir: Path, tmp_path: Path
) -> None:
    (first,) = draw(bank, RoundSpec(types=("match",), count=1, seed=2)).playables
    result = play(
        content_dir, data_dir, tmp_path, "--type", "match", "--count", "1", "--seed", "2",
        input="banana\n\n9z\n1a 1b\n" + right_input(first) + "\n",
    )  # fmt: skip
    assert result.returncode == 0
    assert "Traceback" not in result.stdout + result.stderr
    out = result.stdout
    assert "'banana' is not a list of pairs. Type each number with the letter it matches" in out
    assert "No answer given. Type each number" in out
    assert "There is no number 9" in out
    assert "Number 1 is paired twice." in out
    assert VERDICT.findall(out) == ["Right."]


def test_numbers_with_separators_end_to_end(
    bank: Bank, content_dir: Path, data_dir: Path, tmp_path: Path
) -> None:
    playables = draw(bank, RoundSpec(types=("number",), count=3, seed=1)).playables
    typed = {2885.0: "2 885", 250.0: "2 5 0\n250 pieces", 9.0: "9"}
    result = play(
        content_dir, data_dir, tmp_path, "--type", "number", "--count", "3", "--seed", "1",
        input="".join(typed[p.answer] + "\n" for p in playables),  # type: ignore[index]
    )  # fmt: skip
    out = result.stdout
    assert "'2 5 0' is not a number: type digits, e.g. 2885, 2,885 or -3.5." in out
    assert VERDICT.findall(out) == ["Right."] * 3
    assert "Type a number (in people), e.g. 2885; 2,885 and 2 885 work too." in out


def test_the_end_of_input_ends_the_round_keeping_the_answers(
    bank: Bank, content_dir: Path, data_dir: Path, tmp_path: Path
) -> None:
    playables = draw(bank, RoundSpec(count=6, seed=9)).playables
    result = play(
        content_dir, data_dir, tmp_path, "--count", "6", "--seed", "9", "--player", "kim",
        input=right_input(playables[0]) + "\n" + wrong_input(playables[1]) + "\n",
    )  # fmt: skip
    assert result.returncode == 0
    out = result.stdout
    assert "Round ended.\nAnswered 2 of 6: 1 right, 0 partly right, 1 wrong." in out
    assert "To review (quiz play --plain --mode review):\n  - " + playables[1].prompt in out
    assert "Quick round: 6 questions, seed 9 (the same seed always gives the same round)." in out
    assert [a.question_id for a in Store.open(data_dir).answers()] == [playables[0].id, playables[1].id]


def test_q_ends_the_round_cleanly(bank: Bank, content_dir: Path, data_dir: Path, tmp_path: Path) -> None:
    playables = draw(bank, RoundSpec(count=4, seed=1)).playables
    result = play(
        content_dir, data_dir, tmp_path, "--count", "4", "--seed", "1",
        input=right_input(playables[0]) + "\nq\n" + right_input(playables[1]) + "\n",
    )  # fmt: skip
    assert result.returncode == 0
    assert "Answered 1 of 4" in result.stdout
    assert len(Store.open(data_dir).answers()) == 1


def test_quitting_before_any_answer(content_dir: Path, data_dir: Path, tmp_path: Path) -> None:
    result = play(content_dir, data_dir, tmp_path, "--count", "4", "--seed", "1", input="")
    assert result.returncode == 0
    assert "No question was answered, so nothing was recorded." in result.stdout


def test_certainty_marking_asks_for_confidence_and_reports_calibration(
    bank: Bank, content_dir: Path, data_dir: Path, tmp_path: Path
) -> None:
    playables = draw(bank, RoundSpec(types=("truefalse",), count=2, seed=1, confidence=True)).playables
    result = play(
        content_dir, data_dir, tmp_path, "--type", "truefalse", "--count", "2", "--seed", "1", "--confidence",
        input=f"{right_input(playables[0])}\n4\n3\n{wrong_input(playables[1])}\n2\n",
    )  # fmt: skip
    out = result.stdout
    assert out.count("How sure are you? 1 = not sure") == 2
    assert "Type 1 (not sure), 2 (fairly sure) or 3 (sure)." in out  # "4" was refused
    assert "Certainty marks: +3 at confidence 3. Total marks: 3." in out
    assert "Certainty marks: -2 at confidence 2. Total marks: 1." in out
    assert (
        "Certainty-based marks: 1.\n  At confidence 2: 0 of 1 right (0%).\n  At confidence 3: 1 of 1 right (100%)."
        in out
    )


def test_control_characters_in_content_never_reach_the_terminal(tmp_path: Path, data_dir: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    text = FIXTURE_BANK.read_text(encoding="utf-8").replace(
        'prompt = "What did Antony Blinken admit, according to RUSSTRAT?"',
        r'prompt = "What did \u001b[2J\u001b]0;pwned\u0007Antony Blinken\u009b31m admit,\r according to RUSSTRAT?"',
    )
    assert text != FIXTURE_BANK.read_text(encoding="utf-8")
    (content / "bank.toml").write_text(text, encoding="utf-8")
    result = play(
        content,
        data_dir,
        tmp_path,
        "--topic",
        "reactions",
        "--type",
        "choice",
        "--count",
        "5",
        "--seed",
        "1",
        input="1\n1\n",
    )
    assert result.returncode == 0, result.stderr
    assert "What did Antony Blinken admit, according to RUSSTRAT?" in result.stdout
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", result.stdout)


def test_a_damaged_progress_file_is_reported_and_the_game_still_plays(
    bank: Bank, content_dir: Path, data_dir: Path, tmp_path: Path
) -> None:
    data_dir.mkdir()
    (data_dir / "progress.sqlite3").write_bytes(b"\x00garbage" * 500)
    (first,) = draw(bank, RoundSpec(count=1, seed=1)).playables
    result = play(
        content_dir, data_dir, tmp_path, "--count", "1", "--seed", "1", input=right_input(first) + "\n"
    )
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[1].startswith(
        "Progress is not being saved: the progress file was damaged, so it was moved to "
    )
    assert VERDICT.findall(result.stdout) == ["Right."]
    assert lines[-1] == "Progress is not being saved."
    assert len(list(data_dir.glob("progress.sqlite3.damaged-*"))) == 1


def test_input_that_is_not_text_is_not_a_crash(content_dir: Path, data_dir: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        quiz_command(
            "play",
            "--plain",
            "--content",
            content_dir,
            "--seeds",
            SEEDS,
            "--data-dir",
            data_dir,
            "--count",
            "1",
        ),
        input=b"\xff\xfe\x80\n",
        capture_output=True,
        cwd=tmp_path,
        env=quiz_env(),
        timeout=60,
    )
    assert result.returncode == 0
    assert b"Traceback" not in result.stderr


def test_two_games_on_one_data_folder_at_once(
    bank: Bank, content_dir: Path, data_dir: Path, tmp_path: Path
) -> None:
    games = []
    for player, seed in (("ann", "1"), ("bob", "2")):
        playables = draw(bank, RoundSpec(count=12, seed=int(seed))).playables
        command = quiz_command(
            "play", "--plain", "--content", content_dir, "--seeds", SEEDS, "--data-dir", data_dir,
            "--count", "12", "--seed", seed, "--player", player,
        )  # fmt: skip
        game = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", cwd=tmp_path, env=quiz_env(),
        )  # fmt: skip
        games.append((game, "".join(right_input(p) + "\n" for p in playables)))
    for game, lines in games:
        out, err = game.communicate(lines, timeout=120)
        assert game.returncode == 0, err
        assert "Answered 12 of 12: 12 right" in out
    store = Store.open(data_dir)
    assert len(store.answers("ann")) == len(store.answers("bob")) == 12


# --- options and content -------------------------------------------------------------------------


def test_a_bank_with_errors_prints_the_check_report(
    content_dir: Path, data_dir: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(content_dir, broken)
    path = broken / "bank.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('answer = "Six"', 'answer = "Seven"'), encoding="utf-8"
    )
    result = play(broken, data_dir, tmp_path, input="1\n")
    assert result.returncode == 1
    assert "error: answer 'Seven' is not one of the choices" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_missing_content_folder(data_dir: Path, tmp_path: Path) -> None:
    result = play(tmp_path / "nowhere", data_dir, tmp_path, input="")
    assert result.returncode == 2
    assert result.stderr.startswith("quiz: ") and "no such content folder" in result.stderr


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--count", "0"), "--count must be at least 1"),
        (("--type", "numbr"), "--type 'numbr' is not a question type; did you mean 'number'?"),
    ],
)
def test_bad_options_are_usage_errors(
    content_dir: Path, data_dir: Path, tmp_path: Path, options: tuple[str, ...], message: str
) -> None:
    result = play(content_dir, data_dir, tmp_path, *options, input="")
    assert result.returncode == 2
    assert message in result.stderr


def test_a_filter_nothing_matches(content_dir: Path, data_dir: Path, tmp_path: Path) -> None:
    result = play(content_dir, data_dir, tmp_path, "--topic", "deploymnet", input="")
    assert result.returncode == 2
    assert "No questions: the bank has no topic 'deploymnet'; did you mean 'deployment'?" in result.stdout


def test_review_with_nothing_to_review(content_dir: Path, data_dir: Path, tmp_path: Path) -> None:
    result = play(content_dir, data_dir, tmp_path, "--mode", "review", input="")
    assert result.returncode == 0
    assert "Nothing to review: there is no missed question yet." in result.stdout


def test_review_after_a_round_with_a_miss(
    bank: Bank, content_dir: Path, data_dir: Path, tmp_path: Path
) -> None:
    playables = draw(bank, RoundSpec(count=3, seed=4)).playables
    play(content_dir, data_dir, tmp_path, "--count", "3", "--seed", "4", "--player", "kim",
         input=f"{right_input(playables[0])}\n{wrong_input(playables[1])}\n{right_input(playables[2])}\n")  # fmt: skip
    # The same seed shuffles each question the same way, wherever it stands in a round.
    result = play(
        content_dir,
        data_dir,
        tmp_path,
        "--mode",
        "review",
        "--seed",
        "4",
        input=right_input(playables[1]) + "\n",
    )
    assert "Playing as kim (the last player; --player NAME to change)." in result.stdout
    assert "Review my mistakes: 1 question.\n" in result.stdout
    assert playables[1].prompt in result.stdout
    assert VERDICT.findall(result.stdout) == ["Right."]


def test_at_a_terminal_the_game_asks_for_a_name(bank: Bank, content_dir: Path, tmp_path: Path) -> None:
    options = PlayOptions(content_dir, SEEDS, tmp_path, RoundSpec(count=1, seed=1), None)
    store = Store.in_memory()
    (first,) = draw(bank, options.spec).playables
    out = io.StringIO()
    game = PlainGame(
        GameSetup(options, bank, store, None),
        io.StringIO(f"Zoë\n{right_input(first)}\n"),
        out,
        interactive=True,
    )
    assert game.run() == 0
    assert "Your name? Press Enter to play as player.\n> Playing as Zoë." in out.getvalue()
    assert store.players() == ["Zoë"]


def test_the_plain_face_takes_the_tuis_keys_and_answers_help_at_any_prompt(
    bank: Bank, content_dir: Path, data_dir: Path, tmp_path: Path
) -> None:
    spec = RoundSpec(types=("truefalse", "choice"), count=4, seed=2, confidence=True)
    playables = draw(bank, spec).playables
    assert {p.type for p in playables} == {"truefalse", "choice"}

    def as_the_tui_types_it(p: Playable) -> str:  # 1/2 for true/false, a letter for a choice
        if p.type == "truefalse":
            return "1" if p.answer else "2"
        return "abcdefgh"[p.choices.index(str(p.answer))]

    lines = ["help", as_the_tui_types_it(playables[0]), "?", "3"]
    lines += [f"{as_the_tui_types_it(p)}\n3" for p in playables[1:]]
    result = play(
        content_dir, data_dir, tmp_path, "--type", "truefalse", "--type", "choice", "--count", "4",
        "--seed", "2", "--confidence", "--player", "kim", input="\n".join(lines) + "\n",
    )  # fmt: skip
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert VERDICT.findall(out) == ["Right."] * len(playables)
    first_hint = hint(playables[0])
    assert f"> help\n{first_hint} q stops; answers already given are kept." in out
    assert "> ?\nHow sure are you? 1 = not sure" in out
