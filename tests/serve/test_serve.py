"""`quiz serve` without a browser: loopback by default, the code kept off the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.commands.parser import build_parser
from quiz.commands.serve import child_command, is_loopback


def test_it_listens_on_this_machine_only_unless_told_otherwise() -> None:
    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.port == 8000
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.20")


def test_the_class_code_is_never_on_a_players_command_line(tmp_path: Path) -> None:
    args: argparse.Namespace = build_parser().parse_args(
        ["serve", "--class-code", "SECRET-42", "--data-dir", str(tmp_path / "my data")]
    )
    command = child_command(args, args.data_dir)
    assert "SECRET" not in command
    assert "-m quiz play" in command
    assert f"'{(tmp_path / 'my data').resolve()}'" in command  # quoted for the shell
