"""The `resonanz` command: no arguments opens the editor, a subcommand runs the CLI.

Lives outside resonanz.core so that the engine never imports Qt, not even lazily.
"""

from __future__ import annotations

import sys

CLI_COMMANDS = ("score", "db", "report")  # anything else given alone is a draft to open in the editor


def main(argv: list[str] | None = None) -> int:
    """Open the desktop editor (no arguments, or a file to open) or run the command line."""
    args = sys.argv[1:] if argv is None else argv
    if not args or (len(args) == 1 and not args[0].startswith("-") and args[0] not in CLI_COMMANDS):
        from resonanz.gui.app import main as gui_main

        return gui_main(args)
    from resonanz.core.cli import main as cli_main

    return cli_main(args)
