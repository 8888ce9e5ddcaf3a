"""The participant page of a live workshop round (served by resonanz.core.live)."""
