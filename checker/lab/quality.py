"""How right the judgement is on text it was never tuned on: scorers for the quality bench (bench/quality.py).

Each scorer reads plain JSON reports (`check --format json`) and an answer key, so it is tested on hand-made
reports without a model: planted-conflict corpora, pairs of FNC-1 articles that agree or disagree with one
headline, labelled news claim pairs, and the hand-read contradictions of the report benchmark.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from ..errors import DataError
from ..records import Attribution, Claim, ClaimPair

CONFLICT_KINDS = (
    "numeric",
    "money",
    "percent",
    "date",
    "vote",
    "negation",
    "confirmation",
    "role",
    "location",
    "cause",
    "attribution",
    "within",
)


def _squeeze(text: str) -> str:
    return " ".join(text.split()).casefold()


def claim_texts(report: dict) -> dict[str, str]:
    """Claim id -> what an expected substring may match: the claim's text, its source sentence and its
    attribution (speaker and cue), whitespace folded, so "..., city manager Tom Becker said" is found too."""
    texts = {}
    for document in report.get("documents", ()):
        for claim in document.get("claims", ()):
            attribution = claim.get("attribution") or {}
            parts = (claim.get("text", ""), claim.get("sentence", ""), attribution.get("speaker", ""),
                     attribution.get("cue", ""))  # fmt: skip
            texts[claim["id"]] = "\x1f".join(_squeeze(p or "") for p in parts)
    return texts


def _sides(finding: dict, texts: dict[str, str]) -> tuple[str, str]:
    """The searchable text of a finding's two claims (its own text when the report lists no such claim)."""
    return tuple(texts.get(finding[s]["claim"], _squeeze(finding[s]["text"])) for s in ("a", "b"))  # type: ignore


def _meets(sides: tuple[str, str], first: str, second: str) -> bool:
    one, other = _squeeze(first), _squeeze(second)
    return (one in sides[0] and other in sides[1]) or (one in sides[1] and other in sides[0])


# --- 1. planted corpora --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlantedScore:
    """One planted corpus against its answer key: (found, planted) per kind of conflict, and what went wrong."""

    corpus: str
    clean: bool
    conflicts: dict[str, tuple[int, int]]
    agreements: tuple[int, int]
    near_misses_flagged: tuple[int, int]
    updates: tuple[int, int]  # reported as relation `update`, of those planted
    updates_as_contradiction: int
    contradictions: int  # reported in all
    unplanted_contradictions: int  # reported, matching no planted conflict or update
    missed: tuple[tuple[str, str, str], ...] = ()  # (kind, A, B) of each conflict not found
    unagreed: tuple[tuple[str, str], ...] = ()  # (A, B) of each agreement not found
    flagged: tuple[str, ...] = ()  # the near-misses that took part in a contradiction


def score_planted(corpus: str, report: dict, key: dict) -> PlantedScore:
    """Score one corpus's report by the rules of its README: a conflict (or agreement) is found when one
    contradiction (agreement) finding has A on one side and B on the other; a near-miss fails when A's sentence is
    in any contradiction."""
    texts = claim_texts(report)
    by_relation: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for finding in report.get("findings", ()):
        by_relation[finding["relation"]].append(_sides(finding, texts))
    contradictions = by_relation["contradiction"]

    def found(relation: str, a: str, b: str) -> bool:
        return any(_meets(sides, a, b) for sides in by_relation[relation])

    kinds = key.get("kinds", {})
    conflicts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    missed = []
    for a, b in key.get("conflict", ()):
        kind = kinds.get(a, "other")
        conflicts[kind][1] += 1
        if found("contradiction", a, b):
            conflicts[kind][0] += 1
        else:
            missed.append((kind, a, b))
    unagreed = tuple((a, b) for a, b in key.get("agree", ()) if not found("agreement", a, b))
    agreements = len(key.get("agree", ())) - len(unagreed)
    flagged = [a for a, _ in key.get("not_conflict", ()) if any(_squeeze(a) in "\x1e".join(s) for s in contradictions)]
    updates = key.get("update", ())
    explained = [*key.get("conflict", ()), *updates]
    return PlantedScore(
        corpus=corpus,
        clean=not key.get("conflict"),
        conflicts={k: (v[0], v[1]) for k, v in conflicts.items()},
        agreements=(agreements, len(key.get("agree", ()))),
        near_misses_flagged=(len(flagged), len(key.get("not_conflict", ()))),
        updates=(sum(found("update", a, b) for a, b in updates), len(updates)),
        updates_as_contradiction=sum(found("contradiction", a, b) for a, b in updates),
        contradictions=len(contradictions),
        unplanted_contradictions=sum(not any(_meets(s, a, b) for a, b in explained) for s in contradictions),
        missed=tuple(missed),
        unagreed=unagreed,
        flagged=tuple(flagged),
    )


