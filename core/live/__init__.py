"""Live workshop rounds: participants write on their own devices, the projector shows the gallery fill (docs/LIVE_ROUNDS.md)."""
