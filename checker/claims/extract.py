"""Take the factual claims out of each document: sentences with exact spans, attribution, safe splits.

The title counts as a claim; questions and fragments do not. A sentence that joins two reported facts
("X have been wounded and believe that Y"), or a quotation of several sentences, is split into claims that
share the attribution.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from ..compare.vocabulary import CALENDAR, MONTHS
from ..compare.words import named_entities
from ..records import Attribution, Claim, Document, with_unique_ids
from .attribution import (
    MAY_DISMISS,
    MAY_REPORT,
    REPORTING,
    STANCE,
    Attributed,
    RoleNames,
    attribute,
    introduced_speaker,
    leading_name,
    parsed_attribution,
    resolved_speaker,
    strip_dateline,
    unquoted,
)
from .facts import NUMBER_WORDS
from .sentences import split_all, split_sentences

MIN_WORDS = 4
_FIGURE = re.compile(rf"\d|\b(?:{NUMBER_WORDS})\b", re.I)
MAX_CLAIM_CHARS = 600
# a finite verb, roughly: an auxiliary, a word ending like a past or third-person form, or a common irregular past
# ("went", "cut", "said"); without one a line is a heading or a fragment. Contractions and bare present forms are
# left out on purpose: they admitted talk that leans on its context ("That's not going to happen.", "Today, we get
# confirmation.", "See what they're saying!"), 7 new false contradictions on 300 news articles and no real one.
_IRREGULAR_VERBS = (
    "said told went came cut put set hit made took gave got found left lost won held kept led met paid ran saw sent "
    "sold spent stood struck thought bought brought caught fought taught began became broke chose drove fell flew grew "
    "knew rose shot spoke stole threw wore wrote ate heard meant built felt dealt fled fed quit spread shut sat lay "
    "sought bore sank swore tore woke"
)
_HAS_VERB_HINT = re.compile(
    r"\b(is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|did|does|do)\b|"
    r"\b\w+(ed|es|s)\b|\b(?:" + "|".join(_IRREGULAR_VERBS.split()) + r")\b",
    re.I,
)
_JOINED_REPORT = re.compile(rf"\s+and\s+(?:{REPORTING})\s+that\s+")
# page furniture and calls to the reader ("Share it in the comments.", "E-mail jane@example.com ..."), not claims
_BOILERPLATE = re.compile(
    r"^[-–•*\s]*(read more|click here|subscribe|sign up|advertisement|share (this|it|on|with)|follow us|"
    r"(add|leave|post) a comment|see all comments|e-?mail \S+@|like us|tell us|watch (the|this|our)\b|related:|"
    r"see more|check out|scroll (down|up)|download the|visit our|share your|follow (live|our|the rest)|"
    r"follow [^.]{1,60} on (twitter|facebook|instagram)\b|related roundups|"
    r"let['’]s |let us )|contributed (?:reporting )?to this (?:report|story|article)|"
    r"\b(?:writer|reporter|correspondent)s?\s+[A-Z][\w.'’ -]+\s+contributed\b|"
    r"^(?:sorry,? we(?: are|['’]re) )?not (?:currently )?accepting comments|^comments (?:are|have been) closed|"
    r"^(?-i:Related[A-Z])|"  # "RelatedHalloween 2014 ... Declared a HoaxShah Rukh Khan's Son ...": linked headlines
    r"^to contact\b",  # "To contact Arizona Governor Jan Brewer, call (602) ..."
    re.I,
)
# a page's code or data fields, not prose: "innerHTML = UI.dateFormat...", "kmn_size = '300x250';", "STORY_NUMBER:"
_CODE = re.compile(r"[{}]|\b\w+\s+=\s|\b[A-Z]+_[A-Z_]+:")
# an embedded tweet ends with its author's handle and date: "... http://t.co/GQGeGLmElZ"— hiatus (@taobby) October
# 26, 2014": a post quoted as page furniture, often glued to the next one, not the article's claim
_TWEET_SIGNATURE = re.compile(r"\(@\w{1,15}\)\s+(?:" + "|".join(MONTHS) + r")\s+\d{1,2},\s+\d{4}", re.I)
# the signature names the post's author: "... right now.— Irvine Welsh (@IrvineWelsh) January 6, 2015"
_TWEET_AUTHOR = re.compile(r"(?:[—–]|â€”|\s-)\s*(?P<name>[^\n—–()]{0,60}?)\s*" + _TWEET_SIGNATURE.pattern, re.I)


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


def _posted_by(posts: list[tuple[int, int, str]], at: int) -> str | None:
    """The author of the embedded post (`tweets`) a sentence starting at `at` is part of."""
    return next((author for start, end, author in posts if start <= at < end), None)


# the newsroom on its own reporting, not on the story: "Apple declined to comment.", "DailyMail.com has reached out to
# NBC News for comment.", "We will update this post accordingly.", "This story is still developing." In the full news
# corpus such lines were set against each other as contradictions ("When reached, Apple would not comment on the
# situation." / "We've reached out to Apple for comment ...": 0.99) and counted as corroborating each other. A line
# that goes on to say something ("declined to comment, saying ...", "... but its supporters cast doubt") stays.
_NEWSROOM_NOTE = re.compile(
    r"\b(?:reach(?:ed)?|asked|contacted|emailed|called)\b[^.]{0,80}\bfor (?:a |further )?comment\b|"
    r"\b(?:respond|return|reply|answer)(?:ed|ing)?\s+(?:immediately\s+)?to\s+(?:a\s+|our\s+|multiple\s+|several\s+|"
    r"repeated\s+)?(?:requests?|calls?|e-?mails?|messages?|inquir(?:y|ies))\b[^.]{0,40}\bfor comment\b|"
    r"\b(?:would not|wouldn['’]t|declined to|refused to|did not|didn['’]t|could not|couldn['’]t)\s+(?:immediately\s+)?"
    r"(?:be reached for\s+)?comment\b|^\W*no comment\b|\b(?:has|have|had)\s+yet\s+to\s+(?:comment|respond)\b|"
    r"\b(?:had|has|have|offered)\s+no\s+(?:immediate\s+)?comment\b|"
    r"\b(?:will|continue to) update (?:this|the|our) (?:story|article|post|report)\b|"
    r"\bwill update (?:as soon as|when|if)\b|"
    r"\b(?:this|the) (?:story|article|post|report) (?:will be|has been|was|is being) updated\b|"
    r"\bmore details as (?:they|it) (?:are|is|become)\b|\b(?:this|the) story is (?:still )?developing\b|"
    r"\b(?:this|it) is a (?:developing|breaking) (?:news )?story\b|"
    # where the article was first published: "This article originally appeared on News.com.au."
    r"^(?:this|the) (?:article|story|post|piece) (?:originally appeared|was (?:originally|first) published)\b",
    re.I,
)
_GOES_ON = re.compile(r"\b(?:but|saying|said|says|although|though|while|adding)\b", re.I)


# a photo caption points at the picture ("Diane DeJesus in her porn star days (left) and at her local gas station
# (right)."): it describes an image beside the text, and real news set one against claims as a contradiction
_CAPTION = re.compile(
    r"\((?:(?:second|third|top|bottom|centre|center)\s+)?(?:left|right|centre|center|pictured|above|below|inset)\)",
    re.I,
)

# credits: "Carl Court / Getty Images" against "John Moore / Getty Images" was a 0.99 model contradiction in the full
# news corpus; "Credit Chang W. Lee/The New York Times", "Photo credit: Getty Images", "Copyright 2014 The Associated
# Press."
_AGENCIES = r"ap|afp|reuters|epa|getty(?: images)?|associated press|pa|xinhua|bloomberg"
_CREDIT = re.compile(
    r"^(?:(?:photo|image|picture)s?\s*(?:credits?)?\s*:|(?-i:Credits?:?\s+[A-Z])|[—–-]?\s*(?:copyright|©)\s)|"
    rf"/\s*(?:{_AGENCIES}|the new york times|shutterstock|rex|corbis|ap photo|ap images|wireimage|filmmagic)\)?\.?\s*$|"
    # a caption's credit in brackets at its end: "... by al Qaida (AP Photo/Hani Mohammed)", "(Photo: Jane Doe)", and a
    # bare agency where no full stop ends the line ("... in 2010 (Reuters)"; not "... the Associated Press (AP).")
    rf"\((?:(?:{_AGENCIES})(?:\s+photos?)?\s*/\s*[^()]{{1,60}}|(?:{_AGENCIES})\s+photos?|(?:photo|picture|image)\s*:"
    rf"\s*[^()]{{1,60}})\)\.?\s*$|\((?:{_AGENCIES})\)\s*$",
    re.I,
)

# an editor's note opens with its own date or time ("UPDATE 03/12/2014 : This story seems to be false.", "Update 2:13
# PM: The diagnostic port will not be included ..."): the claim is what follows; the note's date set two such notes
# against each other as the full news corpus's top date conflict
_UPDATE_PREFIX = re.compile(
    r"^(?:update[sd]?|editor['’]?s note)\s*(?:\(?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\)?|\d{1,2}:\d{2}\s*[ap]\.?m\.?)?"
    r"\s*[:—–-]\s*",
    re.I,
)

# "Updated at 11:45 p.m.", "LAST UPDATED AT 14:41 ON Tue 10 Feb 2015": when the page changed, not a claim
_TIMESTAMP = re.compile(
    r"^(?:last\s+)?(?:updated?|updates|posted|published)\b(?:[\s\d:./,-]|\b(?:at|on|as\s+of|[ap]\.?m\b\.?|gmt|utc|"
    r"[ecmp][sd]?t|bst|(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)\b)*\.?$",
    re.I,
)


def claim_id(document_id: str, start: int, end: int) -> str:
    """Stable claim id from its document and span."""
    return f"{document_id}:{start}-{end}"


def text_hash(text: str) -> str:
    """Short hash of a text (cache keys, finding ids)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


