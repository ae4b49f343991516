"""The learned decision: the named features of a judged pair mapped to contradiction / agreement / neither.

A multinomial logistic regression over features a reader of two news claims would weigh: the model's
probabilities both ways, how much the claims share (words, names, subject), what their parsed facts say (a figure,
date or place conflict or fit), polarity and modality, who says each and where. It is trained on labelled pairs
of real news (`checker decide-train`) and stored as JSON beside the NLI model (`decision.json`): feature names,
standardisation, coefficients, the report thresholds chosen on the labelled data, and the model it was trained
with. No pickle: a decision file is data, read the same way every run.

Its probability is the finding's `score`. A claim without parsed facts (`checker score`) reads as one with nothing
parsed, as `check` gives a sentence it did not parse, so every pair gets a verdict.
"""

from __future__ import annotations

import json
import math
import operator
from dataclasses import dataclass
from pathlib import Path

from .compare.facts import SlotFinding, same_story
from .compare.polarity import debunks, denies, negation_kind, reports_hearsay, states_a_fact
from .compare.quantities import find_conflict, same_figures_written_apart
from .compare.speakers import different_confirmers, one_voice, same_speaker, speakers_of
from .compare.subjects import different_events, different_subjects, restates
from .compare.words import content_words, named_entities, overlap, say_alike, share_a_subject
from .errors import ModelLoadError
from .records import ClaimPair, Facts, Judgement, ModelInfo

DECISION_FILE = "decision.json"
DECISION_FORMAT = "checker-decision/1"
CLASSES = ("contradiction", "agreement", "none")
CLIP = 5.0
# a claim that is not a plain assertion of fact: a plan, a guess, a rumour, a condition...
_HEDGED = frozenset({"plan", "demand", "offer", "forecast", "guess", "rumour", "condition", "capacity"})

FEATURES = (
    "contradiction_mean",  # the model's contradiction, both directions averaged
    "contradiction_max",
    "contradiction_min",
    "entailment_max",
    "entailment_min",
    "neutral_min",
    "word_overlap",  # share of the smaller claim's content words the other uses
    "word_jaccard",
    "shared_names",  # named entities both mention (capped at 3)
    "share_a_subject",
    "say_alike",  # share more than names
    "named_apart",  # about different named people or places
    "different_events",
    "restates",
    "identical",
    "fact_agreement",  # a slot both give and that fits (a conflict or update of the facts never reaches the decision)
    "figure_conflict",  # the lexical figure/date check finds different values around the same words
    "same_figures_apart",  # the same figures written in other units
    "negation",  # one claim is the other's negation
    "denial_one_side",  # one claim denies, debunks or calls false; the other does not
    "debunk_one_side",  # one claim calls something a hoax, fake, false...; the other does not
    "hearsay_one_side",  # one claim reports a rumour or claim without vouching for it; the other does not
    "negative_one_side",  # one claim's stance is negative (denies, debunks, or its parse is negated or denied)
    "negative_both",  # both are: two debunks of one rumour agree, whatever the model reads in their wording
    "negative_both_x_contradiction",  # the model's stronger contradiction where both stances are negative
    "debunk_x_names",  # a debunk on one side, about names both mention
    "denial_x_overlap",  # a denial on one side, in the other's words
    "contradiction_x_overlap",  # the model's stronger contradiction, weighed by shared words
    "hedged",  # either claim is a plan, forecast, guess, rumour, condition (from the parse)
    "negated_facts",  # either claim's parsed polarity is not asserted
    "not_a_fact",  # either claim is a guess or appeal by its words ("could have", "should")
    "different_confirmers",
    "one_voice",  # one article, one speaker
    "same_speaker",
    "both_attributed",
    "within_article",
    "same_story",  # the two articles mention the same names most (compare.facts.same_story)
    "story_names",  # how many of its most-mentioned names the two articles share (of 8)
    "length_min",  # log of the shorter claim's words
    "length_ratio",  # shorter / longer
)


