"""Negative predicates and their spelled-out form ("is false" = "is not true").

Shared by the relation rules and the contrast generator, so both read polarity the same way: on real news,
"That report, however, is false." vs "The report, however, is not true." was reported as a contradiction.
"""

from __future__ import annotations

import re
from functools import lru_cache

# a negative adjective -> the positive one that "not" turns it into
POLAR_ADJECTIVES = {
    "false": "true",
    "untrue": "true",
    "incorrect": "correct",
    "inaccurate": "accurate",
    "illegal": "legal",
    "dead": "alive",
    "impossible": "possible",
    "unable": "able",
    "unclear": "clear",
    "unknown": "known",
    "unlikely": "likely",
    "fake": "real",
}
_COPULA = r"\b(is|are|was|were)"
# adverbs may stand between: "These claims are absolutely, unequivocally and completely false."
NEGATIVE_PREDICATE = re.compile(
    rf"{_COPULA}(?P<adverbs>(?:,?\s+(?:\w+ly|and))*)\s+(?P<adjective>{'|'.join(POLAR_ADJECTIVES)})\b"
)
NOT_POSITIVE = re.compile(rf"{_COPULA} not ({'|'.join(sorted(set(POLAR_ADJECTIVES.values())))})\b")
NEGATIVE_OF = {positive: negative for negative, positive in reversed(POLAR_ADJECTIVES.items())}


_PRONOUN = r"(?:it|he|she|they|that|this|we|you|i)"
# a negative word in a phrase that denies nothing: "She had no idea she was pregnant." asserts the pregnancy, "There
# was no question that chlorine gas was to blame." the gas; a contrast at the end of a claim asserts its first half
# ("Their organization is “a tribunal, not arbitration.”", 'They call themselves “judges” not “arbitrators.”')
NOT_A_DENIAL = re.compile(
    r"\b(?:no idea|no doubt|not only|no matter|no wonder|not least|nothing but|no question (?:that|about it))\b|"
    r"(?:,|[”\"])\s+not\s+[“\"]?(?:an?\s+|the\s+)?[\w-]+[.!”\"'’]*\s*$|"
    # a spoken restart takes the "not" back: "And it's not, it's kind of a strong witness."
    rf"\b{_PRONOUN}(?:['’](?:s|re)|\s+(?:is|was|are|were))\s+not,\s+(?={_PRONOUN}\b)",
    re.I,
)


def spell_out(match: re.Match[str]) -> str:
    """ "is false" -> "is not true" for a NEGATIVE_PREDICATE match."""
    return f"{match[1]}{match['adverbs']} not {POLAR_ADJECTIVES[match['adjective']]}"


@lru_cache(maxsize=65536)  # relate meets each claim in many pairs
def spelled_out(text: str) -> str:
    """Every negative predicate written as "not" + its positive, and curly apostrophes as straight ones
    ("couldn’t" = "couldn't"), so polarity rules see one form."""
    return NEGATIVE_PREDICATE.sub(spell_out, text.replace("’", "'"))
