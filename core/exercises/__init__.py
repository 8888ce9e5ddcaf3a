"""Coaching exercises.

- `model`: the `Exercise` record; `fileformat`: one exercise as a Markdown file with front matter;
- `library`: the built-in exercises (resources/exercises) and score targets;
- `packs`: .resonanzpack zip files to share exercises; `rendering`: Markdown to safe HTML.

May import: `resonanz.core.analysis`, `resonanz.core.storage` and the foundation modules.
"""
