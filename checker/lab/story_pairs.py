"""Weakly labelled training pairs from real news: two claims of one story, in its own voice, do not contradict.

NLI data sets (SNLI above all) teach a model to read any two sentences as one scene, so related sentences of one
story come out as contradictions ("She had no idea she was pregnant." / "... doctors told her she was pregnant.").
On real news that is the main source of false alarms, and no dev set shows it. These pairs teach the opposite from
the news itself: claims of one article that share a subject (`compare.words.share_a_subject`, the rule `check` pairs
by) and one voice (`compare.speakers.one_voice`), labelled `not_contradiction`, so the folded loss leaves entailment
or neutral to the model. Left out, because there the article may really disagree with itself or the label is unsure:
pairs with conflicting figures or dates (`compare.quantities.find_conflict`), pairs where one claim denies and the
other does not (`compare.polarity.denies`), pairs with a word of rumour or debunking ("hoax", "false", "reportedly",
"claimed": such an article states a rumour and its denial side by side, in its own voice), and pairs across
speakers.

Why the last two rules: in a GPU sweep without them (configs/sweep-v5.toml, in git history), the story pairs cut the
false contradictions on 150 real news articles from 35 to 11-15 at every weight tried, and raised dev accuracy, but
the models also stopped seeing real conflicts between a hoax and its debunking in two articles ("No one expects
record-shattering snowfall" / "We will be having record shattering snowfall": contradiction 0.77 -> 0.00-0.12). In
those unfiltered pairs, 27% had a denial on one side and 17% a rumour word. The filters alone did not bring the pair
back in a shorter sweep (0.17-0.40): no model trained on story pairs has shipped (see the model card).
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass
from itertools import combinations
from pathlib import Path

from ..judge.labels import NOT_CONTRADICTION
from .news_bodies import article_bodies

# a claim this short rarely stands alone ("He declined.") and a long one is usually two facts run together
MIN_WORDS, MAX_WORDS = 5, 45


@dataclass(frozen=True)
class StoryPair:
    """Two claims of one article (`document` is its id in the CSV)."""

    premise: str
    hypothesis: str
    label: str
    document: str


def pairs_of_article(document_id: str, body: str) -> list[StoryPair]:
    """Every pair of the article's claims that `check` would judge and that one voice asserts together."""
    from ..claims.extract import extract_claims
    from ..compare.polarity import denies
    from ..compare.quantities import find_conflict
    from ..compare.speakers import one_voice
    from ..compare.vocabulary import RUMOUR_WORDS
    from ..compare.words import share_a_subject
    from ..records import ClaimPair, Document

    document = Document(id=document_id, path=document_id, text=body)
    claims = [c for c in extract_claims(document) if MIN_WORDS <= len(c.text.split()) <= MAX_WORDS]
    found = []
    for a, b in combinations(claims, 2):
        if a.text == b.text or not one_voice(ClaimPair(a, b)) or not share_a_subject(a.text, b.text):
            continue
        if denies(a.text) != denies(b.text) or RUMOUR_WORDS.search(f"{a.text} {b.text}"):
            continue
        if find_conflict(a.text, b.text) is not None:
            continue
        found.append(StoryPair(a.text, b.text, NOT_CONTRADICTION, document_id))
    return found


def story_pairs(
    csv_path: str | Path, skip: int = 300, per_article: int = 12, limit: int = 40_000, seed: int = 0
) -> list[StoryPair]:
    """At most `per_article` pairs of each article (a random choice, half of them the other way round), at most
    `limit` in all, in a shuffled order fixed by `seed`."""
    rng = random.Random(seed)
    chosen: list[StoryPair] = []
    for document_id, body in article_bodies(csv_path, skip):
        found = pairs_of_article(document_id, body)
        for pair in rng.sample(found, min(per_article, len(found))):
            if rng.random() < 0.5:
                pair = StoryPair(pair.hypothesis, pair.premise, pair.label, pair.document)
            chosen.append(pair)
    rng.shuffle(chosen)
    return chosen[:limit]


def write_story_pairs(pairs: list[StoryPair], path: str | Path) -> int:
    """Write pairs as JSON lines (premise, hypothesis, label, document) atomically; returns the count."""
    import json

    from ..fileio import atomic_output

    with atomic_output(path) as handle:
        for pair in pairs:
            handle.write(json.dumps(asdict(pair), ensure_ascii=False) + "\n")
    return len(pairs)
