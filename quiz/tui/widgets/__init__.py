"""Widgets of the game: one per question type, and the pieces of the feedback,
summary and stats screens. Each posts typed messages; none calls the engine."""
