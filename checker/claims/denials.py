"""What a denial by pronoun denies: "Redvale spokeswoman Ilse Varga rejected that, saying ..." after "Tomas Breck
said the mine had not been inspected by the state since 2024".

Such a sentence names nothing it denies, so its claim ("... rejected that, saying inspectors had visited") could not
be set against the claim it rejects. The claim another named voice said just before it is what "that", "it", "the
reports" or "the claims" stands for; the denial then also stands as "Redvale spokeswoman Ilse Varga rejected that
the mine had not been inspected by the state since 2024", a denied claim like any "X denied reports that ...".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..compare.vocabulary import DENIAL_WORDS, REPORT_NOUNS
from ..records import Attribution, Claim

# the verb of denial, after a subject with no comma (one with a clause before it, "Though some outlets confirmed
# cases, the ministry denied the reports", denies what its own sentence says, not the sentence before)
_DENIAL = re.compile(
    r"^(?P<lead>[^,;:“”\"()]{1,80}?\b(?P<verb>den(?:y|ies|ied)|reject(?:s|ed)?|disput(?:e|es|ed)|refut(?:e|es|ed)|"
    r"dismiss(?:es|ed)?|contest(?:s|ed)?))\s+"
    rf"(?:it|that|this|(?:the|those|these|such)\s+(?:{REPORT_NOUNS}))\s*(?:[,.;:—–]|\s-\s|$)",
    re.I,
)
# words between a subject and its verb of denial: "later disputed", "has firmly denied"
_BEFORE_VERB = re.compile(r"(?:\s+(?:has|have|had|did|does|also|later|then|since|again|\w+ly))+$", re.I)
# a closed class of openings that are no names: lower-cased once the claim follows "that"
_OPENINGS = frozenset("the a an it its there this that these those their his her some no several many most all".split())
_DENYING = re.compile(rf"\b(?:{'|'.join(DENIAL_WORDS)})\b", re.I)
MIN_DENIED_WORDS = 5


@dataclass(frozen=True)
class Denial:
    """A sentence that denies by pronoun: its words up to the verb, and who denies."""

    lead: str  # "Redvale spokeswoman Ilse Varga rejected"
    speaker: str  # "Redvale spokeswoman Ilse Varga"
    cue: str  # "rejected"


def denial_by_pronoun(sentence: str) -> Denial | None:
    """The denial a sentence makes of something it does not name, or None."""
    found = _DENIAL.match(sentence.strip())
    if found is None:
        return None
    lead = found.group("lead")
    speaker = _BEFORE_VERB.sub("", lead[: found.start("verb")].rstrip()).strip()
    if not speaker:
        return None
    return Denial(lead, speaker, found.group("verb").lower())


def denied_claim(denial: Denial, earlier: list[Claim], speaker: Attribution | None) -> str | None:
    """The text of the denial with what it denies: the last of the `earlier` claims (those of the one or two
    sentences before, in order) that another named voice told and that is no denial itself, or None. Not the
    writer's own: "A small furor has erupted over whether a Saudi television station blurred out ... Saudi officials
    deny the claim." denies the blurring, not the furor (of the three new findings on the first 300 news articles,
    one real)."""
    who = (speaker.speaker if speaker else denial.speaker).lower()
    for claim in reversed(earlier):
        if not claim.attribution or claim.attribution.speaker.lower() == who or _DENYING.search(claim.text):
            continue
        text = claim.text.strip()
        if len(text.split()) < MIN_DENIED_WORDS:
            return None
        first, _, rest = text.partition(" ")
        if first.lower() in _OPENINGS:
            text = f"{first.lower()} {rest}"
        return f"{denial.lead} that {text}"
    return None
