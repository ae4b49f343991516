"""Claim -> Facts: the event, its participants and the values of its slots, read off spaCy's dependency parse.

Figures are bound to the noun they count ("56 homes" -> home) or, for units and money, to the noun the unit
measures ("a budget of $1.2bn" -> budget) and to their predicate ("lose", "approve"). Only claims with something
to bind (a digit, a number word, a time, a cause or place cue, a negation) are parsed: the rest get empty facts,
which keeps the claim stage near its old speed. A sentence the parser mangles yields fewer facts, never an error.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace

from ..compare.vocabulary import CALENDAR, CAUSE_VERBS, DISMISSALS, DOUBTS, FALSITY, NEGATION_IDIOMS, REPORT_PHRASE
from ..records import Amount, Facts, Place, Tally, When
from .values import (
    FRACTIONS,
    PERCENT,
    SCALES,
    clock_times,
    currency,
    find_hedge,
    hedge_interval,
    measure,
    number_value,
    round_tolerance,
    times_in,
)

NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    "eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|"
    "dozen|half|third|quarter|fifth"
)
# what makes a claim worth parsing: a figure, a time, a cause, a place relation, a negation or a confirmation
WORTH_PARSING = re.compile(
    rf"\d|\b(?:{NUMBER_WORDS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|midnight|noon|midday|"
    r"caus\w*|start\w*|spark\w*|trigger\w*|due to|because|blam\w*|north|south|east|west|near|outside|"
    r"not|no|never|none|nobody|no-one|n't|den\w*|confirm\w*|unconfirm\w*|unanimous\w*|apiece|against|sued?|acquir\w*|"
    rf"rose|risen|rise|climb\w*|revis\w*|now stands|reject\w*|disput\w*|{DISMISSALS}|{FALSITY})\b",
    re.I,
)
_TALLY = re.compile(
    rf"(?<![\d,.])(?:(?P<a>\d{{1,3}}(?:,\d{{3}})*)(?:\s+votes?)?\s*(?:-|–|to)|(?P<w>\b(?:{NUMBER_WORDS}))(?:\s+votes?)?"
    rf"\s+to)\s*(?P<b>\d{{1,3}}(?:,\d{{3}})*|{NUMBER_WORDS})\b"
    rf"(?!\s*(?:-|–)?\s*(?:percent|per cent|%|million|billion|thousand|years?|months?|days?|hours?|minutes?)\b)",
    re.I,
)
_APIECE = re.compile(rf"\b(?P<a>\d{{1,3}}|{NUMBER_WORDS})\s+(?:\w+\s+)?(?:apiece|each)\b", re.I)
_VOTE_WORDS = re.compile(r"\b(vot\w*|ballot|motion|majority|approv\w*|pass\w*|backed|unanimous\w*)\b", re.I)
_TIME_OF_DAY = re.compile(r"^\d{1,2}:\d{2}")
_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
_OPPOSITE = {"north": "south", "south": "north", "east": "west", "west": "east"}
_PLACE_PREPS = {"in", "near", "at", "off", "outside", "beneath", "under", "inside"}
_CAUSE_SUBJECT_VERBS = {"cause", "spark", "trigger"}  # "runners started the race" names no cause
_CAUSE_PREPS = {("due", "to"), ("because", "of"), ("blame", "on")}
_DENY = {"deny", "reject", "dismiss", "refute", "dispute"}
# a root verb that calls a report false in other words: "shot down the rumours", "poured cold water on reports" (not
# "the strike killed off hopes of a deal")
_DISMISSAL_AT = re.compile(rf"(?:{DISMISSALS})\s+{REPORT_PHRASE}\b", re.I)
_CONFIRM = {"confirm", "verify"}
# a complement that calls the subject or object false (compare.vocabulary.FALSITY)
_FALSE_WORDS = re.compile(rf"(?:{FALSITY}|lie)$", re.I)
_CALLING_VERBS = {"be", "prove", "call", "brand", "label", "dub", "deem", "declare"}
_TRUE_WORDS = {"true", "accurate", "correct"}
_MODAL_VERBS = {
    "plan": "plan",
    "schedule": "plan",
    "intend": "plan",
    "aim": "plan",
    "hope": "plan",
    "propose": "offer",
    "offer": "offer",
    "want": "demand",
    "seek": "demand",
    "demand": "demand",
    "ask": "demand",
    "expect": "forecast",
    "forecast": "forecast",
    "predict": "forecast",
    "project": "forecast",
    "rumour": "rumour",
    "rumor": "rumour",
    "speculate": "rumour",
    "speculation": "rumour",
    "license": "capacity",
    "design": "capacity",
}
# nouns that stand for a count of something else ("the number of customers affected"); a toll counts the dead
_TALLY_NOUNS = {"number", "estimate", "count", "toll", "total", "tally", "figure"}
_DEATH_WORDS = {"dead", "death", "fatality", "die", "kill"}
_DEATH_VERBS = {"die", "kill"}
_ANYONE = {"people", "person", "dead", "death", "fatality", "die", "kill", "victim", "body"}
_CHANGED_FROM = re.compile(r"\b(?:up|down) from\b", re.I)
_CHANGE_VERBS = {"rise", "climb", "increase", "grow", "jump", "reach", "stand", "revise", "raise", "fall", "drop"}
# changes a percentage can size, by direction: "a 15 percent rise" and "a 9 percent increase" size one thing
_CHANGES = {
    **dict.fromkeys(("rise", "increase", "raise", "hike", "growth", "gain", "jump"), "increase"),
    **dict.fromkeys(("fall", "drop", "decline", "decrease", "cut", "reduction", "loss"), "decrease"),
}
_PERIODS = {"annual": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day"}
_GUESS = {"may", "might", "could", "possibly", "perhaps", "probably", "likely"}
_UPDATE = re.compile(
    r"\b(rose|risen|rise|rising|climbed|climb|revised|raised|now stands|up from|increased|grew)\b", re.I
)


def facts_of_texts(
    texts: Sequence[str],
    published: Sequence[str | None],
    frames: Sequence[str] | None = None,
    stories: Sequence[tuple[str, ...]] | None = None,
    partners: bool = True,
) -> list[Facts]:
    """Facts for each text (with its article's `stories` names); texts with nothing to bind are not parsed, unless
    the frame they were stripped of has ("Velarin announced on March 16 that it was recalling ...": its date), or
    (`partners`) they name an event another claim of their story negates ("Authorities issued a tsunami warning"
    against "No tsunami warning was issued": the asserting claim has no cue of its own)."""
    stories = stories or [()] * len(texts)
    results = [Facts(published=day, story=story) for day, story in zip(published, stories)]
    frames = frames or [""] * len(texts)
    chosen = _worth_parsing(texts, frames)
    if not chosen:
        return results
    _parse(texts, chosen, published, stories, results)
    if partners:
        _parse(texts, partners_to_parse(texts, frames, results), published, stories, results)
    return results


def _worth_parsing(texts: Sequence[str], frames: Sequence[str]) -> list[int]:
    return [i for i, text in enumerate(texts) if WORTH_PARSING.search(text) or WORTH_PARSING.search(frames[i])]


def parse_facts(
    texts: Sequence[str], published: Sequence[str | None], stories: Sequence[tuple[str, ...]]
) -> list[Facts]:
    """Facts of every text, each parsed (`facts_of_texts` parses only those with something to bind)."""
    results = [Facts(published=day, story=story) for day, story in zip(published, stories)]
    _parse(texts, list(range(len(texts))), published, stories, results)
    return results


def partners_to_parse(texts: Sequence[str], frames: Sequence[str], results: Sequence[Facts]) -> list[int]:
    """The claims not parsed yet that a negating claim of their story makes worth parsing (`_asserting_partners`).
    Only claims worth parsing on their own words negate, so the answer is the same whichever partners were parsed
    before (the cache keeps each article's claims as parsed alone; the corpus looks across articles after it)."""
    negating = set(_worth_parsing(texts, frames))
    sources = [f if i in negating else Facts(published=f.published, story=f.story) for i, f in enumerate(results)]
    done = negating | {i for i, f in enumerate(results) if f.event}  # a partner its own article had parsed already
    return _asserting_partners(texts, done, sources)


def _parse(texts, chosen, published, stories, results) -> None:
    from .parse import read_parses

    for index, found in zip(chosen, read_parses([texts[i] for i in chosen], facts_of, [published[i] for i in chosen])):
        results[index] = replace(found, story=stories[index])


def _asserting_partners(texts: Sequence[str], parsed: set[int], results: list[Facts]) -> list[int]:
    """The unparsed texts that use a verb some claim of their story negates, in a regular form of it; for a death
    ("No one has been killed"), any death verb ("A firefighter died")."""
    from ..compare.facts import LIGHT, same_story

    negated: dict[str, list[Facts]] = {}
    for facts in results:
        if facts.polarity != "asserted" and facts.event.isalpha() and facts.event not in LIGHT:
            for verb in _DEATH_VERBS if facts.event in _DEATH_VERBS else (facts.event,):
                for form in _forms(verb):
                    negated.setdefault(form, []).append(facts)
    if not negated:
        return []
    # each text's words looked up, not one alternation of every negated form searched along every text (a corpus
    # negates hundreds of verbs, and this runs over the whole corpus on every check)
    return [
        i
        for i, text in enumerate(texts)
        if i not in parsed
        and any(same_story(results[i], f) for word in _WORDS.findall(text.lower()) for f in negated.get(word, ()))
    ]


_WORDS = re.compile(r"\w+")


def _forms(lemma: str) -> set[str]:
    """A verb's regular forms: issue, issues, issued, issuing."""
    stem = lemma.removesuffix("e")
    return {lemma, f"{lemma}s", f"{lemma}es", f"{stem}ed", f"{stem}ing", f"{lemma}ing"}


def facts_of(doc, published: str | None) -> Facts:
    """The facts of one parsed claim (a spaCy Doc)."""
    tokens = list(doc)  # iterating a Doc makes new Token objects each time: the list is made once
    root = _root(tokens)
    if root is None:
        return Facts(published=published)
    text = doc.text
    future = any(t.lower_ in {"will", "'ll"} or t.lemma_ in {"expect", "schedule"} for t in tokens)
    event, patient = _support_verb(root) or (root.lemma_.lower(), _patient(root))
    return Facts(
        event=event,
        agent=_agent(root),
        patient=patient,
        amounts=tuple(_amounts(doc, tokens)),
        tallies=tuple(_tallies(text)),
        times=tuple(
            When(*t, anchors=_anchors(tokens, text, t[0]))
            for t in [*times_in(text, published, future), *clock_times(text)]
        ),
        places=tuple(_places(tokens)),
        **_cause(tokens),
        polarity=_polarity(tokens, root),
        modality=_modality(tokens, root),
        update=m.group(0).lower() if (m := _UPDATE.search(text)) else "",
        published=published,
    )


_FRAME_UNCONFIRMED = re.compile(
    r"\b(?:not|n't|never|declined to|refused to|unable to)\s+(?:yet\s+|independently\s+|immediately\s+|officially\s+)?"
    r"(?:confirm|verify)\w*(?:\s+(?:reports|claims|rumou?rs|suggestions))?(?:\s+(?:that|whether|if))?\W*$",
    re.I,
)
_DOUBTED = re.compile(rf"\b(?:{DOUBTS})\b", re.I)
_FRAME_DENIED = re.compile(
    rf"\b(?:den(?:y|ied|ies|ying)|reject\w*|disput\w*|{DISMISSALS})"
    rf"(?:\s+{REPORT_PHRASE})?(?:\s+(?:that|of))?\W*$",
    re.I,
)


# a frame whose date is the reported event's: an announcement starts what it announces ("said on Tuesday that the
# bridge collapsed" dates the saying, not the collapse)
_ANNOUNCED = re.compile(r"\bannounc\w*\b", re.I)


def framed(facts: Facts, sentence: str, text: str) -> Facts:
    """The polarity the sentence's frame gives a claim stripped of it: "Police declined to confirm reports that a
    tanker had gone into the water" keeps "a tanker had gone into the water" as unconfirmed, "denied that ..." as
    denied; "rejected that, saying ..." asserts what follows "saying". A claim that keeps its doubt ("Nasa has raised
    doubts about whether ...") does not confirm what it doubts."""
    if facts.polarity == "asserted" and _DOUBTED.search(text):  # "Nasa has raised doubts about whether ..."
        return replace(facts, polarity="unconfirmed")
    position = sentence.lower().find(text[:40].lower())  # the stripped claim opens with a capital
    if position <= 0:
        return facts
    frame = sentence[:position]
    if not facts.times and facts.event and _ANNOUNCED.search(frame):  # "announced on March 16 that it was recalling"
        days = [t for t in times_in(frame, facts.published, False) if t[3] == "day"]
        facts = replace(facts, times=tuple(When(*t, anchors=(facts.event,)) for t in days))
    if facts.polarity != "asserted":
        return facts
    if _FRAME_UNCONFIRMED.search(frame):
        return replace(facts, polarity="unconfirmed")
    if _FRAME_DENIED.search(frame):
        return replace(facts, polarity="denied")
    return facts


def facts_from_dict(data: dict | None) -> Facts | None:
    """Facts as `dataclasses.asdict` wrote them (the cache, the JSON report), back as records."""
    if data is None:
        return None
    return Facts(
        **{
            **data,
            "amounts": tuple(Amount(**x) for x in data.get("amounts", ())),
            "tallies": tuple(Tally(**x) for x in data.get("tallies", ())),
            "times": tuple(When(**{**x, "anchors": tuple(x.get("anchors", ()))}) for x in data.get("times", ())),
            "places": tuple(Place(**x) for x in data.get("places", ())),
            "story": tuple(data.get("story", ())),
        }
    )


def _anchors(doc, whole: str, text: str) -> tuple[str, ...]:
    """What a time dates: the verb its phrase hangs from with the verb's object, the noun a participle describes
    ("a vote held late on Tuesday" -> hold, vote), or the noun the phrase hangs from ("the vote on Wednesday")."""
    start = whole.find(text)
    tokens = [t for t in doc if start <= t.idx < start + len(text)] if start >= 0 else []
    if not tokens:
        return ()
    node = tokens[-1]
    while node.dep_ in {"pobj", "compound", "nummod", "npadvmod", "appos"} and node.head is not node:
        node = node.head
        if node.pos_ == "ADP":
            node = node.head
            break
    if node.pos_ in {"NOUN", "PROPN"}:
        return (node.lemma_.lower(),)
    if node.pos_ not in {"VERB", "AUX"}:
        return ()
    anchors = [node.lemma_.lower(), *(c.lemma_.lower() for c in node.children if c.dep_ in {"dobj", "nsubjpass"})]
    if node.dep_ == "acl" and node.head.pos_ == "NOUN":
        anchors.append(node.head.lemma_.lower())
    return tuple(dict.fromkeys(anchors))


def _root(doc):
    roots = [t for t in doc if t.dep_ == "ROOT"]
    return roots[0] if roots else None


def _name(token) -> str:
    """A participant: a proper name with its compounds ("Tamsin Data"), else the head's lemma."""
    if token.pos_ == "PROPN":
        parts = [t for t in token.subtree if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i < token.i]
        return " ".join([*(t.text for t in parts), token.text])
    kinds = [t.lower_ for t in token.children if t.dep_ == "compound" and t.pos_ == "NOUN" and t.i < token.i]
    return " ".join([*kinds, token.lemma_.lower()])  # "tsunami warning", "death toll"


# a verb and its noun or particle that say one verb: "filed a lawsuit against X" sues X, "took it over" acquires it
_SUPPORTED = {
    ("file", "lawsuit"): "sue",
    ("file", "suit"): "sue",
    ("bring", "lawsuit"): "sue",
    ("take", "over"): "acquire",
}


def _support_verb(root) -> tuple[str, str] | None:
    """The event and patient of a verb that a noun or particle completes ("Northmere has filed a lawsuit against its
    contractor, Calder Systems" -> sue, Calder Systems), else None."""
    for child in root.children:
        event = _SUPPORTED.get((root.lemma_.lower(), child.lemma_.lower()))
        if event is None or child.dep_ not in {"dobj", "prt"}:
            continue
        if child.dep_ == "prt":
            return event, _patient(root)
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ == "against":
                objects = [o for o in prep.children if o.dep_ == "pobj"]
                if objects:  # the name in apposition where there is one: "its contractor, Calder Systems"
                    names = [a for a in objects[0].children if a.dep_ == "appos" and a.pos_ == "PROPN"]
                    return event, _name((names or objects)[0])
    return None


def _agent(root) -> str:
    for child in root.children:
        if child.dep_ == "nsubj":
            return _name(child)
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _name(objects[0])
    return ""


def _patient(root) -> str:
    for child in root.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            return _name(child)
    return ""


def _predicate(token):
    """The verb a token belongs to (its nearest verb ancestor), or None."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor
    return None


def _number_spans(doc):
    """Runs of tokens that write one number: "2.3 million", "Fifty - six", "half a million"."""
    spans, current = [], []
    for token in doc:
        lower = token.lower_
        numberish = (
            (token.like_num and not _TIME_OF_DAY.match(token.text) and (token.pos_ == "NUM" or token.text[0].isdigit()))
            or lower in SCALES
            or lower in {"dozen", "half"}
            or (lower in FRACTIONS and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of")
            or bool(re.match(r"^\d[\d,.]*(?:k|m|mn|bn|b|tn)$", lower))
        )
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        parts = bool(current) and _fraction_of(doc, token)  # "two-thirds of", "three quarters of"
        joiner = current and lower in {"-", "a", "and"} and following is not None
        joiner = joiner and (
            following.like_num or following.lower_ in {*SCALES, "dozen"} or _fraction_of(doc, following)
        )
        if numberish or joiner or parts:
            current.append(token)
        else:
            if current:
                spans.append(current)
            current = []
    if current:
        spans.append(current)
    return spans


def _fraction_of(doc, token) -> bool:
    """A fraction in the plural before "of" ("thirds" in "two-thirds of the residents")."""
    plural = token.lower_[:-1] if token.lower_.endswith("s") else ""
    return plural in FRACTIONS and plural != "dozen" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of"


def _amounts(doc, every) -> list[Amount]:
    amounts = []
    for tokens in _number_spans(every):
        amount = _amount(doc, tokens)
        if amount is not None:
            amounts.append(amount)
    return amounts + _none_or_one(every)


_NO_ONE = {"nobody", "none", "one", "no-one", "noone"}
_EXCEPT = {"but", "except", "besides", "other", "apart", "save"}  # "No one but the pilot died"


def _none_or_one(every) -> list[Amount]:
    """Counts written without a figure. "No one has been killed", "None of the rescue workers was hurt", "no homes
    were lost": nothing of what the verb did, 0 ("No one but the pilot", "No two witnesses" are not). One who died
    ("A firefighter died", "a man was killed") is at least one death, a part of the toll that fits any toll and
    meets only a zero."""
    found = []
    for token in every:
        one = token.lower_ in {"a", "an"} and token.dep_ == "det"
        if token.lower_ == "no" and token.dep_ == "det" or one:
            noun = token.head
        elif token.lower_ in {"nobody", "no-one", "noone"} or token.lower_ == "none" and _of(token):
            noun = token
        else:
            continue
        verb = noun.head
        if noun.dep_ not in {"nsubj", "nsubjpass", "dobj"} or verb.pos_ not in {"VERB", "AUX"}:
            continue
        if any(t.lower_ in _EXCEPT or t.dep_ == "nummod" for t in noun.subtree if t is not noun):
            continue
        dies = _dies(noun)
        if one and (not dies or token.i > 0 and every[token.i - 1].lower_ == "not"):
            continue  # one of anything but the dead counts nothing here; "Not a soldier was killed" is none
        counted = (_of(noun) or noun) if noun.lower_ == "none" else noun
        if counted.lemma_.lower() in _NO_ONE:  # no one at all: any death, anyone
            thing = "death" if dies else "people"
        else:  # "A firefighter died": a death of a firefighter; "no soldiers were killed": none of soldiers
            thing = _counted(counted)
        text = noun.doc[token.i : noun.i + 1].text if token.i < noun.i else token.text
        found.append(
            Amount(
                text=text,
                low=1.0 if one else 0.0,
                high=math.inf if one else 0.0,
                unit="count",
                thing=thing,
                event=verb.lemma_.lower(),
                part=one,
            )
        )
    return found


def _of(noun):
    """The object of a noun's "of" ("none of the workers" -> workers), or None."""
    return next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children), None)


