"""Built-in English exercises (*.md), read by resonanz.core.exercises.library.builtin_exercises()."""
