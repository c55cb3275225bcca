"""The checked bank kept between starts: used when nothing changed, rebuilt otherwise."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.content import cache
from quiz.content.bank import LoadResult
from quiz.content.cache import load_checked
from tests.content.banks import VALID


@pytest.fixture
def folders(tmp_path: Path, seeds_dir: Path) -> tuple[Path, Path, Path]:
    content = tmp_path / "content"
    content.mkdir()
    (content / "bank.toml").write_text(VALID, encoding="utf-8")
    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir, seeds)
    return content, seeds, tmp_path / "cache"


def cache_file(folder: Path) -> Path:
    (path,) = folder.glob("bank-*.json")
    return path


def load(folders: tuple[Path, Path, Path]) -> LoadResult:
    content, seeds, folder = folders
    return load_checked(content, seeds, folder)


def checked_again(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record each time the bank is loaded and checked from its files."""
    calls: list[Path] = []
    real = cache.load_bank

    def counting(content_dir: Path, seeds_dir: Path) -> LoadResult:
        calls.append(content_dir)
        return real(content_dir, seeds_dir)

    monkeypatch.setattr(cache, "load_bank", counting)
    return calls


def prompts(result: LoadResult) -> list[str]:
    return [q.prompt for q in result.bank.questions]


def test_an_unchanged_bank_is_read_back_not_checked_again(
    folders: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = checked_again(monkeypatch)
    first = load(folders)
    assert first.ok and len(calls) == 1
    again = load(folders)
    assert len(calls) == 1  # read back from the cache
    bank, kept = first.bank, again.bank
    assert kept.questions == bank.questions
    assert [type(q) for q in kept.questions] == [type(q) for q in bank.questions]
    assert kept.disputes == bank.disputes
    assert kept.sources == bank.sources
    assert kept.campaigns == bank.campaigns
    assert {k: a.text for k, a in kept.articles.items()} == {k: a.text for k, a in bank.articles.items()}
    assert kept.question("members").prompt == "How many states are in the alliance, according to AFP?"


def test_the_shipped_bank_comes_back_whole(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    first = load_checked(root / "content", root / "seeds", tmp_path)
    again = load_checked(root / "content", root / "seeds", tmp_path)
    assert first.ok
    assert again.bank.questions == first.bank.questions
    assert again.bank.campaigns == first.bank.campaigns and again.bank.campaigns


def test_a_changed_question_file_is_checked_again(
    folders: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    load(folders)
    calls = checked_again(monkeypatch)
    bank_file = folders[0] / "bank.toml"
    bank_file.write_text(VALID.replace("according to AFP?", "per AFP?"), encoding="utf-8")
    result = load(folders)
    assert len(calls) == 1
    assert "How many states are in the alliance, per AFP?" in prompts(result)


def test_a_new_question_file_or_a_removed_one_is_seen(
    folders: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    content = folders[0]
    load(folders)
    extra = VALID.replace('id = "', 'id = "x-').replace('dispute = "x-', 'dispute = "')
    (content / "more.toml").write_text(extra, encoding="utf-8")
    assert any(q.id.startswith("x-") for q in load(folders).bank.questions)
    (content / "more.toml").unlink()
    calls = checked_again(monkeypatch)
    assert not any(q.id.startswith("x-") for q in load(folders).bank.questions)
    assert len(calls) == 1


def test_a_changed_article_is_checked_again(folders: tuple[Path, Path, Path]) -> None:
    load(folders)
    seeds = folders[1]
    article = next(p for p in seeds.glob("*.txt") if "six ex-Soviet states" in p.read_text(encoding="utf-8"))
    article.write_text(
        article.read_text(encoding="utf-8").replace("six ex-Soviet states", "five states"), encoding="utf-8"
    )
    result = load(folders)
    assert not result.ok  # the quote is no longer in its article
    assert any("members" in (p.subject or "") for p in result.errors)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data.replace(b"How many states", b"How many towns"),  # changed, digest stale
        lambda data: b"",
        lambda data: b"\x80\x81 not a cache at all\n\n\n",
    ],
    ids=["truncated", "edited", "empty", "garbage"],
)
def test_a_damaged_cache_is_rebuilt_never_trusted(
    folders: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch, damage: object
) -> None:
    load(folders)
    path = cache_file(folders[2])
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    calls = checked_again(monkeypatch)
    result = load(folders)
    assert len(calls) == 1
    assert "How many states are in the alliance, according to AFP?" in prompts(result)
    load(folders)
    assert len(calls) == 1  # and the rebuilt cache is good again


def test_a_cache_with_a_valid_digest_but_unknown_contents_is_not_trusted(
    folders: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    load(folders)
    path = cache_file(folders[2])
    magic, _, header, body = path.read_bytes().split(b"\n", 3)
    body = body.replace(b'"$m":"ChoiceQuestion"', b'"$m":"Popen"', 1)
    digest = cache._digest(header + b"\n" + body).encode()
    path.write_bytes(b"\n".join([magic, digest, header, body]))
    calls = checked_again(monkeypatch)
    assert load(folders).ok
    assert len(calls) == 1


def test_a_cache_others_may_write_is_ignored(
    folders: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    load(folders)
    path = cache_file(folders[2])
    assert path.stat().st_mode & 0o077 == 0  # written private
    path.chmod(0o666)
    calls = checked_again(monkeypatch)
    load(folders)
    assert len(calls) == 1


def test_new_code_checks_the_bank_again(
    folders: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    load(folders)
    monkeypatch.setattr(cache, "code_version", lambda: "another version")
    calls = checked_again(monkeypatch)
    load(folders)
    assert len(calls) == 1


def test_a_bank_with_errors_is_never_kept(folders: tuple[Path, Path, Path]) -> None:
    content, _, folder = folders
    (content / "bank.toml").write_text(VALID.replace('answer = "Six"', 'answer = "Seven"'), encoding="utf-8")
    assert not load(folders).ok
    assert not folder.exists() or not list(folder.glob("bank-*.json"))
    assert not load(folders).ok


def test_a_cache_folder_that_cannot_be_written_is_no_loss(folders: tuple[Path, Path, Path]) -> None:
    content, seeds, folder = folders
    folder.write_text("a file, not a folder", encoding="utf-8")
    assert load_checked(content, seeds, folder).ok