def features(
    pair: ClaimPair, forward: Judgement, backward: Judgement, slot: SlotFinding | None = None
) -> dict[str, float]:
    """The named features of one judged pair (`slot`: the outcome of compare.facts.compare_facts)."""
    a, b = pair.a.text, pair.b.text
    fa, fb = pair.a.facts or Facts(), pair.b.facts or Facts()  # not parsed: nothing to compare, as in `check`
    words_a, words_b = content_words(a), content_words(b)
    union = words_a | words_b
    debunk = debunks(a) != debunks(b)
    denial = denies(a) != denies(b)
    negative = _negative(a, fa), _negative(b, fb)
    names = min(len(named_entities(a) & named_entities(b)), 3) / 3
    shared = overlap(a, b)
    lengths = sorted((max(len(a.split()), 1), max(len(b.split()), 1)))
    relation = slot.relation if slot is not None else ""
    return {
        "contradiction_mean": (forward.contradiction + backward.contradiction) / 2,
        "contradiction_max": max(forward.contradiction, backward.contradiction),
        "contradiction_min": min(forward.contradiction, backward.contradiction),
        "entailment_max": max(forward.entailment, backward.entailment),
        "entailment_min": min(forward.entailment, backward.entailment),
        "neutral_min": min(forward.neutral, backward.neutral),
        "word_overlap": shared,
        "word_jaccard": len(words_a & words_b) / len(union) if union else 0.0,
        "shared_names": names,
        "share_a_subject": float(share_a_subject(a, b)),
        "say_alike": float(say_alike(a, b)),
        "named_apart": float(different_subjects(a, b)),
        "different_events": float(different_events(a, b)),
        "restates": float(restates(a, b)),
        "identical": float(" ".join(a.lower().split()) == " ".join(b.lower().split())),
        "fact_agreement": float(relation == "agreement"),
        "figure_conflict": float(find_conflict(a, b) is not None),
        "same_figures_apart": float(same_figures_written_apart(a, b)),
        "negation": float(negation_kind(a, b)),
        "denial_one_side": float(denial),
        "debunk_one_side": float(debunk),
        "hearsay_one_side": float(reports_hearsay(a) != reports_hearsay(b)),
        "negative_one_side": float(negative[0] != negative[1]),
        "negative_both": float(all(negative)),
        "negative_both_x_contradiction": float(all(negative)) * max(forward.contradiction, backward.contradiction),
        "debunk_x_names": float(debunk) * names,
        "denial_x_overlap": float(denial) * shared,
        "contradiction_x_overlap": max(forward.contradiction, backward.contradiction) * shared,
        "hedged": float(fa.modality in _HEDGED or fb.modality in _HEDGED),
        "negated_facts": float(fa.polarity != "asserted" or fb.polarity != "asserted"),
        "not_a_fact": float(not states_a_fact(a) or not states_a_fact(b)),
        "different_confirmers": float(different_confirmers(a, b, speakers_of(pair))),
        "one_voice": float(one_voice(pair)),
        "same_speaker": float(same_speaker(pair.a, pair.b)),
        "both_attributed": float(pair.a.attribution is not None and pair.b.attribution is not None),
        "within_article": float(pair.a.document_id == pair.b.document_id),
        "same_story": float(same_story(fa, fb)),
        "story_names": len(set(fa.story) & set(fb.story)) / 8,
        "length_min": math.log(lengths[0]),
        "length_ratio": lengths[0] / lengths[1],
    }


def _negative(text: str, facts: Facts) -> bool:
    """A claim whose stance is negative: it denies or debunks something, or its parse reads it negated or denied
    ("Macaulay Culkin is not dead", "rumours of his death were a hoax")."""
    return denies(text) or debunks(text) or facts.polarity in {"negated", "denied"}


