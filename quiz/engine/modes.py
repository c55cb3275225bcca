"""The kinds of round a player can ask for."""

MODES: tuple[str, ...] = ("quick", "drill", "disputes", "review", "campaign", "due")