_CONDITION = re.compile(r"(?:If|Unless|Whether|Although|Though|Because|When|While)\b")
# a short sentence that opens on an auxiliary, "never" or a past verb with its object has no subject: a quote
# fragment ("Never was shot at.", "Isn't going to happen.") or a question without its mark. "Will" and "Can" are
# left out: they open names.
_SUBJECTLESS = re.compile(
    r"(?:never|not|is|isn[’']t|was|wasn[’']t|are|aren[’']t|were|weren[’']t|has|hasn[’']t|have|haven[’']t|had|"
    r"hadn[’']t|do|don[’']t|does|doesn[’']t|did|didn[’']t|won[’']t|wouldn[’']t|can[’']t|couldn[’']t|"
    r"shouldn[’']t)\b"
    # or on a past verb and its object: "Called it the iPod." (a joke tweet's second sentence), "Loved it!"
    r"|[A-Za-z]+ed\s+(?:it|him|her|them|me|us)\b",
    re.I,
)
SUBJECTLESS_MAX_WORDS = 6
# "It was not fun.", "This is not true.", "That is the trend of today.": a short verdict on something the sentence
# never names leans on the sentences before it; against other articles it was read as a contradiction ("It was not
# fun." / "Word play is fun.": 0.996) or corroborated by another article's "It is NOT true."
_DEMONSTRATIVE_VERDICT = re.compile(
    r"^\W*(?:and |but |so )?(?:it|this|that)(?:['’]s|\s+(?:is|was|isn['’]t|wasn['’]t|will be|would be))\b", re.I
)
_BRACKETED = re.compile(r"\[[^\]]*\]|\([^)]*\)")


