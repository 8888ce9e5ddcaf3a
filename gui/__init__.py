"""Resonanz desktop editor (PySide6). Qt lives here and only here; the engine is in resonanz.core."""
