"""Who speaks inside a quotation that runs over several sentences or paragraphs."""

from __future__ import annotations

import re

from ..records import Attribution, Claim

# quotation marks that open or close a quotation: curly double ones; a single one that is "‘", opens a sentence or
# follows a colon; a closing single one not followed by a letter ("’" and "'" inside a word are apostrophes:
# "Durex denies rumors of a ‘pumpkin spice’ flavored condom." opens and closes one)
OPENING = ("“", '"', "‘", "'")


_QUOTE_MARKS = re.compile(
    r"(?P<open>“|‘|(?:^|(?<=:\s)|(?<=\s[-–—]\s))')|(?P<close>”|(?<=\S)['’](?![A-Za-z]))|(?P<either>\")"
)


class Quotation:
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
        opens = sentence.lstrip().startswith(OPENING)
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
            if self.speaker is None and (was_open or sentence.lstrip().startswith(OPENING)):
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
