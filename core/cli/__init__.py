"""The `resonanz` command line: `score` (one draft or a CSV of posts), `report`, `db backup|restore|check`.

Argument parsing and one module per command. Every refusal is one line on stderr and exit
status 2. `terminal` renders `resonanz score`'s text report.

May import: every other core package (the top of the house); never Qt: PDF reports get their
writer injected by the launcher, resonanz_pkg/launcher.py.
"""
