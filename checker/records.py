"""The plain frozen records that flow between the stages: documents -> claims -> pairs -> judgements -> report."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TypeVar


@dataclass(frozen=True)
class Document:
    """One article: its text and where it came from."""

    id: str
    path: str
    title: str
    date: str | None
    text: str
    url: str | None = None
    body_offset: int = 0  # where `text` starts inside the source file (for spans and line numbers)
    line_offset: int = 0  # how many lines of the source file come before `text`
    # for extracted text (HTML): the source-file line of each line of `text`, 1-based
    source_lines: tuple[int, ...] = ()
    title_line: int = 1  # the source-file line of the title (front matter and HTML put it below line 1)


@dataclass(frozen=True)
class Attribution:
    """Who asserts a claim, and how ("said", "according to", "reported", a direct quote)."""

    speaker: str
    cue: str


@dataclass(frozen=True)
class Claim:
    """An asserted fact with its exact place in the source file."""

    id: str
    document_id: str
    text: str  # the asserted content, without the attribution frame
    sentence: str  # the full sentence as written
    start: int  # character offsets of the sentence in the source file
    end: int
    line: int  # 1-based line of `start` in the source file
    attribution: Attribution | None = None
    is_title: bool = False


@dataclass(frozen=True)
class ClaimPair:
    """Two claims to compare; `a` comes first in corpus order."""

    a: Claim
    b: Claim


@dataclass(frozen=True)
class Judgement:
    """The NLI model's probabilities for premise -> hypothesis, keyed by label."""

    entailment: float
    neutral: float
    contradiction: float

    @property
    def label(self) -> str:
        scores = {"entailment": self.entailment, "neutral": self.neutral, "contradiction": self.contradiction}
        return max(scores, key=scores.__getitem__)

    def as_dict(self) -> dict[str, float]:
        return {"entailment": self.entailment, "neutral": self.neutral, "contradiction": self.contradiction}


@dataclass(frozen=True)
class Conflict:
    """A deterministic conflict between two claims (numbers, dates, negation...)."""

    kind: str
    detail: str


@dataclass(frozen=True)
class Finding:
    """A relation between two claims that the report shows."""

    id: str
    relation: str  # contradiction | agreement | novelty
    kind: str  # nli | numeric | quantity | date | negation | attribution
    score: float
    pair: ClaimPair
    forward: Judgement | None = None
    backward: Judgement | None = None
    detail: str = ""

    def probabilities(self) -> dict[str, float]:
        """Both directions combined: the stronger direction for agreement/contradiction."""
        if self.forward is None or self.backward is None:
            return {"entailment": 0.0, "neutral": 0.0, "contradiction": 0.0}
        return {
            "entailment": max(self.forward.entailment, self.backward.entailment),
            "neutral": min(self.forward.neutral, self.backward.neutral),
            "contradiction": max(self.forward.contradiction, self.backward.contradiction),
        }


@dataclass(frozen=True)
class ModelInfo:
    """What judged the pairs."""

    name: str
    backend: str
    path: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    # report thresholds calibrated for this model (its config.json "checker_thresholds": "contradiction",
    # "agreement"); a threshold the user sets wins, and a model without them gets the general defaults
    thresholds: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    """Everything a renderer needs."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    claim_status: dict[str, str]
    support: dict[str, tuple[int, int]]  # claim id -> (documents corroborating, documents disputing)
    pairs_considered: int
    pairs_scored: int
    model: ModelInfo
    suppressed: int = 0
    notes: tuple[str, ...] = ()
    thresholds: dict[str, float] = field(default_factory=dict)  # the report thresholds applied

    def count(self, relation: str) -> int:
        return sum(1 for f in self.findings if f.relation == relation)


Identified = TypeVar("Identified", "Document", "Claim")


def with_unique_ids(items: list[Identified], separator: str) -> list[Identified]:
    """Keep ids unique: the second 'x' becomes 'x<separator>2', and so on."""
    seen: dict[str, int] = {}
    unique = []
    for item in items:
        count = seen.get(item.id, 0)
        seen[item.id] = count + 1
        unique.append(replace(item, id=f"{item.id}{separator}{count + 1}") if count else item)
    return unique
