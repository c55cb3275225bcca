"""A small bank whose text is hostile to every format: GIFT's special characters,
HTML, an escape sequence and a bell. Quotes are real passages of the seeds."""

from __future__ import annotations

SPECIAL_PROMPT = 'Which {=right ~wrong} #1 :: is it? <b>bold</b> & a back\\slash "quoted" 50%'
"""A prompt holding every GIFT special character (~ = # { } :), HTML and a backslash."""

TRICKY = r"""
[[question]]
id = "gift-specials"
type = "choice"
topic = "tricky-text"
difficulty = 1
prompt = "Which {=right ~wrong} #1 :: is it? <b>bold</b> & a back\\slash \"quoted\" 50%"
choices = ["~tilde = equals", "#hash: colon", "<i>not italic</i>", "{open brace"]
answer = "#hash: colon"
explanation = "Braces {like these}, a hash # and a colon: all literal. <script>alert(1)</script>"
evidence = [
  { source = "afp-24news", quote = "Here is what you need to know about the Russia-led alliance of six ex-Soviet states" },
]
feedback = { "~tilde = equals" = "Not this one: #2 {no}." }
dispute = "force-size"

[[question]]
id = "escape-sequences"
type = "truefalse"
topic = "tricky-text"
difficulty = 1
prompt = "An escape \u001b]52;c;aGk=\u0007 and a bell\u0007 never reach the file."
answer = true
explanation = "Control characters are stripped\u001b[31m from everything."
evidence = [
  { source = "gaspardo", quote = "In 1999, Georgia, Azerbaijan and Uzbekistan opted not to renew the pact" },
]
feedback = { "false" = "They are stripped: #all of them." }

[[question]]
id = "three-right"
type = "multi"
topic = "tricky-text"
difficulty = 2
prompt = "Which countries left in 1999?"
choices = ["Azerbaijan", "Georgia", "Uzbekistan", "Armenia"]
answer = ["Azerbaijan", "Georgia", "Uzbekistan"]
explanation = "Three left."
evidence = [
  { source = "feb-analysis", quote = "three of the 9 members—Azerbaijan, Georgia and Uzbekistan—selected to depart in 1999" },
]
feedback = { "Armenia" = "Armenia stayed." }

[[question]]
id = "peak"
type = "number"
topic = "numbers"
difficulty = 1
prompt = "At its peak, how many member countries?"
answer = 9
tolerance = 0.5
unit = "countries"
explanation = "Nine."
evidence = [
  { source = "gaspardo", quote = "bringing the total of member countries to its historic peak of 9" },
]

[[question]]
id = "steps"
type = "order"
topic = "numbers"
difficulty = 2
prompt = "Put these in order."
items = ["One = first", "Two: second", "Three #3"]
explanation = "In order."
evidence = [
  { source = "gaspardo", quote = "bringing the total of member countries to its historic peak of 9" },
]

[[question]]
id = "arrows"
type = "match"
topic = "numbers"
difficulty = 2
prompt = "Match each side."
pairs = [
  { left = "a -> b", right = "Belarus: joins" },
  { left = "<u>1999</u>", right = "Georgia = leaves" },
]
explanation = "Matched."
evidence = [
  { source = "gaspardo", quote = "In 1999, Georgia, Azerbaijan and Uzbekistan opted not to renew the pact" },
]

[[dispute]]
id = "force-size"
kind = "fact"
topic = "deployment"
title = "How large was the force the alliance sent to Kazakhstan?"
explanation = "The figures count different things at different times."
  [[dispute.position]]
  source = "russtrat"
  quote = "the number of the CSTO peacekeeping contingent was 2,030 people and 250 pieces of equipment"
  claim = "2,030 on January 10, per Tokayev"
  [[dispute.position]]
  source = "gaspardo"
  quote = "the official total of 3800 \"peacekeepers\" officially deployed on the spot is a ridiculous underestimate"
  claim = "Officially 3,800; really far more by his estimate"
"""
