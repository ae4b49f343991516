"""Contrast pairs by construction: small edits to real sentences whose NLI label is known from the edit.

These teach and probe the phenomena that decide news fact-checks: negation, changed numbers and
dates (and numbers only rounded or hedged, which must stay entailment), swapped roles, antonyms,
hedges, flipped attributions, dropped clauses and added facts. It also teaches what must NOT be a
contradiction: a sentence against itself or a surface restatement of itself (entailment), and a sentence
against a copy with one detail dropped (entailment) or added (neutral). Every generator takes a sentence and
a seeded `random.Random` and returns `(hypothesis, label)` or None when the edit does not apply. Passage pairs
make the same edits to one sentence of a short news passage and keep the whole passage as the premise.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from ..compare.polarity import NEGATIVE_OF, NEGATIVE_PREDICATE, NOT_POSITIVE, spell_out
from ..compare.vocabulary import ANTONYMS

Edit = Callable[[str, random.Random], "tuple[str, str] | None"]

AUXILIARIES = ("is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "must")
# past tense -> (base form, past participle) for verbs common in news
PAST_VERBS = {
    "said": ("say", "said"),
    "told": ("tell", "told"),
    "met": ("meet", "met"),
    "sent": ("send", "sent"),
    "won": ("win", "won"),
    "lost": ("lose", "lost"),
    "made": ("make", "made"),
    "took": ("take", "taken"),
    "gave": ("give", "given"),
    "found": ("find", "found"),
    "left": ("leave", "left"),
    "signed": ("sign", "signed"),
    "killed": ("kill", "killed"),
    "reported": ("report", "reported"),
    "confirmed": ("confirm", "confirmed"),
    "announced": ("announce", "announced"),
    "launched": ("launch", "launched"),
    "attacked": ("attack", "attacked"),
    "denied": ("deny", "denied"),
    "claimed": ("claim", "claimed"),
    "arrested": ("arrest", "arrested"),
    "approved": ("approve", "approved"),
    "rejected": ("reject", "rejected"),
    "released": ("release", "released"),
    "agreed": ("agree", "agreed"),
    "accused": ("accuse", "accused"),
    "showed": ("show", "shown"),
    "started": ("start", "started"),
    "opened": ("open", "opened"),
    "closed": ("close", "closed"),
    "died": ("die", "died"),
    "received": ("receive", "received"),
    "paid": ("pay", "paid"),
    "saw": ("see", "seen"),
    "wrote": ("write", "written"),
    "became": ("become", "become"),
    "bought": ("buy", "bought"),
    "sold": ("sell", "sold"),
    "raised": ("raise", "raised"),
    "posted": ("post", "posted"),
    "published": ("publish", "published"),
    "revealed": ("reveal", "revealed"),
    "admitted": ("admit", "admitted"),
    "ordered": ("order", "ordered"),
    "used": ("use", "used"),
    "called": ("call", "called"),
    "deployed": ("deploy", "deployed"),
    "joined": ("join", "joined"),
    "captured": ("capture", "captured"),
    "crashed": ("crash", "crashed"),
    "discovered": ("discover", "discovered"),
    "helped": ("help", "helped"),
}
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
HEDGES_FOR_ROUNDED = ("about", "around", "some", "roughly", "approximately", "nearly", "more than")
SYMMETRIC = re.compile(r"\b(and|met|meet|meets|talks?|talked|spoke|signed|with|between|or|vs\.?|versus)\b", re.I)

_LOWERCASE_STARTS = frozenset("The A An They He She It This These Those Some Many Most Its Their His Her".split())
_NUMBER = re.compile(r"(?<![\w.,-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w-]|,\d|\.\d)")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-3]\d)\b")
_COUNT = re.compile(r"(?<![\w.,-])(\$?)(\d{1,3}(?:,\d{3})+|\d+)(?![\w-]|,\d|\.\d)")
_BOUNDED_ALREADY = re.compile(
    r"\b(about|around|some|nearly|almost|roughly|approximately|than|least|most|up to|to|between|No\.?)\s*$|#\s*$", re.I
)
_ENTITY = re.compile(r"\b(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)\b")
_ATTRIBUTION = re.compile(r"\b(said|says|announced|stated|confirmed|insisted|claimed)( that)?\b")
_NEGATION = re.compile(
    r"\b(is|are|was|were|has|have|had|will|would|can|could|should|must|do|does|did) not\b|"
    r"\b(is|are|was|were|has|have|had|would|could|should|must|do|does|did)n't\b"
)


def _word_swap(
    sentence: str, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str | None], rng: random.Random
) -> str | None:
    matches = [m for m in pattern.finditer(sentence)]
    rng.shuffle(matches)
    for match in matches:
        new = replace(match)
        if new is not None and new != match.group(0):
            return sentence[: match.start()] + new + sentence[match.end() :]
    return None


def negate(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """Insert a negation after the first auxiliary, or before a known past-tense verb (contradiction)."""
    if _is_negated(sentence):
        return None
    aux = re.search(r"\b(" + "|".join(AUXILIARIES) + r")\b(?= \w)", sentence)
    if aux:
        return sentence[: aux.end()] + " not" + sentence[aux.end() :], "contradiction"
    verb = re.search(r"\b(" + "|".join(PAST_VERBS) + r")\b", sentence)
    if verb and verb.start() > 0:
        base = PAST_VERBS[verb.group(1)][0]
        return sentence[: verb.start()] + "did not " + base + sentence[verb.end() :], "contradiction"
    return None


def remove_negation(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """Remove an existing 'not' / "n't" (contradiction)."""
    match = _NEGATION.search(sentence)
    if not match:
        return None
    aux = match.group(1) or match.group(2)
    if aux in ("do", "does", "did"):
        return None  # "did not confirm" -> "confirmed" needs inflection; skip rather than write bad English
    return sentence[: match.start()] + aux + sentence[match.end() :], "contradiction"


def _format_like(value: float, original: str) -> str:
    decimals = len(original.split(".")[1]) if "." in original else 0
    text = f"{value:,.{decimals}f}" if "," in original or value >= 10000 else f"{value:.{decimals}f}"
    return text


def _number_value(match: re.Match[str]) -> float:
    return float(match.group(0).replace(",", ""))


def change_number(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """Change a quantity well beyond rounding (contradiction); years are left to change_date."""

    def replace(match: re.Match[str]) -> str | None:
        if _YEAR.fullmatch(match.group(0)):
            return None
        value = _number_value(match)
        if value == 0:
            return None
        factor = rng.choice((0.25, 0.4, 0.5, 0.6, 1.5, 2, 2.5, 3, 4))
        new = value * factor
        if "." not in match.group(0):
            new = round(new)
            if new == value:
                new = value + rng.randint(2, 9)
        return _format_like(new, match.group(0))

    changed = _word_swap(sentence, _NUMBER, replace, rng)
    return (changed, "contradiction") if changed else None


def round_number(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """Hedge and round a quantity within its precision (entailment): 11,240 -> 'about 11,000'."""

    def replace(match: re.Match[str]) -> str | None:
        if _YEAR.fullmatch(match.group(0)):
            return None
        if re.search(
            r"\b(about|around|some|nearly|almost|roughly|approximately|than)\s*$", sentence[: match.start()], re.I
        ):
            return None
        value = _number_value(match)
        if value < 20:
            return None
        magnitude = 10 ** max(1, len(str(int(value))) - 2)
        rounded = round(value / magnitude) * magnitude
        hedge = rng.choice(HEDGES_FOR_ROUNDED)
        if hedge == "more than":
            rounded = (int(value) // magnitude) * magnitude
            if rounded >= value:
                hedge = "about"
        elif hedge == "nearly":
            rounded = -(-int(value) // magnitude) * magnitude
            if rounded <= value:
                hedge = "about"
        text = f"{int(rounded):,}" if "," in match.group(0) else str(int(rounded))
        return f"{hedge} {text}"

    changed = _word_swap(sentence, _NUMBER, replace, rng)
    return (changed, "entailment") if changed else None


def bound_number(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """Replace a count by a bound: "1,713" -> "more than 1,730" (contradiction) or "more than 1,500" (entailment).

    The adversarial NLI sets test exactly this ("had a population of more than 1,730"), and news claims carry
    bounds ("at least 25 killed") that a figure inside or outside of them must match or contradict."""
    labels: list[str] = []

    def bounded(match: re.Match[str]) -> str | None:
        before = sentence[: match.start()]
        if _YEAR.fullmatch(match.group(2)) or _BOUNDED_ALREADY.search(before):
            return None
        value = float(match.group(2).replace(",", ""))
        if value < 10 or sentence[match.end() : match.end() + 1] in ("%", "-"):
            return None
        above = rng.random() < 0.5
        scaled = int(value * (rng.uniform(1.15, 2.0) if above else rng.uniform(0.5, 0.87)))
        magnitude = 10 ** max(0, len(str(scaled)) - 2)
        bound = (scaled // magnitude) * magnitude
        if bound == value or (bound > value) != above:
            return None
        excludes = rng.random() < 0.5  # "more than" a higher figure, "fewer than" a lower one
        word = "more than" if above == excludes else "less than" if match.group(1) else "fewer than"
        labels.append("contradiction" if excludes else "entailment")
        number = f"{bound:,}" if "," in match.group(2) or bound >= 10000 else str(bound)
        return f"{word} {match.group(1)}{number}"

    changed = _word_swap(sentence, _COUNT, bounded, rng)
    return (changed, labels[-1]) if changed else None


def change_date(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """Move a year, month or weekday (contradiction)."""
    names = [
        (MONTHS, re.compile(r"\b(" + "|".join(MONTHS) + r")\b")),
        (WEEKDAYS, re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")),
    ]
    options = []
    for pool, pattern in names:
        for match in pattern.finditer(sentence):
            following = sentence[match.end() : match.end() + 4]
            if pool is MONTHS and match.group(0) == "May" and not re.search(r"\d", following):
                continue  # "May" the modal
            other = rng.choice([n for n in pool if n != match.group(0)])
            options.append(sentence[: match.start()] + other + sentence[match.end() :])
    for match in _YEAR.finditer(sentence):
        year = int(match.group(0)) + rng.choice((-3, -2, -1, 1, 2, 3))
        options.append(sentence[: match.start()] + str(year) + sentence[match.end() :])
    return (rng.choice(options), "contradiction") if options else None


def swap_roles(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """Swap two named entities around an asymmetric verb (contradiction)."""
    entities = [m for m in _ENTITY.finditer(sentence) if m.start() > 0 or len(m.group(0).split()) > 1]
    for first, second in zip(entities, entities[1:]):
        between = sentence[first.end() : second.start()]
        if first.group(0) == second.group(0) or SYMMETRIC.search(between) or not (2 <= len(between.split()) <= 4):
            continue
        if not re.search(r"\b\w+(ed|s)\b", between):
            continue
        swapped = sentence[: first.start()] + second.group(0) + between + first.group(0) + sentence[second.end() :]
        return swapped, "contradiction"
    return None


def antonym(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """Replace a word with its antonym (contradiction)."""
    if _is_negated(sentence):
        return None
    pattern = re.compile(r"\b(" + "|".join(ANTONYMS) + r")\b")
    changed = _word_swap(sentence, pattern, lambda m: ANTONYMS[m.group(0)], rng)
    return (changed, "contradiction") if changed else None


def _is_negated(sentence: str) -> bool:
    return bool(_NEGATION.search(sentence) or re.search(r"\b(no|never|not|nor)\b", sentence, re.I))


def _hedged(sentence: str, rng: random.Random) -> str | None:
    if _is_negated(sentence) or re.search(r"\b(may|might|could|reportedly|expected)\b", sentence):
        return None
    aux = re.search(r"\b(is|are|was|were|has|have|will)\b(?= \w)", sentence)
    if aux:
        word = aux.group(1)
        replacement = {
            "is": "may be",
            "are": "may be",
            "was": "may have been",
            "were": "may have been",
            "has": "may have",
            "have": "may have",
            "will": rng.choice(("may", "might", "is expected to")),
        }[word]
        return sentence[: aux.start()] + replacement + sentence[aux.end() :]
    verb = re.search(r"\b(" + "|".join(PAST_VERBS) + r")\b", sentence)
    if verb and verb.start() > 0:
        modal = rng.choice(("may have", "might have", "reportedly"))
        form = PAST_VERBS[verb.group(1)][1] if modal != "reportedly" else verb.group(1)
        return sentence[: verb.start()] + f"{modal} {form}" + sentence[verb.end() :]
    return None


def hedge_premise(sentence: str, rng: random.Random) -> tuple[str, str, str] | None:
    """A hedged premise does not establish the plain claim (neutral); returned as (premise, hyp, label)."""
    hedged = _hedged(sentence, rng)
    return (hedged, sentence, "neutral") if hedged and "reportedly" not in hedged else None


def hedge_hypothesis(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """A plain premise entails its hedged form (entailment)."""
    hedged = _hedged(sentence, rng)
    return (hedged, "entailment") if hedged else None


def flip_attribution(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """'X said that ...' -> 'X denied that ...' (contradiction)."""
    match = _ATTRIBUTION.search(sentence)
    if not match or match.start() == 0 or _NEGATION.search(sentence):
        return None
    rest = sentence[match.end() :].strip(" ,")
    if len(rest.split()) < 4:
        return None
    return f"{sentence[: match.start()]}denied that {rest}", "contradiction"


def drop_clause(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """Drop a relative or coordinated clause (entailment)."""
    relative = re.search(r", (who|which|where)\b[^,]{3,80}, ", sentence)
    if relative:
        return sentence[: relative.start()] + " " + sentence[relative.end() :], "entailment"
    joined = re.search(r"(, and|; ) ", sentence)
    if joined and len(sentence[: joined.start()].split()) >= 5:
        return sentence[: joined.start()].rstrip(" ,;") + ".", "entailment"
    return None


def add_fact(sentence: str, other: str) -> tuple[str, str] | None:
    """Join another sentence's fact onto the premise (neutral)."""
    if not other or other == sentence or len(other.split()) > 25:
        return None
    head = sentence.rstrip(" .!")
    first, _, rest = other.partition(" ")
    tail = f"{first.lower()} {rest}" if first in _LOWERCASE_STARTS else other
    return f"{head}, and {tail}", "neutral"