def _dies(noun) -> bool:
    """The noun is who died, by its own verb and nothing else in its phrase: the subject of "die", the passive
    subject of "kill", the verb not negated ("A soldier killed two protesters" is no death of a soldier)."""
    verb = noun.head
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    return noun.dep_ == "nsubj" and lemma == "die" or noun.dep_ == "nsubjpass" and lemma == "kill"


def _amount(doc, tokens) -> Amount | None:
    words = [t.text for t in tokens]
    last, first = tokens[-1], tokens[0]
    share = len(tokens) > 1 and _fraction_of(doc, last)  # "two-thirds of the residents": 67%
    if share:
        count = number_value([t.text for t in tokens[:-1] if t.text not in {"-", "–"}])
        fraction = FRACTIONS[last.lower_[:-1]]
        value = count * fraction * 100 if count and count * fraction <= 1 else None
    else:
        value = number_value(words)
    if value is None and len(tokens) == 1 and first.lower_ in FRACTIONS:
        value = 1.0  # "a third of": made a percent below
    if value is None:
        return None
    if len(tokens) == 1 and re.fullmatch(r"1[5-9]\d\d|20\d\d", first.text):
        return None  # a year, read as a time
    if len(tokens) == 1 and first.lower_ == "one" and first.dep_ != "nummod":
        return None  # "no one", "one of them": a pronoun
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    before = doc[first.i - 1] if first.i > 0 else None
    if after is not None and after.lower_.rstrip(".") in {"a.m", "p.m", "am", "pm", "o'clock", "gmt", "utc", "et"}:
        return None  # a time of day
    if (
        before is not None
        and (before.text[:1].isupper() and before.pos_ == "NOUN" or before.pos_ == "PROPN")
        and first.text[0].isdigit()
    ):
        return None  # an identifier: "Game 4", "Route 9", "iPhone 6"
    if after is not None and after.text in {"-", "–"} and last.i + 2 < len(doc):
        after2 = doc[last.i + 2]
        if after2.like_num:
            return None  # a score or a range, read as a tally
    hedge = find_hedge(doc.text[: first.idx].rstrip("$€£¥ "))
    head = last.head if last.dep_ in {"nummod", "quantmod", "compound", "nmod", "npadvmod", "amod"} else last
    unit, thing, changed, spread = "count", "", False, 0.0
    code = currency(before.text) if before is not None and before.text in {"$", "€", "£", "¥"} else None
    symbol = code is not None
    if code is None and head is not last:
        code = currency(head.text)
    if after is not None and after.text in {"-", "–"} and last.i + 2 < len(doc):  # "240-metre bridge"
        unit_token = doc[last.i + 2]
    else:
        unit_token = head if head is not last else after
    if code is not None:
        unit = code
        thing = _measured(head if not symbol else last) or _paid_for(head if not symbol else last)
        if not thing and symbol and head is not last and head.pos_ == "NOUN":
            thing = _counted(head)  # "a $150 premium", "a $2bn deal"
    elif share:
        unit, thing = "percent", _of_what(last)
    elif unit_token is not None and (unit_token.lower_ in PERCENT or _percent_after(doc, last)):
        unit = "percent"
        thing = _of_what(unit_token if unit_token.lower_ in PERCENT else last) or _changed(unit_token)
    elif first.lower_ in FRACTIONS and len(tokens) == 1 and after is not None and after.lower_ == "of":
        unit, value = "percent", FRACTIONS[first.lower_] * 100  # "a third of all packs"
        thing = _of_what(first)
    elif unit_token is not None and unit_token.pos_ in {"NOUN", "PROPN"} and (converted := _measure(value, unit_token)):
        # each figure is rounded in its own unit ("16 feet", "5 metres"); a ton spans its readings as well
        spread = _last_digit(value) + converted[2]
        value, unit = converted[0], converted[1]
        thing = _measured(unit_token)
    elif head is not last and head.pos_ in {"NOUN", "PROPN"}:
        thing = _counted(head)
    elif head is last and (subject := _measured_subject(last)) is not None:
        changed = True
        thing = _counted(subject)  # "the death toll rose to 23", "the number of customers ... to 610,000"
    valued = _valued(head if code is not None and not symbol else last)
    named = (  # "a magnitude 6.4 earthquake": the noun before the figure names it, the noun after has it
        before is not None and before.pos_ == "NOUN" and before.text.islower() and unit == "count" and head.i > last.i
    )
    if valued is not None:
        thing = _counted(valued)  # "put the cost ... at 12 million euros", "gave its magnitude as 5.8"
    elif named:
        thing = before.lemma_.lower()  # "a magnitude 6.4 earthquake", "category 4"
    after_unit = unit_token is not None and unit_token.i > last.i and unit_token.pos_ in {"NOUN", "PROPN"}
    rate = _rate(doc, unit_token if after_unit else last) or _yearly(head)
    if rate:
        thing = f"{thing} per {rate}".strip()
    # a valuation's verb ("put", "gave"), a named value or a change noun ("a 15 percent rise") says nothing of the
    # event the figure belongs to: such a figure has none
    predicate = (
        None if valued is not None or named or thing in _CHANGES.values() else _described_by(head) or _predicate(last)
    )
    exact = _written_tolerance(words, value) if unit in {"count", "percent"} or len(unit) == 3 else max(0.01, spread)
    if unit == "percent" and (share or first.lower_ in FRACTIONS):
        exact = 0.05  # a fraction is a rounding: "a third" may be 32 percent
    low, high = hedge_interval(value, hedge, exact)
    start = doc.text.lower().rfind(hedge, 0, first.idx) if hedge else first.idx
    if not hedge and first.lower_ in FRACTIONS and before is not None and before.lower_ in {"a", "an"}:
        start = before.idx  # "a third", as written
    end = last
    if head.i > last.i and head.i - last.i <= 3:  # the counted noun or the unit as written: "56 homes", "10 km"
        end = head
    elif unit_token is not None and 0 < unit_token.i - last.i <= 2 and unit_token.pos_ in {"NOUN", "PROPN"}:
        end = unit_token
    text = doc.text[start : end.idx + len(end.text)].strip()
    if not thing and unit == "count":
        thing = _whole(last)  # "Some 4,000 of them": a part, counted against other parts of them
    return Amount(
        text=text,
        low=low,
        high=high,
        unit=unit,
        thing=thing,
        event=predicate.lemma_.lower() if predicate is not None else "",
        revised=changed or bool(_CHANGED_FROM.search(doc.text)),
        part=_is_previous(doc, first)
        or _of_a_superlative(last)
        or (unit == "count" or len(unit) == 3)  # "20,000 litres of acid" measures the acid, is no part of it
        and (_is_part(doc, last, head) or _is_increment(doc, first, last)),
    )


