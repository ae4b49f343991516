"""Separate who says a claim from what is claimed.

"Gerasimov said the soldiers fought" -> content "The soldiers fought", speaker Gerasimov, cue "said".
Reporting cues ("said", "according to", "believe", quotes) are stripped from the claim text; stance cues
("confirmed", "denied", "acknowledged") keep the whole sentence, because the verb is the claim.
Pronoun speakers ("he was quoted as saying") resolve to the person the previous sentences named.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import accumulate

from ..compare.vocabulary import (
    ABBREVIATIONS,
    CALENDAR,
    COMMON_CAPITALISED,
    DISMISSALS,
    DOUBTS,
    MONTHS,
    RELATIVE_DAYS,
    REPORT_PHRASE,
    WEEKDAYS,
)
from ..records import Attribution

# verbs that introduce reported speech without "that" ("X said the troops left")
BARE_REPORTING = (
    r"said|says|say|told reporters|stated|believed|believes|believe|estimated|estimates|estimate|"
    r"insisted|added|adds|wrote|writes|tweeted|posted"
)
REPORTING = (
    r"said|says|say|told reporters|told|stated|states|added|adds|noted|reported|reports|wrote|writes|"
    r"explained|announced|announces|claimed|claims|insisted|warned|argued|alleged|estimated|estimates|"
    r"estimate|believed|believes|believe|tweeted|posted|quoted as saying|was quoted as saying|"
    r"were quoted as saying|is quoted as saying"
)
# stance verbs in each form a subject takes ("Saudi officials deny the claim", "Amazon quickly refuted the report",
# "Johnson disputes that"); "confirm" is a reporting verb ("Officials confirm the attack took place"); not "admit" or
# "acknowledge", which open a clause as often ("In what Cumbria Police admit is 'very unusual behaviour', the man ...")
STANCE = (
    r"confirmed|confirms|denied|denies|deny|acknowledged|acknowledges|admitted|admits|"
    r"rejected|rejects|reject|disputed|disputes|dispute|refuted|refutes|refute"
)
PRONOUNS = {"he", "she", "they", "him", "her", "them", "it"}
_SPEAKER = r"(?P<speaker>[A-Z“\"]?[^,;:“”\"]{1,80}?)"
# when it was said ("on Tuesday", "in a statement", "late last night", "on Tuesday night"), but never the first word
# of what was said: "Police said on Tuesday no one was killed" says no one was killed, "said on Monday a man had been
# arrested" that a man had; a second word is one of when or where it was said
_WHEN_SAID = (
    r"night|morning|afternoon|evening|week|weekend|month|year|statement|interview|briefing|email|letter|report|"
    r"tweet|post|speech|release|conference|call|message|video|filing|court|hearing|parliament|session|broadcast|"
    r"blog|website|column|article|show|programme|program|podcast|account|page|editorial|newsletter|book|memoir"
)
_TAIL = (
    rf"(?:\s+(?:on|in|late|early|last|this)\s+\w+(?:\s+\d{{1,2}}\b|\s+(?:{_WHEN_SAID})\b)?"  # "on July 8"
    r"|\s+(?:earlier|later)(?=\s+(?:this|on|in|last)\b)"  # "said earlier this week", "earlier on Saturday"
    # a bare weekday, American style ("said Tuesday that ...", "said Monday night he ..."), not a possessive one:
    # "said Tuesday's attack was ..." says something of Tuesday's attack
    rf"|\s+(?i:{'|'.join(WEEKDAYS)})(?:\s+(?:morning|afternoon|evening|night))?\b(?!['’]|\s+(?:{_WHEN_SAID})\b))"
    r"{0,2}"
)

# a clause after the source describes it, as in the tail below: "According to Michael Madden, who tracks the
# country's officials with his North Korea Leadership Watch blog, Kim Yo-jong is ..."
_ACCORDING_LEAD = re.compile(
    r"^According to (?P<speaker>[^,]{2,80})(?:,\s+(?:which|who)\s[^,]+)?,\s*(?P<content>.+)$", re.S
)
# "..., according to the Department of Homeland Security, which oversees border security.": the clause describes the
# source and is no part of the claim (one that reports or counts something is: "..., which said 20 more were hurt")
_ACCORDING_TAIL = re.compile(
    r"^(?P<content>.+?),?\s+according to (?P<speaker>[^,]{2,80}?)"
    r"(?:,\s+(?:which|who)\s(?![^,]*(?:\d|\b(?:said|says|added|reported)\b))[^,]+)?[.!]?$",
    re.S,
)
_QUOTE = re.compile(r"^[“\"](?P<content>.+?)[,.]?[”\"],?\s+(?P<rest>[^“”\"]+?)[.!]?$", re.S)
# the last sentence of a quotation that opened sentences before: 'We will win,” she said.', '— feeling happy,'
# Riguelme later wrote on his Facebook page.' (a mark after a comma or a stop closes it; no mark opens one before)
_QUOTE_CLOSE = re.compile(
    r"^(?P<content>(?:[^“”\"‘'’]|(?<=\w)['’](?=\w))+?[,.!?])[”\"'’]\s+(?P<rest>[^“”\"'‘’]+?)[.!]?$", re.S
)  # no quotation mark in what was said (an apostrophe inside a word is one: "didn't")
_LEAD_BARE = re.compile(
    rf"^{_SPEAKER}(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere)(?<!\bbeen)\s+(?P<cue>{BARE_REPORTING}){_TAIL}"
    rf"(?!\s+to\b)(?:\s*,)?\s+(?:that\s+)?(?P<content>.+)$",
    re.S,
)
# "that year" / "that day" is a time, not the start of what was said ("last tweeted on August 3 that year, when ...")
_THAT = r"that\s+(?!(?:year|day|week|month|night|morning|afternoon|evening|time)\b)"
_LEAD_THAT = re.compile(rf"^{_SPEAKER}\s+(?P<cue>{REPORTING}){_TAIL}\s+{_THAT}(?P<content>.+)$", re.S)
_APPOSITION_LEAD = re.compile(
    rf"^(?P<speaker>[A-Z][^,;:“”\"]{{1,60}}),\s+(?P<role>[^,;“”\"]{{2,90}}),\s+"
    rf"(?:(?P<cue>{BARE_REPORTING}){_TAIL}(?:\s*,)?\s+(?:that\s+)?|(?P<cue_that>{REPORTING}){_TAIL}\s+{_THAT})"
    rf"(?P<content>.+)$",
    re.S,
)
# what may stand between a speaker and the verb, not part of either: "has", "also", "has repeatedly" (an adverb in
# lower case: "Megyn Kelly" keeps her name)
_SPEAKER_TAIL = re.compile(
    r"(\s+(also|previously|later|earlier|soon|again|further|first|now|then|just|already|has|have|had|"
    r"would|will|had also|has also|have also|(?-i:[a-z]+ly)))+$",
    re.I,
)
_STANCE_LEAD = re.compile(
    rf"^{_SPEAKER}\s+(?P<negated>(?:(?:has|have|had)\s+)?not\s+(?:yet\s+|publicly\s+|officially\s+)?)?"
    rf"(?:(?:has|have|had)\s+)?(?P<cue>{STANCE})\b",
    re.S,
)
# "The ministry dismissed media reports that the minister had resigned": the ministry is the speaker, not "The
# ministry dismissed media" (the noun "reports" read as the verb of _LEAD_THAT), and what the reports say is the
# claim, which `claims.facts.framed` marks denied
_DISMISSAL_LEAD = re.compile(
    rf"^{_SPEAKER}\s+(?:(?:has|have|had)\s+(?:also\s+)?)?(?P<cue>{DISMISSALS})\s+{REPORT_PHRASE}\s+(?:that|of)\s+"
    rf"(?P<content>.+)$",
    re.S,
)
# "Amazon quickly shot down that rumor.", "The ministry dismissed the reports on Friday.": a dismissal that names no
# content is a stance, like "denied the reports": the whole sentence is the claim and its subject the speaker
_DISMISSAL_STANCE = re.compile(
    rf"^{_SPEAKER}\s+(?:(?:has|have|had)\s+(?:also\s+)?)?(?P<cue>{DISMISSALS})\s+(?:{REPORT_PHRASE}|it|this|that)\b",
    re.S,
)
# "International experts have raised doubts as to whether a crater ... was caused by a meteor": the experts doubt
# what follows, which `claims.facts.framed` marks unconfirmed; the claim keeps its doubt
_DOUBT_LEAD = re.compile(rf"^{_SPEAKER}\s+(?:(?:has|have|had)\s+(?:also\s+)?)?(?P<cue>{DOUBTS})\s+\S", re.S)
_TRAIL_SAID = re.compile(
    rf"^(?P<content>.+?),\s+{_SPEAKER}\s+(?P<cue>{REPORTING})(?P<extra>(?:\s+[^,\s]+){{0,8}})[.!]?$", re.S
)
_TRAIL_SAID_INVERTED = re.compile(r"^(?P<content>.+?),\s+(?P<cue>said|says)\s+(?P<speaker>[^,]{2,80}?)[.!]?$", re.S)
_CUE_IN_REST = re.compile(rf"^(?P<speaker>[^,]+?)\s+(?P<cue>{REPORTING})(?P<extra>.*)$", re.S)
_QUOTED_BY = re.compile(r"\bby (?:the )?(?P<source>[A-Z][\w’'.]*(?:\s+[A-Z][\w’'.]*)*(?: news agency)?)")
_QUOTING = re.compile(r"\bquoting (?P<source>[A-Z][\w’'.]*(?:\s+(?:and\s+)?[A-Z][\w’'.]*)*)")
_QUOTING_ANY = re.compile(r"\bquoting (?P<source>him|her|them|[A-Z][\w’'.]*(?:\s+[A-Z][\w’'.]*)*)")
_NAME = re.compile(r"^(?P<name>[A-Z][a-z’'.]+(?:-[A-Z]?[a-z’'.]+)*(?:\s+[A-Z][a-z’'.]+(?:-[A-Z]?[a-z’'.]+)*)+)")
_DATELINE = re.compile(r"^(?:[A-Z][A-Za-z .]{1,30}(?:\s*\([A-Za-z .]+\))?\s*(?:--|[:—–-])\s+)(?=[A-Z“\"])")
# "A spokesman said: “We are looking into the matter.”" (a colon where American style has a comma); up to four words
# may follow the verb ("told the BBC:", "wrote on Facebook:")
_COLON_LEAD = re.compile(
    rf"^{_SPEAKER}\s+(?P<cue>{REPORTING})(?P<extra>(?:\s+[^\s:;“”\"]+){{0,4}})\s*:\s+(?P<content>[“\"‘'A-Z].+)$", re.S
)


# a sentence that only introduces a quotation to come, in the next paragraph: "While noting his ruling, he added,",
# "Via Yahoo News, she explains:"
_INTRODUCES = re.compile(
    rf"(?:^|[,;]\s+)(?:as\s+)?(?P<speaker>[^,;:“”\"]{{1,60}}?)\s+(?P<cue>{REPORTING}|explain(?:s|ed)|repl(?:ies|ied)|"
    rf"continu(?:es|ed)|recall(?:s|ed))(?:\s+[^\s,:;“”\"]+){{0,8}}\s*[:,]$"
)  # "...; as friend of the site Dave Armon of Critical Mention wrote in one of those rare comments worth reading:"
# words that open a subordinate clause: a report inside one ("Weeks after Sorkin said that Bale would play Jobs, Bale
# has dropped from the project", "Though reps for the actor denied the April reports, they have not ...") is not
# the sentence's; its main clause is
_CLAUSE_OPENERS = frozenset(
    {"after", "before", "although", "though", "while", "whilst", "since", "because", "until", "unless", "once"}
    | {"whereas", "as", "when", "if"}
)
# a sentence may open on a clause ("Although Thomas' tale spread ...", "Since Apple ..."): its first word names no one
_SUBORDINATORS = frozenset(word.capitalize() for word in _CLAUSE_OPENERS | {"whether", "despite"})
_NOT_A_NAME_START = (COMMON_CAPITALISED | _SUBORDINATORS) - {"Mr", "Mrs", "Ms", "Dr", "The"}  # "The Pentagon" is one


@dataclass(frozen=True)
class Attributed:
    """A sentence split into its asserted content and who asserts it."""

    content: str
    attribution: Attribution | None
    # what the writer tells beside the report, a claim of its own: "Col. Steve Warren could not confirm the deaths"
    # of "... could not confirm the deaths and said ISIS leaders had not been targeted"
    narration: str = ""


def strip_dateline(sentence: str) -> str:
    """'Seoul: Russia confirmed ...' -> 'Russia confirmed ...' ('He said: ...' is a speaker, not a dateline)."""
    match = _DATELINE.match(sentence)
    if not match or len(sentence) - match.end() <= 20 or _COLON_LEAD.match(sentence):
        return sentence
    return sentence[match.end() :]


def _finish(content: str) -> str:
    content = re.sub(r",\s*”$", "”", content.strip(" ,;:—–-"))
    if content.count("“") > content.count("”"):  # a quote closed after the attribution we cut
        content = content.rstrip(".") + "”"
    content = content.strip()
    if content.startswith("“") and content.count("“") == 1 and "”" not in content:
        content = content[1:]
    if not content:
        return content
    content = content[0].upper() + content[1:]
    return content if content.rstrip('”"')[-1:] in (".", "!", "?", "…") else content + "."


GENERIC_SOURCES = {
    "reports",
    "officials",
    "sources",
    "analysts",
    "experts",
    "police",
    "witnesses",
    "residents",
    "media",
    "authorities",
    "observers",
    "critics",
    "investigators",
    "researchers",
    "scientists",
}


_CLAUSE_WORDS = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# verbs of saying that are never part of a name or a title (lower case: "Brigadier General Said Al-Saudi" is a name)
_SAID = frozenset({"said", "says", "told", "tells"})
_DANGLING = frozenset(
    {"and", "or", "but", "who", "which", "that", "to", "when", "if", "-", "–", "—"}
    | {"a", "an", "the"}  # "An estimated 210,000 patients": a determiner says nothing
    | {"its", "his", "their", "our", "my", "your"}  # "The agency revised its estimate of ...": a noun, not a verb
    # an auxiliary or modal before the reporting verb: "No one can say they knew me as a man" asserts nobody says so
    | {"did", "does", "do", "would", "could", "will", "can", "cannot", "may", "might", "must", "should", "shall"}
    # a preposition before the noun "reports" or "claims", read as the verb: "Chinese social media Weibo went crazy
    # with" reports ..., "Perth scientists have cast doubt over" claims ...
    | {"with", "over", "at", "from", "of", "on", "in", "by", "for", "about", "into"}
)


def _plausible_speaker(speaker: str) -> bool:
    """A noun phrase that can say something. Real news gave these non-speakers: "the report has now been"
    (passive: said of it, not by it), "It's being widely", "Many people are missing and we" (a clause),
    "Needless to", "Josh approached the homeless man and" (dangling word), "“Maybe the officer" (a quote)."""
    words = speaker.split()
    lowered = [w.lower().strip(",;:") for w in words]
    opening = set(" ".join(lowered).replace("as well as", "and").split()) & _CLAUSE_OPENERS  # "after Sorkin said"
    if not words or set(lowered) & _CLAUSE_WORDS or opening or lowered[-1] in _DANGLING or speaker[0] in "\"“”'‘":
        return False
    if set(words[1:]) & _SAID:  # a report of a report: "Sgt. Michael Woody said that police" (confirmed ...)
        return False
    if any(w in ("not", "never") or w.endswith(("n't", "n’t")) for w in lowered):
        # a negated report is no report: "Francis did not say if dogs could go to hell", "The US has not publicly
        # stated it is flying drones" (nobody said so; the whole sentence is the claim)
        return False
    if speaker.lower() in PRONOUNS:
        return True
    if re.match(r"(?:it|that|there|this)['’]s\b", lowered[0]):  # "It's alleged that ...": said by no one named
        return False
    if speaker[:1].islower():  # "media reports said", "local officials said", "the ministry said"
        if words[0] in ("the", "a", "an", "his", "her", "their", "its") and len(words) <= 5:
            return True
        return 1 <= len(words) <= 3 and words[-1].lower() in GENERIC_SOURCES
    return 1 <= len(words) <= 9


@dataclass(frozen=True)
class _Split:
    content: str
    speaker: str
    cue: str
    keep_sentence: bool = False
    via: str = ""


# when it was said, after who said it: "according to Fox News on Aug. 24", "The Pentagon on Friday said", "A United
# Nations report on Iraq this month" ("The Mail on Sunday" is a newspaper's name; "on Sunday morning" a time)
_MONTH = "|".join(f"{m[:3]}(?:{m[3:]})?" for m in MONTHS) + "|sept"
_WORKDAYS = "|".join(w for w in WEEKDAYS if w != "sunday")
_WHEN_TAIL = re.compile(
    rf"\s+(?:(?i:on|in|from)\s+(?:(?i:{_WORKDAYS})|(?i:{_MONTH})\.?(?:\s+\d{{1,2}})?"
    r"(?:,?\s+\d{4})?|\d{4})|(?i:this|last|earlier this)\s+(?i:week|month|year|morning)|on\s+Sunday(?=\s+\w))"
    r"(?:\s+(?i:morning|afternoon|evening|night))?$"
)
# when, before the one who said it ("Last week the US said ...", "On Monday police said ..."), and the auxiliary
# after them ("..., his sister has said."): neither is part of the speaker
_WHEN_LEAD = re.compile(
    r"^(?:(?i:on|last|early|late|earlier|later|this|next)\s+(?:(?i:this|last|next|that)\s+)?"
    rf"(?i:{'|'.join((*WEEKDAYS, *RELATIVE_DAYS))}|week|month|year|morning|afternoon|evening|night|weekend)"
    r"(?:\s+(?i:morning|afternoon|evening|night))?(?:\s+\([^()]{1,30}\))?,?|"  # "On Monday", "Last week",
    # "Earlier this week", "On Tuesday (December 02)"
    rf"(?i:{'|'.join((*WEEKDAYS, *RELATIVE_DAYS))}),)\s+(?=\S)"  # "Yesterday, police said" (not "Sunday Times")
)
_AUXILIARY_TAIL = re.compile(r"\s+(?:has|have|had)$", re.I)
# who is quoted and by whom, before "as saying": "The Mirror quotes the source as", "Jose Millan was quoted by the
# BBC as" -> "the source (via The Mirror)", "Jose Millan (via the BBC)"
_QUOTES_AS = re.compile(r"^(?P<via>[^,]+?)\s+quot(?:es|ed)\s+(?P<who>[^,]+?)\s+as$")
_QUOTED_BY_AS = re.compile(r"^(?P<who>[^,]+?)\s+(?:is|was|were|are)\s+quoted\s+(?:by|in)\s+(?P<via>[^,]+?)\s+as$")
# words before a name that are no part of it: "However they said ...", "Instead Ilic ...", "Neither Ferguson nor ..."
_DISCOURSE = re.compile(
    r"^(?:however|but|and|so|separately|meanwhile|still|yet|also|instead|neither|either|both|only|even),?\s+(?=\S)",
    re.I,
)


def attribute(sentence: str, previous_names: list[str] | None = None) -> Attributed:
    """Split one sentence into content and attribution; `previous_names` resolves pronoun speakers."""
    sentence = strip_dateline(sentence.strip())
    split = _match(sentence)
    if split is None:
        return Attributed(sentence, None)
    speaker = _DISCOURSE.sub("", " ".join(split.speaker.split()).strip(" ,."))  # "However they said ..."
    speaker = _WHEN_LEAD.sub("", _AUXILIARY_TAIL.sub("", speaker)) or speaker  # "On Monday the ministry said"
    speaker = _WHEN_TAIL.sub("", speaker) or speaker  # "according to Fox News on Aug. 24"
    if quoted := _QUOTED_BY_AS.match(speaker) or _QUOTES_AS.match(speaker):
        speaker, split = quoted.group("who"), replace(split, via=split.via or quoted.group("via"))
    last = speaker.rsplit(" ", 1)[-1]
    if last.lower() in ("he", "she") and speaker[:1].isupper():  # "Listening to the message he said: ..."
        speaker = last
    if split.via:
        speaker = f"{speaker} (via {split.via.strip(' ,.')})"
    attribution = Attribution(resolved_speaker(speaker, previous_names or []), split.cue)
    if split.keep_sentence or len(split.content.split()) < 3:
        return Attributed(_finish(split.content) if split.keep_sentence else sentence, attribution)
    return Attributed(_finish(split.content), attribution)


def introduced_speaker(sentence: str, previous_names: list[str] | None = None) -> Attribution | None:
    """Who a sentence ending in "SPEAKER said:" (or "said,") introduces, when nothing it says follows in the same
    sentence: the quotation opening the next paragraph is theirs."""
    if not sentence.rstrip().endswith((":", ",")):  # most sentences: no search along them
        return None
    match = _INTRODUCES.search(sentence.strip())
    if match is None or not _plausible_speaker(speaker := _trim_speaker(match.group("speaker"))):
        return None
    speaker = _DISCOURSE.sub("", speaker)
    if speaker.lower() in PRONOUNS:
        if not previous_names:
            return None
        speaker = named(speaker.lower(), previous_names)
    return Attribution(speaker, match.group("cue"))


_CLOSING_STRAIGHT = {'."', '!"', '?"', ',"'}  # not an inch mark: 'The pipe measures 12"'


def unquoted(content: str) -> str:
    """'“We are looking into it.”' -> 'We are looking into it.': the quotation marks around the whole content, or the
    one that opens (or closes) a quotation running over several sentences; "‘...’" too."""
    text = content.strip()
    opens, closes = text.count("“"), text.count("”")
    if text[:1] in '“"' and text[-1:] in '”"' and opens <= 1 and closes <= 1 and text.count('"') in (0, 2):
        return text[1:-1].strip()
    if text[:1] == "“" and opens == 1 and closes == 0 or text[:1] == '"' and text.count('"') == 1:
        return text[1:].strip()  # a quotation that goes on, in curly or straight marks
    if text[-1:] == "”" and closes == 1 and opens == 0 or text[-2:] in _CLOSING_STRAIGHT and text.count('"') == 1:
        return text[:-1].strip()
    if text[:1] in "‘'":  # single quotes (British style); "’" is also an apostrophe, so only with an opening one
        return text[1:-1].strip() if text[-1:] in "’'" else text[1:].strip()
    if re.search(r"[.!?,]['’]$", text):  # the sentence that closes a single-quoted quotation
        return text[:-1].strip()
    return text


_TITLE_GENDER = {"Mr": "he", "Mrs": "she", "Ms": "she", "Miss": "she"}


def resolved_speaker(speaker: str, names: list[str]) -> str:
    """A speaker with its pronouns as the ones the article named (`named`): "he", and the outer voice of a report of
    a report, "investigations (via he)" ("he said investigations showed ..."); one voice twice is one."""
    if not names or not speaker:
        return speaker
    inner, via = re.fullmatch(r"(.+?)(?: \(via (.+)\))?", speaker, re.S).groups()
    inner, via = (named(w.lower(), names) if w is not None and w.lower() in PRONOUNS else w for w in (inner, via))
    return inner if via is None or via == inner else f"{inner} (via {via})"


def named(pronoun: str, names: list[str]) -> str:
    """The one a pronoun speaker stands for: the last one named, but "he" or "she" is not a group ("Some analysts
    said ..." then "He added: ..." is the rapper quoted before them, not the analysts) nor an institution ("TMZ", "The
    Independent"); with no one fit, the pronoun itself."""
    if pronoun in ("he", "she"):
        for name in reversed(names):
            titled = _TITLE_GENDER.get(name.split()[0].rstrip("."))  # "Ms Rosenberg" is no "he"
            if not _group_or_body(name) and _head(name).lower() not in _TEXTS and titled in (None, pronoun):
                return name
        return pronoun.capitalize()
    if pronoun in ("they", "them"):  # a group or a body, never one person ("However they said" is not "Oliver Ilic")
        return next((name for name in reversed(names) if _group_or_body(name)), pronoun.capitalize())
    return names[-1]


def _head(name: str) -> str:
    """The noun that heads a name, before what describes it: "Wilfried Strauch, an adviser to the institute of ...",
    "An American who is fighting in the ranks of the Kurds", "members of a volunteer armed militia"."""
    return (re.split(r",| of | who | which | that ", name)[0].split() or name.split() or [""])[-1]


# texts and records that "say" something ("according to a criminal court database", "The amendment says ..."): no
# "he" or "she" means one
_TEXTS = frozenset(
    "report reports database record records document documents statement study survey poll website site article "
    "story post video footage tape release filing letter email memo blog tweet book paper amendment bill law data "
    "analysis audio recording photo picture image map chart column editorial newsletter page message".split()
)


def _group_or_body(name: str) -> bool:
    """Many people or an institution, not one person: "Ex-ISIS hostages", "Police", "TMZ", "The Independent",
    "members of a volunteer armed militia"."""
    last = _head(name)
    plural = last.islower() and last.endswith("s") and not last.endswith("ss")
    return plural or last.lower() in GENERIC_SOURCES or name.isupper() or re.match(r"The [A-Z]", name) is not None


# the roles a person is named with ("Army Col. Steve Warren", "State Prosecutor Inaky Blanco") and then called by
# ("the colonel added"), with their abbreviations; not a body ("The army said", "The police said" are no one
# named "Army ..." or "Police Chief ...")
_PERSON_TITLES = frozenset(
    "colonel general lieutenant sergeant captain major admiral commander governor senator representative congressman "
    "congresswoman doctor professor detective inspector superintendent attorney prosecutor judge sheriff mayor "
    "minister president spokesman spokeswoman spokesperson commissioner secretary ambassador director chairman "
    "analyst chief lawyer coach manager vet pastor priest imam bishop rabbi".split()
)
_SHORT_TITLES = {short: title for short, title in ABBREVIATIONS.items() if title in _PERSON_TITLES} | {
    "capt": "captain", "maj": "major", "adm": "admiral", "dr": "doctor", "prof": "professor", "det": "detective",
    "insp": "inspector", "supt": "superintendent", "atty": "attorney",
}  # fmt: skip
# words that follow a role but name no one ("the doctor Sunday")
_NOT_A_NAME = frozenset(CALENDAR) | frozenset(RELATIVE_DAYS)
_DESCRIPTION = re.compile(r"[Tt]he (?P<role>[a-z]+)")
_NAME_WORD = r"[A-Z][\w'’-]+"
_CORPORATE = r"(?:Inc|Corp|Co|Ltd|LLC|plc)\b"
# a company as a name carries it ("Google Inc.") and as the article then calls it ("the company said")
_COMPANY = re.compile(rf"\b(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})[ \t]+{_CORPORATE}")
_COMPANY_WORDS = frozenset({"company", "firm", "corporation"})
_CORPORATE_NAME = re.compile(rf"[ \t]{_CORPORATE}")


class RoleNames:
    """Who an article means by a role it calls a speaker ("the colonel added", "The prosecutor has said", "The
    company said"): the one it named with that title before, the last "Col. Steve Warren" / "State Prosecutor Inaky
    Blanco" (the title right before the name, on one line, not in a headline), or for a company the most mentioned of
    those it named "X Inc.", "X Corp."...; with no such name, the description itself. Made once per article, which
    it scans once per role however many sentences ask."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._titled: dict[str, list[tuple[int, str]]] = {}
        self._companies: list[tuple[int, str]] | None = None
        self._mentions: dict[str, list[int]] = {}  # where each company's first word is written

    def resolve(self, speaker: str, end: int) -> str:
        """The speaker of a sentence starting at `end`."""
        match = _DESCRIPTION.fullmatch(speaker)
        if match is None:
            return speaker
        role = match.group("role")
        if role in _COMPANY_WORDS:
            named_before = [(at, name) for at, name in self.companies() if at < end]
            if not named_before:
                return speaker
            # the one the story is about: "Google Inc. bought ... from Starwood Capital Group LLC" is about Google (the
            # most mentioned; the first named of those mentioned as often)
            return max(named_before, key=lambda found: self._mentions_before(found[1], end))[1]
        if role not in _PERSON_TITLES:
            return speaker
        if role not in self._titled:
            self._titled[role] = self._names_after(role)
        titled = self._titled[role]
        before = bisect_left(titled, (end,))
        return titled[before - 1][1] if before else speaker

    def companies(self) -> list[tuple[int, str]]:
        if self._companies is None:
            self._companies = [
                (m.start(), m.group("name"))
                for m in _COMPANY.finditer(self.text)
                if m.group("name").split()[0] not in COMMON_CAPITALISED and not _in_headline(self.text, m.start())
            ]
        return self._companies

    def _mentions_before(self, name: str, end: int) -> int:
        """How often the article writes the name's first word, as a word, before `end`."""
        word = name.split()[0]
        if word not in self._mentions:
            self._mentions[word] = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", self.text)]
        return bisect_left(self._mentions[word], end)

    def _names_after(self, role: str) -> list[tuple[int, str]]:
        """Each name the article writes right after the title `role` (or its abbreviation), with where it is."""
        titles = "|".join([role, *(rf"{short}\." for short, title in _SHORT_TITLES.items() if title == role)])
        # "spokesman Maj. Gen. Chris Olukolade": the abbreviated ranks between the role and the name are skipped
        name = rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})"
        pattern = re.compile(rf"\b(?i:{titles})[ \t]+(?:[A-Z][a-z]{{1,3}}\.[ \t]+)*{name}")
        text = self.text
        return [
            (found.start(), found.group("name"))
            for found in pattern.finditer(text)
            if found.group("name").split()[0] not in COMMON_CAPITALISED
            and not _CORPORATE_NAME.search(text, found.start("name"), found.end("name") + 6)  # "General Motors Co."
            and found.group("name").split()[0].lower() not in _NOT_A_NAME
            and not _in_headline(text, found.start())
        ]


