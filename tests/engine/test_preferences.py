"""Preferences: typed, with defaults, kept through the store, never a reason not to start."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.engine.preferences import Preferences
from quiz.engine.store import Store


def test_a_new_store_has_the_defaults(store: Store) -> None:
    assert store.preferences() == Preferences(theme=None, round_size=10, certainty=False, last_player=None)


def test_preferences_are_kept_between_starts(data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.update_preferences(theme="nord", round_size=15, certainty=True, last_player="Zoë")
    store.close()
    again = Store.open(data_dir)
    assert again.preferences() == Preferences(theme="nord", round_size=15, certainty=True, last_player="Zoë")
    assert again.last_player() == "Zoë"
    again.update_preferences(certainty=False, theme=None)  # only these change
    assert again.preferences() == Preferences(round_size=15, last_player="Zoë")
    again.close()


def test_choices_made_before_carry_over(store: Store) -> None:
    """The keys the game has always written read back as the typed preferences."""
    for key, value in (("theme", "gruvbox"), ("round.count", "20"), ("round.certainty", "on")):
        store.set_setting(key, value)
    store.set_setting("last_player", "ann")
    assert store.preferences() == Preferences(
        theme="gruvbox", round_size=20, certainty=True, last_player="ann"
    )


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("round.count", "many"),
        ("round.count", "0"),
        ("round.count", "-5"),
        ("round.count", "²"),
        ("round.count", "99999999999999999999"),
        ("round.certainty", "yes"),
        ("theme", ""),
        ("theme", "\x1b]52;c;aGk=\x07"),
        ("last_player", "   "),
    ],
)
def test_a_bad_stored_value_is_its_default_and_spoils_nothing_else(
    store: Store, key: str, value: str
) -> None:
    store.update_preferences(theme="nord", round_size=5, certainty=True, last_player="kim")
    store.set_setting(key, value)
    got = store.preferences()
    expected = {"theme": "nord", "round_size": 5, "certainty": True, "last_player": "kim"}
    field = {"round.count": "round_size", "round.certainty": "certainty"}.get(key, key)
    expected[field] = getattr(Preferences(), field)
    assert got == Preferences(**expected)  # type: ignore[arg-type]


def test_a_preference_that_does_not_exist_or_cannot_be_kept_is_refused(store: Store) -> None:
    with pytest.raises(TypeError, match="no preference"):
        store.update_preferences(colour="red")
    with pytest.raises(TypeError, match="int"):
        store.update_preferences(round_size="10")
    with pytest.raises(ValueError, match="cannot be"):
        store.update_preferences(round_size=0)
    assert store.preferences() == Preferences()


def test_preferences_go_on_in_memory_when_the_disk_cannot_be_used() -> None:
    store = Store.in_memory(notice="Progress is not being saved.")
    store.update_preferences(round_size=5)
    assert store.preferences().round_size == 5