_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def _written_tolerance(words: list[str], value: float) -> float:
    """How far the figure may stand from the exact one, by its digits as written: "3,000" is round (5%), "3,062"
    exact; with a scale word, as exact as its digits: "48 million" is 47.5 to 48.5 million (not a round 5%, which
    made it fit "52 million"), "1.2bn" 1.15 to 1.25 billion, "50 million" round."""
    written = _DIGITS.match(words[0].replace(",", "")) if words else None
    if written is None or float(written.group()) in {0.0, value}:  # "0.0 million" is as round as any
        return round_tolerance(value)
    digits = written.group()
    if "." in digits:
        step = 10.0 ** -len(digits.partition(".")[2])
    elif digits != digits.rstrip("0"):
        return round_tolerance(value)
    else:
        step = 1.0
    return min(0.5 * step / float(digits), round_tolerance(value) or 0.05)


def _last_digit(value: float) -> float:
    """How far, relatively, a whole number of some unit may be from what it rounds: "5 metres" may be 4.5 to 5.5
    (capped at a tenth: "1 tonne" is no 1.4 tonnes)."""
    return min(0.5 / value, 0.1) if value > 0 and value == int(value) else 0.0


def _measure(value: float, unit_token) -> tuple[float, str, float] | None:
    """A physical measure; "degrees" is a temperature when Celsius or Fahrenheit follows it."""
    following = unit_token.nbor(1).lower_ if unit_token.i + 1 < len(unit_token.doc) else ""
    if unit_token.lower_ in {"degree", "degrees"} and following in {"celsius", "fahrenheit", "centigrade"}:
        return measure(value, following)
    return measure(value, unit_token.text)


