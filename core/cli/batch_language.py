"""The majority language of a CSV export: the language for posts with too few words of their own.

A post that is only a link, emoji or hashtags cannot be detected (`language.decide_language`
answers None). In a batch run it takes the language most of the file's other posts are in,
unless `--lang` chose one. Only the first `SAMPLE_ROWS` texts are looked at (about 0.1 ms each),
so a large export costs no noticeable extra time; unreadable rows are simply not counted
(`batch.score_csv` reports them).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from resonanz.core.analysis.language import decide_language
from resonanz.core.cli.batch import _find_column, _sniff_dialect

SAMPLE_ROWS = 5000


def majority_language(in_path: Path, text_column: str, sample_rows: int = SAMPLE_ROWS) -> str | None:
    """The language most detectable texts in `text_column` are in, or None (no file, no column,
    no detectable text, or a tie)."""
    try:
        with open(in_path, encoding="utf-8-sig", errors="replace", newline="") as f:
            dialect = _sniff_dialect(f.read(65536))
            f.seek(0)
            reader = csv.reader(f, dialect)
            header = next(reader, None)
            col = _find_column(header, text_column) if header else None
            if col is None:
                return None
            votes: Counter[str] = Counter()
            seen = 0
            for row in reader:
                if col >= len(row) or not row[col].strip():
                    continue
                seen += 1
                code = decide_language(row[col])
                if code is not None:
                    votes[code] += 1
                if seen >= sample_rows:
                    break
    except (OSError, csv.Error):
        return None
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]