def _in_headline(text: str, at: int) -> bool:
    """The line around `at` capitalises most of its words ("Judge Rules Against Trump In Travel Ban Case")."""
    start, stop = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    words = text[start : stop if stop >= 0 else len(text)].split()
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _match(sentence: str) -> _Split | None:
    if (match := _COLON_LEAD.match(sentence)) and _plausible_speaker(_trim_speaker(match.group("speaker"))):
        return _Split(unquoted(match.group("content")), _trim_speaker(match.group("speaker")), match.group("cue"))
    if match := _QUOTE.match(sentence) or _QUOTE_CLOSE.match(sentence):
        rest = match.group("rest")
        if cue := _CUE_IN_REST.match(rest):
            speaker, via = _trim_speaker(cue.group("speaker")), ""  # "Riguelme later wrote"
            quoting = _QUOTING_ANY.search(cue.group("extra"))
            quoted_by = _QUOTED_BY.search(cue.group("extra"))
            if quoting:  # "Sputnik reported quoting her": she spoke, Sputnik carried it
                speaker, via = quoting.group("source"), speaker
            elif quoted_by:
                via = quoted_by.group("source")
            return _Split(match.group("content"), speaker, "quote", via=via)
    if match := _ACCORDING_LEAD.match(sentence):
        return _Split(match.group("content"), match.group("speaker"), "according to")
    if match := _ACCORDING_TAIL.match(sentence):
        inner = _match(match.group("content"))
        if inner:  # "Gerasimov said ..., according to TASS": the speaker is Gerasimov, via TASS
            return _Split(inner.content, inner.speaker, inner.cue, inner.keep_sentence, match.group("speaker"))
        return _Split(match.group("content"), match.group("speaker"), "according to")
    if (match := _TRAIL_SAID.match(sentence)) and _plausible_speaker(match.group("speaker")):
        speaker = match.group("speaker")
        quoting = _QUOTING.search(match.group("extra") or "")
        outer = f"{speaker} quoting {quoting.group('source')}" if quoting else speaker
        inner = _match(match.group("content"))
        if inner:  # "Russia confirmed ..., media reports said"
            return _Split(inner.content, inner.speaker, inner.cue, inner.keep_sentence, outer)
        return _Split(match.group("content"), outer, match.group("cue"))
    if (match := _STANCE_LEAD.match(sentence)) and (speaker := _stance_taker(match.group("speaker"))):
        cue = f"not {match.group('cue')}" if match.group("negated") else match.group("cue")  # "has not confirmed"
        return _Split(sentence, speaker, cue, keep_sentence=True)
    if (match := _DISMISSAL_LEAD.match(sentence)) and _plausible_speaker(_trim_speaker(match.group("speaker"))):
        return _Split(
            match.group("content"), _trim_speaker(match.group("speaker")), " ".join(match.group("cue").split())
        )
    if (match := _DISMISSAL_STANCE.match(sentence)) and (speaker := _stance_taker(match.group("speaker"))):
        return _Split(sentence, speaker, " ".join(match.group("cue").split()), keep_sentence=True)
    if (match := _DOUBT_LEAD.match(sentence)) and _plausible_speaker(_trim_speaker(match.group("speaker"))):
        cue = " ".join(match.group("cue").split())  # the doubt stays in the claim: without it, it reads as asserted
        return _Split(sentence, _trim_speaker(match.group("speaker")), cue, keep_sentence=True)
    if match := _APPOSITION_LEAD.match(sentence):  # "Abubakar Shekau, the group's leader, said ..."
        bare = match.group("cue")
        if _plausible_speaker(match.group("speaker")) and (not bare or _reports_speech(bare, match.group("content"))):
            return _Split(
                match.group("content"),
                _trim_speaker(f"{match.group('speaker')}, {match.group('role')}"),  # not ", who runs ..."
                match.group("cue") or match.group("cue_that"),
            )
    for pattern in (_LEAD_BARE, _LEAD_THAT):
        if (match := pattern.match(sentence)) and _plausible_speaker(_trim_speaker(match.group("speaker"))):
            if pattern is _LEAD_BARE and not _reports_speech(match.group("cue"), match.group("content")):
                continue
            return _Split(unquoted(match.group("content")), _trim_speaker(match.group("speaker")), match.group("cue"))
    if (match := _TRAIL_SAID_INVERTED.match(sentence)) and _plausible_speaker(match.group("speaker")):
        # not a clause read as the one who said it: "Mr Graham, a member of ..., said all five are still in Qatar."
        return _Split(match.group("content"), match.group("speaker"), match.group("cue"))
    return None


