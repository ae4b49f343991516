"""The fixed English vocabulary the deterministic rules read: number and scale words, currencies, length units,
months, weekdays, stop words, and the other names news uses for the same country or group.

Kept apart from the rules so that each rule module (quantities, topics, polarity) imports words, not each other.
"""

from __future__ import annotations

import re

SCALES = {
    "hundred": 1e2,  # "three hundred soldiers"
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}

WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}

CURRENCY_SYMBOLS = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}

CURRENCY_WORDS = {
    "dollar": "dollar",
    "dollars": "dollar",
    "usd": "dollar",
    "euro": "euro",
    "euros": "euro",
    "eur": "euro",
    "pound": "pound",
    "pounds": "pound",
    "gbp": "pound",
    "yen": "yen",
    "yuan": "yuan",
    "rubles": "ruble",
    "roubles": "ruble",
    "won": "won",
}

# lengths in other units are compared in metres ("39 feet" is "12 metres"); the unit names as `_unit` gives them
METRES_PER = {
    "metre": 1.0,
    "meter": 1.0,
    "km": 1000.0,
    "kilometre": 1000.0,
    "kilometer": 1000.0,
    "cm": 0.01,
    "centimetre": 0.01,
    "centimeter": 0.01,
    "foot": 0.3048,
    "feet": 0.3048,
    "ft": 0.3048,
    "inch": 0.0254,
    "inche": 0.0254,
    "yard": 0.9144,
    "mile": 1609.344,
}

# durations compare whatever the unit ("2 days" = "48 hours"; "48 hours" vs "48 minutes" conflict)
SECONDS_PER = {
    "second": 1.0,
    "minute": 60.0,
    "hour": 3600.0,
    "day": 86400.0,
    "week": 604800.0,
    "month": 2629800.0,  # a twelfth of a year
    "year": 31557600.0,  # 365.25 days
}

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

# when, not what: "Thursday that ..." and "Yesterday that ..." report one event
RELATIVE_DAYS = ("yesterday", "today", "tonight", "tomorrow")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# names of months and days: capitalised like names, but in every story ("Tuesday") and no place ("in late December")
CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# verbs that state a cause: their subject or agent caused their object ("lightning started the fire")
CAUSE_VERBS = frozenset({"cause", "start", "spark", "trigger", "ignite"})

# capitalised words that open a sentence or a title, not names ("The", "After", "Mr")
COMMON_CAPITALISED = frozenset(
    "The A An It He She They We This That These Those In On At But And Or If As "
    "After Before When While Some Many Most Mr Mrs Ms Dr".split()
)

STOP_WORDS = frozenset(
    "the a an of to in and or is are was were be been being for on at by with from that this it as has "
    "have had not no he she they we you i his her their its our will would can could may might said "
    "says some about around more than over nearly almost up least under there which who whom what "
    "when where while also other another but how why if so then because into out all any such them him me my "
    "your these those very just only even still yet do does did here".split()
)


# Names news uses for one country or group: a capital for its government ("Pyongyang has not confirmed"), the
# adjective where the stem differs from the name's ("Chinese" / "China"), and the acronyms of one group. Each
# pattern (matched case-sensitively, on word boundaries) adds the words of its name to a claim's topic words, so
# "Pyongyang has not confirmed it sent troops" and "North Korea has not confirmed the dispatch" share a subject.
ALIASES: dict[str, str] = {
    "Pyongyang": "North Korea",
    "Seoul": "South Korea",
    "Kremlin": "Russia",
    "Moscow": "Russia",
    "Kyiv": "Ukraine",
    "Kiev": "Ukraine",
    "Beijing": "China",
    "Chinese": "China",
    "Tehran": "Iran",
    "Iranian": "Iran",
    "Damascus": "Syria",
    "Baghdad": "Iraq",
    "Iraqi": "Iraq",
    "Kabul": "Afghanistan",
    "Afghan": "Afghanistan",
    "Islamabad": "Pakistan",
    "New Delhi": "India",
    "Ankara": "Turkey",
    "Turkish": "Turkey",
    "Riyadh": "Saudi Arabia",
    "Cairo": "Egypt",
    "Egyptian": "Egypt",
    "Tokyo": "Japan",
    "Japanese": "Japan",
    "Paris": "France",
    "French": "France",
    "Berlin": "Germany",
    "British": "Britain",
    "UK": "Britain",
    "United Kingdom": "Britain",
    "Dutch": "Netherlands",
    "Washington": "America",
    "White House": "America",
    "U.S.": "America",
    "U.S": "America",
    "US": "America",
    "USA": "America",
    "United States": "America",
    "ISIS": "Islamic State",
    "ISIL": "Islamic State",
    "IS": "Islamic State",
    "Daesh": "Islamic State",
}

