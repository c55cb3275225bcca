"""A small campaign over the test bank of tests/content/banks.py."""

from __future__ import annotations

from pathlib import Path

from quiz.content.bank import LoadResult, load_bank
from tests.content.banks import VALID, write_bank

CAMPAIGN = """\
title = "The test briefing"
intro = "Your editor wants a briefing."

[[scene]]
id = "newsroom"
title = "The newsroom"
place = "Newsroom"
date = 2022-01-07
text = "The reports pile up."
evidence = [
  { id = "zas", source = "russtrat", quote = "reached 2,885 people" },
]
questions = ["members"]
sets = ["met-editor"]
exits = [
  { label = "Read the February analysis", to = "library", requires = { questions = ["members"] } },
  { label = "Go straight to the briefing", to = "briefing" },
]

[[scene]]
id = "library"
title = "The library"
place = "Library"
text = "A later analysis."
evidence = [
  { id = "feb", source = "feb-analysis", quote = "after 2,500 of its troops entered Kazakhstan" },
  { id = "un", source = "afp-rewrite", quote = "its 3,600-member peacekeeping unit is recognized by the UN" },
]
questions = ["size"]
exits = [
  { label = "To the briefing", to = "briefing", requires = { evidence = ["feb"] } },
]
[scene.contradiction]
dispute = "size"
prompt = "Two figures for one force. Why?"
reasons = ["Different days and speakers", "One outlet invented it"]
answer = "Different days and speakers"

[[scene]]
id = "briefing"
title = "The briefing"
place = "Editor's office"
text = "Your editor reads."
final = true

[[ending]]
id = "front-page"
title = "Front page"
text = "Well supported."
min_score = 4
flags = ["met-editor"]

[[ending]]
id = "inside"
title = "Page six"
text = "Thin."
min_score = 1

[[ending]]
id = "spiked"
title = "Spiked"
text = "Not enough."
"""


def load_with_campaign(folder: Path, seeds: Path, campaign: str = CAMPAIGN) -> LoadResult:
    content = write_bank(folder, VALID)
    (content / "campaign.toml").write_text(campaign, encoding="utf-8")
    return load_bank(content, seeds)
