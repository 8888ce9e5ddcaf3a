"""The `resonanz` command: no arguments opens the editor, a subcommand runs the CLI.

`resonanz --self-test` starts the real editor on a throw-away database, scores a sample draft,
exports a PDF and quits: 0 if everything an installed copy or a bundle needs is there.

Lives outside resonanz.core so that the engine never imports Qt, not even lazily.
"""

from __future__ import annotations

import sys

CLI_COMMANDS = ("score", "reply", "db", "report", "validate", "audit", "round")  # anything else given alone is a draft to open in the editor
SELF_TEST = "--self-test"


def main(argv: list[str] | None = None) -> int:
    """Open the desktop editor (no arguments, or a file to open), run the self-test, or run the command line."""
    import multiprocessing

    multiprocessing.freeze_support()  # a bundled app's audit workers start through this executable
    args = sys.argv[1:] if argv is None else argv
    if args == [SELF_TEST]:
        from resonanz.gui.app.self_test import main as self_test

        return self_test()
    if not args or (len(args) == 1 and not args[0].startswith("-") and args[0] not in CLI_COMMANDS):
        from resonanz.gui.app.start import main as gui_main

        return gui_main(args)
    from resonanz.core.cli import commands as cli
    from resonanz.core.cli import report as cli_report

    cli_report.pdf_writer = _write_pdf
    return cli.main(args)


def _write_pdf(report, path, page_size: str) -> int:
    """`resonanz report … --format pdf`: Qt draws the PDF, headless (no window, no display needed)."""
    from resonanz.gui.reports.report_pdf import ensure_app, write_pdf

    ensure_app()
    return write_pdf(report, path, page_size=page_size)
