"""What a denial by pronoun denies: "Redvale spokeswoman Ilse Varga rejected that, saying ..." after "Tomas Breck
said the mine had not been inspected by the state since 2024".

Such a sentence names nothing it denies, so its claim ("... rejected that, saying inspectors had visited") could not
be set against the claim it rejects. The claim another named voice said just before it is what "that", "it", "the
reports" or "the claims" stands for; the denial then also stands as "Redvale spokeswoman Ilse Varga rejected that
the mine had not been inspected by the state since 2024", a denied claim like any "X denied reports that ...".
"""

from __future__ import annotations

import re

from ..compare.vocabulary import COMMON_CAPITALISED, DENIAL_WORDS, DENIALS, REPORT_NOUNS
from ..records import Attribution, Claim

# a finite verb of denial ("denying the claims" is someone else's report of one) after a subject with no comma (one
# with a clause before it, "Though some outlets confirmed cases, the ministry denied the reports", denies what its
# own sentence says, not the sentence before)
_VERBS = "|".join([*(w for w in DENIALS if not w.endswith("ing")), "dismiss(?:es|ed)?", "contest(?:s|ed)?"])
_DENIAL = re.compile(
    rf"^(?P<lead>[^,;:“”\"()]{{1,80}}?\b(?:{_VERBS}))\s+"
    rf"(?:it|that|this|(?:the|those|these|such)\s+(?:{REPORT_NOUNS}))\s*(?:[,.;:—–]|\s-\s|$)",
    re.I,
)
# words that open a sentence and are no names, lower-cased once the claim follows "that" (not a title: "Mr")
_OPENINGS = COMMON_CAPITALISED - {"Mr", "Mrs", "Ms", "Dr"}
_DENYING = re.compile(rf"\b(?:{'|'.join(DENIAL_WORDS)})\b", re.I)
MIN_DENIED_WORDS = 5


def denial_lead(sentence: str) -> str | None:
    """The words of a sentence up to its verb of denial ("Redvale spokeswoman Ilse Varga rejected") where what it
    denies is a pronoun or "the report(s)", "the claim(s)"; else None."""
    found = _DENIAL.match(sentence.strip())
    return found.group("lead") if found else None


def denied_claim(lead: str, earlier: list[Claim], denier: Attribution) -> str | None:
    """The text of the denial with what it denies: the last of the `earlier` claims (those of the one or two
    sentences before, in order) that another named voice told and that is no denial itself, or None. Not the
    writer's own: "A small furor has erupted over whether a Saudi television station blurred out ... Saudi officials
    deny the claim." denies the blurring, not the furor (of the three new findings on the first 300 news articles,
    one real)."""
    for claim in reversed(earlier):
        if not claim.attribution or claim.attribution.speaker == denier.speaker or _DENYING.search(claim.text):
            continue
        text = claim.text.strip()
        if len(text.split()) < MIN_DENIED_WORDS:
            return None
        first, _, rest = text.partition(" ")
        if first in _OPENINGS:
            text = f"{first.lower()} {rest}"
        return f"{lead} that {text}"
    return None
