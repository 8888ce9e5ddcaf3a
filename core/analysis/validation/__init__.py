"""Validation of the scores and rules on researcher-coded real posts: `resonanz validate`.

`stats` (AUC, Spearman, within-group medians, bootstrap intervals), `datasets` (the shared research
sets and a user's CSV as `Dataset`s of `Post`s), `baseline` (the naive measuring stick), `table`
(every figure), `evidence` (a grade per rule, written as resources/rules/evidence.toml) and
`render` (text, Markdown, JSON). The third-party data is read, never shipped.

May import: nothing else from resonanz.core except `resonanz.core.analysis` and the foundation
modules `resonanz.core.paths` and `resonanz.core.fileio`.
"""
