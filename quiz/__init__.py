"""A terminal quiz game that teaches post-Soviet security from real sources."""

__version__ = "0.1.0"
