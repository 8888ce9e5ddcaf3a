"""Built-in German exercises (*.md), read by resonanz.core.exercises.library.builtin_exercises()."""