def planted_totals(scores: Sequence[PlantedScore]) -> dict:
    """The corpora summed: found / planted per kind and in all, and the errors."""
    kinds: dict[str, list[int]] = {k: [0, 0] for k in CONFLICT_KINDS}
    for score in scores:
        for kind, (hit, planted) in score.conflicts.items():
            kinds.setdefault(kind, [0, 0])
            kinds[kind][0] += hit
            kinds[kind][1] += planted

    def total(name: str) -> list[int]:
        return [sum(getattr(s, name)[i] for s in scores) for i in (0, 1)]

    reported = sum(s.contradictions for s in scores)
    unplanted = sum(s.unplanted_contradictions for s in scores)
    return {
        "conflicts": [sum(v[0] for v in kinds.values()), sum(v[1] for v in kinds.values())],
        "kinds": {k: v for k, v in kinds.items() if v[1]},
        "agreements": total("agreements"),
        "near_misses_flagged": total("near_misses_flagged"),
        "clean_contradictions": sum(s.contradictions for s in scores if s.clean),
        "updates": total("updates"),
        "updates_as_contradiction": sum(s.updates_as_contradiction for s in scores),
        "contradictions": reported,
        "unplanted_contradictions": unplanted,
        "precision": _ratio(reported - unplanted, reported),
    }


def read_planted_key(path: Path) -> dict[str, dict]:
    """The answer key of the planted corpora (expected.json): {corpus: {conflict, agree, not_conflict, ...}}."""
    try:
        key = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise DataError(f"{path}: cannot read the answer key ({error})") from None
    if not isinstance(key, dict):
        raise DataError(f"{path}: the answer key is not an object keyed by corpus")
    return key


# --- 2. FNC-1 article pairs ----------------------------------------------------------------------------------

AGREE, DISAGREE = "agree", "disagree"
_STANCES = {"entailment": AGREE, "contradiction": DISAGREE}


@dataclass(frozen=True)
class StanceArticle:
    """An article of the FNC-1 corpus: its document id in the written corpus, its story, and its stance."""

    document: str
    body_id: str
    story: str
    stance: str  # agree | disagree (with the story's headline)


@dataclass(frozen=True)
class StanceCorpus:
    articles: tuple[StanceArticle, ...]
    headlines: dict[str, str]  # story -> the headline its stances are taken against
    bodies: dict[str, str] = field(repr=False)  # body id -> text
    set_apart: int = 0  # bodies left out because they are among the benchmark's first articles


def stance_corpus(
    stances_path: Path, bodies_csv: Path, per_side: int = 4, min_side: int = 3, set_apart: int = 300
) -> StanceCorpus:
    """Stories of FNC-1 whose headline has at least `min_side` agreeing and disagreeing bodies, `per_side` of each.

    Headlines that share a body are one story, and one headline speaks for it (the one with most usable
    bodies). The first `set_apart` bodies of the CSV (the report benchmark) are never used."""
    from .news_bodies import article_bodies

    bodies = dict(article_bodies(bodies_csv))
    order = list(bodies)  # file order
    apart = set(order[:set_apart])
    position = {body_id: index for index, body_id in enumerate(order)}
    by_text = {" ".join(text.split()): body_id for body_id, text in bodies.items()}
    stances: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    try:
        with stances_path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    body_id = by_text.get(" ".join(row["premise"].split()))
                    headline, label = row["hypothesis"], row["label"]
                except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
                    raise DataError(f"{stances_path}:{number}: not a premise/hypothesis/label JSON line") from None
                if body_id is not None:
                    stances[headline][_STANCES.get(label, "other")].add(body_id)
    except OSError as error:
        raise DataError(f"{stances_path}: cannot read ({error})") from None

    def usable(headline: str, stance: str) -> list[str]:
        return sorted(stances[headline][stance] - apart, key=position.__getitem__)

    qualifying = [h for h in stances if all(len(usable(h, s)) >= min_side for s in (AGREE, DISAGREE))]
    every = {h: set().union(*stances[h].values()) for h in qualifying}  # a headline's bodies, any stance
    stories = _join_sharing(qualifying, every)
    stories.sort(key=lambda group: min(position[b] for h in group for b in every[h]))
    articles, headlines = [], {}
    for number, group in enumerate(stories, 1):
        headline = max(
            sorted(group),
            key=lambda h: (sum(min(per_side, len(usable(h, s))) for s in (AGREE, DISAGREE)), len(usable(h, AGREE))),
        )
        story = f"story{number:02d}"
        headlines[story] = headline
        for stance in (AGREE, DISAGREE):
            articles += [StanceArticle(f"fnc_{b}", b, story, stance) for b in usable(headline, stance)[:per_side]]
    used = {a.body_id for a in articles}
    involved = set().union(*every.values())
    return StanceCorpus(tuple(articles), headlines, {b: bodies[b] for b in used}, len(involved & apart))