def _rate(doc, token) -> str:
    """The denominator of a rate: "$29.11 per gram", "8 million euros a day", "12 million euros for each day"."""
    following = doc[token.i + 1 : token.i + 4]
    if len(following) >= 2 and following[0].lower_ in {"per", "a", "an", "each"} and following[1].pos_ == "NOUN":
        return following[1].lemma_.lower()
    if len(following) == 3 and following[0].lower_ == "for" and following[1].lower_ in {"each", "every"}:
        return following[2].lemma_.lower() if following[2].pos_ == "NOUN" else ""
    return ""


def _yearly(noun) -> str:
    """The period an adjective makes a rate of: "annual savings (of $120m)" are per year."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in _PERIODS:
            return _PERIODS[child.lower_]
    return ""


def _valued(token):
    """The noun a valuation gives a figure to: "put the cost at $12m", "gave its magnitude as 5.8", "estimated the
    damage at 40 million euros"."""
    if token.dep_ != "pobj" or token.head.lower_ not in {"at", "as"} or token.head.head.pos_ != "VERB":
        return None
    objects = [c for c in token.head.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    return objects[0] if objects else None


def _changed(percent) -> str:
    """What a percentage is the size of, when it modifies a change: "a 15 percent rise", "a 9 percent pay increase"
    (the direction of change, in one word)."""
    if percent.dep_ in {"compound", "amod", "nmod", "npadvmod"} and percent.head.pos_ == "NOUN":
        return _CHANGES.get(percent.head.lemma_.lower(), "")
    return ""


def _qualified(noun) -> str:
    """A counted noun with the names and words that narrow it: "Green Alliance deputies", "deputies from the Civic
    Party", "Esterby's residents", "pregnant girls" count other people than "deputies", "residents" or "girls"."""
    names = [t for t in noun.children if t.dep_ in {"compound", "poss"} and t.pos_ == "PROPN"]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}):
        names += [o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
    kinds = [t.lemma_.lower() for t in noun.children if t.dep_ in {"amod", "compound"} and t.pos_ in {"ADJ", "NOUN"}]
    words = [_name(t).lower() for t in names]
    return " ".join([*words, *sorted(kinds), noun.lemma_.lower()])


def _counted(noun) -> str:
    """What a counted noun counts: a tally noun ("the number of customers", "its estimate of fish killed") counts
    what it is of; people who died or were killed, a death toll, the dead: deaths, whatever the noun ("six miners
    died", "at least 11 people were killed"), so that a death toll compares with the people it counts."""
    if noun.lemma_.lower() in _TALLY_NOUNS:
        if _died(noun):  # "the number of people confirmed dead"
            return "death"
        of = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if of:
            return _counted(of[0])
        if any(c.lemma_.lower() in _DEATH_WORDS for c in noun.children if c.dep_ in {"compound", "amod"}):
            return "death"
        return "death" if noun.lemma_.lower() == "toll" else noun.lemma_.lower()
    thing = _qualified(noun)
    if thing == noun.lemma_.lower() and (noun.lemma_.lower() in _DEATH_WORDS or _died(noun)):
        return "death" if thing in _ANYONE else f"death of {thing}"  # a toll counts any dead, not "five civilians"
    return thing


def _died(noun) -> bool:
    """The noun is who died: the subject of "die"/"kill" (passive too), also through "were known to have died",
    or it is described as dead ("people confirmed dead")."""
    if any(c.lemma_.lower() in _DEATH_WORDS for c in noun.subtree if c.dep_ in {"amod", "acomp", "oprd", "acl"}):
        return True
    if noun.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
        return False
    verb = noun.head
    if noun.dep_ != "dobj" and any(c.dep_ in {"oprd", "acomp"} and c.lemma_.lower() == "dead" for c in verb.children):
        return True
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    return any(v.lemma_.lower() in _DEATH_VERBS and (v is verb or noun.dep_ != "dobj") for v in verbs)


def _measured_subject(number):
    """The noun a bare figure is the new value of: "the death toll ... rose to 23", "stands at 40"."""
    prep = number.head
    if number.dep_ != "pobj" or prep.lower_ not in {"to", "at"}:
        return None
    verbs = [v for v in list(prep.ancestors)[:5] if v.lemma_.lower() in _CHANGE_VERBS]
    if not verbs:
        return None  # "revised up the number of customers affected ... to 610,000" climbs to "revised"
    # "the number of people confirmed dead rose to 27": the subject may belong to the verb "rose" hangs from
    for verb in (verbs[0], verbs[0].head if verbs[0].dep_ in {"conj", "ccomp"} else None):
        if verb is None:
            continue
        nouns = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.pos_ in {"NOUN", "PROPN"}]
        nouns.sort(key=lambda c: (c.lemma_.lower() not in _TALLY_NOUNS, c.dep_ != "dobj"))  # what is revised
        if nouns:
            return nouns[0]
    return None


