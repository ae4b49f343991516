"""The plain frozen records that flow between the stages: documents -> claims -> pairs -> judgements -> report."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TypeVar


@dataclass(frozen=True, kw_only=True)
class Document:
    """One article: its text and where it came from. Built by the readers of files, or by a caller who has texts:
    `Document(id="a", text="...", date="2025-04-27")`."""

    id: str
    text: str
    title: str = ""
    date: str | None = None  # ISO (YYYY-MM-DD) where known: relative times resolve against it, findings order by it
    path: str = ""  # the source file; empty for a text given directly
    url: str | None = None
    body_offset: int = 0  # where `text` starts inside the source file (for spans and line numbers)
    line_offset: int = 0  # how many lines of the source file come before `text`
    # for extracted text (HTML): the source-file line of each line of `text`, 1-based
    source_lines: tuple[int, ...] = ()
    title_line: int = 1  # the source-file line of the title (front matter and HTML put it below line 1)
    full_length: int = 0  # where `text` was cut to the reading limits (ingest.MAX_SENTENCES, MAX_CHARS): its length


@dataclass(frozen=True)
class Attribution:
    """Who asserts a claim, and how ("said", "according to", "reported", a direct quote)."""

    speaker: str
    cue: str


@dataclass(frozen=True)
class Amount:
    """A figure bound to what it counts or measures, as the interval its hedge allows ("about 3,000")."""

    text: str  # as written: "about 12,000 hectares"
    low: float  # in `unit`, converted to the base unit of its dimension (m, m**2, kg...) where it has one
    high: float
    unit: str  # "count", "percent", a currency ("USD"), or a base unit from pint ("meter ** 2")
    thing: str = ""  # the lemma of what is counted or measured ("house", "budget", the park a percent is of)
    event: str = ""  # the lemma of the predicate the figure belongs to ("lose", "approve")
    part: bool = False  # a part of a larger whole: "four of the dead", "of those, 12,905"
    revised: bool = False  # the value a change gives: "the toll rose to 23", "45 percent, up from 10 percent"


@dataclass(frozen=True)
class Tally:
    """A vote or a score: "by 27 votes to 13", "beat them 104-98", "two games apiece"."""

    text: str
    first: int
    second: int
    kind: str  # vote | score


@dataclass(frozen=True)
class When:
    """A time the claim gives, resolved against the article's date where relative ("on Tuesday")."""

    text: str
    start: str  # ISO date (or "--MM-DD" when the article has no date to give a year); "HH:MM" for a time of day
    end: str
    precision: str  # day | month | year | time | time12 (a time of day that may be morning or evening)
    anchors: tuple[str, ...] = ()  # lemmas of what it dates: the verb, its object, the noun it hangs from ("vote")


@dataclass(frozen=True)
class Place:
    """Where: a named place and how the claim relates to it ("near", "north of", "in")."""

    text: str
    name: str
    relation: str


@dataclass(frozen=True)
class Facts:
    """What a claim states, from its parse: the event, its participants and the values of its slots."""

    event: str = ""  # lemma of the main predicate
    agent: str = ""  # who acts (a name, or the lemma of the subject's head)
    patient: str = ""  # on what or whom
    amounts: tuple[Amount, ...] = ()
    tallies: tuple[Tally, ...] = ()
    times: tuple[When, ...] = ()
    places: tuple[Place, ...] = ()
    cause: str = ""  # a stated cause ("lightning" in "started by lightning")
    effect: str = ""  # what it caused (lemma)
    polarity: str = "asserted"  # asserted | negated | denied | unconfirmed
    modality: str = "fact"  # fact | plan | demand | offer | forecast | guess | rumour | condition | capacity
    update: str = ""  # an update cue ("rose to", "revised") where the claim reports a changed figure
    published: str | None = None  # the article's date, against which relative times were resolved
    story: tuple[str, ...] = ()  # the names the article mentions most: two claims share a story when these meet


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
    facts: Facts | None = None  # None where the claim was not parsed (no parser, or nothing to parse)


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
    relation: str  # contradiction | agreement | update (a later article revises a figure; `a` is the older)
    # nli, numeric, money, percent, quantity, vote, score, date, location, cause, role, negation, attribution
    kind: str
    score: float
    pair: ClaimPair
    forward: Judgement | None = None
    backward: Judgement | None = None
    detail: str = ""
    # what settled it: "facts" (parsed values that cannot both hold, or fit; reported whatever the score) or
    # "model" (the learned decision, or the rules, on the model's probabilities)
    basis: str = "model"

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
    decision: str = "rules"  # what turned judgements into findings: "learned" (decision.json) or the hand-set "rules"
    unreadable: tuple[str, ...] = ()  # files that could not be read, each "path: reason"; the rest was checked

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
