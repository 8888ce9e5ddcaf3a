"""`python -m resonanz`: the same as the `resonanz` command."""
from resonanz.launcher import main

raise SystemExit(main())
