"""The three NLI labels and the normalisation of the many spellings data sets and models use."""

from __future__ import annotations

from ..errors import LabelMappingError

LABELS: tuple[str, str, str] = ("entailment", "neutral", "contradiction")
NOT_ENTAILMENT = "not_entailment"
# a weak label: the pair is consistent (entailment or neutral), as two claims of one story in its own voice are
NOT_CONTRADICTION = "not_contradiction"

_ALIASES = {
    "entailment": "entailment",
    "entails": "entailment",
    "entail": "entailment",
    "paraphrase": "entailment",
    "agree": "entailment",
    "support": "entailment",
    "supports": "entailment",
    "neutral": "neutral",
    "discuss": "neutral",
    "not enough info": "neutral",
    "nei": "neutral",
    "contradiction": "contradiction",
    "contradict": "contradiction",
    "contradicts": "contradiction",
    "disagree": "contradiction",
    "refute": "contradiction",
    "refutes": "contradiction",
    "not_entailment": NOT_ENTAILMENT,
    "non-entailment": NOT_ENTAILMENT,
    "non_entailment": NOT_ENTAILMENT,
    "not_paraphrase": NOT_ENTAILMENT,
    "not entailment": NOT_ENTAILMENT,
    "not_contradiction": NOT_CONTRADICTION,
    "not contradiction": NOT_CONTRADICTION,
    "non_contradiction": NOT_CONTRADICTION,
    "consistent": NOT_CONTRADICTION,
}


def normalize_label(raw: object) -> str | None:
    """Map a data set's label spelling to a LABELS entry, NOT_ENTAILMENT or NOT_CONTRADICTION; None when unknown."""
    if raw is None:
        return None
    key = str(raw).strip().lower()
    for variant in (key, key.replace("-", "_"), key.replace("_", " ")):
        if variant in _ALIASES:
            return _ALIASES[variant]
    return None


def map_model_labels(id2label: dict[int, str], label_map: dict[str, str] | None = None) -> dict[int, str]:
    """Map a model's output index to one of LABELS, from its id2label or an explicit label map."""
    mapped: dict[int, str] = {}
    for index, name in id2label.items():
        target = (label_map or {}).get(name) or normalize_label(name)
        if target not in LABELS:
            raise LabelMappingError(f"model label {name!r} (index {index}) is not an NLI label")
        mapped[int(index)] = target
    if sorted(mapped.values()) != sorted(LABELS):
        raise LabelMappingError(
            f"model labels {sorted(id2label.values())} do not cover entailment, neutral and contradiction"
        )
    return mapped


def parse_label_map(text: str | None) -> dict[str, str] | None:
    """Parse 'LABEL_0=contradiction,LABEL_1=entailment' into a dict."""
    if not text:
        return None
    result: dict[str, str] = {}
    for part in text.split(","):
        name, sep, target = part.partition("=")
        if not sep or normalize_label(target) not in LABELS:
            raise LabelMappingError(f"cannot read label map entry {part!r}")
        result[name.strip()] = normalize_label(target)  # type: ignore[assignment]
    return result