@dataclass(frozen=True)
class Decision:
    """A trained decision: standardise the features, then a softmax over one linear score per class."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[tuple[float, ...], ...]  # one row per class of CLASSES
    intercept: tuple[float, ...]
    thresholds: dict[str, float]  # the probability a contradiction / agreement needs to be reported
    model: str = ""  # the NLI model whose probabilities it was trained on
    trained_on: str = ""

    def probabilities(self, values: dict[str, float]) -> dict[str, float]:
        """P(contradiction), P(agreement), P(none) of one pair's features (a missing feature reads as 0)."""
        # standardised, and clipped: a value far outside what training saw must not outweigh every other feature
        x = [
            max(-CLIP, min(CLIP, (values.get(name, 0.0) - m) / s))
            for name, m, s in zip(self.features, self.mean, self.scale)
        ]
        logits = [b + sum(map(operator.mul, row, x)) for row, b in zip(self.coef, self.intercept)]
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return {name: e / total for name, e in zip(CLASSES, exps)}

    def to_json(self) -> dict:
        return {
            "format": DECISION_FORMAT,
            "classes": list(CLASSES),
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": [list(row) for row in self.coef],
            "intercept": list(self.intercept),
            "thresholds": self.thresholds,
            "model": self.model,
            "trained_on": self.trained_on,
        }


def decision_from_json(data: dict, source: str) -> Decision:
    """A Decision from its JSON form; a file of another format or with a wrong shape is a clear error."""
    try:
        if data.get("format") != DECISION_FORMAT or tuple(data["classes"]) != CLASSES:
            raise ValueError(f"not a {DECISION_FORMAT} file")
        names = tuple(str(n) for n in data["features"])
        unknown = sorted(set(names) - set(FEATURES))
        if unknown:
            raise ValueError(f"unknown features {', '.join(unknown)}")
        n = len(names)
        mean = tuple(float(v) for v in data["mean"])
        scale = tuple(float(v) or 1.0 for v in data["scale"])
        coef = tuple(tuple(float(v) for v in row) for row in data["coef"])
        intercept = tuple(float(v) for v in data["intercept"])
        if len(mean) != n or len(scale) != n or len(coef) != len(CLASSES) or any(len(r) != n for r in coef):
            raise ValueError("features, mean, scale and coef differ in length")
        if len(intercept) != len(CLASSES):
            raise ValueError("one intercept per class is needed")
        thresholds = {k: float(v) for k, v in data["thresholds"].items()}
        if not {"contradiction", "agreement"} <= set(thresholds):
            raise ValueError("thresholds for contradiction and agreement are needed")
        if not all(0.0 < v <= 1.0 for v in thresholds.values()):
            raise ValueError("a threshold is outside (0, 1]")
        values = [*mean, *scale, *intercept, *(v for row in coef for v in row), *thresholds.values()]
        if not all(math.isfinite(v) for v in values):
            raise ValueError("a value is not a finite number")
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ModelLoadError(f"{source}: not a valid decision file ({error})") from None
    return Decision(
        names, mean, scale, coef, intercept, thresholds, str(data.get("model", "")), str(data.get("trained_on", ""))
    )


def load_decision(model_dir: str | Path | None) -> Decision | None:
    """The decision stored beside an NLI model, or None when the model has none (a hub id, a model never
    trained with one): then the hand-set rules of `relate` decide (the documented fallback)."""
    if model_dir is None:
        return None
    path = Path(model_dir) / DECISION_FILE
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelLoadError(f"{path}: not a valid decision file ({error})") from None
    if not isinstance(data, dict):
        raise ModelLoadError(f"{path}: not a valid decision file (not a JSON object)")
    return decision_from_json(data, str(path))


def decision_for(model: ModelInfo) -> Decision | None:
    """The decision of the model that judged the pairs: the one stored in its directory, if any."""
    return load_decision(model.path) if model.path and Path(model.path).is_dir() else None
