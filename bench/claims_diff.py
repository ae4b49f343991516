"""What a change to the claim stage changes: every claim of the news corpus, before against after.

    python bench/claims_diff.py --save runs/claims_before.json      (on the commit before the change)
    python bench/claims_diff.py --against runs/claims_before.json   (on the change: prints each changed sentence)

The quality bench scores only the claims that end up in a finding; a reading of who said what, or of where a report
ends, changes many more. This lists every sentence of the 1,683 articles whose claims changed (speaker, cue,
polarity or text), old lines with "-" and new with "+", and how many, so a change is read where it acts, not only
where it scores. Run by hand; the saved claims hold news text and stay out of the project (keep them under runs/).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from checker.claims import extract_all
from checker.lab.news_bodies import article_bodies
from checker.records import Document


def corpus_claims(bodies: str, limit: int = 0) -> list[list]:
    """[document, start, speaker, cue, polarity, text] of each claim of the corpus, in order."""
    documents = [Document(id=f"news_{b}", path=f"news_{b}.txt", text=text) for b, text in article_bodies(bodies)]
    rows = []
    for claim in extract_all(documents[:limit] if limit else documents):
        attribution = claim.attribution
        rows.append(
            [
                claim.document_id,
                claim.start,
                attribution.speaker if attribution else None,
                attribution.cue if attribution else None,
                claim.facts.polarity if claim.facts else None,
                claim.text,
            ]
        )
    return rows


def changed(before: list[list], after: list[list]) -> list[tuple[list[list], list[list]]]:
    """The sentences (document and start) whose claims differ, with their claims before and after."""
    old, new = defaultdict(list), defaultdict(list)
    for row in before:
        old[(row[0], row[1])].append(row)
    for row in after:
        new[(row[0], row[1])].append(row)
    return [(old[key], new[key]) for key in sorted(set(old) | set(new)) if old[key] != new[key]]


def _line(sign: str, row: list) -> str:
    _, _, speaker, cue, polarity, text = row
    return f"{sign} {speaker!r} {cue} {polarity} | {text[:160]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", default="../shared/data/news/fnc1_train_bodies.csv")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", type=Path, help="write this checkout's claims here")
    what.add_argument("--against", type=Path, help="compare this checkout's claims with ones saved before")
    args = parser.parse_args()
    rows = corpus_claims(args.bodies, args.limit)
    if args.save:
        args.save.write_text(json.dumps(rows), encoding="utf-8")
        print(f"{len(rows)} claims saved to {args.save}")
        return
    before = json.loads(args.against.read_text(encoding="utf-8"))
    differences = changed(before, rows)
    for old, new in differences:
        print("\n".join([*(_line("-", r) for r in old), *(_line("+", r) for r in new)]) + "\n")
    print(f"{len(differences)} sentences changed; claims {len(before)} -> {len(rows)}")


if __name__ == "__main__":
    main()
