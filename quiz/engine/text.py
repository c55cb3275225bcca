"""The engine shows text through the content layer's sanitiser: one function for every face."""

from quiz.content.text import clean, clean_line

__all__ = ["clean", "clean_line"]