_BULLET = re.compile(r"^[-–•*]\s+")
_MODAL = re.compile(r"(?:will|would|can|could|should|must|may|might|shall)\b", re.I)


def _bare_condition(text: str) -> bool:
    """ "If dogs could go to hell, too.": a condition with no main clause asserts nothing; nor does one whose main
    clause has no subject ("If you see that someone needs help, will never pass by.", a list of advice)."""
    if not _CONDITION.match(text):
        return False
    if len(text.rpartition(",")[2].split()) < 3:
        return True
    main = text.partition(",")[2].strip()  # the first comma: later ones may close a clause inside the main one
    return bool(_SUBJECTLESS.match(main) or _MODAL.match(main))


def _names_something(words: list[str]) -> bool:
    """A capitalised word after the first ("It's titled “A Message to America.”"): the claim says what it is about."""
    return any(w.strip("\"'“”‘’(").istitle() for w in words[1:])


# "We can't confirm that.", "You can go ahead and confirm it.": a short confirmation or denial of an unnamed "it" or
# "that" answers a question the sentence does not repeat; across articles the two were a 0.995 negation finding
_UNNAMED_STANCE = re.compile(
    r"\b(?:confirm|confirms|confirmed|deny|denies|denied|comment on|commented on)\s+(?:it|that|this)\W*$", re.I
)
UNNAMED_STANCE_MAX_WORDS = 8
# what a source left unsaid is a gap in the reporting, not a claim about the story: "It did not say where the attacks
# occurred." (against "At least five attacks have occurred": 0.97 negation), "Francis did not say if dogs could go
# to hell, too." (against "All dogs go to heaven!": 0.99)
_UNSAID = re.compile(
    r"\b(?:did not|didn['’]t|does not|doesn['’]t|would not|wouldn['’]t|could not|couldn['’]t|has not|hasn['’]t|"
    r"have not|haven['’]t)\s+(?:yet\s+)?(?:say|said|specify|specified|disclose|disclosed|reveal|revealed|elaborate|"
    r"explain|explained)\s+(?:on\s+)?(?:if|whether|how|when|where|why|what|who|which)\b",
    re.I,
)
# "I am not saying this was not a meteorite impact.": the speaker holds back from asserting either way; against "We
# are convinced that this was a meteorite" it was a 0.99 negation finding
_NOT_SAYING = re.compile(
    r"^\W*(?:and |but |so |now,? )?(?:i|we)(?:['’]m|['’]re| am| are)\s+not\s+(?:saying|claiming|suggesting)\b", re.I
)