def _join_sharing(headlines: list[str], bodies: dict[str, set[str]]) -> list[list[str]]:
    """Group headlines into stories: two headlines with a body in common are one story (transitively)."""
    parent = {h: h for h in headlines}

    def root(h: str) -> str:
        while parent[h] != h:
            parent[h] = parent[parent[h]]
            h = parent[h]
        return h

    owner: dict[str, str] = {}
    for headline in headlines:
        for body in bodies[headline]:
            if body in owner:
                parent[root(headline)] = root(owner[body])
            else:
                owner[body] = headline
    groups: dict[str, list[str]] = defaultdict(list)
    for headline in headlines:
        groups[root(headline)].append(headline)
    return list(groups.values())


def write_stance_corpus(corpus: StanceCorpus, folder: Path) -> Path:
    """Each article as `<document>.txt` (its body only: FNC-1 has no titles or dates)."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in corpus.articles:
        (folder / f"{article.document}.txt").write_text(corpus.bodies[article.body_id] + "\n", encoding="utf-8")
    return folder


@dataclass(frozen=True)
class ArticlePairScore:
    """Pairs of articles of one story: one agrees with the headline and one disagrees (they conflict), or both
    agree (they do not). Counts are (pairs with such a finding, pairs)."""

    conflicting_flagged: tuple[int, int]
    agreeing_flagged: tuple[int, int]
    agreeing_agreed: tuple[int, int]
    cross_story_contradictions: int
    contradictions: int


def score_article_pairs(report: dict, articles: Iterable[StanceArticle]) -> ArticlePairScore:
    """Whether each pair of articles has a contradiction (or agreement) finding between them, by their stances."""
    known = {a.document: a for a in articles}
    relations: dict[frozenset[str], set[str]] = defaultdict(set)
    cross = contradictions = 0
    for finding in report.get("findings", ()):
        one, other = known.get(finding["a"]["document"]), known.get(finding["b"]["document"])
        if finding["relation"] == "contradiction":
            contradictions += 1
            cross += one is not None and other is not None and one.story != other.story
        if one is not None and other is not None and one.document != other.document:
            relations[frozenset((one.document, other.document))].add(finding["relation"])
    conflicting, agreeing = [], []
    for one, other in combinations(sorted(known.values(), key=lambda a: a.document), 2):
        if one.story != other.story:
            continue
        found = relations[frozenset((one.document, other.document))]
        if one.stance != other.stance:
            conflicting.append(found)
        elif one.stance == AGREE:
            agreeing.append(found)
    return ArticlePairScore(
        conflicting_flagged=(sum("contradiction" in f for f in conflicting), len(conflicting)),
        agreeing_flagged=(sum("contradiction" in f for f in agreeing), len(agreeing)),
        agreeing_agreed=(sum("agreement" in f for f in agreeing), len(agreeing)),
        cross_story_contradictions=cross,
        contradictions=contradictions,
    )


# --- 3. labelled news claim pairs ----------------------------------------------------------------------------

GOLD_RELATIONS = ("contradiction", "agreement", "related", "unrelated")
PREDICTED = ("contradiction", "agreement", "none")


@dataclass(frozen=True)
class LabelledPair:
    pair_id: str
    split: str
    relation: str  # the reader's: contradiction | agreement | related | unrelated
    pair: ClaimPair


def _labelled_claim(pair_id: str, side: str, row: dict) -> Claim:
    text = row["text"]
    speaker = row.get("speaker")
    return Claim(
        id=f"{pair_id}:{side}",
        document_id=str(row["article"]),
        text=text,
        sentence=row.get("sentence") or text,
        start=0,
        end=len(text),
        line=1,
        attribution=Attribution(speaker, "") if speaker else None,
    )


def read_news_pairs(path: Path, split: str = "test") -> list[LabelledPair]:
    """The labelled pairs of one split (train, test or all) as claim pairs with their speakers and articles."""
    pairs = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DataError(f"{path}: cannot read ({error})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if split != "all" and row["split"] != split:
                continue
            if row["relation"] not in GOLD_RELATIONS:
                raise DataError(f"{path}:{number}: unknown relation {row['relation']!r}")
            sides = (_labelled_claim(row["pair_id"], side, row[side]) for side in ("a", "b"))
            pair = ClaimPair(*sides)
        except (json.JSONDecodeError, KeyError, TypeError):
            raise DataError(f"{path}:{number}: not a labelled pair (pair_id, split, relation, a, b)") from None
        pairs.append(LabelledPair(row["pair_id"], row["split"], row["relation"], pair))
    return pairs


@dataclass(frozen=True)
class RelationScore:
    """Precision, recall and F1 of one relation; None where nothing was predicted (or nothing is gold)."""

    precision: float | None
    recall: float | None
    f1: float | None
    predicted: int
    gold: int
    correct: int


def score_relations(gold: Sequence[str], predicted: Sequence[str]) -> tuple[dict[str, RelationScore], dict]:
    """Per-relation scores for contradiction and agreement (related and unrelated are both 'none'), and the
    confusion matrix {gold: {predicted: count}}."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    matrix = {g: dict.fromkeys(PREDICTED, 0) for g in GOLD_RELATIONS}
    for g, p in zip(gold, predicted):
        matrix[g][p] += 1
    scores = {}
    for relation in ("contradiction", "agreement"):
        correct = matrix[relation][relation]
        said = sum(row[relation] for row in matrix.values())
        true = sum(matrix[relation].values())
        precision, recall = _ratio(correct, said), _ratio(correct, true)
        f1 = 2 * precision * recall / (precision + recall) if precision and recall else (0.0 if said and true else None)
        scores[relation] = RelationScore(precision, recall, f1, said, true, correct)
    return scores, matrix


