"""Resonanz: coaching for social-media posts that open a dialogue and travel on.

The one source of the version and the application id: pyproject.toml (dynamic version), the CLI,
the About box, the PyInstaller spec and the installers all read them from here, and
tests/test_packaging.py fails if a packaging file disagrees.
"""

__version__ = "0.1.0"

#: Reverse-DNS id: .desktop file name, AppStream id, macOS bundle id, Wayland app id.
#: io.github.<owner>.<App> for github.com/resonanz-app/resonanz ("-" becomes "_" in ids).
APP_ID = "io.github.resonanz_app.Resonanz"
