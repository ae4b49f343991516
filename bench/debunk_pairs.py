"""Trials v13 / v13b (session 25, not shipped; models/checker-nli-minilm/README.md): debunk rows for NLI training.

    python bench/debunk_pairs.py claims OUT_DIR [--half 1|2]          # v13: debunks of news claims
    python bench/debunk_pairs.py composed NEWS_ROWS.jsonl OUT.jsonl N # v13b: debunks composed from labelled pairs

claims: a claim S of a train-story article (after the first 300) against a frame that denies it ("Reports that S
are false.") is a contradiction both ways; against the same frame around another claim of the article that shares
at most one content word, neutral both ways (the debunk of another detail); "X confirmed that S" entails S.
composed: an entailment row of `checker news-nli` output (P entails H) gives P against a denial of H, a
contradiction both ways; a neutral row gives P against a denial of H, neutral both ways.
"""

import json
import random
import sys
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from checker.claims.extract import extract_claims
from checker.compare.words import content_words
from checker.lab.contrast import drop_clause, drop_detail
from checker.lab.decide import story_half
from checker.lab.news_bodies import article_bodies
from checker.lab.pair_sample import labelled_stories
from checker.records import Document

SKIP = {"11", "530", "9", "520", "483", "476", "72", "648"}
WHO = [
    "Officials",
    "The company",
    "A spokesman",
    "Police",
    "The ministry",
    "Local authorities",
    "The agency",
    "A spokeswoman",
    "The government",
    "Her representatives",
    "His lawyer",
    "The White House",
]
DENY = [
    "Reports that {s} are false.",
    "It is not true that {s}.",
    "{who} denied that {s}.",
    "{who} dismissed reports that {s}.",
    "The claim that {s} is a hoax.",
    "The story that {s} has been debunked.",
    "{who} said there was no truth to reports that {s}.",
    "Fact-checkers found that the claim that {s} was fake.",
    "There is no evidence that {s}.",
    "{who} rejected claims that {s}.",
    "Contrary to earlier reports, it is not the case that {s}.",
    "Rumours that {s} are untrue, {who_l} said.",
]
CONFIRM = ["{who} confirmed that {s}.", "It is true that {s}, {who_l} said.", "{who} acknowledged that {s}."]
RUMOUR = ["Reports claimed that {s}.", "It was rumoured that {s}.", "Some websites claimed that {s}."]


def clause(text: str) -> str | None:
    text = " ".join(text.split()).rstrip(" .")
    words = text.split()
    if not 6 <= len(words) <= 30 or any(q in text for q in '"“”‘’?!:;') or ". " in text or "'" in text[:1]:
        return None
    if {w.lower() for w in words} & {"i", "we", "you", "me", "my", "our", "us", "let"}:
        return None  # a quote or an opinion, not a checkable fact
    if words[0].lower() in STOP_WORDS and not (len(words[0]) > 1 and words[0].isupper()):
        text = words[0].lower() + text[len(words[0]) :]
    return text


def fill(template: str, s: str, rng: random.Random) -> str:
    who = rng.choice(WHO)
    return template.format(s=s, who=who, who_l=who[0].lower() + who[1:])


def claims_mode(argv: list[str]) -> None:
    out = Path(argv[0])
    half = int(argv[2]) if len(argv) > 2 and argv[1] == "--half" else 0
    rng = random.Random(25 + half)
    story_of, split_of, _ = labelled_stories(Path("../shared/data/news-pairs/pairs.jsonl"))
    rows = []
    for article, body in article_bodies(Path("../shared/data/news/fnc1_train_bodies.csv"), 300):
        story = story_of.get(article)
        if story is None or split_of[story] != "train" or story in SKIP or (half and story_half(story) != half):
            continue
        claims = [
            c
            for c in extract_claims(Document(id=article, path=article, text=body))
            if c.facts is not None and c.facts.polarity == "asserted" and c.facts.modality == "fact"
        ]
        usable = [(c, s) for c in claims if (s := clause(c.text))]
        if len(usable) < 2:
            continue
        rng.shuffle(usable)
        for claim, s in usable[:2]:
            words = content_words(s)
            shorter = drop_clause(s + ".", rng) or drop_detail(s + ".", rng) if rng.random() < 0.5 else None
            deny = fill(rng.choice(DENY), shorter[0].rstrip(" .") if shorter else s, rng)
            rows += [
                dict(premise=claim.text, hypothesis=deny, label="contradiction"),
                dict(premise=deny, hypothesis=claim.text, label="contradiction"),
            ]
            others = [o for c2, o in usable if c2.text != claim.text and len(words & content_words(o)) <= 1]
            if others:
                other = fill(rng.choice(DENY), rng.choice(others), rng)
                rows += [
                    dict(premise=claim.text, hypothesis=other, label="neutral"),
                    dict(premise=other, hypothesis=claim.text, label="neutral"),
                ]
            roll = rng.random()
            if roll < 0.25:
                rows.append(dict(premise=fill(rng.choice(CONFIRM), s, rng), hypothesis=claim.text, label="entailment"))
            elif roll < 0.5:
                rumour = fill(rng.choice(RUMOUR), s, rng)
                rows += [
                    dict(premise=rumour, hypothesis=deny, label="contradiction"),
                    dict(premise=deny, hypothesis=rumour, label="contradiction"),
                ]
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "debunk.train.jsonl", "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    from collections import Counter

    print(len(rows), Counter(r["label"] for r in rows))


def composed_mode(argv: list[str]) -> None:
    rows = [json.loads(line) for line in open(argv[0], encoding="utf-8")]
    n = int(argv[2]) if len(argv) > 2 else 1400
    rng = random.Random(251)
    out = []
    for label, new in (("entailment", "contradiction"), ("neutral", "neutral")):
        chosen = [
            r for r in rows if r["label"] == label and clause(r["hypothesis"]) and len(r["premise"].split()) <= 60
        ]
        rng.shuffle(chosen)
        seen = set()
        for r in chosen:
            key = (r["premise"], r["hypothesis"])
            if key in seen or len(seen) >= n:
                continue
            seen.add(key)
            deny = fill(rng.choice(DENY), clause(r["hypothesis"]), rng)
            out += [
                dict(premise=r["premise"], hypothesis=deny, label=new),
                dict(premise=deny, hypothesis=r["premise"], label=new),
            ]
    with open(argv[1], "w", encoding="utf-8") as handle:
        for row in out:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    from collections import Counter

    print(len(out), Counter(r["label"] for r in out))


if __name__ == "__main__":
    {"claims": claims_mode, "composed": composed_mode}[sys.argv[1]](sys.argv[2:])
