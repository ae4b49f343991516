"""More labelled news pairs, sampled the way ../shared/data/news-pairs was: two claims of two articles of one story.

Candidates are every cross-article pair of claims within a story of the labelled set's `train` split (so the test
stories stay apart), ranked by sentence-embedding similarity and judged by the NLI model both ways; the sample is
stratified so the decision's boundary is well covered: pairs the model calls a contradiction, denials and
negations, figures, dates, confirmations, and plain pairs of high and low similarity.

Labels are kept as pair ids with the claims' character spans in the article-body CSV, never as copied text;
`resolve` turns them back into text from the CSV.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError
from .news_bodies import article_bodies

MIN_WORDS, MAX_WORDS = 5, 45
_FIGURE = re.compile(r"\d")
_DATE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|yesterday|today|last week|last year|(?:19|20)\d\d)\b",
    re.I,
)
_CONFIRM = re.compile(r"\b(?:confirm\w*|verif\w*|acknowledg\w*|admit\w*)\b", re.I)
_NEGATION = re.compile(
    r"\b(?:not|no|never|n't|deni\w*|deny\w*|hoax\w*|fake|false\w*|untrue|debunk\w*|rumou?r\w*|dismiss\w*)\b|n't\b",
    re.I,
)


@dataclass(frozen=True)
class Span:
    """A claim as a span of an article body: enough to find its text again."""

    article: str
    start: int
    end: int


def pair_id(a: Span, b: Span) -> str:
    """Stable, order-free id of a pair of spans."""
    first, second = sorted((f"{a.article}:{a.start}:{a.end}", f"{b.article}:{b.start}:{b.end}"))
    return hashlib.sha1(f"{first}|{second}".encode()).hexdigest()[:12]


def stratum(text_a: str, text_b: str, similarity: float, contradiction: float) -> str:
    """Which stratum a pair falls in, the first that applies."""
    both = f"{text_a} {text_b}"
    level = "hi" if similarity >= 0.6 else "lo"
    if contradiction >= 0.5:
        return f"nli-{level}"
    if _NEGATION.search(text_a) or _NEGATION.search(text_b):
        return f"neg-{level}"
    if _CONFIRM.search(both):
        return f"conf-{level}"
    if _FIGURE.search(text_a) and _FIGURE.search(text_b):
        return f"num-{level}"
    if _DATE.search(text_a) and _DATE.search(text_b):
        return f"date-{level}"
    return f"plain-{level}"


def labelled_stories(pairs_path: Path) -> tuple[dict[str, str], dict[str, str], set[frozenset[str]]]:
    """article -> story, story -> split, and the claim texts already paired, from the labelled set."""
    story_of: dict[str, str] = {}
    split_of: dict[str, str] = {}
    seen: set[frozenset[str]] = set()
    for line in pairs_path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        for side in ("a", "b"):
            story_of[str(row[side]["article"])] = str(row["story"])
        split_of[str(row["story"])] = row["split"]
        seen.add(frozenset((row["a"]["text"], row["b"]["text"])))
    return story_of, split_of, seen


def candidates(
    news_csv: Path, pairs_path: Path, skip_stories: Iterable[str] = (), per_story: int = 400, skip: int = 300
) -> list[dict]:
    """Cross-article claim pairs of each train story, the `per_story` most similar, with similarity and NLI."""
    from ..claims.extract import extract_claims
    from ..judge import load_judge
    from ..judge.embedding import SentenceEmbedder
    from ..records import Document

    story_of, split_of, seen = labelled_stories(pairs_path)
    excluded = set(skip_stories)
    bodies = {a: body for a, body in article_bodies(news_csv, skip) if a in story_of}
    by_story: dict[str, list] = defaultdict(list)
    for article, body in sorted(bodies.items()):
        story = story_of[article]
        if split_of[story] != "train" or story in excluded:
            continue
        for claim in extract_claims(Document(id=article, path=article, text=body)):
            if MIN_WORDS <= len(claim.text.split()) <= MAX_WORDS:
                by_story[story].append(claim)
    embed = SentenceEmbedder()
    chosen = []
    for story, claims in sorted(by_story.items()):
        vectors = embed([c.text for c in claims])
        similarity = vectors @ vectors.T
        scored = [
            (float(similarity[i, j]), i, j)
            for i in range(len(claims))
            for j in range(i + 1, len(claims))
            if claims[i].document_id != claims[j].document_id
            and frozenset((claims[i].text, claims[j].text)) not in seen
            and claims[i].text != claims[j].text
        ]
        scored.sort(reverse=True)
        for value, i, j in scored[:per_story]:
            chosen.append((story, value, claims[i], claims[j]))
    judge = load_judge(None)
    forward = judge.judge_batch([(a.text, b.text) for _, _, a, b in chosen])
    backward = judge.judge_batch([(b.text, a.text) for _, _, a, b in chosen])
    rows = []
    for (story, value, a, b), ab, ba in zip(chosen, forward, backward):
        contradiction = (ab.contradiction + ba.contradiction) / 2
        spans = Span(a.document_id, a.start, a.end), Span(b.document_id, b.start, b.end)
        rows.append(
            {
                "pair_id": pair_id(*spans),
                "story": story,
                "stratum": stratum(a.text, b.text, value, contradiction),
                "similarity": round(value, 3),
                "a": _side(spans[0], a),
                "b": _side(spans[1], b),
            }
        )
    return rows


def _side(span: Span, claim) -> dict:
    speaker = claim.attribution.speaker if claim.attribution else None
    return {"article": span.article, "start": span.start, "end": span.end, "text": claim.text, "speaker": speaker}


def stratified(rows: Sequence[dict], quota: dict[str, int], seed: int = 7) -> list[dict]:
    """At most `quota[stratum]` rows of each stratum, shuffled."""
    rng = random.Random(seed)
    by_stratum: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_stratum[row["stratum"]].append(row)
    out = []
    for name, members in sorted(by_stratum.items()):
        rng.shuffle(members)
        out.extend(members[: quota.get(name, 0)])
    rng.shuffle(out)
    return out


def resolve(labels: Iterable[dict], news_csv: Path) -> list[dict]:
    """Labelled rows with each side's `sentence` read back from the article bodies by its span, and its `text`
    (the claim: the part `text_start`..`text_end` of the sentence, else all of it)."""
    labels = list(labels)
    wanted = {str(row[side]["article"]) for row in labels for side in ("a", "b")}
    bodies = {a: body for a, body in article_bodies(news_csv) if a in wanted}
    out = []
    for row in labels:
        sides = {}
        for side in ("a", "b"):
            span = row[side]
            if str(span["article"]) not in bodies:
                raise DataError(f"{news_csv}: no article {span['article']} (pair {row.get('pair_id')})")
            sentence = bodies[str(span["article"])][span["start"] : span["end"]]
            text = sentence[span.get("text_start", 0) : span.get("text_end", len(sentence))]
            sides[side] = {**span, "sentence": sentence, "text": text}
        out.append({**row, **sides})
    return out
