"""Negation, denial and modality: negative predicates spelled out ("is false" = "is not true"), whether a claim
denies, whether one claim negates another, and whether it states a fact at all (an appeal or a guess does not).

Shared by the decision and the contrast generator, so both read polarity the same way: on real news,
"That report, however, is false." vs "The report, however, is not true." was reported as a contradiction.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .quantities import figures_differ
from .vocabulary import DEBUNK_WORDS, DENIAL_PHRASES, DENIAL_WORDS, HEARSAY_WORDS
from .words import common_words, overlap

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
    rf"\b{_PRONOUN}(?:['’](?:s|re)|\s+(?:is|was|are|were))\s+not,\s+(?={_PRONOUN}\b)|"
    # "not ... until" says when: "will not be produced until January", "did not confirm ... until Friday"
    r"(?:\bnot\b|\bnever\b|n't\b)[^.;]{0,80}?\buntil\b",
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


_NEGATION = re.compile(
    r"\b(not|no|never|neither|nor|none|without|" + "|".join(DENIAL_WORDS) + "|" + DENIAL_PHRASES + r")\b|n't\b", re.I
)


@lru_cache(maxsize=65536)  # a claim meets many partners: the decision and negation_kind ask again for each pair
def denies(text: str) -> bool:
    """The claim carries a negation or a denial ("not", "never", "denied"; "is false" counts as "is not true"; "no
    idea" and "no doubt" deny nothing)."""
    return bool(_NEGATION.search(NOT_A_DENIAL.sub(" ", spelled_out(text))))


def negation_kind(a: str, b: str) -> bool:
    """One claim negates what the other asserts, in nearly the same words, and those words say something of the
    subject: sharing only names is not negating ("In 2014 DC Toys Collector earned $4.9m." / "In the videos DC Toys
    Collector's face is never seen." was a real-news negation finding). Nor is denying another figure: "... doesn't
    weigh 21 grams more than the Day One device" leaves "0.8 grams more than the Day One unit" standing. Of a contrast
    ("..., but ..."), only the clause that denies is compared: on the full news corpus this let 108 more restatements
    with a "but" clause agree ("Boko Haram had demanded the release of detained extremists in exchange for the girls,
    but ..."), and reported as many negations as it dropped."""
    a, b = spelled_out(a), spelled_out(b)
    if denies(a) == denies(b) or figures_differ(a, b):
        return False
    denial, other = (_denying_clause(a), b) if denies(a) else (_denying_clause(b), a)
    return overlap(denial, other) >= 0.5 and bool(common_words(denial) & common_words(other))


# a sentence of two clauses joined by a contrast: "Other actors haven't been announced for the film, but Scott
# Rudin ... have signed on to produce" denies nothing of its second clause
_CONTRAST = re.compile(r"(?:,\s*|\s+)(?:but|although|though|whereas|while)\s+|;\s+", re.I)


# "Though Mosul has been under ISIS control since June, the health ministry denied ...": a leading concession ends
# at its comma
_CONCESSION = re.compile(r"^(?:even\s+)?(?:although|though|while)\s+([^,]+),\s*", re.I)


def _denying_clause(text: str) -> str:
    """The clauses of a contrast that carry the denial (the whole text if it has no contrast)."""
    clauses = [clause for clause in _CONTRAST.split(_CONCESSION.sub(r"\1; ", text)) if clause.strip()]
    denying = [clause for clause in clauses if denies(clause)]
    return " ".join(denying) if len(clauses) > 1 and denying else text


# "Zelensky called on China to press Pyongyang to withdraw its troops": an appeal says what someone wants done, not
# what is; NLI models read "withdraw its troops" against "North Korea confirms it sent troops" as a contradiction.
# A bare "press" is left out: "a press conference to answer questions" is no appeal.
_APPEAL = re.compile(
    r"\b(?:call(?:s|ed|ing)?\s+(?:on|upon)|urg(?:e|es|ed|ing)|appeal(?:s|ed|ing)?\s+to|press(?:es|ed|ing))"
    r"\s+[^,.;]{1,60}?\s+to\s+[a-z]+",
    re.I,
)


# "The meteorite could have exploded in the air ... and left small fragments embedded in the soil.": a guess about
# what happened; set against "So far no meteorite fragments have been found" it was a 0.99 negation finding
_SPECULATION = re.compile(r"\b(?:could|may|might)\s+(?:well\s+)?have\b", re.I)


@lru_cache(maxsize=65536)  # asked for each pair a claim is in
def states_a_fact(text: str) -> bool:
    """Not a call on someone to act ("urged Kyiv to negotiate") nor a guess at what may have happened ("could have
    exploded"): neither says what is, so no other claim contradicts it."""
    return not _APPEAL.search(text) and not _SPECULATION.search(text)


@lru_cache(maxsize=65536)  # asked for each pair a claim is in
def debunks(text: str) -> bool:
    """The claim calls something false: a hoax, a fake, doctored, baseless, no evidence."""
    return bool(DEBUNK_WORDS.search(text))


@lru_cache(maxsize=65536)
def reports_hearsay(text: str) -> bool:
    """The claim reports a rumour or someone's claim without vouching for it."""
    return bool(HEARSAY_WORDS.search(text))
