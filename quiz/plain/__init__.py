"""The plain face of the game: plain lines on standard input and output, for screen
readers, scripts and simple terminals. Never imports Textual."""