def _described_by(noun):
    """The participle that says what happened to what a figure counts: "45 percent contained", "300 injured"."""
    for child in noun.children:
        if child.dep_ in {"acl", "amod"} and child.tag_ == "VBN":
            return child
    return None


def _whole(last) -> str:
    """What a bare figure is a part of, as "of" and its lemma: "Some 4,000 of them" -> "of them", "Four of the dead"
    -> "of dead"; else ""."""
    of = next((p for p in last.children if p.dep_ == "prep" and p.lower_ == "of"), None)
    whole = next((o for o in of.children if o.dep_ == "pobj"), None) if of is not None else None
    return f"of {whole.lower_ if whole.pos_ == 'PRON' else whole.lemma_.lower()}" if whole is not None else ""


def _is_previous(doc, first) -> bool:
    """The figure a change started from: "up from 10 percent", "down from 40"."""
    before = doc[max(first.i - 2, 0) : first.i].text.lower()
    return before.endswith(("up from", "down from", "compared with", "compared to"))


def _percent_after(doc, last) -> bool:
    following = doc[last.i + 1 : last.i + 3].text.lower()
    return following.startswith(("percent", "per cent", "%"))


def _of_what(token) -> str:
    """For a percent or a fraction: the lemma of the whole it is of ("of the national park" -> park)."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj.lemma_.lower()
    return ""


def _paid_for(token) -> str:
    """What a sum is the price of or is meant for: "$500 for the mid-tier steel model" -> "mid-tier steel model";
    "set aside $5m to pay for the clean-up" and "committed $1.5m to the clean-up" -> "clean up"."""
    holders = [(token, {"for"})]
    holders += [(c, {"for"}) for c in token.children if c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in _PAYING]
    if token.dep_ == "dobj" and token.head.pos_ == "VERB":
        holders.append((token.head, {"for", "to"}))  # the verb gives the sum to something
    for holder, words in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in words:
                objects = [o for o in prep.children if o.dep_ == "pobj" and o.pos_ in {"NOUN", "PROPN"}]
                if objects:
                    return _qualified(objects[0])
    return ""


# verbs that say what a sum is for: "$5m to pay for the clean-up", "$2bn to cover the losses"
_PAYING = frozenset({"pay", "cover", "fund", "finance", "compensate"})


def _measured(token) -> str:
    """What a unit or an amount of money measures: the noun it belongs to ("a budget of $1.2bn" -> budget)."""
    node = token
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in {"NOUN", "PROPN"}:
        return node.head.head.lemma_.lower()
    if node.dep_ in {"compound", "amod", "nmod", "npadvmod"} and node.head.pos_ == "NOUN":
        return node.head.lemma_.lower()
    if node.dep_ == "pobj" and node.head.head.pos_ == "NOUN":  # "the cost ... at 15 million dollars"
        return node.head.head.lemma_.lower()
    return ""


def _is_part(doc, last, head) -> bool:
    """A part of a whole: "four of the dead", "Of those, 12,905 crossed the line"."""
    for token in (last, head):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "out"}:
                return True
    return doc.text.lower().startswith(("of those", "of them", "of these", "of the"))


def _of_a_superlative(last) -> bool:
    """A figure of the largest or strongest of a set: "more than 40 aftershocks, the strongest of magnitude 4.9"."""
    return any(t.tag_ == "JJS" for t in [*list(last.ancestors)[:3], *last.head.children])


def _is_increment(doc, first, last) -> bool:
    """An addition, not a total: "two more bodies", "another 3,000 troops", "14 additional officers"."""
    after = doc[last.i + 1].lower_ if last.i + 1 < len(doc) else ""
    before = doc[first.i - 1].lower_ if first.i > 0 else ""
    return after in {"more", "additional", "extra", "further", "other"} or before in {"another", "additional"}


def _tallies(text: str) -> list[Tally]:
    kind = "vote" if _VOTE_WORDS.search(text) else "score"
    tallies = []
    for match in _TALLY.finditer(text):
        first = number_value([match.group("a") or match.group("w")])
        second = number_value([match.group("b")])
        if first is None or second is None or first < second and "to" not in match.group(0):
            continue  # "10-15 people" is a range, a score is written winner first
        tallies.append(Tally(match.group(0), int(first), int(second), kind))
    for match in _APIECE.finditer(text):
        value = number_value([match.group("a")])
        if value is not None:
            tallies.append(Tally(match.group(0), int(value), int(value), kind))
    if not tallies and re.search(r"\bunanimous(ly)?\b", text, re.I):
        tallies.append(Tally("unanimous", -1, 0, "vote"))
    return tallies


# a common noun that a name before it makes a place: "in the Kursk region", "near Arnby town"
_PLACE_NOUNS = frozenset({"region", "province", "city", "town", "village", "district", "county", "state", "area"})


def _places(doc) -> list[Place]:
    places = []
    for token in doc:
        if token.pos_ == "PROPN" and token.dep_ == "compound" and token.head.lower_ in _PLACE_NOUNS:
            head = token.head  # "in the Kursk region": Kursk, where the region is
            if head.dep_ == "pobj" and head.head.lower_ in _PLACE_PREPS and token.lower_ not in CALENDAR:
                places.append(Place(f"{head.head.text} {_name(token)}", _name(token), head.head.lower_))
            continue
        if token.pos_ != "PROPN" or token.dep_ != "pobj" or any(c.dep_ == "compound" for c in token.head.children):
            continue
        if any(c.dep_ == "nummod" for c in token.children) or token.lower_ in CALENDAR:
            continue  # "in Game 4": a name with a number is an identifier; "in September" is a time
        name = _name(token)
        prep = token.head
        relation = prep.lower_
        direction = prep.head if relation == "of" else None
        if direction is not None and direction.lower_ in _DIRECTIONS:
            places.append(Place(f"{direction.text} of {name}", name, direction.lower_))
        elif relation in _PLACE_PREPS:
            places.append(Place(f"{prep.text} {name}", name, relation))
        elif relation == "of" and prep.head.dep_ == "pobj" and prep.head.head.lower_ in _PLACE_PREPS:
            places.append(Place(f"{prep.head.head.text} {prep.head.text} of {name}", name, prep.head.head.lower_))
    return places


def _cause(doc) -> dict[str, str]:
    for token in doc:
        if token.lemma_.lower() in CAUSE_VERBS and token.pos_ == "VERB":
            agent = [c for c in token.children if c.dep_ == "agent"]
            effect = [c for c in token.children if c.dep_ in {"nsubjpass", "dobj"}]
            cause = [o for a in agent for o in a.children if o.dep_ == "pobj"] or [
                c
                for c in token.children
                if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in _CAUSE_SUBJECT_VERBS
            ]
            if cause:
                return {"cause": _phrase(cause[0]), "effect": effect[0].lemma_.lower() if effect else ""}
        pair = (token.lemma_.lower(), token.nbor(1).lower_ if token.i + 1 < len(token.doc) else "")
        if pair in _CAUSE_PREPS:
            objects = [t for t in token.doc[token.i + 1 :] if t.dep_ == "pobj"]
            if objects:
                return {"cause": _phrase(objects[0]), "effect": ""}
    return {}


def _phrase(token) -> str:
    """A cause's words: the noun with its compounds and adjectives ("power line", "corroded support cable")."""
    words = [t for t in token.subtree if t.i <= token.i and t.dep_ in {"compound", "amod"} or t == token]
    return " ".join(t.lemma_.lower() for t in words)


