"""Which sentences are claims: a declarative sentence that asserts something about the story, not page furniture
(credits, captions, an embedded post's signature, calls to the reader), the newsroom on its own reporting, a
question, a fragment or a judgement of taste."""

from __future__ import annotations

import re

from ..compare.vocabulary import MONTHS
from .facts import NUMBER_WORDS

MIN_WORDS = 4


FIGURE = re.compile(rf"\d|\b(?:{NUMBER_WORDS})\b", re.I)


MAX_CLAIM_CHARS = 600
# a longer "sentence" is a page that has no full stops (see sentences.MAX_BLOCK_CHARS): no claim, never parsed
MAX_SENTENCE_CHARS = 2 * MAX_CLAIM_CHARS


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


HAS_VERB_HINT = re.compile(
    r"\b(is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|did|does|do)\b|"
    r"\b\w+(ed|es|s)\b|\b(?:" + "|".join(_IRREGULAR_VERBS.split()) + r")\b",
    re.I,
)


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
TWEET_SIGNATURE = re.compile(r"\(@\w{1,15}\)\s+(?:" + "|".join(MONTHS) + r")\s+\d{1,2},\s+\d{4}", re.I)


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


CREDIT = re.compile(
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
UPDATE_PREFIX = re.compile(
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


MODAL = re.compile(r"(?:will|would|can|could|should|must|may|might|shall)\b", re.I)


def bare_condition(text: str) -> bool:
    """ "If dogs could go to hell, too.": a condition with no main clause asserts nothing; nor does one whose main
    clause has no subject ("If you see that someone needs help, will never pass by.", a list of advice)."""
    if not _CONDITION.match(text):
        return False
    if len(text.rpartition(",")[2].split()) < 3:
        return True
    main = text.partition(",")[2].strip()  # the first comma: later ones may close a clause inside the main one
    return bool(_SUBJECTLESS.match(main) or MODAL.match(main))


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


def nothing_to_check(text: str) -> bool:
    """A judgement of taste, an exhortation or an exclamation: said, but no fact."""
    return bool(_OPINION.search(text) or _NOT_ASSERTED.search(text))


def unnamed_verdict(text: str) -> bool:
    words = _BRACKETED.sub(" ", text).split()
    if _names_something(words):
        return False
    if _DEMONSTRATIVE_VERDICT.match(text):
        return len(words) <= SUBJECTLESS_MAX_WORDS
    return bool(_UNNAMED_STANCE.search(text)) and len(words) <= UNNAMED_STANCE_MAX_WORDS


def subjectless(text: str) -> bool:
    return bool(_SUBJECTLESS.match(text)) and len(text.split()) <= SUBJECTLESS_MAX_WORDS


def is_claim_sentence(sentence: str) -> bool:
    """A declarative sentence long enough to assert something: no questions, headings or fragments."""
    stripped = _BULLET.sub("", sentence.strip().rstrip("”\"’'"))
    # a question, or a line that introduces what follows ("Here's Mark Gurman at 9to5Mac:")
    if stripped.endswith(("?", ":")) or _BOILERPLATE.search(stripped) or _TIMESTAMP.match(stripped):
        return False
    if _CAPTION.search(stripped) or CREDIT.search(stripped) or TWEET_SIGNATURE.search(stripped):
        return False
    if _NEWSROOM_NOTE.search(stripped) and not _GOES_ON.search(stripped):
        return False
    if stripped.isupper() or _CODE.search(stripped):  # a heading or page furniture ("ADD A COMMENTSEE ALL COMMENTS")
        return False
    # credits, editor's notes and labels: "(With the Associated Press)", "Example: [Collected via email, May 2014]"
    words = _BRACKETED.sub(" ", stripped).split()
    if bare_condition(stripped) or subjectless(stripped):
        return False
    if unnamed_verdict(stripped) or _NOT_SAYING.match(stripped) or _UNSAID.search(stripped):
        return False
    if nothing_to_check(stripped):
        return False
    # with a figure, a verb the hint cannot see ("About 200,000 people in the country use the drug") is looked for in
    # the parse (`extract._predicated`)
    return len(words) >= MIN_WORDS and bool(HAS_VERB_HINT.search(" ".join(words)) or FIGURE.search(stripped))