# what follows a verb of writing when it has an object or a place, not reported speech: "tweeted a photo of
# himself", "wrote an article for ...", "tweeted out a photo", "wrote in the Times in August that ..."
_WRITTEN_THING = re.compile(
    r"(?:a|an|another|several|some|his|her|their|its|this|these|photos?|videos?|pictures?|images?|out|on|in|to|"
    r"about|for|back|online|through|from|by)\b",
    re.I,
)


def _reports_speech(cue: str, content: str) -> bool:
    """Whether "SPEAKER CUE CONTENT" with no "that" reports what was said. "Posted" and "tweeted" do only before a
    quotation ("A video posted online showed men ...", "Dino Ferrari posted several photos ...", "We'll keep you
    posted on further developments." were real news misreadings); "wrote" not before the thing written."""
    content = content.lstrip()
    if cue in ("posted", "tweeted"):
        return content[:1] in "“\"‘'"
    if cue in ("wrote", "writes"):
        return not _WRITTEN_THING.match(content)
    return True


# what sets a non-restrictive relative clause apart from the speaker it describes ("Rami Abdulrahman, who runs ...")
_ASIDE_MARKS = frozenset({",", "-", "–", "—"})
_QUOTE_TOKENS = frozenset({'"', "“", "”", "'", "‘", "’", ",", "''", "``"})
_ASIDE = re.compile(r"\s*[,–—-]\s*(?:who|which|whose|whom)\b.*$", re.S)


