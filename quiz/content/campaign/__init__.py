"""The campaign's format and its checks: a text adventure through January 2022, written in TOML."""