# Surface rewrites that keep the meaning: (pattern, replacement) pairs tried in order.
_RESTATEMENTS = (
    (re.compile(r"\b(is|are|was|were|has|have|had|does|do|did|could|would|should) not\b"), r"\1n't"),
    (re.compile(r"\b(is|are|was|were|has|have|had|does|do|did|could|would|should)n't\b"), r"\1 not"),
    (re.compile(r"(\d) percent\b"), r"\1%"),
    (re.compile(r"(\d)%"), r"\1 percent"),
    (re.compile(r"\bU\.S\.(?= [a-z])"), "US"),
    (re.compile(r"\b(\d{1,3}),(\d{3})\b(?!,\d)"), r"\1\2"),
    (re.compile(r"^(However|Meanwhile|Still|Also|But|And|Indeed|Now), "), ""),
    (re.compile(r"\s+(?=[,.;:!?])|\.$"), ""),
)
_TIME_WORD = "|".join(MONTHS + WEEKDAYS) + r"|\d{4}|last (?:week|month|year)|this (?:week|month|year)|the weekend"
_DETAIL = re.compile(
    rf" (?:on|in|since|during|by|until|from|at the end of) (?:early |late |mid-)?(?:{_TIME_WORD})"
    rf"(?: \d{{1,2}})?(?:,? \d{{4}})?(?=[,.;]|$| (?:has|have|had|is|are|was|were|will)\b)"
)


