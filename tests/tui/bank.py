"""A small bank for the TUI's tests: one question of every type and a dispute.

Written into a temporary content folder by the fixtures, so the TUI's tests do
not move when the real bank (content/*.toml) is edited. Every quote is a real
passage of the seeds. `TRICKY` is text that looks like Textual markup; the
injection tests put it into every field.
"""

from __future__ import annotations

import json
from pathlib import Path

TRICKY = "[@click=app.quit]Click me[/] [/ [bold]x list[int]"

SOURCES = """\
[[source]]
id = "afp-rewrite"
file = "000_91637ce7390a2715.txt"
title = "Russia’s ‘mini-NATO’ is intervening in Kazakhstan in the midst of growing unrest"
outlet = "AFP"
date = 2022-01-07
kind = "news explainer (wire copy)"
perspective = "A French news agency's explainer for a general international audience, built on the views of two French analysts."
notes = "Credited '(AFP)' at the end; the site that published this copy is not stated. The same AFP explainer as the 24 News HD copy, in different wording: the two are one origin, not two independent reports. The wording reads as a reworded copy of the AFP text."

[[source]]
id = "gaspardo"
file = "001_ee63d4fc44313e2e.txt"
title = "CSTO: Russian NATO?"
outlet = "not stated"
author = "Andrea Gaspardo"
date = 2022-01-26
kind = "analysis"
perspective = "An Italian military-affairs writer, for readers of defence analysis, who sees the CSTO as Russia's instrument and is sceptical of official figures."
notes = "Reads as a translation from Italian: ordinals such as '98a' and '31a' keep the Italian ending. Written after the withdrawal, unlike the January 7 reports."

[[source]]
id = "afp-24news"
file = "002_671d6865ac23d0d2.txt"
title = "Russia's 'mini-Nato' intervenes in Kazakhstan"
outlet = "24 News HD, publishing AFP copy"
date = 2022-01-07
kind = "news report (wire copy)"
perspective = "A Pakistani news channel's website republishing the French news agency's explainer and its report on the clashes, for a general audience."
notes = "The explainer part is the same AFP text as the reworded copy. The second part, on the clashes in Almaty, appears only here."

[[source]]
id = "russtrat"
file = "003_b270a8d2a36b51f2.txt"
title = "The CSTO has become NATO in a good sense of the word"
outlet = "RUSSTRAT Institute"
date = 2022-01-12
kind = "commentary"
perspective = "A Moscow institute's commentary, for readers open to the Russian government's view, presenting the intervention as a counter-terrorist success."
notes = "The page ends with links to the institute's other posts; only the article itself is the source."

[[source]]
id = "feb-analysis"
file = "004_3015bca6c6aaec53.txt"
title = "The Russian-led army alliance, the Collective Security Treaty Organization (CSTO)"
outlet = "not stated"
date = 2022-02-04
kind = "analysis"
perspective = "An international-affairs analysis, for a general policy readership, weighing what the intervention means for the CSTO and for Russia."
notes = "No title or outlet is given; the title here is the text's opening words. Much of the English reads as an automatically reworded copy of another text ('army' for military, 'safety' for security, 'got here into power' for came into force)."
"""


def s(text: str) -> str:
    """A TOML basic string (JSON strings are valid TOML strings)."""
    return json.dumps(text, ensure_ascii=False)


