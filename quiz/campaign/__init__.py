"""Campaign mode: a text adventure through January 2022, written in TOML. Never imports Textual."""