def restate(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """The same sentence, or the same sentence with a meaning-preserving surface rewrite (entailment).

    A near-copy of a sentence must never read as its contradiction; the v1 model did exactly that.
    """
    for pattern, replacement in _RESTATEMENTS:
        rewritten = pattern.sub(replacement, sentence, count=1)
        if rewritten != sentence and rng.random() < 0.7:
            first = rewritten[:1].upper() + rewritten[1:]
            return first, "entailment"
    return sentence, "entailment"


def rephrase_polarity(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """ "is false" -> "is not true" and back (entailment): a negative word and a negated positive agree."""
    rewritten = NEGATIVE_PREDICATE.sub(spell_out, sentence, count=1)
    if rewritten == sentence:
        rewritten = NOT_POSITIVE.sub(lambda m: f"{m[1]} {NEGATIVE_OF[m[2]]}", sentence, count=1)
    return (rewritten, "entailment") if rewritten != sentence else None


def drop_detail(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """Drop one time adjunct ("on Monday", "since early September") (entailment; the reverse is neutral)."""
    matches = list(_DETAIL.finditer(sentence))
    if not matches:
        return None
    match = rng.choice(matches)
    shorter = sentence[: match.start()] + sentence[match.end() :]
    if len(shorter.split()) < 5:
        return None
    return shorter, "entailment"


EDITS: dict[str, Edit] = {
    "negation": negate,
    "negation_removed": remove_negation,
    "number": change_number,
    "number_rounded": round_number,
    "date": change_date,
    "role_swap": swap_roles,
    "antonym": antonym,
    "hedge_hypothesis": hedge_hypothesis,
    "attribution": flip_attribution,
    "clause_dropped": drop_clause,
    "restated": restate,
    "detail_dropped": drop_detail,
    "polarity_rephrased": rephrase_polarity,  # uses no randomness: adding it left the other pairs unchanged
}


@dataclass(frozen=True)
class ContrastPair:
    """A generated pair and the edit that made it."""

    premise: str
    hypothesis: str
    label: str
    phenomenon: str
    source: str = "contrast"


def contrast_pairs(sentences: list[str], seed: int = 0) -> Iterator[ContrastPair]:
    """Yield every edit that applies to each sentence, plus hedged-premise and added-fact pairs."""
    rng = random.Random(seed)
    for index, sentence in enumerate(sentences):
        for phenomenon, edit in EDITS.items():
            made = edit(sentence, rng)
            if made:
                hypothesis, label = made
                yield ContrastPair(sentence, hypothesis, label, phenomenon)
                if phenomenon in ("negation", "number", "date", "antonym"):  # contradiction is symmetric
                    yield ContrastPair(hypothesis, sentence, label, phenomenon)
                elif phenomenon == "polarity_rephrased":  # a restatement entails both ways
                    yield ContrastPair(hypothesis, sentence, label, phenomenon)
                elif phenomenon == "detail_dropped":  # the shorter sentence does not say when
                    yield ContrastPair(hypothesis, sentence, "neutral", "detail_added")
        hedged = hedge_premise(sentence, rng)
        if hedged:
            yield ContrastPair(hedged[0], hedged[1], hedged[2], "hedge_premise")
        added = add_fact(
            sentence,
            sentences[(index + 1 + rng.randrange(len(sentences) - 1)) % len(sentences)] if len(sentences) > 1 else "",
        )
        if added:
            yield ContrastPair(sentence, added[0], added[1], "fact_added")


PASSAGE_EDITS: dict[str, Edit] = {**EDITS, "number_bound": bound_number}


def passage_pairs(passages: list[list[str]], seed: int = 0, probe_percent: int = 10) -> Iterator[ContrastPair]:
    """Every edit that applies to each sentence of a passage, with the whole passage as the premise: the model must
    find the sentence the hypothesis speaks of before it can compare (the adversarial NLI sets hide a changed date
    or figure in a paragraph, which single-sentence pairs never teach). Phenomena are named "passage_<edit>"; a
    passage with a held-apart probe sentence is skipped."""
    rng = random.Random(seed)
    for number, passage in enumerate(passages):
        if any(is_probe(sentence, probe_percent) for sentence in passage):
            continue
        premise = " ".join(passage)
        for index, sentence in enumerate(passage):
            if not _good_sentence(sentence, 7, 40):
                continue
            for phenomenon, edit in PASSAGE_EDITS.items():
                edited = edit(sentence, rng)
                if edited:
                    yield ContrastPair(premise, edited[0], edited[1], f"passage_{phenomenon}")
            hedged = hedge_premise(sentence, rng)  # the passage only hedges what the hypothesis states
            if hedged:
                yield ContrastPair(_replaced(passage, index, hedged[0]), sentence, "neutral", "passage_hedge_premise")
            dropped = drop_detail(sentence, rng)  # the passage has the sentence without its time or place
            if dropped:
                yield ContrastPair(_replaced(passage, index, dropped[0]), sentence, "neutral", "passage_detail_added")
            other = passages[(number + 1 + rng.randrange(max(1, len(passages) - 1))) % len(passages)][-1]
            added = add_fact(sentence, other)
            if added:
                yield ContrastPair(premise, added[0], "neutral", "passage_fact_added")


def _replaced(passage: list[str], index: int, sentence: str) -> str:
    return " ".join([*passage[:index], sentence, *passage[index + 1 :]])


def news_passages(
    csv_path: str | Path, skip: int = 0, seed: int = 0, max_sentences: int = 4, max_words: int = 80
) -> list[list[str]]:
    """Runs of 2 to `max_sentences` consecutive sentences of one article body, at most `max_words` words in all,
    after the first `skip` articles (the ones bench/bench_check.py reads)."""
    from ..claims.sentences import split_sentences
    from .news_bodies import article_bodies

    rng = random.Random(seed)
    passages: list[list[str]] = []
    for _, body in article_bodies(csv_path, skip=skip):
        sentences = [" ".join(body[start:end].split()) for start, end in split_sentences(body)]
        at = 0
        while at + 2 <= len(sentences):
            size = rng.randint(2, max_sentences)
            run = sentences[at : at + size]
            at += size
            if (
                len(run) >= 2
                and sum(len(s.split()) for s in run) <= max_words
                and all(s[:1].isupper() and s.endswith((".", '"', "”")) and "http" not in s for s in run)
            ):
                passages.append(run)
    return passages


def is_probe(sentence: str, probe_percent: int) -> bool:
    """Deterministic hold-out: a sentence belongs to the probe slice by the hash of its text."""
    digest = hashlib.sha1(sentence.encode("utf-8")).digest()
    return digest[0] * 100 // 256 < probe_percent


def news_sentences(csv_path: str | Path, min_words: int = 7, max_words: int = 40) -> list[str]:
    """Real, self-contained news sentences from an article-body CSV (column `articleBody`)."""
    from ..claims.sentences import split_sentences
    from .news_bodies import article_bodies

    seen: set[str] = set()
    found: list[str] = []
    for _, body in article_bodies(csv_path):
        for start, end in split_sentences(body):
            text = " ".join(body[start:end].split())
            if text in seen or not _good_sentence(text, min_words, max_words):
                continue
            seen.add(text)
            found.append(text)
    return found


def _good_sentence(text: str, min_words: int, max_words: int) -> bool:
    words = text.split()
    return (
        min_words <= len(words) <= max_words
        and text[0].isupper()
        and text.endswith(".")
        and '"' not in text
        and "“" not in text
        and "http" not in text
        and "?" not in text
    )


def write_jsonl(pairs: Iterable[ContrastPair], path: str | Path) -> int:
    """Write pairs as JSON lines atomically; returns the count."""
    import json

    from ..fileio import atomic_output

    count = 0
    with atomic_output(path) as handle:
        for pair in pairs:
            handle.write(json.dumps(asdict(pair), ensure_ascii=False) + "\n")
            count += 1
    return count


def build_contrast_sets(
    news_csv: str | Path,
    extra_premises: list[str],
    train_path: str | Path,
    probe_path: str | Path | None,
    probe_percent: int = 10,
    per_phenomenon: int = 3000,
    probe_per_phenomenon: int = 120,
    seed: int = 0,
) -> dict[str, int]:
    """Generate the training contrast set and the held-apart probe set; returns counts by file."""
    news = news_sentences(news_csv)
    probe_sentences = [s for s in news if is_probe(s, probe_percent)]
    train_sentences = [s for s in news if not is_probe(s, probe_percent)]
    train_sentences += [s for s in extra_premises if not is_probe(s, probe_percent)]
    rng = random.Random(seed)
    rng.shuffle(train_sentences)

    counts = {"train": write_jsonl(_capped(contrast_pairs(train_sentences, seed), per_phenomenon), train_path)}
    if probe_path is not None:
        probes = _capped(contrast_pairs(probe_sentences, seed + 1), probe_per_phenomenon)
        counts["probe"] = write_jsonl(probes, probe_path)
    return counts


def build_passage_set(
    news_csv: str | Path,
    path: str | Path,
    skip: int = 300,
    per_phenomenon: int = 1500,
    bounds: int = 3000,
    probe_path: str | Path | None = None,
    probe_per_phenomenon: int = 100,
    probe_percent: int = 10,
    seed: int = 0,
) -> dict[str, int]:
    """Write passage pairs (source "contrast_passage", at most `per_phenomenon` of each edit, drawn at random) and
    single-sentence count bounds (source "contrast_bound", at most `bounds`) to one JSONL file; returns counts.

    Passages come from the articles after the first `skip`, which the benchmark that judges a model on real news
    reads; count bounds, like `checker contrast`'s edits, from the sentences of every article outside the probe
    slice. The passages with a held-apart probe sentence, never trained on, give the probe file."""
    passages = news_passages(news_csv, skip=skip, seed=seed)
    counts = {}
    if probe_path is not None:
        held_apart = [p for p in passages if any(is_probe(sentence, probe_percent) for sentence in p)]
        probes = list(passage_pairs(held_apart, seed + 1, probe_percent=0))
        random.Random(seed + 1).shuffle(probes)
        counts["probes"] = write_jsonl(_capped(probes, probe_per_phenomenon), probe_path)
    pairs = list(passage_pairs(passages, seed, probe_percent))
    rng = random.Random(seed)
    rng.shuffle(pairs)
    kept = [replace(pair, source="contrast_passage") for pair in _capped(pairs, per_phenomenon)]
    sentences = [s for s in news_sentences(news_csv) if not is_probe(s, probe_percent)]
    rng.shuffle(sentences)
    bounded: list[ContrastPair] = []
    for sentence in sentences:
        if len(bounded) >= bounds:
            break
        made = bound_number(sentence, rng)
        if made:
            bounded.append(ContrastPair(sentence, made[0], made[1], "number_bound", source="contrast_bound"))
    write_jsonl([*kept, *bounded], path)
    return {"passages": len(kept), "bounds": len(bounded), **counts}


def _capped(pairs: Iterable[ContrastPair], cap: int) -> list[ContrastPair]:
    """The first `cap` pairs of each phenomenon, in order."""
    counts: dict[str, int] = {}
    kept = []
    for pair in pairs:
        if counts.get(pair.phenomenon, 0) < cap:
            counts[pair.phenomenon] = counts.get(pair.phenomenon, 0) + 1
            kept.append(pair)
    return kept