# a judgement of taste is no fact to check: "They are good people." / "A few of the people are really ugly." (two
# speakers on one family in real news: a 0.84 model contradiction, three times over)
_OPINION = re.compile(
    r"\b(?:is|are|was|were|['’]s|['’]re)\s+(?:(?:really|very|so|such|truly|pretty|quite|just|absolutely|incredibly|"
    r"extremely|a|an)\s+)*(?:good|bad|ugly|nice|great|beautiful|awful|terrible|amazing|wonderful|horrible|stupid|"
    r"lovely|brilliant|fantastic|gorgeous|cute|funny|cool|awesome|disgusting|pathetic|weird|crazy|incredible|"
    r"ridiculous|silly|boring|scary)(?:\s+(?:people|person|guy|guys|man|woman|one|ones|thing|idea))?\W*$",
    re.I,
)

# what asserts nothing about the story: an exhortation ("Let's not unduly create fear ..." was corroborated by "But
# the rumor is not true."), an exclamation ("What a statement that would make.")
_NOT_ASSERTED = re.compile(r"^\W*(?:let['’]s|let\s+us)\s|^\W*(?:what\s+an?|how)\s+(?:\S+\s+){0,5}?\S+[.!]\W*$", re.I)


def _nothing_to_check(text: str) -> bool:
    """A judgement of taste, an exhortation or an exclamation: said, but no fact."""
    return bool(_OPINION.search(text) or _NOT_ASSERTED.search(text))


def _unnamed_verdict(text: str) -> bool:
    words = _BRACKETED.sub(" ", text).split()
    if _names_something(words):
        return False
    if _DEMONSTRATIVE_VERDICT.match(text):
        return len(words) <= SUBJECTLESS_MAX_WORDS
    return bool(_UNNAMED_STANCE.search(text)) and len(words) <= UNNAMED_STANCE_MAX_WORDS


def _subjectless(text: str) -> bool:
    return bool(_SUBJECTLESS.match(text)) and len(text.split()) <= SUBJECTLESS_MAX_WORDS


def is_claim_sentence(sentence: str) -> bool:
    """A declarative sentence long enough to assert something: no questions, headings or fragments."""
    stripped = _BULLET.sub("", sentence.strip().rstrip("”\"’'"))
    # a question, or a line that introduces what follows ("Here's Mark Gurman at 9to5Mac:")
    if stripped.endswith(("?", ":")) or _BOILERPLATE.search(stripped) or _TIMESTAMP.match(stripped):
        return False
    if _CAPTION.search(stripped) or _CREDIT.search(stripped) or _TWEET_SIGNATURE.search(stripped):
        return False
    if _NEWSROOM_NOTE.search(stripped) and not _GOES_ON.search(stripped):
        return False
    if stripped.isupper() or _CODE.search(stripped):  # a heading or page furniture ("ADD A COMMENTSEE ALL COMMENTS")
        return False
    # credits, editor's notes and labels: "(With the Associated Press)", "Example: [Collected via email, May 2014]"
    words = _BRACKETED.sub(" ", stripped).split()
    if _bare_condition(stripped) or _subjectless(stripped):
        return False
    if _unnamed_verdict(stripped) or _NOT_SAYING.match(stripped) or _UNSAID.search(stripped):
        return False
    if _nothing_to_check(stripped):
        return False
    # with a figure, a verb the hint cannot see ("About 200,000 people in the country use the drug") is looked for in
    # the parse (`_predicated`)
    return len(words) >= MIN_WORDS and bool(_HAS_VERB_HINT.search(" ".join(words)) or _FIGURE.search(stripped))


def _line_of(document: Document, body_line: int) -> int:
    """The 1-based line in the source file the reader opens of the body's line `body_line` (0-based)."""
    if document.source_lines:
        return document.source_lines[min(body_line, len(document.source_lines) - 1)]
    return document.line_offset + body_line + 1


def extract_claims(document: Document, facts: bool = True) -> list[Claim]:
    """All claims of one document, title first, in reading order, each with its facts (unless `facts` is False)."""
    claims = _claims(document)
    return _with_facts([claims], [document.date])[0] if facts else claims


def _with_facts(groups: list[list[Claim]], published: list[str | None]) -> list[list[Claim]]:
    """Each document's claims (a group, with its date) with their facts, all parsed in one batch; each knows its
    article's story (`story_names`). A short claim with no verb and no figure is no claim (`_predicated`)."""
    from .facts import facts_of_texts, framed

    flat = [c for group in groups for c in group]
    kept = iter(_predicated(flat))
    groups = [[c for c in group if next(kept)] for group in groups]
    claims = [c for group in groups for c in group]
    stories = [story_names([c.sentence for c in group]) for group in groups]  # with speakers: "Velarin announced"
    names = [story for story, group in zip(stories, groups) for _ in group]
    dates = [day for day, group in zip(published, groups) for _ in group]
    frames = [_frame(c) for c in claims]
    parsed = iter(facts_of_texts([c.text for c in claims], dates, frames=frames, stories=names, partners=False))
    # partners after the frames, within the article, as `check` finds them across a corpus whose articles the cache
    # kept apart
    return [with_partner_facts([replace(c, facts=framed(next(parsed), c.sentence, c.text)) for c in g]) for g in groups]


