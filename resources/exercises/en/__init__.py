"""Built-in English exercises (*.md), read by resonanz.core.exercises.builtin_exercises()."""
