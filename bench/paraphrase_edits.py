"""Trial v14 (session 30, not shipped; models/checker-nli-minilm/README.md): contradictions across a paraphrase.

    python bench/paraphrase_edits.py NEWS_ROWS.jsonl OUT.jsonl N

Each entailment row of `checker news-nli` output (P entails H, two articles' wordings of one fact) gives P against
H edited so it cannot hold with P: negated, a negation removed, a figure or date changed, two names swapped, an
antonym (checker.lab.contrast's edits), or H inside a denial ("Reports that H are false."). A contradiction both
ways; the denials of H and of P entail each other one way (not-H entails not-P). Up to N rows, seeded.
"""

import json
import random
import re
import sys

from checker.lab.contrast import antonym, change_date, change_number, negate, remove_negation, swap_roles

EDITS = {
    "negation": negate,
    "negation_removed": remove_negation,
    "number": change_number,
    "date": change_date,
    "role_swap": swap_roles,
    "antonym": antonym,
}
DENIALS = [
    "There is no truth to reports that {h}.",
    "Reports that {h} are false.",
    "Officials denied that {h}.",
    "It is not true that {h}.",
    "Claims that {h} are a hoax.",
]
# a clause that already reports, hedges or negates makes a denial that means nothing
REPORTING = re.compile(
    r"\b(rumou?rs?|report\w*|claim\w*|said|says|say|according|hoax|false|den(y|ied|ies)|alleged\w*|purported\w*|"
    r"apparently|not|no|never|n't|may|might|could|would|if|whether|believe\w*|told|tweet\w*|confirm\w*|announc\w*|"
    r"reveal\w*|insist\w*|suggest\w*|ask\w*|wrote|writes|posted|unverified|video|photo\w*|picture)\b",
    re.I,
)
OPENERS = set(
    "On In At After Before Contrary According However But And Meanwhile Earlier Last Yesterday Today While When As "
    "If Although Since Now Also So Then Still Yet Despite During Following Under Over With Without For By From To "
    "Of".split()
)


def casing(rows: list[dict]) -> dict[str, tuple[int, int]]:
    """How often each word is written lower-case and capitalised inside a sentence: a truecaser for the first word."""
    counts: dict[str, tuple[int, int]] = {}
    for row in rows:
        for text in (row["premise"], row["hypothesis"]):
            for word in re.findall(r"(?<=[a-z,;] )[A-Za-z]+", text):
                lower, upper = counts.get(word.lower(), (0, 0))
                counts[word.lower()] = (lower + word.islower(), upper + (not word.islower()))
    return counts


def clause(sentence: str, case: dict[str, tuple[int, int]]) -> str | None:
    """A plain asserted sentence as a clause for "that ...", or None."""
    text = sentence.strip().rstrip(".!?").strip()
    if not text or not text[0].isupper() or any(q in text for q in '"“”') or REPORTING.search(text):
        return None
    if text.split()[0].strip(",") in OPENERS or len(text.split()) > 35:
        return None
    lower, upper = case.get(re.split(r"['’]", text.split()[0])[0].lower(), (0, 1))
    return text[0].lower() + text[1:] if lower > upper else text


def edited(rows: list[dict], limit: int, seed: int = 12) -> list[dict]:
    rng = random.Random(seed)
    case = casing(rows)
    entailed = [
        r
        for r in rows
        if r["label"] == "entailment" and 6 <= len(r["hypothesis"].split()) <= 45 and len(r["premise"].split()) <= 60
    ]
    rng.shuffle(entailed)
    made: list[dict] = []
    for row in entailed:
        premise, hypothesis = row["premise"], row["hypothesis"]
        names = list(EDITS) + ["denial"] * 2
        rng.shuffle(names)
        for name in names:
            if name == "denial":
                denied = clause(hypothesis, case)
                if not denied:
                    continue
                frame = rng.choice(DENIALS)
                new = frame.format(h=denied)
                made += [
                    {"premise": premise, "hypothesis": new, "label": "contradiction", "phenomenon": "news_denial"},
                    {"premise": new, "hypothesis": premise, "label": "contradiction", "phenomenon": "news_denial"},
                ]
                if other := clause(premise, case):
                    made.append(
                        {
                            "premise": new,
                            "hypothesis": frame.format(h=other),
                            "label": "entailment",
                            "phenomenon": "news_denial_both",
                        }
                    )
            else:
                change = EDITS[name](hypothesis, rng)
                if not change:
                    continue
                new, phenomenon = change[0], f"news_{name}"
                made += [
                    {"premise": premise, "hypothesis": new, "label": "contradiction", "phenomenon": phenomenon},
                    {"premise": new, "hypothesis": premise, "label": "contradiction", "phenomenon": phenomenon},
                ]
            break
        if len(made) >= limit:
            break
    return made


def main() -> None:
    source, output, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rows = [json.loads(line) for line in open(source, encoding="utf-8") if line.strip()]
    made = edited(rows, limit)
    with open(output, "w", encoding="utf-8") as out:
        out.writelines(json.dumps(m, ensure_ascii=False) + "\n" for m in made)
    print(f"{len(made)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