# a claim this short is parsed to see whether it says anything: a credit, a caption or a headline fragment does not
VERBLESS_MAX_WORDS = 12


def _predicated(claims: list[Claim]) -> list[bool]:
    """Whether each claim has a predicate: a short one with neither a verb nor a figure is a photo credit, a caption
    or a fragment ("THE CANADIAN PRESS/Justin Tang", "Facts About Purdon, Texas And The Ebola Quarantine", "James
    Foley in Aleppo, Syria, in November 2012."), which the model reads against anything ("Purdon ... has been
    quarantined": a contradiction of 0.88). One with a figure stays ("Cartier Tank MC: $7,000 list") unless the
    words show no verb, when the parse must find one ("About 200,000 people ... use the drug" has)."""
    chosen = [
        i
        for i, c in enumerate(claims)
        if len(c.text.split()) <= VERBLESS_MAX_WORDS and not _FIGURE.search(c.text) or not _HAS_VERB_HINT.search(c.text)
    ]
    kept = [True] * len(claims)
    if not chosen:
        return kept
    from .parse import read_parses

    for i, verb in zip(chosen, read_parses([claims[i].text for i in chosen], _has_verb)):
        kept[i] = verb
    return kept


def _has_verb(doc, _) -> bool:
    return any(t.pos_ in {"VERB", "AUX"} for t in doc)


def with_partner_facts(claims: list[Claim]) -> list[Claim]:
    """The claims with the facts of those only a negating claim of their story makes worth parsing ("A firefighter
    died" beside "No one has been killed"), found after the frames: over one article as it is extracted (and
    cached), and again over the corpus, whose articles the cache kept apart, so `check` gives the same facts with
    the cache cold, warm and off."""
    from .facts import framed, parse_facts, partners_to_parse

    known = [i for i, c in enumerate(claims) if c.facts is not None]
    frames = [_frame(claims[i]) for i in known]
    found = partners_to_parse([claims[i].text for i in known], frames, [claims[i].facts for i in known])
    if not found:
        return claims
    chosen = [known[i] for i in found]
    facts = [claims[i].facts for i in chosen]
    parsed = parse_facts([claims[i].text for i in chosen], [f.published for f in facts], [f.story for f in facts])
    claims = list(claims)
    for i, found_facts in zip(chosen, parsed):
        claims[i] = replace(claims[i], facts=framed(found_facts, claims[i].sentence, claims[i].text))
    return claims


def _frame(claim: Claim) -> str:
    """What the claim's sentence says around it ("Velarin announced on March 16 that ...")."""
    return claim.sentence.replace(claim.text, " ") if claim.text != claim.sentence else ""


def story_names(texts: list[str], size: int = 8) -> tuple[str, ...]:
    """The name words an article mentions in most claims: what it is about. A dateline goes first, so the word after
    it is sentence-initial ("Marlow: Councillors adopted ..." names no "Councillors")."""
    words = (
        {w for n in named_entities(strip_dateline(text)) for w in n.split() if w.lower() not in CALENDAR}
        for text in texts
    )
    counts = Counter(word for found in words for word in found)
    return tuple(sorted(counts, key=lambda n: (-counts[n], n))[:size])