def _stance_taker(written: str) -> str | None:
    """Who takes a stance, trimmed ("Mashnuq also" -> "Mashnuq"), where the words before the verb read as a speaker
    both as written ("Reports that Comcast will deny ..." is no one's denial) and trimmed ("Williams went on to
    strenuously deny ..." names no "Williams went on to")."""
    trimmed = _trim_speaker(written)
    return trimmed if _plausible_speaker(written) and _plausible_speaker(trimmed) else None


def _trim_speaker(speaker: str) -> str:
    """'Shekau also' -> 'Shekau'; 'Multiple users have' -> 'Multiple users'; 'Rami Abdulrahman, who runs the
    Observatory,' -> 'Rami Abdulrahman' (an aside about the speaker, not who they are)."""
    return _SPEAKER_TAIL.sub("", _ASIDE.sub("", speaker.strip()))


def leading_name(sentence: str) -> str | None:
    """The person or body a sentence opens with ('Maria Zakharova, ...' -> 'Maria Zakharova')."""
    match = _NAME.match(_DISCOURSE.sub("", strip_dateline(sentence)))  # "Instead Ilic ..." names Ilic
    if not match or match.group("name").split()[0] in _NOT_A_NAME_START:  # "On September 3 ...", "In New York ..."
        return None
    return re.sub(r"['’]s?$", "", match.group("name"))  # "Dylan Thomas' first trip" names Dylan Thomas


