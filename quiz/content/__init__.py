"""Content: the question bank's format, loading it, and checking it.

Nothing here imports Textual: the checker, the engine and both faces of the
game (the TUI and the plain-text mode) share it.
"""