def bank_text(mark: str = "") -> str:
    """The bank; with `mark`, every teacher-written field carries it."""

    def t(text: str) -> str:
        return s(f"{text}{mark}")

    return f"""\
[[question]]
id = "members"
type = "choice"
topic = "origins"
difficulty = 1
prompt = {t("How many ex-Soviet states are in the alliance, according to AFP?")}
choices = [{t("Four")}, {t("Six")}, {t("Nine")}, {t("Fifteen")}]
answer = {t("Six")}
explanation = {t("AFP calls the CSTO a Russia-led alliance of six ex-Soviet states.")}
evidence = [
  {{ source = "afp-24news", quote = "Here is what you need to know about the Russia-led alliance of six ex-Soviet states" }},
]
feedback = {{ {t("Nine")} = {t("Nine was the 1993 peak, by Gaspardo's account.")} }}

[[question]]
id = "left-1999"
type = "multi"
topic = "origins"
difficulty = 2
prompt = {t("Which countries did not renew the treaty in 1999?")}
choices = [{t("Azerbaijan")}, {t("Georgia")}, {t("Uzbekistan")}, {t("Armenia")}]
answer = [{t("Azerbaijan")}, {t("Georgia")}, {t("Uzbekistan")}]
explanation = {t("Three of the nine members left at the 1999 renewal.")}
evidence = [
  {{ source = "gaspardo", quote = "In 1999, Georgia, Azerbaijan and Uzbekistan opted not to renew the pact" }},
]

[[question]]
id = "un"
type = "truefalse"
topic = "forces"
difficulty = 1
prompt = {t("The AFP explainer says the peacekeeping unit is recognised by the UN.")}
answer = true
explanation = {t("AFP writes that the 3,600-member unit is recognised by the UN.")}
evidence = [
  {{ source = "afp-24news", quote = "its 3,600-member peacekeeping unit is recognised by the UN" }},
]

[[question]]
id = "zas"
type = "number"
topic = "deployment"
difficulty = 2
prompt = {t("RUSSTRAT reports a later figure, attributed to Stanislav Zas. How many people?")}
answer = 2885
unit = {t("people")}
explanation = {t("RUSSTRAT: the number of forces reached 2,885 people.")}
evidence = [
  {{ source = "russtrat", quote = "Later, the number of forces, according to Stanislav Zas, reached 2,885 people." }},
]
dispute = "force-size"

[[question]]
id = "timeline"
type = "order"
topic = "origins"
difficulty = 2
prompt = {t("Put these steps in order, as Gaspardo tells it.")}
items = [
  {t("Six republics sign the Pact of Tashkent")},
  {t("Belarus, Azerbaijan and Georgia join")},
  {t("Georgia, Azerbaijan and Uzbekistan do not renew")},
]
explanation = {t("1992, 1993, 1999.")}
evidence = [
  {{ source = "gaspardo", quote = "During 1993 Belarus, Azerbaijan and Georgia also decided to join" }},
  {{ source = "gaspardo", quote = "In 1999, Georgia, Azerbaijan and Uzbekistan opted not to renew the pact" }},
]

[[question]]
id = "phrases"
type = "match"
topic = "reactions"
difficulty = 2
prompt = {t("Match each phrase to the source that uses it.")}
pairs = [
  {{ left = {t("mini-NATO")}, right = {t("AFP")} }},
  {{ left = {t("NATO in a good sense")}, right = {t("RUSSTRAT")} }},
  {{ left = {t("paper tiger")}, right = {t("Gaspardo")} }},
]
explanation = {t("Each outlet reaches for a different image.")}
evidence = [
  {{ source = "russtrat", quote = "The CSTO has become NATO in a good sense of the word" }},
]

[[dispute]]
id = "force-size"
kind = "fact"
topic = "deployment"
title = {t("How large was the force sent to Kazakhstan?")}
explanation = {t("The figures count different things at different times.")}
  [[dispute.position]]
  source = "russtrat"
  quote = "Later, the number of forces, according to Stanislav Zas, reached 2,885 people."
  claim = {t("2,885 later, per Zas")}
  [[dispute.position]]
  source = "feb-analysis"
  quote = "after 2,500 of its troops entered Kazakhstan"
  claim = {t("2,500 troops")}
"""


def write_content(folder: Path, mark: str = "") -> Path:
    content = folder / "content"
    content.mkdir(parents=True, exist_ok=True)
    (content / "questions.toml").write_text(bank_text(mark), encoding="utf-8")
    return content


def write_seeds(folder: Path, seeds: Path, mark: str = "") -> Path:
    """The articles of the seeds with the fixed `SOURCES` (whose titles, outlets and
    perspectives carry `mark`), so that edits to seeds/sources.toml move no test."""
    import shutil

    target = folder / "seeds"
    target.mkdir(parents=True, exist_ok=True)
    for article in seeds.glob("*.txt"):
        shutil.copyfile(article, target / article.name)
    lines = []
    for line in SOURCES.splitlines():
        for key in ("title = ", "outlet = ", "perspective = "):
            if mark and line.startswith(key):
                value = json.loads(line[len(key) :])
                line = key + s(value + mark)
        lines.append(line)
    (target / "sources.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target
