"""`quiz serve` in a real browser: Debian's chromium, headless, driven by Selenium.

The page loads, the game paints, the keys typed in the page pass the class
code, join an assignment and answer its question, and the answer is in the
teacher's store. A screenshot is kept in tests/artifacts/ (not committed).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from quiz.content.bank import load_bank
from quiz.engine import assignments
from quiz.engine.spec import RoundSpec
from quiz.engine.store import AnswerRow, Store
from tests.engine.helpers import FIXTURE_BANK, REPO, SEEDS

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARTIFACTS = REPO / "tests" / "artifacts"
CLASS_CODE = "ROOM-12"

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
    reason="needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(check, timeout: float = 30.0, what: str = "it"):
    """Poll a condition on another process (the browser, the server) until it holds."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def settled(driver) -> bytes:
    """Wait until the page paints the same picture twice running: the game is drawn and waiting."""
    last = [b""]

    def same() -> bytes | None:
        shot = driver.get_screenshot_as_png()
        # An empty page compresses to a few kilobytes; a painted screen of text does not.
        if shot == last[0] and len(shot) > 8_000:
            return shot
        last[0] = shot
        return None

    return wait_for(same, what="the page to settle")


def content_folder(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir(exist_ok=True)
    shutil.copy(FIXTURE_BANK, content / "bank.toml")
    return content


def true_false_assignment(content: Path, store: Store) -> assignments.Assignment:
    try:
        return assignments.create(
            load_bank(content, SEEDS).bank, store, "Week 3", RoundSpec(types=("truefalse",), count=1)
        )
    finally:
        store.close()


@contextlib.contextmanager
def serving(content: Path, *where: str) -> Iterator[str]:
    """`quiz serve` on a free port, its progress where `where` says (--data-dir DIR or --db URL)."""
    pytest.importorskip("textual_serve", reason="needs the serve extra: pip install '.[serve]'")
    port = free_port()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("QUIZ_DATA_DIR", None)
    env.pop("QUIZ_DB", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "quiz", "serve", "--port", str(port), "--class-code", CLASS_CODE,
         "--content", str(content), "--seeds", str(SEEDS), *where],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        first = server.stdout.readline()
        assert f"http://127.0.0.1:{port}" in first, first

        def listening() -> bool:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return True
            except OSError:
                return False

        wait_for(listening, what="the server's port")  # it says where it is just before it listens
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture
def classroom(tmp_path: Path) -> Iterator[tuple[str, Path, assignments.Assignment]]:
    content = content_folder(tmp_path)
    data = tmp_path / "data"
    made = true_false_assignment(content, Store.open(data))
    with serving(content, "--data-dir", str(data)) as url:
        yield url, data, made


def browser(profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", "--window-size=1200,800",
    ):  # fmt: skip
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def answer_in_browser(
    driver, url: str, name: str, made: assignments.Assignment, open_store: Callable[[], Store]
) -> list[AnswerRow]:
    """A pupil at `url` passes the class code, gives a name, joins the assignment and answers
    "false"; the pupil's answers to it, once the store has them."""
    from selenium.webdriver.common.by import By

    driver.get(url)
    assert driver.find_elements(By.CSS_SELECTOR, ".textual-terminal"), "the page has no game terminal"
    # textual-serve marks the page once the game's first bytes arrive: it has painted.
    wait_for(
        lambda: "-first-byte" in (driver.find_element(By.TAG_NAME, "body").get_attribute("class") or ""),
        what="the game's first paint",
    )
    keys = wait_for(
        lambda: driver.find_elements(By.CSS_SELECTOR, ".xterm-helper-textarea"), what="the terminal"
    )[0]

    def players() -> list[str]:
        store = open_store()
        try:
            return store.players()
        finally:
            store.close()

    # The gate: the class code, then (once it has moved on) the name.
    before = settled(driver)
    keys.send_keys("room12\n")
    wait_for(lambda: settled(driver) != before, what="the name field")
    keys.send_keys(f"{name}\n")
    wait_for(lambda: name in players(), what="the pupil's name in the store")
    # Each step waits for the screen to change, so no key reaches a screen still to come.
    before = settled(driver)
    keys.send_keys("j")
    wait_for(lambda: settled(driver) != before, what="the join dialog")
    before = settled(driver)
    keys.send_keys(made.code.replace("-", "").lower() + "\n")
    wait_for(lambda: settled(driver) != before, what="the assignment's first question")

    def answered() -> list[AnswerRow]:
        store = open_store()
        try:
            return [r for r in store.answers(name) if r.assignment == made.code]
        finally:
            store.close()

    def press_until_answered() -> list[AnswerRow]:
        # "f" (false) does nothing on the home screen, so it is pressed until the question takes it.
        keys.send_keys("f")
        return answered()

    return wait_for(press_until_answered, timeout=60.0, what="the answer in the store")


def test_a_pupil_in_a_browser_answers_an_assigned_question(
    classroom: tuple[str, Path, assignments.Assignment], tmp_path: Path
) -> None:
    url, data, made = classroom
    driver = browser(tmp_path / "chromium-profile")
    try:
        rows = answer_in_browser(driver, url, "Zoe", made, lambda: Store.open(data, create=False))
        ARTIFACTS.mkdir(exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / "browser-answered.png"))
        assert (ARTIFACTS / "browser-answered.png").stat().st_size > 10_000
    finally:
        driver.quit()
    bank = load_bank(data.parent / "content", SEEDS).bank
    right = bank.question(made.questions[0]).answer  # type: ignore[union-attr]
    assert len(rows) == 1
    row = rows[0]
    assert row.question_id == made.questions[0]
    assert row.given is False
    assert row.outcome == ("wrong" if right else "right")


def test_two_game_servers_and_a_dashboard_share_one_postgresql_database(
    postgres_url: str, tmp_path: Path
) -> None:
    """A school's setup: two `quiz serve` hosts on one database; the teacher's dashboard, a third
    process, sees the pupils of both."""
    content = content_folder(tmp_path)
    made = true_false_assignment(content, Store.connect(postgres_url))
    with serving(content, "--db", postgres_url) as first, serving(content, "--db", postgres_url) as second:
        for url, name in ((first, "Ana"), (second, "Bo")):
            driver = browser(tmp_path / f"profile-{name}")
            try:
                rows = answer_in_browser(driver, url, name, made, lambda: Store.connect(postgres_url))
            finally:
                driver.quit()
            assert [r.question_id for r in rows] == list(made.questions)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("QUIZ_DB", None)
    dashboard = subprocess.run(
        [sys.executable, "-m", "quiz", "class", made.code, "--format", "json", "--db", postgres_url,
         "--content", str(content), "--seeds", str(SEEDS)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert dashboard.returncode == 0, dashboard.stderr
    report = json.loads(dashboard.stdout)
    assert sorted(p["player"] for p in report["players"]) == ["Ana", "Bo"], report
    assert report["finished"] == 2