def _claims(
    document: Document,
    spans: list[tuple[int, int]] | None = None,
    parsed: dict[str, Attributed | None] | None = None,
    persons: dict[str, tuple[str, ...]] | None = None,
) -> list[Claim]:
    """`spans` (the sentences), `parsed` (speakers from the parse) and `persons` (the people sentences of narration
    name, `_persons_named`) when the caller has them for a whole corpus."""
    claims: list[Claim] = []
    if document.title and is_claim_sentence(document.title):
        title = document.title
        attributed = attribute(_strip_title_suffix(title))
        start = max(0, document.body_offset - len(title) - 1) if document.body_offset else 0
        claims.append(
            Claim(
                claim_id(document.id, start, start + len(title)),
                document.id,
                attributed.content,
                title,
                start,
                start + len(title),
                document.title_line,
                attributed.attribution,
                is_title=True,
            )
        )
    names: list[str] = []
    roles = RoleNames(document.text)
    quotation = _Quotation(first_index=len(claims))  # after the title
    previous_end = 0
    spans = split_sentences(document.text) if spans is None else spans
    if parsed is None:
        parsed = _parsed_speakers([document.text[start:end] for start, end in spans])
    if persons is None:
        persons = _persons_named([[document.text[start:end] for start, end in spans]])
    newlines, counted_to = 0, 0
    posts = tweets(document.text)
    for start, end in spans:
        sentence = document.text[start:end]
        if _CREDIT.search(sentence.strip()):  # a photo and its credit, set inside the text: a quotation runs past it
            continue
        continued = quotation.enter(sentence, new_paragraph="\n" in document.text[previous_end:start])
        previous_end = end
        name = leading_name(sentence)
        if introduced := introduced_speaker(sentence, names):
            quotation.introduce(introduced)
        if not is_claim_sentence(sentence) or len(sentence) > MAX_CLAIM_CHARS * 2:
            if name:
                names.append(name)
            if continued is None and not sentence.lstrip().startswith(_OPENING):  # narration, not a quotation
                _mentioned(names, name, persons.get(sentence, ()), document.text[:end])
            _remember(names, None, introduced)  # "A nearby neighbour told The Telegraph's Camilla Turner:" names one
            quotation.leave(sentence, None, [])
            continue
        attributed = attribute(_UPDATE_PREFIX.sub("", sentence), names)
        if sentence in parsed:  # what the parse says where the patterns found nothing, or may have misread
            found = parsed[sentence]
            if found is not None:
                attributed = _resolved(found, names)
            elif _ambiguous(attributed, sentence):
                attributed = Attributed(strip_dateline(_UPDATE_PREFIX.sub("", sentence).strip()), None)
        attributed = _subject_kept(attributed, _UPDATE_PREFIX.sub("", sentence))
        if attributed.attribution is None and continued is not None:
            attributed = Attributed(unquoted(attributed.content), continued)
        elif attributed.attribution is None and (author := _posted_by(posts, start)):
            attributed = Attributed(attributed.content, Attribution(author, "tweeted"))
        elif attributed.attribution is not None:  # "the colonel added" is the Col. Steve Warren named before
            speaker = roles.resolve(attributed.attribution.speaker, start)
            if speaker != attributed.attribution.speaker:
                attributed = replace(attributed, attribution=replace(attributed.attribution, speaker=speaker))
        _remember(names, name, attributed.attribution)
        if attributed.attribution is None:
            _mentioned(names, name, persons.get(sentence, ()), document.text[:end])
        absolute = document.body_offset + start
        if start < counted_to:  # spans come in order; count from the top if one ever does not
            newlines, counted_to = 0, 0
        newlines += document.text.count("\n", counted_to, start)  # counted once, not from the top per claim
        counted_to = start
        line = _line_of(document, newlines)
        made = []
        told = [(attributed.narration, None)] if is_claim_sentence(attributed.narration) else []
        for part, attribution in told + [(part, attributed.attribution) for part in _parts(attributed.content)]:
            if len(part.split()) < MIN_WORDS and not (len(part.split()) == MIN_WORDS - 1 and _FIGURE.search(part)):
                continue  # "Five people died, the police said": three words with a figure are a claim
            made.append(
                Claim(
                    claim_id(document.id, absolute, document.body_offset + end),
                    document.id,
                    part[:MAX_CLAIM_CHARS],
                    sentence,
                    absolute,
                    document.body_offset + end,
                    line,
                    attribution,
                )
            )
        claims.extend(made)
        for index, speaker in quotation.leave(sentence, attributed.attribution, made):
            claims[index] = replace(claims[index], text=unquoted(claims[index].text), attribution=speaker)
    return with_unique_ids(claims, "#")


# quotation marks that open or close a quotation: curly double ones; a single one that is "‘", opens a sentence or
# follows a colon; a closing single one not followed by a letter ("’" and "'" inside a word are apostrophes:
# "Durex denies rumors of a ‘pumpkin spice’ flavored condom." opens and closes one)
_OPENING = ("“", '"', "‘", "'")
_QUOTE_MARKS = re.compile(
    r"(?P<open>“|‘|(?:^|(?<=:\s)|(?<=\s[-–—]\s))')|(?P<close>”|(?<=\S)['’](?![A-Za-z]))|(?P<either>\")"
)