# verbs that report what someone said, read off the parse where the patterns above find no speaker
REPORTING_LEMMAS = frozenset(
    "say tell report add claim explain write reveal announce state insist warn argue allege note read tweet post "
    "suggest maintain confirm find show".split()  # "..., an official confirmed to ABC News", "..., the newspaper
    # found", "Council records show the bridge failed an inspection"; not the other stance verbs ("acknowledged",
    # "denied"): there the verb is the claim
)
# a sentence worth parsing for its speaker: it has a form of one of those verbs ("allege" as well as "alleged":
# "Prosecutors allege that ...")
MAY_REPORT = re.compile(
    r"\b(?:say|said|says|tell|told|tells|report(?:s|ed)?|add(?:s|ed)?|claim(?:s|ed)?|explain(?:s|ed)?|"
    r"wr(?:ote|ites?)|reveal(?:s|ed)?|announce[sd]?|state[sd]?|insist(?:s|ed)?|warn(?:s|ed)?|argue[sd]?|"
    r"allege[sd]?|note[sd]?|reads|tweet(?:s|ed)?|post(?:s|ed)?|suggest(?:s|ed)?|maintain(?:s|ed)?|"
    r"confirm(?:s|ed)?|f(?:ind|inds|ound)|show(?:s|ed|n)?)\b",
    re.I,
)


