"""Facts every package of Resonanz shares, derived from the one source (resonanz/__init__.py).

Imported by resonanz.spec (PyInstaller), build.py and tests/test_packaging.py; the static recipes
(.desktop, metainfo, .iss) are checked against these by the tests.
"""

from __future__ import annotations

from resonanz import APP_ID, __version__

NAME = "Resonanz"
VERSION = __version__
AUTHOR = "Resonanz developers"
COPYRIGHT = "© 2026 Resonanz developers, MIT licence"
HOMEPAGE = "https://github.com/resonanz-app/resonanz"
EXECUTABLE = "resonanz"
#: Windows only: the same program with a console, for the command line and --self-test.
CLI_EXECUTABLE = "resonanz-cli"


def mac_info_plist() -> dict:
    """Info.plist entries of Resonanz.app: version, bundle id, document types .txt and .md."""
    return {
        "CFBundleName": NAME,
        "CFBundleDisplayName": NAME,
        "CFBundleIdentifier": APP_ID,
        "CFBundleShortVersionString": VERSION,
        "CFBundleVersion": VERSION,
        "CFBundleDevelopmentRegion": "en",
        "CFBundleLocalizations": ["en", "de"],
        "NSHumanReadableCopyright": COPYRIGHT,
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
        "LSApplicationCategoryType": "public.app-category.productivity",
        "LSMinimumSystemVersion": "12.0",  # Qt 6.8+ supports macOS 12 and later
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "Plain text draft",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Alternate",  # open with Resonanz, without taking over .txt
                "LSItemContentTypes": ["public.plain-text"],
                "CFBundleTypeExtensions": ["txt"],
            },
            {
                "CFBundleTypeName": "Markdown draft",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Alternate",
                "LSItemContentTypes": ["net.daringfireball.markdown"],
                "CFBundleTypeExtensions": ["md", "markdown"],
            },
        ],
        "UTImportedTypeDeclarations": [
            {
                "UTTypeIdentifier": "net.daringfireball.markdown",
                "UTTypeDescription": "Markdown document",
                "UTTypeConformsTo": ["public.plain-text"],
                "UTTypeReferenceURL": "https://daringfireball.net/projects/markdown/",
                "UTTypeTagSpecification": {"public.filename-extension": ["md", "markdown"], "public.mime-type": ["text/markdown"]},
            }
        ],
    }


def windows_version_tuple() -> tuple[int, int, int, int]:
    """VERSION as the four numbers of a Windows version resource ("0.1.0" -> (0, 1, 0, 0))."""
    numbers = [int("".join(ch for ch in part if ch.isdigit()) or 0) for part in VERSION.split(".")[:4]]
    return tuple((numbers + [0, 0, 0, 0])[:4])
