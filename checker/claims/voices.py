"""Who speaks across an article's sentences: speakers the parse finds where the patterns cannot, the people a
"he said" may mean, embedded posts and their authors, and the subject a report must keep."""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import Attribution
from .attribution import (
    MAY_DISMISS,
    MAY_REPORT,
    STANCE,
    Attributed,
    attribute,
    parsed_attribution,
    resolved_speaker,
    strip_dateline,
)
from .claimable import MAX_SENTENCE_CHARS, MODAL, TWEET_SIGNATURE, UPDATE_PREFIX, is_claim_sentence
from .quotations import OPENING

# the signature names the post's author: "... right now.— Irvine Welsh (@IrvineWelsh) January 6, 2015"
_TWEET_AUTHOR = re.compile(r"(?:[—–]|â€”|\s-)\s*(?P<name>[^\n—–()]{0,60}?)\s*" + TWEET_SIGNATURE.pattern, re.I)


_LONGEST_POST = 320  # 140 characters of text then, with its links written out: not a whole live blog on one line


def tweets(text: str) -> list[tuple[int, int, str]]:
    """The embedded posts of a text, as (start, end, author): what its line says before a signature (after any
    signature earlier on the line) is the author's, or the line before when the signature has a line of its own.
    A sentence that starts more than a post's length before the signature is the page's. The author is the name
    signed, or the handle where the name has no letters ("— 〽️ (@x)")."""
    posts: list[tuple[int, int, str]] = []
    previous = 0
    for signature in _TWEET_AUTHOR.finditer(text):
        end = len(text[: signature.start()].rstrip())
        start = max(text.rfind("\n", 0, end) + 1, previous, end - _LONGEST_POST)
        name = signature["name"].strip()
        handle = re.search(r"\(@(\w+)\)", signature.group())
        author = name if re.search(r"[^\W\d_]{2}", name) else f"@{handle[1] if handle else ''}"
        if end > start:
            posts.append((start, end, author))
        previous = signature.end()
    return posts


def posted_by(posts: list[tuple[int, int, str]], at: int) -> str | None:
    """The author of the embedded post (`tweets`) a sentence starting at `at` is part of."""
    return next((author for start, end, author in posts if start <= at < end), None)


def remember(names: list[str], name: str | None, attribution: Attribution | None) -> None:
    """Track who the text last named, so 'he said' can be resolved."""
    speaker = attribution.speaker.split(" (")[0] if attribution else None
    reporting_outlet = attribution is not None and (
        " quoting " in attribution.speaker or attribution.cue in {"reported", "reports", "report"}
    )  # "..., AppleInsider reports" then "He also said ...": the analyst it reports, not the outlet
    if speaker and not reporting_outlet and speaker.split()[0].lower() not in ("he", "she", "they", "it", "her"):
        if name and not speaker.startswith(name):
            names.append(speaker)
            names.append(name)
            return
        names.append(speaker)
        return
    if name:
        names.append(name)


def parsed_speakers(sentences: list[str]) -> dict[str, Attributed]:
    """Speakers the patterns miss, read off the parse of the sentences that may report speech."""
    chosen = [
        s
        for s in dict.fromkeys(sentences)
        if len(s) <= MAX_SENTENCE_CHARS
        and (MAY_REPORT.search(s) or MAY_DISMISS.search(s))
        and is_claim_sentence(s)
        and _doubtful(s)
    ]
    if not chosen:
        return {}
    from .parse import read_parses

    found = read_parses([UPDATE_PREFIX.sub("", s) for s in chosen], _attribution_of)
    return dict(zip(chosen, found))


# a report by "he" or "she": who they are is someone the sentences before it named
_PRONOUN_REPORT = re.compile(
    r"\b(?:he|she)\s+(?:also\s+|later\s+|then\s+)?(?:said|says|added|adds|told|tells|explained|explains|wrote|writes|"
    r"noted|continued|claimed|insisted|stated|recalled)\b|\b(?:said|says|added|adds|explained|wrote|continued)\s+(?:he|she)\b",
    re.I,
)


BEFORE = 2  # sentences before a pronoun's report whose people may be who it means


def persons_named(documents: list[list[str]]) -> dict[str, tuple[str, ...]]:
    """The people (named-entity recogniser's PERSON) each sentence names, for the sentences just before a report by
    "he" or "she" ("... before Mr Somers appears and gives a statement." / "He said: ..."): the one a pronoun means
    is often named inside a sentence of narration, not at its start or as a speaker."""
    chosen: dict[str, None] = {}
    for sentences in documents:
        for index, sentence in enumerate(sentences):
            if _PRONOUN_REPORT.search(sentence):
                for before in sentences[max(0, index - BEFORE) : index]:
                    if len(before) > MAX_SENTENCE_CHARS or before.lstrip().startswith(OPENING):
                        continue
                    if attribute(before).attribution is None:  # narration
                        chosen.setdefault(before)
    if not chosen:
        return {}
    from .parse import load_recogniser, read_parses

    texts = list(chosen)
    found = read_parses(texts, _people_of, loader=load_recogniser)
    return {text: people for text, people in zip(texts, found) if people}


def _people_of(doc, _) -> tuple[str, ...]:
    return tuple(entity.text for entity in doc.ents if _may_speak(entity))


