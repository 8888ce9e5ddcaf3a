"""Entry point of the PyInstaller bundle: the same as the `resonanz` command (editor, CLI, --self-test)."""

from resonanz.launcher import main

if __name__ == "__main__":
    raise SystemExit(main())