class _Quotation:
    """Who speaks inside a quotation that runs over several sentences, so each of them is attributed.

    'He said: “I returned to the airport. I know the rules.”' gives the second sentence its speaker too, and so does
    the next paragraph when it opens with a quotation mark (the convention for a quote that goes on); a quotation
    whose speaker comes at its end ('“We will fight. We will win,” she said.') passes that speaker back to the
    sentences it opened with. A paragraph that does not open with a quotation mark ends any quotation left open.
    A paragraph that is a quotation with no speaker of its own goes on in the voice of the quotation that ended the
    paragraph before it, or of the one a sentence ending in "he added:" introduced (news style names a new speaker).
    """

    def __init__(self, first_index: int = 0) -> None:
        self.open = False
        self.single = False  # the open quotation opened with a single mark, which a single mark may close
        self.speaker: Attribution | None = None
        self.waiting: list[int] = []  # claims of the open quotation still without a speaker
        self.count = first_index  # the index the next claim made will have
        self.continued = False  # the sentence opens a new paragraph of the open quotation
        self.last: Attribution | None = None  # the speaker of the quotation this paragraph last closed
        self.introduced: Attribution | None = None  # the speaker the previous sentence announced ("he added:")

    def introduce(self, speaker: Attribution) -> None:
        """The sentence just entered announces a quotation by `speaker` ("Via Yahoo News, she explains:")."""
        self.introduced = speaker

    def enter(self, sentence: str, new_paragraph: bool) -> Attribution | None:
        """The speaker a sentence that starts inside the open quotation inherits (None outside one); a quotation
        that opens right after one closed in the same paragraph goes on in the same voice ('“...,” said one
        official. “We found out ...”')."""
        opens = sentence.lstrip().startswith(_OPENING)
        self.continued = new_paragraph and self.open and opens
        introduced, self.introduced = self.introduced, None
        if new_paragraph and not (opens and _wholly_quoted(sentence)):  # not '“Fake news” sites spread ...'
            self.last = introduced = None
        if new_paragraph and not opens:
            self.open, self.speaker, self.waiting = False, None, []
        if not self.open and opens and (introduced or self.last) is not None:
            return Attribution((introduced or self.last).speaker, "quote")
        if not self.open or self.speaker is None:
            return None
        return Attribution(self.speaker.speaker, "quote")

    def leave(self, sentence: str, attribution: Attribution | None, made: list[Claim]) -> list[tuple[int, Attribution]]:
        """Update the state after a sentence; the earlier claims of a quotation its closing speaker now names."""
        was_open = self.open
        for number, mark in enumerate(_QUOTE_MARKS.finditer(sentence)):
            if number == 0 and self.continued:
                continue  # the mark that reopens the quotation in its next paragraph leaves it open
            if mark["close"] is not None and mark.group() in "’'" and self.open and not self.single:
                continue  # an apostrophe inside a double-quoted quotation ("in their husbands' houses,"), no close
            self.open = mark["open"] is not None or (mark["either"] is not None and not self.open)
            self.single = self.open and mark["open"] is not None and mark.group() in "‘'"
        indices = list(range(self.count, self.count + len(made)))
        self.count += len(made)
        named: list[tuple[int, Attribution]] = []
        if self.open:
            if attribution is not None and (attribution.cue != "quote" or self.speaker is None):
                self.speaker = attribution
            if self.speaker is None and (was_open or sentence.lstrip().startswith(_OPENING)):
                self.waiting += indices
        else:
            if attribution is not None and was_open:
                named = [(index, Attribution(attribution.speaker, "quote")) for index in self.waiting]
            # a quotation's voice goes on in the next quotation of the paragraph, unless narration comes between
            self.last = attribution or self.speaker if was_open or _QUOTE_MARKS.search(sentence) else None
            self.speaker, self.waiting = None, []
        return named


def _wholly_quoted(sentence: str) -> bool:
    """The sentence is inside the quotation it opens: no mark closes it before the sentence's end ('“We thought it
    was a mite.”', '“We thought it was a mite.' going on); not '“Star Wars” opens in December.'."""
    marks = list(_QUOTE_MARKS.finditer(sentence.strip()))
    closing = [m for m in marks[1:] if m["close"] is not None or m["either"] is not None]
    return not closing or closing[0].end() >= len(sentence.strip().rstrip(".!?,;: ")) - 1


def _remember(names: list[str], name: str | None, attribution: Attribution | None) -> None:
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


def _parts(content: str) -> list[str]:
    """The separate facts of one attributed sentence: each sentence of a quotation that holds several ("X. We will
    never forget our friends," she said), and each half of a joined report."""
    sentences = [content[start:end].strip() for start, end in split_sentences(content)]
    if len(sentences) > 1 and all(is_claim_sentence(s) for s in sentences):
        return [part for sentence in sentences for part in _split_joined(sentence)]
    # what is left once the speaker is removed can be a condition or a fragment with no subject ("a source says
    # that isn't going to happen" leaves "isn't going to happen"), or a verdict on an unnamed "it" ("'It was not
    # fun,' Roche said." leaves "It was not fun.")
    return [
        part
        for part in _split_joined(content)
        if not _bare_condition(part)
        and not _subjectless(part)
        and not _unnamed_verdict(part)
        and not _nothing_to_check(part)
    ]


def _split_joined(content: str) -> list[str]:
    """'A have been wounded and believe that B' -> ['A have been wounded.', 'B']."""
    parts = _JOINED_REPORT.split(content)
    if len(parts) < 2 or any(len(p.split()) < MIN_WORDS for p in parts):
        return [content]
    cleaned = []
    for part in parts:
        part = part.strip()
        part = part[0].upper() + part[1:]
        cleaned.append(part if part.endswith((".", "!", "”")) else part + ".")
    return cleaned


