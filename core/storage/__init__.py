"""Storage: drafts, revisions, exercises, sessions and settings in one SQLite file.

- `store`: the `Store`, one connection per thread (drafts, revisions, settings; exercise and
  session queries live in `coaching`, full-text search in `search`);
- `records`: the frozen records a Store returns (Draft, Revision, Session, Attempt, ...);
- `opening`: how a Store opens a file (refusals, creation, upgrade, read-only);
- `dbopen`: the file is opened only through SQLite, read-only where that is enough (issue 18);
- `migrations`: the numbered schema migrations and the storage errors;
- `backup`: online backups, daily rotation, restore and the health check.

May import: `resonanz.core.analysis.model` (results it stores) and the foundation modules
`resonanz.core.paths` and `resonanz.core.fileio`. Never the engine, reports or the CLI.
"""