# abbreviations news copy writes out elsewhere ("E. Meyer Blvd." / "East Meyer Boulevard", "Sen." / "Senator"): one
# word each, so a restatement is not read as a change
ABBREVIATIONS = {
    "blvd": "boulevard",
    "ave": "avenue",
    "rd": "road",
    "hwy": "highway",
    "pkwy": "parkway",
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "col": "colonel",
    "capt": "captain",
    "dept": "department",
    "govt": "government",
    "univ": "university",
    "intl": "international",
    "corp": "corporation",
}

# verbs of denial: each negates what it reports, and each is one form, so "disputed Hunter's claim" restates
# "denied Hunter's claim"
DENIALS = {
    **{word: "deny" for word in ("deny", "dispute", "reject", "refute")},
    **{word: "denies" for word in ("denies", "disputes", "rejects", "refutes")},
    **{word: "denied" for word in ("denied", "disputed", "rejected", "refuted")},
    **{word: "denying" for word in ("denying", "disputing", "rejecting", "refuting")},
}
# the words that make a claim a denial: refusing too (of what is asked, so not a restatement of "denied"), but not
# "dispute", most often the noun ("a trade dispute")
DENIAL_WORDS = (*(word for word in DENIALS if word != "dispute"), "refused", "refuses", "refusing")
# verbs that call a report false, in every form (a regex alternation): "dismissed media reports that", "laughed off
# claims that", "killed off rumours that", "poured cold water on reports that", "shot down suggestions of"; what the
# report says is then the claim, denied (deny, reject and dispute are STANCE verbs: the whole sentence is the claim)
DISMISSALS = (
    r"(?:dismiss|debunk|rebut|refute|quash|scotch|rubbish|discount|discredit)\w*|"
    r"(?:laugh|brush|shrug|kill|wave|swat)(?:s|ed|ing)?\s+(?:off|away|aside|down)|"
    r"(?:sh(?:o|oo)t(?:s|ing)?)\s+down|pour(?:s|ed|ing)?\s+cold\s+water\s+on|push(?:es|ed|ing)?\s+back\s+(?:against|on)"
)
# the nouns of a report that may be called false or doubted: "reports that", "claims of"
REPORT_NOUNS = r"reports?|claims?|rumou?rs?|allegations?|suggestions?|speculation|stories|story|accounts?"
# a frame that doubts what follows without denying it: "Nasa has raised doubts about whether a loud boom ... was
# caused by a meteorite", "questioned whether", "are sceptical that"; what follows is a claim not confirmed
DOUBTS = (
    r"(?:rais(?:e|es|ed|ing)|cast(?:s|ing)?|express(?:es|ed|ing)?|voic(?:e|es|ed|ing))\s+(?:\w+\s+)?doubts?\s+"
    r"(?:about|over|on|as\s+to)\s+(?:whether|if|(?:the\s+|these\s+|those\s+|such\s+)?"
    rf"(?:{REPORT_NOUNS})\s+that)|question(?:s|ed|ing)?\s+whether|"
    r"(?:is|are|was|were|remains?|remained)\s+(?:\w+\s+)?(?:skeptical|sceptical)\s+(?:(?:about|of|as\s+to)\s+)?(?:that|whether)"
)
# what such a verb calls false, with up to three words before it and a time after it: "reports that", "media
# reports that", "the government's claims of", "claims on Thursday that"
REPORT_PHRASE = rf"(?:[\w’'-]+\s+){{0,3}}?(?:{REPORT_NOUNS})(?:\s+(?:on|last|this|earlier)\s+\w+)?"
# words that call a report false as its complement (a regex alternation): "the talking point is categorically
# false", "the claims are baseless", "called the congressman a liar", "branded the story fake", "proved untrue". The
# one-word debunks of DEBUNK_WORDS below that stand as a complement, with words of lying and error; DEBUNK_WORDS
# itself stays as the decision's weights were trained with it
FALSITY = r"false|untrue|baseless|groundless|unfounded|fake|hoax|fabricat\w*|liars?|lies|bogus|inaccurate|incorrect"

# denials in other words (a regex alternation): "Lin bristled at the suggestion that any part of his video had been
# staged" denies it as much as "Lin denied any part of his video had been staged" (real news: a 0.99 negation finding
# between the two); Boko Haram's leader "dismissed claims" of the truce Nigeria announced
# (the decision's features were trained with a determiner only before the noun, not REPORT_PHRASE's three words)
DENIAL_PHRASES = rf"bristled at|scoffed at|(?:{DISMISSALS})\s+(?:the |such |those |these )?(?:{REPORT_NOUNS})"

