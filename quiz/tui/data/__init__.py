"""What the screens share beyond a single screen: a round in play, a journey in play."""
