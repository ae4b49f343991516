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

from ..compare.vocabulary import CALENDAR
from ..compare.words import named_entities
from ..records import Attribution, Claim, Document, with_unique_ids
from .attribution import (
    REPORTING,
    Attributed,
    RoleNames,
    attribute,
    introduced_speaker,
    leading_name,
    strip_dateline,
    unquoted,
)
from .claimable import (
    CREDIT,
    FIGURE,
    HAS_VERB_HINT,
    MAX_CLAIM_CHARS,
    MAX_SENTENCE_CHARS,
    MIN_WORDS,
    UPDATE_PREFIX,
    bare_condition,
    is_claim_sentence,
    nothing_to_check,
    subjectless,
    unnamed_verdict,
)
from .denials import denial_lead, denied_claim
from .quotations import OPENING, Quotation
from .sentences import split_all, split_sentences
from .voices import (
    ambiguous,
    mentioned,
    parsed_speakers,
    persons_named,
    posted_by,
    remember,
    resolved,
    subject_kept,
    tweets,
)

_JOINED_REPORT = re.compile(rf"\s+and\s+(?:{REPORTING})\s+that\s+")


def claim_id(document_id: str, start: int, end: int) -> str:
    """Stable claim id from its document and span."""
    return f"{document_id}:{start}-{end}"


def text_hash(text: str) -> str:
    """Short hash of a text (cache keys, finding ids)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


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
        if len(c.text.split()) <= VERBLESS_MAX_WORDS and not FIGURE.search(c.text) or not HAS_VERB_HINT.search(c.text)
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
    name, `persons_named`) when the caller has them for a whole corpus."""
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
    quotation = Quotation(first_index=len(claims))  # after the title
    previous_end = 0
    spans = split_sentences(document.text) if spans is None else spans
    if parsed is None:
        parsed = parsed_speakers([document.text[start:end] for start, end in spans])
    if persons is None:
        persons = persons_named([[document.text[start:end] for start, end in spans]])
    newlines, counted_to = 0, 0
    posts = tweets(document.text)
    told_before: list[range] = []  # the claims of the last two sentences that made any: what a denial may deny
    for start, end in spans:
        sentence = document.text[start:end]
        if CREDIT.search(sentence.strip()):  # a photo and its credit, set inside the text: a quotation runs past it
            continue
        continued = quotation.enter(sentence, new_paragraph="\n" in document.text[previous_end:start])
        previous_end = end
        name = leading_name(sentence)
        if introduced := introduced_speaker(sentence, names):
            quotation.introduce(introduced)
        if not is_claim_sentence(sentence) or len(sentence) > MAX_SENTENCE_CHARS:
            if name:
                names.append(name)
            if continued is None and not sentence.lstrip().startswith(OPENING):  # narration, not a quotation
                mentioned(names, name, persons.get(sentence, ()), document.text[:end])
            remember(names, None, introduced)  # "A nearby neighbour told The Telegraph's Camilla Turner:" names one
            quotation.leave(sentence, None, [])
            continue
        attributed = attribute(UPDATE_PREFIX.sub("", sentence), names)
        if sentence in parsed:  # what the parse says where the patterns found nothing, or may have misread
            found = parsed[sentence]
            if found is not None:
                attributed = resolved(found, names)
            elif ambiguous(attributed, sentence):
                attributed = Attributed(strip_dateline(UPDATE_PREFIX.sub("", sentence).strip()), None)
        attributed = subject_kept(attributed, UPDATE_PREFIX.sub("", sentence))
        if attributed.attribution is None and continued is not None:
            attributed = Attributed(unquoted(attributed.content), continued)
        elif attributed.attribution is None and (author := posted_by(posts, start)):
            attributed = Attributed(attributed.content, Attribution(author, "tweeted"))
        elif attributed.attribution is not None:  # "the colonel added" is the Col. Steve Warren named before
            speaker = roles.resolve(attributed.attribution.speaker, start)
            if (author := posted_by(posts, start)) and " (via " not in speaker:  # a post that reports someone
                speaker = f"{speaker} (via {author})"  # "RT @x: according to Iraqi media there have been ..."
            if speaker != attributed.attribution.speaker:
                attributed = replace(attributed, attribution=replace(attributed.attribution, speaker=speaker))
        remember(names, name, attributed.attribution)
        if attributed.attribution is None:
            mentioned(names, name, persons.get(sentence, ()), document.text[:end])
        absolute = document.body_offset + start
        if start < counted_to:  # spans come in order; count from the top if one ever does not
            newlines, counted_to = 0, 0
        newlines += document.text.count("\n", counted_to, start)  # counted once, not from the top per claim
        counted_to = start
        line = _line_of(document, newlines)
        made = []
        told = [(attributed.narration, None)] if is_claim_sentence(attributed.narration) else []
        for part, attribution in told + [(part, attributed.attribution) for part in _parts(attributed.content)]:
            if len(part.split()) < MIN_WORDS and not (len(part.split()) == MIN_WORDS - 1 and FIGURE.search(part)):
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
        first = len(claims)
        claims.extend(made)
        for index, speaker in quotation.leave(sentence, attributed.attribution, made):
            claims[index] = replace(claims[index], text=unquoted(claims[index].text), attribution=speaker)
        denier = attributed.attribution
        if made and denier and (lead := denial_lead(strip_dateline(UPDATE_PREFIX.sub("", sentence)))):
            earlier = [claims[i] for told in told_before for i in told]
            if text := denied_claim(lead, earlier, denier):
                claims.append(replace(made[-1], text=text[:MAX_CLAIM_CHARS], attribution=denier))
        if made:
            told_before = [*told_before[-1:], range(first, first + len(made))]
    return with_unique_ids(claims, "#")


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
        if not bare_condition(part)
        and not subjectless(part)
        and not unnamed_verdict(part)
        and not nothing_to_check(part)
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
    parsed = parsed_speakers([d.text[start:end] for d, found in zip(documents, spans) for start, end in found])
    persons = persons_named([[d.text[start:end] for start, end in found] for d, found in zip(documents, spans)])
    groups = [_claims(document, sentences, parsed, persons) for document, sentences in zip(documents, spans)]
    return _with_facts(groups, [document.date for document in documents])
