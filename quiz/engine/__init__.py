"""The game engine: rounds, answers, scoring, progress. Never imports Textual."""