def _emphatic(token) -> bool:
    """A "no" that negates nothing ("no doubt", "no denying", "no matter what", "none other than")."""
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    return f"{token.lower_} {following}" in NEGATION_IDIOMS


def _polarity(doc, root) -> str:
    lemmas = {t.lemma_.lower() for t in doc}
    arguments = {root.i, *(c.i for c in root.children)}
    negative_word = any(
        t.lower_ in {"no", "none", "never", "nobody", "nothing"}
        and not (t.i + 1 < len(doc) and doc[t.i + 1].text == "-")  # "a no-confidence vote" negates nothing
        and not _emphatic(t)
        and (t.head.i in arguments or t.dep_ == "det" and _argument_of(t.head, root))  # "No tsunami warning was ..."
        for t in doc
    )
    not_verb = any(c.dep_ == "neg" and not _emphatic(c) for c in root.children) and not _not_until(root)
    negated = not_verb or negative_word
    if root.i > 0 and _emphatic(root.nbor(-1)):  # "there's no denying it's a powerful image"
        return "negated" if negated else "asserted"
    if root.lemma_.lower() in _DENY or _DISMISSAL_AT.match(root.doc.text, root.idx) or _calls_false(root):
        return "denied"
    if "unconfirmed" in lemmas or (root.lemma_.lower() in _CONFIRM | {"decline"} and (negated or "decline" in lemmas)):
        return "unconfirmed"
    return "negated" if negated else "asserted"