def parsed_attribution(doc) -> Attributed | None:
    """Content and speaker from the dependency parse of a sentence (a spaCy Doc): a reporting verb with a subject
    and a clause it reports, wherever they stand: "..., interior minister Nouhad Mashnuq told the MTV channel",
    "..., reports Variety", "“...,” added Hershberger", "Separately, the Iraqi government said ...". A report of a
    report gives the inner speaker via the outer ("Reuters reporting that the ministry said ..."); a verb inside a
    quotation reports nothing of the sentence's. Pronoun speakers are left for the caller to resolve."""
    written = doc.text  # once: a Doc joins its tokens anew on each call (quadratic over a long sentence's verbs)
    quotes = list(accumulate((t.text in _QUOTE_CHARS for t in doc), initial=0))  # quotation marks before each token
    found = [
        split
        for verb in doc
        if (split := _reported(doc, verb, written, quotes) or _dismissed(doc, verb, written)) is not None
    ]
    if not found:
        return None
    outer = found[0]
    inner = [f for f in found[1:] if f[0] in outer[1]]
    if not inner:
        return outer[2]
    _, content, split = inner[-1]
    speaker, voice = split.attribution.speaker, outer[2].attribution.speaker
    speaker = voice if _self_reported(speaker, voice) else f"{speaker} (via {voice})"
    text = re.sub(r"^(?:that\s+)", "", _joined([t for t in doc if t.i in content]))
    return Attributed(_finish(unquoted(text)), Attribution(speaker, split.attribution.cue))


