"""`python -m resonanz` runs the command-line interface."""
from resonanz.core.cli import main

raise SystemExit(main())
