"""Who says a claim: same speaker, one voice of one article, and sources that confirm or stay silent."""

from __future__ import annotations

import re

from ..records import Claim, ClaimPair
from .quantities import find_conflict
from .subjects import different_subjects
from .words import canonical_names, content_words, names_spelled_out

# who confirms or denies: "Russia confirmed ..." / "Pyongyang has not confirmed ..." is two sources, not one fact
_CONFIRMER = re.compile(
    r"^(?:[Tt]he\s+)?(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
    r"(?:\s+(?:government|ministry|military|army|police|officials?|spokes(?:man|woman|person)))?)\s+"
    r"(?:(?:has|have|had|did|does)(?:n['’]t)?\s+)?(?:not\s+|never\s+|yet\s+|now\s+|also\s+)*"
    r"(?:publicly\s+|officially\s+)?(?:confirm|acknowledg|admit|den(?:y|ied|ies))\w*\b"
)


# who may be anyone, so also the source the other claim names
_UNNAMED_SOURCES = frozenset({"i", "we", "you", "he", "she", "it", "they", "this", "that", "officials"})


def different_confirmers(a: str, b: str, speakers: tuple[str | None, str | None] = (None, None)) -> bool:
    """Each claim says who confirms or denies it, and they are not the same ("Russia confirmed for the first time
    that North Korean troops ..." / "Pyongyang has not confirmed that it sent troops"): one source speaking while
    another stays silent is no contradiction. Aliases count as one ("Pyongyang" / "North Korea"). "We" or "I" is the
    claim's speaker where `speakers` names one ('"We have confirmed that Ahmed Godane ... has been killed," said
    Rear Adm. John Kirby' / "Al-Shabab has not publicly confirmed Godane's death")."""
    found = [_CONFIRMER.match(text.strip()) for text in (a, b)]
    if found[0] is None or found[1] is None:
        return False
    who = [_first_person(m["who"], speaker) for m, speaker in zip(found, speakers)]
    if {w.lower() for w in who} & _UNNAMED_SOURCES:
        return False  # "It has not confirmed ..." may be the very source the other claim names
    names = [canonical_names(frozenset({w.lower()})) for w in who]
    return not names[0] & names[1]


def _first_person(who: str, speaker: str | None) -> str:
    """The confirmer a claim names, "we" and "I" read as the one who said the claim."""
    if who.lower() in {"we", "i"} and speaker:
        return re.split(r"\s*[,(]", speaker, maxsplit=1)[0]
    return who


def speakers_of(pair: ClaimPair) -> tuple[str | None, str | None]:
    """Who says each claim of a pair, as written (None: the article's own voice)."""
    return tuple(c.attribution.speaker if c.attribution else None for c in (pair.a, pair.b))  # type: ignore[return-value]


def _speaker(claim: Claim) -> frozenset[str] | None:
    """The words of who says a claim, aliases spelled out, without the channel ("Maria Zakharova (via Sputnik)") or
    a day ("The Department of Homeland Security on Wednesday")."""
    if claim.attribution is None:
        return None
    name = names_spelled_out(claim.attribution.speaker.split(" (")[0])
    return content_words(name.replace("'s", " ").replace("’s", " "))


def same_speaker(a: Claim, b: Claim) -> bool:
    """Both unattributed, or one speaker named twice: "Gerasimov" / "Russia's top general, Valery Gerasimov",
    "Pyongyang" / "North Korea", "Seoul and Washington" / "South Korea and the US"."""
    left, right = _speaker(a), _speaker(b)
    if left is None or right is None:
        return left is right
    if not left or not right:  # a pronoun: "he" is "he"
        return a.attribution.speaker.lower() == b.attribution.speaker.lower()
    return left <= right or right <= left


def model_has_a_say(pair: ClaimPair) -> bool:
    """Whether the model's judgement can make a finding of this pair: not for two claims of one article in one
    voice (`one_voice`) whose figures and dates do not conflict. There no model contradiction is reported, and an
    article that restates itself corroborates nothing: on the first 150 real news articles 136 of the 364
    agreements were such restatements (a title and its lead, a quote printed twice), and a claim counted as
    corroborated by its own article. The pipeline does not judge these pairs at all."""
    if not one_voice(pair):  # the common case, and the cheap test: the pairing asks this of every related pair
        return True
    a, b = pair.a.text, pair.b.text
    return not different_subjects(a, b) and find_conflict(a, b) is not None


def one_voice(pair: ClaimPair) -> bool:
    """Both claims from one article, in its own voice or the same speaker's. An article rarely contradicts itself:
    there the model reads two parts of one story as one scene ("She had no idea she was pregnant." / "... doctors
    told her she was pregnant."): on the first 150 real news articles, 9 such model contradictions with the shipped
    model and 30 with a trial model, none real. Number and date conflicts inside an article are still reported,
    and so are two sources of one article that disagree."""
    return pair.a.document_id == pair.b.document_id and same_speaker(pair.a, pair.b)


def attribution_kind(pair: ClaimPair) -> str | None:
    """Different speakers on each side: the conflict is between sources, not within one."""
    both_named = pair.a.attribution is not None and pair.b.attribution is not None
    return "attribution" if both_named and not same_speaker(pair.a, pair.b) else None
