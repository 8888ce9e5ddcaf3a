"""Live workshop rounds: participants write on their own devices, the projector shows the gallery fill.

Owns the round's HTTP server (`resonanz round serve`, docs/LIVE_ROUNDS.md): the join code, the
participant API over one `Room`, its limits, and what the editor needs to run it as a child process.
May import: `analysis`, `storage`, `exercises` and the foundation; never Qt.
"""
