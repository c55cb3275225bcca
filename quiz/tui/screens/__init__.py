"""One module per screen. Only `home` is imported at start-up; the rest when first opened."""
