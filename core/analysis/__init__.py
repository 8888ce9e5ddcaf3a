"""The analysis engine: text in, four explainable scores and their findings out.

Owns tokenising (`text`, with `entities`: URLs, mentions, hashtags, emoji), language detection,
readability, the rule packs (`packs`: rules, word lists and weights as TOML data from
resources/rules), platform profiles (`platforms`: limits, counting, the fold), the rules
themselves (`rules/`: dialogue, shareability, clarity, platform; `rules/reply`: R1-R9), the reply
coach (`reply`: `analyze_reply`, an organisation's answer to a comment), the immutable result model
(`model`), comparing two results (`compare`) and the validation against researcher-coded real
posts (`validation/`: statistics, datasets, the naive baseline, the figures, evidence grades and
their rendering; `resonanz validate` runs it).

May import: nothing else from resonanz.core except the foundation modules `resonanz.core.paths`
and `resonanz.core.fileio`. Everything else in core builds on this package, never the reverse.
"""