def _self_reported(pronoun: str, voice: str) -> bool:
    """The inner speaker of a report of a report is its outer voice: "One YouTube user ... said he was told ..."
    ("he" is the user), "members of a militia said they found ..."; not "he" inside what a body reports ("The
    Department of Homeland Security told AOL News that Rep. Duncan Hunter was telling a tale when he told ...")."""
    if pronoun.lower() in ("he", "she"):
        return not _group_or_body(voice)
    return pronoun.lower() in ("they", "them") and _group_or_body(voice)


def _reported(doc, verb, written: str, quotes: list[int]) -> tuple[int, set[int], Attributed] | None:
    """(the verb's index, the indices of what it reports, the split) for one reporting verb, or None. `written` is
    the Doc's text and `quotes[i]` the number of quotation marks before its token i."""
    if verb.lemma_.lower() not in REPORTING_LEMMAS or verb.pos_ != "VERB":
        return None
    if any(c.dep_ == "neg" for c in verb.children):  # "Amazon did not say how long ...": nothing was said
        return None
    # a report in a clause that opens the sentence only sets the scene for its main clause ("Weeks after Sorkin said
    # that Bale would play Jobs, Bale has dropped out"); one that follows it is a claim of its own, without the main
    # clause ("The news came as another official confirmed there had been talks": there had been talks)
    subordinate = _subordinate(verb)
    if subordinate and verb.i < verb.head.i:
        return None
    if quotes[verb.i] % 2 or _in_single_quotes(written, verb.idx):
        return None  # "“... Allah said we should not.”": inside a quotation
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    frame_head, narrated = verb, set()
    if not subjects and verb.dep_ in {"xcomp", "advcl"} and _goes_on(verb):
        frame_head = verb.head  # "Ms Wintour went on to say that ...": the subject of "went on" says it
        subjects = [c for c in frame_head.children if c.dep_ == "nsubj"]
    elif not subjects and _joined_report(verb):
        frame_head = verb.head  # "Warren could not confirm the deaths and said ...": the first verb's subject says it
        subjects = [c for c in frame_head.children if c.dep_ == "nsubj"]
        narrated = _narrated(frame_head, verb)
    if not subjects:
        return None
    subject = subjects[-1] if subjects[-1].i > verb.i else subjects[0]  # "Notification ..., said Haas, ..."
    # not a report set inside the clause ("authorities had found another mass grave ..., Murillo said, and ...":
    # Murillo's "said" is no clause that "found" reports)
    clauses = [c for c in verb.children if c.dep_ == "ccomp" or c.dep_ == "parataxis" and not _aside_report(c)]
    if verb.lemma_.lower() in _FINITE_ONLY and not all(_finite(c) for c in clauses):
        return None  # "The jury found him guilty", "Officials found the water to be safe": the verb is the claim
    if verb.lemma_.lower() == "show" and not all(_says_what(verb, c) for c in clauses):
        return None  # "showed just how large his motorcade can grow", "showed the boy holding weapons that ..."
    if clauses:
        content = {t.i for c in clauses for t in c.subtree}
    elif (
        verb.dep_ in {"conj", "parataxis"}
        and verb.head.dep_ == "ROOT"
        and (verb.lemma_.lower() == "tell" or not any(c.dep_ == "dobj" for c in verb.children))
    ):  # "X was travelling ..., Y told Z"; not "IS has held him, but they tweeted out video of it" (a thing posted)
        content = {t.i for t in verb.head.subtree} - ({t.i for t in verb.subtree} - _going_on(verb))
    else:
        return None
    speaker_tokens = _speaker_tokens(doc, subject)
    commas = [t.i for t in speaker_tokens if t.text == "," and t.i < subject.i]
    if commas:  # "... with two sons and a daughter, interior minister Nouhad Mashnuq told ...": a misparse
        content |= {t.i for t in speaker_tokens if t.i <= commas[-1]}
        speaker_tokens = [t for t in speaker_tokens if t.i > commas[-1]]
    speaker = doc[speaker_tokens[0].i : speaker_tokens[-1].i + 1].text
    speaker = _WHEN_TAIL.sub("", speaker) or speaker  # "The Pentagon on Friday said"
    if subject.i in content or not _someone(subject) or len(speaker_tokens) > _SPEAKER_TOKENS:
        return None
    others = {t.i for c in subjects if c is not subject for t in c.subtree}  # "Notification ..., said Haas"
    frame = ({t.i for t in doc} if subordinate else {t.i for t in frame_head.subtree}) - content - others
    kept = [t for t in doc if t.i not in frame]
    first = next((t for t in kept if not t.is_punct), None)
    if first is None or first.tag_ in _FINITE_TAGS and first.i > verb.i:
        return None  # "said moving to Syria was ...": the parse left the clause's subject in the frame
    text = _joined(kept)
    text = re.sub(r"^(?:that\s+)", "", text)
    if len(text.split()) < 3 or narrated and not clauses:
        return None
    narration = _joined([t for t in doc if t.i in narrated]).rstrip(" .,;:—–-") + "." if narrated else ""
    return verb.i, content, Attributed(_finish(unquoted(text)), Attribution(speaker, verb.text), narration)


def _aside_report(verb) -> bool:
    """A reporting verb with its subject, set inside another clause: "..., Madden says, ...", "..., Murillo said,"."""
    return verb.lemma_.lower() in REPORTING_LEMMAS and any(c.dep_ == "nsubj" for c in verb.children)


def _going_on(verb) -> set[int]:
    """What the parse hangs on a report set inside a clause but goes on with that clause: "They both stayed at the
    embassy while attending the Swiss school, Madden says, and lived there under assumed names" (the embassy's
    "and lived there" is no part of Madden's saying); never a second report ("..., he said, and added that ...")."""
    going = [c for c in verb.children if c.i > verb.i and c.dep_ == "conj" and c.lemma_.lower() not in REPORTING_LEMMAS]
    going_on = {t.i for c in going for t in c.subtree}
    rest = {t.i for t in verb.head.subtree} - {t.i for t in verb.subtree}
    joins = [c for c in verb.children if c.i > verb.i and c.dep_ == "cc"]
    return going_on | {c.i for c in joins if any(i > c.i for i in going_on | rest)}


_NO_ONE = frozenset({"nobody", "none", "noone", "no-one"})


def _someone(subject) -> bool:
    """A verb's subject that can say something: a noun, a name, a pronoun for people (not "it"), and not no one ("No
    one can say they knew me as a man", "nobody ever said ...", "no local government authority has confirmed")."""
    if subject.lower_ in _NO_ONE or any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subject.children):
        return False
    return subject.pos_ in {"NOUN", "PROPN"} or subject.lower_ in PRONOUNS - {"it"} | {"i", "we"}