# words of a story about a rumour and its debunking: such an article states the rumour and its denial side by side
RUMOUR_WORDS = re.compile(
    r"\b(hoax(es)?|fake|false(ly)?|untrue|rumou?rs?|rumou?red|debunk(ed|s)?|satir(e|ical)|myths?|claim(s|ed)?|"
    r"alleg(e|ed|edly|ations?)|reportedly|speculat(e|ed|ion)|unconfirmed|purported(ly)?)\b",
    re.I,
)

# words that call a claim false (the debunking half of RUMOUR_WORDS, and its kin)
DEBUNK_WORDS = re.compile(
    r"\b(hoax(es)?|fake[ds]?|false(ly)?|untrue|not true|debunk(ed|s|ing)?|satir(e|ical)|myths?|phony|bogus|"
    r"photoshopped|doctored|fabricat(ed|ion)|unfounded|baseless|no evidence|no truth)\b",
    re.I,
)
# a "no" or "none" that negates nothing: it strengthens ("I have no doubt that ...", "There was no question that ...",
# "there's no denying ...", "was none other than Paul Rudd") or concedes ("No matter what he faced, he was kind");
# the parse's polarity reads these two-word idioms (compare.polarity.NOT_A_DENIAL reads most of them in the words)
NEGATION_IDIOMS = frozenset(
    {"no doubt", "no question", "no denying", "no mistake", "no wonder", "no matter", "none other"}
)
# words that report a claim without vouching for it
HEARSAY_WORDS = re.compile(
    r"\b(rumou?rs?|rumou?red|claim(s|ed)?|alleg(e|ed|edly|ations?)|reportedly|purported(ly)?|report(s|ed)?|"
    r"speculat(e|ed|ion)|unconfirmed|circulat(ed|ing)|viral)\b",
    re.I,
)

# word pairs of opposite meaning: the contrast generator swaps them; a near-copy that swaps one is no restatement
ANTONYMS = {
    "increased": "decreased",
    "rose": "fell",
    "won": "lost",
    "approved": "rejected",
    "confirmed": "denied",
    "accepted": "refused",
    "higher": "lower",
    "more": "fewer",
    "before": "after",
    "opened": "closed",
    "allowed": "banned",
    "gained": "lost",
    "rising": "falling",
    "increase": "decrease",
    "true": "false",
    "alive": "dead",
    "legal": "illegal",
    "success": "failure",
    "victory": "defeat",
    "supported": "opposed",
    "support": "oppose",
    "largest": "smallest",
    "biggest": "smallest",
    "majority": "minority",
    "entered": "left",
    "arrived": "departed",
    "started": "ended",
    "began": "ended",
    "released": "detained",
    "guilty": "innocent",
    "cheap": "expensive",
    "strong": "weak",
    "peaceful": "violent",
}
ANTONYMS.update({b: a for a, b in list(ANTONYMS.items()) if b not in ANTONYMS})

# irregular forms of common news verbs -> one form, so "fought" meets "fight" and "died" meets "dead" when asking
# whether two claims say something alike (topics.say_alike; crude stems only cut regular endings)
_IRREGULAR_FORMS = {
    "die": "died dies dying dead death deaths",
    "fight": "fought fights fighting",
    "send": "sent sends sending",
    "go": "went gone goes going",
    "make": "made makes making",
    "win": "won wins winning",
    "lose": "lost loses losing loss",
    "take": "took taken takes taking",
    "hold": "held holds holding",
    "bring": "brought brings bringing",
    "build": "built builds building",
    "buy": "bought buys buying",
    "catch": "caught catches catching",
    "keep": "kept keeps keeping",
    "leave": "left leaves leaving",
    "meet": "met meets meeting",
    "pay": "paid pays paying",
    "sell": "sold sells selling sale",
    "tell": "told tells telling",
    "find": "found finds finding",
    "steal": "stole stolen steals stealing",
    "shoot": "shot shoots shooting",
    "strike": "struck strikes striking",
    "begin": "began begun begins beginning",
    "run": "ran runs running",
    "give": "gave given gives giving",
    "see": "saw seen sees seeing",
    "know": "knew known knows knowing",
    "fly": "flew flown flies flying flight",
    "fall": "fell fallen falls falling",
    "rise": "rose risen rises rising",
    "speak": "spoke spoken speaks speaking",
    "break": "broke broken breaks breaking",
    "flee": "fled flees fleeing",
    "lead": "led leads leading",
    "seek": "sought seeks seeking",
    "throw": "threw thrown throws throwing",
    "wear": "wore worn wears wearing",
    "bear": "bore born",
    "kill": "killed kills killing killings",
    "arrest": "arrested arrests arresting",
}
IRREGULAR = {form: base for base, forms in _IRREGULAR_FORMS.items() for form in (base, *forms.split())}
