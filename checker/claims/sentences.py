"""Sentence segmentation with exact character spans (pysbd, which knows abbreviations, decimals, quotes)."""

from __future__ import annotations

import re
import threading

from ..cores import usable_cores

_PARAGRAPH = re.compile(r"\n\s*\n")
_LOCAL = threading.local()


def _segmenter():
    """One pysbd segmenter per thread: it keeps the text being split on the instance, so it is not thread-safe."""
    segmenter = getattr(_LOCAL, "segmenter", None)
    if segmenter is None:
        import pysbd

        segmenter = _LOCAL.segmenter = pysbd.Segmenter(language="en", clean=False, char_span=False)
    return segmenter


# documents to split before a second process is worth starting (1,683 news articles: 10.3 s in one process)
PARALLEL_FROM = 200
CHUNK = 50  # documents a worker splits at a time


def split_all(texts: list[str]) -> list[list[tuple[int, int]]]:
    """`split_sentences` of each text, in order; many texts are split in two worker processes (pysbd's rules, in pure
    Python, were a ninth of the claim stage's time on the news corpus, all in the main process)."""
    if len(texts) < PARALLEL_FROM or usable_cores() < 2:
        return [split_sentences(text) for text in texts]
    from .parse import in_workers

    chunks = [texts[i : i + CHUNK] for i in range(0, len(texts), CHUNK)]
    return [spans for part in in_workers(_split_chunk, chunks) for spans in part]


def _split_chunk(texts: list[str]) -> list[list[tuple[int, int]]]:
    return [split_sentences(text) for text in texts]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) character spans of the sentences of `text`, paragraph by paragraph.

    Paragraph breaks always end a sentence; inside a paragraph pysbd decides. Spans exclude the
    surrounding white space, so `text[start:end]` is the sentence exactly as written.
    """
    spans: list[tuple[int, int]] = []
    position = 0
    for block in [*_PARAGRAPH.finditer(text), None]:
        block_end = block.start() if block else len(text)
        for start, end in _windows(text, position, block_end):
            _split_block(text, start, end, spans)
        if block:
            position = block.end()
    return spans


# pysbd's time grows with the square of a block's length (100 KB of prose without a blank line: 5 s; 1 MB: minutes).
# A longer paragraph is segmented in windows of at most this many characters (no real news body of the 1,683
# has a paragraph this long: their sentences are unchanged), cut at a line break, else after a
# full stop, else at a space, in the window's second half: time grows with the length, and a sentence is cut only
# where the text has no break for thousands of characters (no claim is that long: see MAX_CLAIM_CHARS).
MAX_BLOCK_CHARS = 10_000


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    windows = []
    while end - start > MAX_BLOCK_CHARS:
        limit, middle = start + MAX_BLOCK_CHARS, start + MAX_BLOCK_CHARS // 2
        cut = text.rfind("\n", middle, limit)
        if cut <= middle:
            cut = text.rfind(". ", middle, limit) + 1
        if cut <= middle:
            cut = text.rfind(" ", middle, limit)
        cut = cut if cut > middle else limit
        windows.append((start, cut))
        start = cut
    windows.append((start, end))
    return windows


# pysbd knows double quotation marks, not single ones: "said: ‘It was shocking. The arm was damaged.’ The boy's
# parents ..." stayed one sentence, so the parents' line went to the spokesman. The segmenter reads a copy with an
# opening "‘" and a closing "’" (after the sentence's punctuation, not an apostrophe) as double marks; one character
# each, so the spans hold for the original text.
_SINGLE_CLOSE = re.compile(r"(?<=[.!?,])’(?=\s|$)")


# scraped text loses the space after a full stop where a caption or a link met the prose ("... has been
# named.Commander Richard Walton said ..."): pysbd keeps such sentences as one; a word of three small letters, the
# stop, and a capitalised word (not "U.S.A", "Yahoo.com", "9to5Mac") is a sentence boundary
_GLUED = re.compile(r"(?<=[a-z]{3}[.!?])(?=[A-Z][a-z]{2,})")


# no sentence opens on a comma or a semicolon: pysbd ends one at an abbreviation before a comma ("Sen. Marco Rubio,
# R-Fla., using one of the acronyms ...", "Rep. Duncan Hunter, R-Calif., said he learned ..."), and the rest, a
# fragment with no speaker, read as a claim of its own; it is the same sentence
_CONTINUES = ",;"


def _split_block(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    block = _SINGLE_CLOSE.sub("”", text[start:end].replace("‘", "“"))
    if not block.strip():
        return
    cursor = 0
    for sentence in _sentences(block):
        piece = sentence.strip()
        if not piece:
            continue
        found = block.find(piece, cursor)
        if found < 0:  # pysbd normalised something; fall back to a whitespace-tolerant search
            found = cursor + (len(block[cursor:]) - len(block[cursor:].lstrip()))
        cuts = [0, *(m.start() for m in _GLUED.finditer(piece)), len(piece)]
        pieces = [(start + found + a, start + found + b) for a, b in zip(cuts, cuts[1:])]
        if piece[0] in _CONTINUES and spans and spans[-1][0] >= start:  # "Rep. Duncan Hunter, R-Calif.| , said ..."
            pieces[0] = (spans.pop()[0], pieces[0][1])
        spans.extend(pieces)
        cursor = found + len(piece)


def _sentences(block: str) -> list[str]:
    """pysbd's sentences of a block, without its `segment`: that locates each sentence in the text again through a
    regular expression compiled from the sentence itself, which floods `re`'s cache of compiled patterns so that
    pysbd's own rules are compiled anew on every call (most of the claim stage's time on news). The spans are
    found here by plain search, as `segment` found them: in order, each after the one before; a sentence pysbd
    changed so that it is not in the text is dropped, as `segment` drops it."""
    sentences = []
    prior_end = 0
    for sentence in _segmenter().processor(block).process():
        position = 0
        while sentence and (found := block.find(sentence, position)) >= 0:
            end = found + len(sentence)
            while end < len(block) and block[end].isspace():
                end += 1
            if end > prior_end:
                sentences.append(block[found:end])
                prior_end = end
                break
            position = end
    return sentences