def _speaker_tokens(doc, subject) -> list:
    """The words of a verb's subject that name who speaks, without an aside about them or a quotation mark."""
    speaker_tokens = list(subject.subtree)
    relatives = [start for r in speaker_tokens if r.dep_ == "relcl" and (start := r.left_edge.i) > subject.i]
    asides = [i for i in relatives if doc[i - 1].text in _ASIDE_MARKS]
    if asides or relatives and len(speaker_tokens) > _SPEAKER_TOKENS:
        # an aside about the speaker goes ("Sabine Rollinger, of Vladi Private Islands, which is listing the island,
        # said"), and a long clause that says which one ("A sound expert who compared the footage ... told"), not a
        # short one ("People who live near the crater")
        speaker_tokens = [t for t in speaker_tokens if t.i < (asides or relatives)[0]]
    while speaker_tokens and speaker_tokens[-1].text in _ASIDE_MARKS:  # "Ms Wintour, 65, went on to say"
        speaker_tokens.pop()
    while speaker_tokens and speaker_tokens[0].text in _QUOTE_TOKENS:  # '“...,” another resident, Mallam Babagana'
        speaker_tokens.pop(0)
    return speaker_tokens


# a report called false inside a sentence, not at its start (`_DISMISSAL_LEAD`): "A video handed to Nigerian media
# Friday showed Boko Haram leader Abubakar Shekau laughing away government reports that he had died"
MAY_DISMISS = re.compile(rf"\b(?P<cue>{DISMISSALS})\s+{REPORT_PHRASE}\s+that\b", re.I)


def _dismissed(doc, verb, written: str) -> tuple[int, set[int], Attributed] | None:
    """(the verb's index, the indices of what it calls false, the split) for a verb that dismisses a report ("laughing
    away government reports that ..."): its subject is the speaker and what the report says is the claim, which
    `claims.facts.framed` marks denied; None for any other verb or one with no subject that names someone."""
    if verb.pos_ != "VERB" or (match := MAY_DISMISS.match(written, verb.idx)) is None:
        return None
    that = next((t for t in doc if t.idx == match.end() - 4 and t.lower_ == "that"), None)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if that is None or that.dep_ != "mark" or not subjects or subjects[0].i > verb.i:
        return None
    subject, clause = subjects[0], that.head
    content = {t.i for t in clause.subtree if t.i > that.i}
    speaker_tokens = _speaker_tokens(doc, subject)
    if not _someone(subject) or not speaker_tokens or len(speaker_tokens) > _SPEAKER_TOKENS or not content:
        return None
    speaker = doc[speaker_tokens[0].i : speaker_tokens[-1].i + 1].text
    text = _joined([t for t in doc if t.i in content])
    if len(text.split()) < 3:
        return None
    cue = " ".join(match.group("cue").split())
    return verb.i, content, Attributed(_finish(unquoted(text)), Attribution(speaker, cue))


def _subordinate(verb) -> bool:
    """A report in a subordinate clause ("after Sorkin said that ...", "as another official confirmed ...")."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CLAUSE_OPENERS for c in verb.children)


def _joined_report(verb) -> bool:
    """A reporting verb joined to a clause the writer narrates, sharing its subject: "Forensic audio expert Paul
    Ginsberg analyzed the recording and said he detected at least 10 gunshots"."""
    head = verb.head
    return verb.dep_ == "conj" and head.i < verb.i and head.pos_ in {"VERB", "AUX"} and head.dep_ == "ROOT"


def _narrated(head, verb) -> set[int]:
    """The narrated clause of a joined report: the first verb's words, without the report and the "and" or "but"
    (and a comma) that joins it."""
    reported = {t.i for t in verb.subtree}
    joins = {c.i for c in head.children if c.dep_ in {"cc", "punct"} and c.i < verb.i and c.i > head.i}
    joins = {  # a join is what stands right before the report, its own words aside ("and also said")
        i for i in joins if not any(i < t.i < verb.i and t.i not in joins | reported for t in head.subtree)
    }
    return {t.i for t in head.subtree} - reported - joins


_SPEAKER_TOKENS = 12  # a longer subject is a misparse, not a speaker
# verbs whose subject goes on saying what their complement says ("went on to say", "continued to insist"); not
# "declined to say" or "refused to confirm", which say nothing
_GOING_ON = frozenset({"go", "continue", "proceed"})


def _goes_on(verb) -> bool:
    """ "went on to say", "continued to insist": an infinitive after a verb of going on ("went on Twitter to debunk
    the hoax, saying ..." is no such verb: "went" is not "went on")."""
    head = verb.head
    if head.lemma_.lower() not in _GOING_ON or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return head.lemma_.lower() != "go" or any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children)


# verbs that report a clause only when it is a full one ("found that the water was safe", "..., the paper found"),
# not a small clause that is their own object and complement
_FINITE_ONLY = frozenset({"find", "confirm", "maintain", "show"})  # not "The video shows a man walking"
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


# how a clause that states nothing opens: a question word's ("how large ..."; "just how large ...")
_QUESTION_STARTS = frozenset({"how", "what", "why", "whether", "when", "where", "who", "which", "just"})


def _says_what(verb, clause) -> bool:
    """The clause a document "shows" is a statement right after the verb ("records show (that) the bridge failed"),
    not a question word's ("how large ...") or a clause the parse hung on a later noun."""
    first = clause.left_edge
    if first.i != verb.i + 1:
        return False
    if first.lower_ == "that" and first.i + 1 < len(first.doc):
        first = first.nbor(1)
    return first.lower_ not in _QUESTION_STARTS


def _finite(clause) -> bool:
    """A clause with a tensed verb or "that": "the document is real", "that it was safe"; not "him guilty"."""
    return clause.tag_ in _FINITE_TAGS or any(
        c.tag_ in _FINITE_TAGS or c.lower_ == "that" and c.dep_ == "mark" for c in clause.children
    )


def _in_single_quotes(text: str, position: int) -> bool:
    """A sentence that opens with a single quotation mark is quoted up to the first closing one (an apostrophe is
    followed by a letter): "‘Allah said we should not fight,’ the imam told worshippers"."""
    if text[:1] not in "‘'":
        return False
    closing = re.search(r"[’'](?![A-Za-z])", text[1:])
    return closing is None or position <= closing.start() + 1


def _joined(tokens) -> str:
    """The tokens' text; where a cut joins two words, a space between them."""
    indices = {t.i for t in tokens}
    return "".join(t.text_with_ws if t.whitespace_ or t.i + 1 in indices else f"{t.text} " for t in tokens).strip()


_QUOTE_CHARS = frozenset('“”"')
