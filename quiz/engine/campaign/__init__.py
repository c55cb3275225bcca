"""The campaign's rules (`run`) and a player's journey through it, saved in the store (`journey`)."""
