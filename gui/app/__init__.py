"""The application around the windows: start-up (`start`: the database, the error hook, the daily
backup), UI translations (`i18n`), themes, settings, the brand and icon, the self-test and the
README screenshots.

May import: every resonanz.core package and the other gui packages.
"""