def _may_speak(entity) -> bool:
    """A person the sentence names for themself, not in a quotation, an aside or a credit ("(Jabhat Ansar al-Deen)",
    "Monica Schipper/Getty Images"), nor through another or as the one acted on ("Foley's parents", "the parents of
    James Foley", "lashed out at Williams")."""
    if entity.label_ != "PERSON" or not re.fullmatch(r"[A-Z][\w.'’-]*(?: [\w.'’-]+)*", entity.text):
        return False
    text, start, end = entity.doc.text, entity.start_char, entity.end_char
    before = text[:start]
    if before.count("(") > before.count(")") or _quoted(text, start) or re.search(r"['’]s?$", entity.text):
        return False
    return not re.match(r"['’]s?\b", text[end:]) and not re.search(r"\b(?:of|to|for|with|by|at|from)\s+$", before)


def _quoted(text: str, at: int) -> bool:
    """`at` is inside a quotation the sentence opened: who is named there is the quoted speaker's business."""
    before = text[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def mentioned(names: list[str], name: str | None, people: tuple[str, ...], written: str) -> None:
    """The people a sentence of narration names, after the one it opens with, as the last named. A one-word name
    only when the article (`written`, up to the sentence's end) gives it a first name or a title ("James Foley" ...
    "the man identified as Foley", "Mr Somers"): alone, the recogniser also calls a brand a person ("Lego's iconic
    minifigure")."""
    for person in people:
        if name and (person in name or name in person):
            continue
        if " " in person or re.search(_NAMED_BEFORE.format(re.escape(person)), written):
            names.append(person)


# a one-word name the article wrote before as part of a longer one or after a title: "James Foley", "Dylan Thomas",
# "Mr Somers" (not "Lego spokesman", "A Lego pamphlet")
_NAMED_BEFORE = (
    r"\b(?:Mrs?|Ms|Miss|Dr|Prof)\.?\s+{0}\b|\b(?!(?:The|A|An|In|On|At|But|And|When|If|As|For)\s)[A-Z][a-z]+\s+{0}\b|"
    r"\b{0}\s+(?!(?:The|A|An|In|On|At|But|And|When|If|As|For)\b)[A-Z][a-z]+"
)


def _attribution_of(doc, _) -> Attributed | None:
    return parsed_attribution(doc)


# verbs that report speech only with a clause after them: "The company added a new product line", "He wrote a book"
_AMBIGUOUS_CUES = frozenset({"added", "adds", "wrote", "writes", "noted", "notes", "stated", "states", "posted"})


def ambiguous(found: Attributed, sentence: str) -> bool:
    """A pattern's speaker whose verb may take a thing, not a report ("added a product line", not "added that"): the
    parse decides."""
    cue = found.attribution.cue if found.attribution else ""
    return cue in _AMBIGUOUS_CUES and f"{cue} that " not in sentence


# a report whose content opens on a verb lost its subject to the speaker ("The sickening attack they said was
# carried out by ...", "a scenario they say was reinforced by ...", "The meteorite — which experts say may have
# disintegrated ..."), and one that opens on a relative or a question word reports no claim ("Some Managua
# residents reported hearing a loud boom on Saturday, which would be consistent with ..."); only "that" can be
# the subject a "said that" seemed to introduce ("Francis said that is not ...")
_OPENS_ON_VERB = re.compile(rf"(?:is|are|was|were|has|have|had|does|did)\b|{MODAL.pattern}")  # an auxiliary, a modal


_OPENS_ON_RELATIVE = frozenset({"which", "who", "why"})


def subject_kept(attributed: Attributed, sentence: str) -> Attributed:
    """The report as `attribute` or the parse split it, or, where its content lost its subject, "That" put back
    or the whole sentence in the writer's voice. Not a quotation: a quote may open on anything ("May God preserve
    the scholars")."""
    if attributed.attribution is None or attributed.attribution.cue == "quote" or not attributed.content.split():
        return attributed
    first = attributed.content.split()[0]
    word = first[:1].lower() + first[1:]  # as the sentence wrote it, where the split capitalised it
    verb = _OPENS_ON_VERB.fullmatch(word) is not None
    if not (verb or word in _OPENS_ON_RELATIVE) or not re.search(rf"(?<![\w-]){re.escape(word)}\b", sentence):
        return attributed
    if verb and re.search(rf"\bthat\s+{re.escape(word)}\b", sentence):
        return replace(attributed, content=f"That {word}{attributed.content[len(first) :]}")
    return Attributed(strip_dateline(sentence.strip()), None)


def _doubtful(sentence: str) -> bool:
    """The patterns found no speaker, one with no content left ("Separately, the Iraqi government said ..." read as
    "Separately" said by the government; a stance verb keeps its sentence on purpose), or an ambiguous one."""
    bare = UPDATE_PREFIX.sub("", sentence)
    found = attribute(bare)
    if found.attribution is None or ambiguous(found, sentence):
        return True
    stance = found.attribution.cue.removeprefix("not ") in STANCE.split("|")
    return found.content == strip_dateline(bare.strip()) and not stance


def resolved(attributed: Attributed, names: list[str]) -> Attributed:
    """A pronoun speaker ("he said") as the one the article named last."""
    speaker = resolved_speaker(attributed.attribution.speaker, names)
    return replace(attributed, attribution=Attribution(speaker, attributed.attribution.cue))
