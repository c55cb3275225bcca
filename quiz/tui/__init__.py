"""The Textual face of the game.

`run_tui` is all the CLI imports; the App, its screens and the engine are
imported when it runs, and the bank is loaded after the home screen paints.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.engine.setup import PlayOptions


def run_tui(
    options: PlayOptions, *, served: bool = False, class_code: str | None = None, dashboard: str | None = None
) -> int:
    """Run the game until the player quits; the exit status (0, or 1/2 if the bank failed).

    `served`: a browser tab of `quiz serve` (the name is asked first; the class code too, if set).
    `dashboard`: open the teacher's dashboard of this assignment ("" to choose one) at once.
    """
    from quiz.tui.app import make_app

    app = make_app(options, served=served, class_code=class_code, dashboard=dashboard)
    try:
        app.run()
    finally:
        if app.game is not None:
            store = app.game.store
            store.close()
            if store.waiting:  # the lock or the server outlasted the game: say what was lost
                print(f"quiz: {store.notice}", file=sys.stderr)
    return app.return_code or 0
