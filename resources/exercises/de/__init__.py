"""Built-in German exercises (*.md), read by resonanz.core.exercises.builtin_exercises()."""
