"""`python -m resonanz.core.cli`: the command line without the desktop part (no PDF reports)."""

from resonanz.core.cli.commands import main

raise SystemExit(main())
