"""Built-in coaching exercises: de/*.md and en/*.md (see resonanz.core.exercises.library)."""
