"""The report document model: a `Report` of format-independent `Block`s, plus its raw-score rows.

Owns the block dataclasses (`Heading`, `Paragraph`, `ScoreTable`, `MarkedText`, `BulletList` with its `EvidenceNote`s,
`Table`, `Chart`, …), `CsvRow`, `FindingRow`, `Report` and `segments` (how marked text splits into pieces),
which every renderer shares. Imports only `resonanz.core.analysis.model`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from resonanz.core.analysis.model import SEVERITIES

__all__ = [
    "Block", "BulletList", "Chart", "CsvRow", "EvidenceNote", "FindingRow", "Heading", "Mark", "MarkedText", "Paragraph", "Report", "ScoreRow", "ScoreTable",
    "Series", "Table", "segments",
]


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class ScoreRow:
    dimension: str  # display label
    value: int | None  # None: too little text to judge (shown as "–", no light)
    light: str  # "red" | "amber" | "green"; "" when `value` is None
    delta: str | None = None  # format_delta text, e.g. "+18"
    light_label: str = ""  # the light in the report's language


@dataclass(frozen=True)
class ScoreTable:
    rows: tuple[ScoreRow, ...]
    header: tuple[str, str, str, str] = ("", "", "", "")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    dimension: str
    severity: str


@dataclass(frozen=True)
class MarkedText:
    text: str
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class EvidenceNote:
    """How well a finding's rule is backed by data (core/analysis/evidence.py), in the report's language."""

    grade: str  # "supported" | "mixed" | "unclear" | "contradicted" | "untested"
    label: str  # the grade's name, e.g. "Belegt"
    text: str  # the sentence without the grade, e.g. "In 2 von 3 Datensätzen …" (beside a badge)
    sentence: str  # grade and sentence in one line, e.g. "Belegt: in 2 von 3 Datensätzen …"


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]
    notes: tuple[EvidenceNote | None, ...] = ()  # one per item, or (): shown under the item


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class Chart:
    kind: str  # "radar" (one value per axis) | "line" (one value per x label)
    title: str
    labels: tuple[str, ...]  # radar: axis names; line: x labels
    series: tuple[Series, ...]


Block = Heading | Paragraph | ScoreTable | MarkedText | BulletList | Table | Chart


@dataclass(frozen=True)
class CsvRow:
    """One line of raw scores: a draft revision or a session attempt."""

    id: int
    name: str
    created_at: str
    scores: tuple[int | None, ...]  # in DIMENSIONS order (all None for a reply)
    kind: str = "post"  # "reply": an answer to a comment, scored in `reply` instead
    reply: int | None = None  # a reply's score (None for a post, or a reply not judged)


@dataclass(frozen=True)
class FindingRow:
    """One finding of a draft report's newest version, for the CSV (with its rule's evidence)."""

    id: int
    name: str
    created_at: str
    rule: str
    finding: str
    evidence_grade: str
    evidence: str


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    language: str
    blocks: tuple[Block, ...]
    rows: tuple[CsvRow, ...] = field(default=())
    findings: tuple[FindingRow, ...] = field(default=())


def chrome(table: Mapping[str, Mapping[str, str]], language: str) -> Mapping[str, str]:
    """A builder's headings and labels in the report language; one line naming a language it lacks."""
    if language not in table:
        raise ValueError(f"report language must be 'de' or 'en', not {language!r}")
    return table[language]


def segments(text: str, marks: Sequence[Mark]) -> list[tuple[str, Mark | None]]:
    """Split text at mark boundaries; each piece carries the most severe mark covering it."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    out: list[tuple[str, Mark | None]] = []
    for a, b in zip(cuts, cuts[1:]):
        cover = [m for m in marks if m.start <= a and b <= m.end]
        out.append((text[a:b], max(cover, key=lambda m: rank.get(m.severity, 0)) if cover else None))
    return out