def predict_relations(pairs: Sequence[ClaimPair], judged, relate_pair: Callable) -> list[str]:
    """The relation `check` reports for each pair (`relate_pair(pair, forward, backward)` -> Finding | None)."""
    out = []
    for pair, (forward, backward) in zip(pairs, judged):
        finding = relate_pair(pair, forward, backward)
        out.append(finding.relation if finding is not None and finding.relation in PREDICTED else "none")
    return out


# --- 4. the report benchmark ---------------------------------------------------------------------------------


def read_finding_labels(path: Path) -> dict[str, str]:
    """A reader's labels of findings: {pair key: "contradiction" | "none"}, keyed as `finding_id(a, b, "pair")`;
    rows are {"id", "relation"} or {"a", "b", "relation"} (the key is computed)."""
    from ..relate import finding_id

    labels = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DataError(f"{path}: cannot read ({error})") from None
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                row = json.loads(line)
                key = row["id"] if "id" in row else finding_id(row["a"], row["b"], "pair")
                labels[key] = row["relation"]
            except (json.JSONDecodeError, KeyError, TypeError):
                raise DataError(f"{path}:{number}: not a label ({{id | a, b}}, relation)") from None
    return labels


def tally_findings(report: dict, labels: dict[str, str]) -> tuple[dict[str, int], list[dict]]:
    """Counts of the report's contradictions by the reader's label, and the findings not read yet."""
    from ..relate import finding_id

    counts = {"contradictions": 0, "real": 0, "false": 0, "unread": 0}
    unread = []
    for finding in report.get("findings", ()):
        if finding["relation"] != "contradiction":
            continue
        counts["contradictions"] += 1
        label = labels.get(finding_id(finding["a"]["text"], finding["b"]["text"], "pair"))
        counts["real" if label == "contradiction" else "false" if label == "none" else "unread"] += 1
        if label is None:
            unread.append(finding)
    return counts, unread


def score_benchmark(report: dict, labels: dict[str, str]) -> dict:
    """Real conflicts found, as distinct pairs of claims (of those a reader ever marked real: one pair met in
    several pairs of articles is one finding per pair of articles in the report), contradictions reported and their
    precision among the ones read."""
    from ..relate import finding_id

    counts, _ = tally_findings(report, labels)
    found = {
        finding_id(f["a"]["text"], f["b"]["text"], "pair")
        for f in report.get("findings", ())
        if f["relation"] == "contradiction"
    }
    return {
        **counts,
        "real_pairs": sum(1 for key, v in labels.items() if v == "contradiction" and key in found),
        "known_real": sum(1 for v in labels.values() if v == "contradiction"),
        "precision": _ratio(counts["real"], counts["real"] + counts["false"]),
        "agreements": sum(1 for f in report.get("findings", ()) if f["relation"] == "agreement"),
    }


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None