def _not_until(root) -> bool:
    """ "Not ... until" says when it happens, not that it does not: "Production will not begin until January", "They
    did not confirm that Godane had been killed until Friday" (they confirmed it on Friday)."""
    verbs = [root, *(c for c in root.children if c.dep_ in {"xcomp", "ccomp"})]
    return any(
        c.lower_ in {"until", "till", "til"} for verb in verbs for c in verb.children if c.dep_ in {"prep", "mark"}
    )


def _calls_false(root) -> bool:
    """The root calls its subject or object false: "the report is false", "called the claims a fabrication", "it is
    not true that ..."."""
    if root.lemma_.lower() not in _CALLING_VERBS:
        return False
    negated = any(c.dep_ == "neg" for c in root.children)
    complements = [c for c in root.children if c.dep_ in {"acomp", "attr", "oprd", "ccomp", "xcomp"}]
    if negated:
        return root.lemma_.lower() == "be" and any(c.lower_ in _TRUE_WORDS for c in complements)
    return any(_FALSE_WORDS.match(c.text) for c in complements)


def _argument_of(noun, root) -> bool:
    """The noun (or the noun it is a compound of) is the subject or object of the root."""
    if noun.dep_ == "compound":
        noun = noun.head
    return noun.head == root and noun.dep_ in {"nsubj", "nsubjpass", "dobj"}


def _modality(doc, root) -> str:
    if any(t.lower_ in {"if", "unless"} for t in doc):
        return "condition"
    kind = _MODAL_VERBS.get(root.lemma_.lower())
    if kind:  # "Management has offered 6 percent", "The strike is scheduled to last 48 hours"
        return kind
    if any(_MODAL_VERBS.get(t.lemma_.lower()) == "rumour" for t in doc):  # "Rumours had spread that ..."
        return "rumour"
    if any(t.lower_ in _GUESS and t.head == root for t in doc):
        return "guess"
    if any(t.lower_ in {"will", "'ll"} and t.head == root for t in doc):
        return "forecast"
    return "fact"