def _parsed_speakers(sentences: list[str]) -> dict[str, Attributed]:
    """Speakers the patterns miss, read off the parse of the sentences that may report speech."""
    chosen = [
        s
        for s in dict.fromkeys(sentences)
        if (MAY_REPORT.search(s) or MAY_DISMISS.search(s)) and is_claim_sentence(s) and _doubtful(s)
    ]
    if not chosen:
        return {}
    from .parse import read_parses

    found = read_parses([_UPDATE_PREFIX.sub("", s) for s in chosen], _attribution_of)
    return dict(zip(chosen, found))


# a report by "he" or "she": who they are is someone the sentences before it named
_PRONOUN_REPORT = re.compile(
    r"\b(?:he|she)\s+(?:also\s+|later\s+|then\s+)?(?:said|says|added|adds|told|tells|explained|explains|wrote|writes|"
    r"noted|continued|claimed|insisted|stated|recalled)\b|\b(?:said|says|added|adds|explained|wrote|continued)\s+(?:he|she)\b",
    re.I,
)
BEFORE = 2  # sentences before a pronoun's report whose people may be who it means


def _persons_named(documents: list[list[str]]) -> dict[str, tuple[str, ...]]:
    """The people (named-entity recogniser's PERSON) each sentence names, for the sentences just before a report by
    "he" or "she" ("... before Mr Somers appears and gives a statement." / "He said: ..."): the one a pronoun means
    is often named inside a sentence of narration, not at its start or as a speaker."""
    chosen: dict[str, None] = {}
    for sentences in documents:
        for index, sentence in enumerate(sentences):
            if _PRONOUN_REPORT.search(sentence):
                for before in sentences[max(0, index - BEFORE) : index]:
                    if not before.lstrip().startswith(_OPENING) and attribute(before).attribution is None:  # narration
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


def _mentioned(names: list[str], name: str | None, people: tuple[str, ...], written: str) -> None:
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


def _ambiguous(found: Attributed, sentence: str) -> bool:
    """A pattern's speaker whose verb may take a thing, not a report ("added a product line", not "added that"): the
    parse decides."""
    cue = found.attribution.cue if found.attribution else ""
    return cue in _AMBIGUOUS_CUES and f"{cue} that " not in sentence


# a report whose content opens on a verb lost its subject to the speaker ("The sickening attack they said was
# carried out by ...", "a scenario they say was reinforced by ...", "The meteorite — which experts say may have
# disintegrated ..."), and one that opens on a relative or a question word reports no claim ("Some Managua
# residents reported hearing a loud boom on Saturday, which would be consistent with ..."); only "that" can be
# the subject a "said that" seemed to introduce ("Francis said that is not ...")
_OPENS_ON_VERB = re.compile(r"(?:is|are|was|were|has|have|had|may|might|could|would|should|will|can|must|does|did)")
_OPENS_ON_RELATIVE = frozenset({"which", "who", "why"})


def _subject_kept(attributed: Attributed, sentence: str) -> Attributed:
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
    bare = _UPDATE_PREFIX.sub("", sentence)
    found = attribute(bare)
    if found.attribution is None or _ambiguous(found, sentence):
        return True
    stance = found.attribution.cue.removeprefix("not ") in STANCE.split("|")
    return found.content == strip_dateline(bare.strip()) and not stance


def _resolved(attributed: Attributed, names: list[str]) -> Attributed:
    """A pronoun speaker ("he said") as the one the article named last."""
    speaker = resolved_speaker(attributed.attribution.speaker, names)
    return replace(attributed, attribution=Attribution(speaker, attributed.attribution.cue))


def _strip_title_suffix(title: str) -> str:
    """'Russia confirms ...: Reports' -> 'Russia confirms ...' (a trailing source tag is not content)."""
    return re.sub(r"\s*[:|–—-]\s*(reports?|report says|sources?|officials?)\s*$", "", title, flags=re.I)


def extract_all(documents: Iterable[Document]) -> list[Claim]:
    """Claims of every document, in corpus order, with their facts (one parser batch for the whole corpus)."""
    return with_partner_facts([claim for claims in extract_each(documents) for claim in claims])


def extract_each(documents: Iterable[Document]) -> list[list[Claim]]:
    """The claims of each document, as `extract_claims` gives them, parsed in one batch for all (the cache keeps
    each document's claims apart)."""
    documents = list(documents)
    spans = split_all([document.text for document in documents])
    parsed = _parsed_speakers([d.text[start:end] for d, found in zip(documents, spans) for start, end in found])
    persons = _persons_named([[d.text[start:end] for start, end in found] for d, found in zip(documents, spans)])
    groups = [_claims(document, sentences, parsed, persons) for document, sentences in zip(documents, spans)]
    return _with_facts(groups, [document.date for document in documents])
