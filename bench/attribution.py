"""Speaker attribution on the labelled sample of news claims (tests/cases/attribution_sample.jsonl).

    python bench/attribution.py [--bodies ../shared/data/news/fnc1_train_bodies.csv] [--show]
                                [--sample tests/cases/attribution_heldout.jsonl]   (the sample not tuned on)

Other samples: tests/cases/attribution_pronouns.jsonl and attribution_pronouns_heldout.jsonl are reports by "he" or
"she" (60 read while the resolution of pronouns was built, 40 held out); their rows give the sentence as a span
of the article body (`start`, `end`), not as text.

Re-extracts the claims of each sampled article, finds the sampled sentence and compares the speaker found with the
label (a sentence split into narration and a report, "Surgeons sewed ... but said it was too early", is scored by
its report): right when both are none or when they share a word ("Hershberger" / "Jeff Hershberger"); a denial is right
when the claim's facts are denied or unconfirmed. Run by hand; the sample's articles are not in the project.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from checker.claims import extract_all
from checker.lab.news_bodies import article_bodies
from checker.records import Document

SAMPLE = Path(__file__).resolve().parent.parent / "tests/cases/attribution_sample.jsonl"
_WORD = re.compile(r"[\w’'.-]+")


def same_speaker(found: str | None, gold: str | None) -> bool:
    """Both none, or a shared word other than "the" ("Hershberger" / "Jeff Hershberger")."""
    if not found or not gold:
        return not found and not gold
    words = {w.lower().strip(".") for w in _WORD.findall(found)} - {"the", "a", "an", "of"}
    return bool(words & ({w.lower().strip(".") for w in _WORD.findall(gold)} - {"the", "a", "an", "of"}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", default="../shared/data/news/fnc1_train_bodies.csv")
    parser.add_argument("--sample", type=Path, default=SAMPLE, help="labelled sample (JSONL)")
    parser.add_argument("--show", action="store_true", help="list the rows it gets wrong")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.sample.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = {row["body_id"] for row in rows}
    bodies = {body_id: text for body_id, text in article_bodies(args.bodies) if body_id in wanted}
    documents = [Document(id=f"news_{b}", path=f"news_{b}.txt", text=bodies[b]) for b in sorted(wanted)]
    for row in rows:
        if "sentence" not in row:
            row["sentence"] = bodies[row["body_id"]][row["start"] : row["end"]]
    by_sentence = {}  # a sentence's reported claim where it has one ("X did this but said that"), else its first
    for claim in extract_all(documents):
        key = (claim.document_id, " ".join(claim.sentence.split()))
        if key not in by_sentence or (claim.attribution and not by_sentence[key].attribution):
            by_sentence[key] = claim
    right = own = own_right = denied = denied_right = 0
    for number, row in enumerate(rows):
        claim = by_sentence.get((f"news_{row['body_id']}", " ".join(row["sentence"].split())))
        speaker = claim.attribution.speaker if claim and claim.attribution else None
        ok = same_speaker(speaker, row["speaker"])
        right += ok
        own += row["speaker"] is None
        own_right += ok and row["speaker"] is None
        if row.get("denied"):
            denied += 1
            denied_right += bool(claim and claim.facts and claim.facts.polarity in {"denied", "unconfirmed"})
        if args.show and not ok:
            print(f"  {number:>3} gold {row['speaker']!r} got {speaker!r}: {row['sentence'][:110]!r}")
    print(
        f"speaker right {right}/{len(rows)}: own voice {own_right}/{own}, named sources {right - own_right}/"
        f"{len(rows) - own}; denials kept {denied_right}/{denied}"
    )


if __name__ == "__main__":
    main()
