"""Which claim pairs to score: all of them for small inputs, candidate pairs above a threshold.

Candidates are each claim's nearest neighbours by sentence embedding (all-MiniLM-L6-v2) plus pairs
that share a named entity or a number. Within-document pairs can be switched off. Nothing here
judges a pair; it only decides which pairs are worth the model's time.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

from .compare.facts import may_compare
from .compare.speakers import model_has_a_say
from .compare.words import content_words, named_entities, share_a_subject
from .records import Claim, ClaimPair

_NUMBER = re.compile(r"\d[\d,.]*")

Embedder = Callable[[Sequence[str]], "object"]


@dataclass(frozen=True)
class PairPlan:
    """The pairs to score and how many were possible."""

    pairs: list[ClaimPair]
    considered: int
    exhaustive: bool
    # pairs left out because the claims share no subject (compare.words.share_a_subject) and no comparable fact
    # (compare.facts.may_compare); relate reports no finding for them
    unrelated: int = 0
    # pairs left out as two claims of one article in one voice with no figures to compare
    # (compare.speakers.model_has_a_say)
    own_voice: int = 0
    # pairs left out because the claims are far apart in meaning (sentence-embedding similarity under the floor)
    dissimilar: int = 0


def _allowed(a: Claim, b: Claim, within: bool, new_ids: set[str] | None) -> bool:
    if a.document_id == b.document_id and (not within or a.start == b.start):
        return False  # split parts of one sentence are never compared with each other
    if new_ids is not None and a.document_id not in new_ids and b.document_id not in new_ids:
        return False  # gate mode: the established corpus is not re-checked against itself
    return True


def count_possible(claims: Sequence[Claim], within: bool, new_ids: set[str] | None = None) -> int:
    """How many pairs an exhaustive run would score."""
    by_doc: dict[str, int] = defaultdict(int)
    for claim in claims:
        by_doc[claim.document_id] += 1
    total = len(claims) * (len(claims) - 1) // 2
    same_doc = sum(n * (n - 1) // 2 for n in by_doc.values())
    if new_ids is None:
        return total if within else total - same_doc
    old = sum(n for d, n in by_doc.items() if d not in new_ids)
    old_pairs = old * (old - 1) // 2
    old_same = sum(n * (n - 1) // 2 for d, n in by_doc.items() if d not in new_ids)
    count = total - old_pairs
    if not within:
        count -= same_doc - old_same
    return count


def keys_of(claim: Claim) -> set[str]:
    """Named entities and numbers: claims sharing one may be about the same thing."""
    entities = named_entities(claim.text)
    numbers = {m.group(0).rstrip(".,") for m in _NUMBER.finditer(claim.text)}
    return entities | {f"#{n}" for n in numbers if n}


def plan_pairs(
    claims: Sequence[Claim],
    within: bool = True,
    exhaustive: bool = False,
    max_exhaustive: int = 300,
    neighbours: int = 10,
    embed: Embedder | None = None,
    new_ids: set[str] | None = None,
    min_similarity: float = 0.0,
) -> PairPlan:
    """All allowed pairs up to `max_exhaustive` claims (or with `exhaustive`), else candidate pairs; pairs that share
    no subject in words and no comparable fact are left out. The learned decision would judge them too, but on the
    quality bench keeping them changed nothing (one more false contradiction and 9 more agreements on the first 300
    news articles) and doubled the pairs judged there (34,258 against 16,523). Nor does the embedding floor alone,
    with no lexical gate (2026-12-07): 33 more contradictions on those articles, none of them a known real conflict,
    and twice the contradictions across two FNC-1 stories (6 -> 12).

    With `embed` and `min_similarity`, pairs whose claims are further apart in meaning (cosine of their sentence
    embeddings) are left out too, unless their parsed facts can be compared. There the learned decision extrapolates:
    of the labelled news pairs below 0.4, 1.7% are contradictions (7.5% of all), and none of the decision's 5
    out-of-fold contradictions there was right (3 of 20 at 0.4-0.5, 172 of 312 above 0.6). On the first 300 news
    articles the floor of 0.4 leaves out a fifth of the pairs, and with them 42 false contradictions and 4 real ones:
    mostly a denial set against another detail of the story, worded far apart."""
    considered = count_possible(claims, within, new_ids)
    every = exhaustive or len(claims) <= max_exhaustive
    floor = embed is not None and min_similarity > 0
    vectors = _unit_vectors(claims, embed) if embed is not None and len(claims) > 1 and (floor or not every) else None
    if every:
        allowed = [
            (i, j) for i, j in combinations(range(len(claims)), 2) if _allowed(claims[i], claims[j], within, new_ids)
        ]
    else:
        chosen: set[tuple[int, int]] = set()
        if vectors is not None:
            chosen |= _nearest_neighbours(claims, vectors, neighbours, within, new_ids)
        chosen |= _shared_keys(claims, within, new_ids)
        allowed = sorted(chosen)
    related, similar = 0, []
    for i, j in allowed:
        a, b = claims[i], claims[j]
        comparable = may_compare(a.facts, b.facts)
        if not (comparable or share_a_subject(a.text, b.text)):
            continue
        related += 1
        if comparable or vectors is None or not floor or float(vectors[i] @ vectors[j]) >= min_similarity:
            similar.append(ClaimPair(a, b))
    pairs = [p for p in similar if model_has_a_say(p)]
    return PairPlan(
        pairs,
        considered,
        every,
        unrelated=len(allowed) - related,
        own_voice=len(similar) - len(pairs),
        dissimilar=related - len(similar),
    )


def _unit_vectors(claims: Sequence[Claim], embed: Embedder):
    """The claims' sentence embeddings, each of length 1 (a dot product is then their cosine)."""
    import numpy as np

    vectors = np.asarray(embed([c.text for c in claims]), dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True).clip(min=1e-9)


def _nearest_neighbours(claims, vectors, k: int, within: bool, new_ids) -> set[tuple[int, int]]:
    import numpy as np

    chosen: set[tuple[int, int]] = set()
    block = 1024
    for start in range(0, len(claims), block):
        scores = vectors[start : start + block] @ vectors.T
        for row, similarities in enumerate(scores):
            i = start + row
            similarities[i] = -2.0
            order = np.argpartition(-similarities, min(k * 3, len(claims) - 1))[: k * 3]
            taken = 0
            for j in order[np.argsort(-similarities[order])]:
                if taken >= k:
                    break
                j = int(j)
                a, b = (i, j) if i < j else (j, i)
                if _allowed(claims[a], claims[b], within, new_ids):
                    chosen.add((a, b))
                    taken += 1
    return chosen


def _shared_keys(claims: Sequence[Claim], within: bool, new_ids, max_bucket: int = 40) -> set[tuple[int, int]]:
    """Pairs sharing a rare-enough entity or number and at least two content words."""
    buckets: dict[str, list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        for key in keys_of(claim):
            buckets[key].append(index)
    words = [content_words(c.text) for c in claims]
    chosen: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2 or len(members) > max_bucket:
            continue  # a key that half the corpus shares says nothing about sameness
        for a, b in combinations(members, 2):
            if len(words[a] & words[b]) >= 2 and _allowed(claims[a], claims[b], within, new_ids):
                chosen.add((a, b))
    return chosen
