"""The light theme reads: the highlighted choice's key and the footer's keys contrast with their
background at 4.5:1 or more (WCAG AA for text), measured on the painted screen."""

from __future__ import annotations

from collections.abc import Callable

from rich.color import Color
from rich.segment import Segment

from quiz.tui.app import QuizApp
from tests.tui.helpers import screen_strips, start_quick_round, wait_ready

READABLE = 4.5


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    red, green, blue = color.get_truecolor()
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(segment: Segment) -> float:
    style = segment.style
    assert style is not None and style.color is not None and style.bgcolor is not None
    light, dark = sorted((luminance(style.color), luminance(style.bgcolor)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def segment_with(app: QuizApp, text: str, row: int | None = None) -> Segment:
    """The painted segment that starts with `text` (on screen row `row`, if given)."""
    for y, strip in enumerate(screen_strips(app)):
        if row is not None and y != row:
            continue
        for segment in strip:
            if segment.text.strip() and segment.text.strip().startswith(text):
                return segment
    raise AssertionError(f"{text!r} is not on screen")


async def test_the_highlighted_key_and_the_footer_keys_read_in_the_light_theme(
    make_game_app: Callable[..., QuizApp],
) -> None:
    app = make_game_app(types=("choice",), count=2)
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "textual-light"
        screen = await start_quick_round(app, pilot)
        await pilot.press("down")  # the second choice highlighted
        await wait_ready(pilot)
        choices = screen.query_one("#choices")
        row = choices.region.y + 1 + 1  # under the list's border, the second choice
        assert contrast(segment_with(app, "2", row)) >= READABLE
        assert contrast(segment_with(app, screen.playable.choices[1], row)) >= READABLE
        assert contrast(segment_with(app, "esc", row=29)) >= READABLE
