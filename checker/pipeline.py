"""The whole check: documents -> claims -> pairs -> judgements -> findings -> report."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .claims import extract_all
from .claims.extract import extract_each, with_partner_facts
from .config import CheckConfig
from .decision import decision_for
from .errors import InputError
from .ingest import MAX_CHARS, MAX_SENTENCES, load_documents, prepared
from .judge import Judge, load_judge
from .judge.labels import parse_label_map
from .pairing import PairPlan, plan_pairs
from .records import Claim, ClaimPair, Document, Finding, Judgement, Report, with_unique_ids
from .relate import relate, reverse_can_matter, thresholds_for


@dataclass
class Hooks:
    """Ways for a front end to watch a run; every hook is optional."""

    note: Callable[[str], None] = lambda _message: None
    start_scoring: Callable[[int], None] = lambda _total: None
    advance: Callable[[int], None] = lambda _count: None


def _score_unique(judge: Judge, keys: list[tuple[str, str]], advance) -> dict[tuple[str, str], Judgement]:
    unique = list(dict.fromkeys(keys))
    if advance and len(keys) > len(unique):
        advance(len(keys) - len(unique))  # repeated text pairs are done as soon as their first copy is
    scored = judge.judge_batch(unique, advance) if unique else []
    return dict(zip(unique, scored))


def judge_pairs(
    judge: Judge,
    pairs: Sequence[ClaimPair],
    advance: Callable[[int], None] | None = None,
    skip_neutral: float = 0.0,
) -> list[tuple[Judgement, Judgement]]:
    """Score each pair in both directions (forward, backward); identical text pairs are scored once.

    With `skip_neutral` > 0 the longer claim is judged as premise first, and the reverse direction only
    when that first judgement is less than `skip_neutral` neutral: a longer claim that says nothing about a
    shorter one is very rarely entailed or contradicted by it, and this halves the work on large corpora. Nor
    where the reverse cannot change the relation (`relate.reverse_can_matter`).
    """
    if skip_neutral <= 0:
        keys = [k for p in pairs for k in ((p.a.text, p.b.text), (p.b.text, p.a.text))]
        scored = _score_unique(judge, keys, advance)
        return [(scored[(p.a.text, p.b.text)], scored[(p.b.text, p.a.text)]) for p in pairs]
    first = [(p.a.text, p.b.text) if len(p.a.text) >= len(p.b.text) else (p.b.text, p.a.text) for p in pairs]
    scored = _score_unique(judge, first, advance)
    second = [
        (b, a)
        for pair, (a, b) in zip(pairs, first)
        if scored[(a, b)].neutral < skip_neutral and reverse_can_matter(pair, scored[(a, b)])
    ]
    skipped = len(pairs) - len(second)
    if advance and skipped:
        advance(skipped)
    scored.update(_score_unique(judge, second, advance))
    results = []
    for pair, (a, b) in zip(pairs, first):
        one = scored[(a, b)]
        other = scored.get((b, a), one)
        results.append((one, other) if a == pair.a.text else (other, one))
    return results


def claim_statuses(
    claims: Sequence[Claim], findings: Sequence[Finding]
) -> tuple[dict[str, str], dict[str, tuple[int, int]]]:
    """Each claim's status and how many other documents corroborate / dispute it. Only findings across articles
    count: an article's own sources do not corroborate it, and a conflict within it is shown but disputes nothing
    another outlet said."""
    corroborating: dict[str, set[str]] = defaultdict(set)
    disputing: dict[str, set[str]] = defaultdict(set)
    for finding in findings:
        a, b = finding.pair.a, finding.pair.b
        if a.document_id == b.document_id:
            continue
        target = corroborating if finding.relation == "agreement" else disputing
        target[a.id].add(b.document_id)
        target[b.id].add(a.document_id)
    status, support = {}, {}
    for claim in claims:
        agree, dispute = len(corroborating[claim.id]), len(disputing[claim.id])
        support[claim.id] = (agree, dispute)
        status[claim.id] = (
            "mixed" if agree and dispute else "corroborated" if agree else "contradicted" if dispute else "novel"
        )
    return status, support


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def in_date_order(pair: ClaimPair, dates: dict[str, str | None]) -> ClaimPair:
    """The pair with the claim of the earlier article as A (ISO dates only; undated or equal keeps corpus order), so
    a finding and its detail read in the order the articles appeared. The judgement does not depend on the order."""
    date_a, date_b = dates.get(pair.a.document_id), dates.get(pair.b.document_id)
    if not (date_a and date_b and _ISO_DATE.match(date_a) and _ISO_DATE.match(date_b)) or date_a[:10] <= date_b[:10]:
        return pair
    return ClaimPair(pair.b, pair.a)


def plain_notes(plan: PairPlan, skip_neutral: float) -> tuple[str, ...]:
    """What was compared and what was not, in words a reader of the report needs no manual for."""
    notes: tuple[str, ...] = ()
    if not plan.exhaustive:
        chosen = len(plan.pairs) + plan.unrelated + plan.own_voice
        notes += (
            f"{chosen:,} of {plan.considered:,} possible pairs of claims were candidates: each claim's nearest in "
            "meaning and those naming the same people, places or figures (--exhaustive takes every pair).",
        )
    if plan.unrelated:
        notes += (
            f"{plan.unrelated:,} pairs were not compared: the two claims have no subject, figure or date in common.",
        )
    if plan.dissimilar:
        notes += (
            f"{plan.dissimilar:,} pairs were not compared: the two claims are far apart in meaning and have no "
            "figure, date or place to set side by side (--min-similarity 0 compares them).",
        )
    if plan.own_voice:
        notes += (
            f"{plan.own_voice:,} pairs were not compared: two claims of one article in its own voice with no figures "
            "or dates to set side by side (an article neither contradicts nor corroborates itself).",
        )
    if skip_neutral:
        notes += (
            "Each pair was read with the longer claim first, and the other way round only where that reading was "
            f"under {skip_neutral:.0%} sure the claims are unrelated and the second could change the outcome.",
        )
    return notes


Inputs = Sequence["str | Path | Document"] | str | Path | Document


def _documents(
    inputs: Inputs, note: Callable[[str], None], max_file_mb: float, unreadable: list[InputError]
) -> list[Document]:
    """Documents given as they are, and the articles read from paths (files or folders), in the order given; files
    that cannot be read go to `unreadable`."""
    if isinstance(inputs, (str, Path, Document)):
        inputs = [inputs]
    documents: list[Document] = []
    for item in inputs:
        if isinstance(item, Document):
            if not isinstance(item.text, str) or not item.text.strip():
                raise InputError(f"document {item.id!r}: no text to check")
            documents.append(prepared(item))  # the same limits and cleaning as an article read from a file
        elif isinstance(item, (str, Path)):
            if _is_text(item):
                raise InputError(
                    f"{str(item)[:40]!r}...: not a file or folder; to check texts, use checker.check_texts([...]) "
                    "or pass checker.Document(id=..., text=...) objects"
                )
            documents.extend(load_documents([item], note, max_file_mb, unreadable))
        else:
            raise InputError(f"cannot check a {type(item).__name__}: give paths, texts (check_texts) or Documents")
    return documents


def _within_limit(documents: Sequence[Document], limit: int) -> None:
    """Refuse more documents than `limit` at once, naming the file that holds the most (a JSONL export of 100,000
    one-line documents): checking them would run for hours, so the user splits the input or raises the limit."""
    if len(documents) <= limit:
        return
    per_file = Counter(d.path or d.id for d in documents)
    where, most = per_file.most_common(1)[0]
    held = f"{where} holds {most:,} of them" if most > len(documents) // 2 else f"from {len(per_file):,} files"
    raise InputError(
        f"{len(documents):,} documents ({held}), over the limit of {limit:,} a run; split the input or raise "
        "--max-documents"
    )


def _is_text(item: str | Path) -> bool:
    """A string that is no file and reads as prose (several words, or lines) was meant as a text, not a path."""
    try:
        exists = Path(item).exists()
    except OSError:  # a name too long for the file system
        exists = False
    return not exists and (len(str(item).split()) > 3 or "\n" in str(item))


def check(
    inputs: Inputs,
    config: CheckConfig | None = None,
    judge: Judge | None = None,
    against: Inputs = (),
    hooks: Hooks | None = None,
    embed: Callable | None = None,
) -> Report:
    """Check articles (paths of files or folders, or `Document` objects) against each other, and in gate mode
    against the corpus `against` (not it against itself). Writes no cache unless `config.cache` is set."""
    config = config or CheckConfig()
    hooks = hooks or Hooks()
    unreadable: list[InputError] = []  # reported in the report; the rest is checked
    new_documents = _documents(inputs, hooks.note, config.max_file_mb, unreadable)
    corpus = _documents(against, hooks.note, config.max_file_mb, unreadable) if against else []
    # ids unique across both sets: a new "a.txt" beside a corpus "a.txt" must not make the corpus's "a" new
    documents = with_unique_ids(_merge(new_documents, corpus), "~")
    _within_limit(documents, config.max_documents)
    new_ids = {d.id for d in documents[: len(new_documents)]} if against else None
    # the judge after the input is read (its errors first), before the claims (a model that cannot load fails fast)
    if judge is None:
        judge = load_judge(
            config.model,
            backend=config.backend,
            max_length=config.max_length,
            batch_size=config.batch_size,
            trust_remote_code=config.trust_remote_code,
            label_map=parse_label_map(config.label_map),
        )
    cache = None
    if config.cache:
        from .cache import Cache

        cache = Cache(config.cache_dir, warn=hooks.note)
    claims = claims_of(documents, cache)
    decision = decision_for(judge.info) if config.decision else None
    candidates = not config.exhaustive and len(claims) > config.max_exhaustive_claims
    if embed is None and len(claims) > 1 and (candidates or config.min_similarity > 0):
        from .judge.embedding import SentenceEmbedder

        embed = SentenceEmbedder()
        if cache is not None:
            from .cache import CachedEmbedder

            embed = CachedEmbedder(embed, cache)
    plan = plan_pairs(
        claims,
        within=config.within,
        exhaustive=config.exhaustive,
        max_exhaustive=config.max_exhaustive_claims,
        neighbours=config.neighbours,
        embed=embed,
        new_ids=new_ids,
        min_similarity=config.min_similarity,
    )
    if cache is not None:
        from .cache import CachedJudge

        judge = CachedJudge(judge, cache)
    dates = {d.id: d.date for d in documents}
    pairs = [in_date_order(p, dates) for p in plan.pairs]
    hooks.start_scoring(2 * len(pairs))
    judged = judge_pairs(judge, pairs, hooks.advance, config.skip_neutral)
    if cache is not None:
        cache.close()
    thresholds = thresholds_for(judge.info, config.contradiction_threshold, config.agreement_threshold, decision)
    findings = [f for pair, (fwd, bwd) in zip(pairs, judged) if (f := relate(pair, fwd, bwd, thresholds, decision))]
    findings.sort(key=lambda f: (f.relation != "contradiction", -f.score, f.id))
    status, support = claim_statuses(claims, findings)
    notes = plain_notes(plan, config.skip_neutral) + tuple(
        f"{d.path or d.id}: only its first {len(d.text):,} of {d.full_length:,} characters were checked (at most "
        f"{MAX_SENTENCES:,} sentences and {MAX_CHARS:,} characters per document)."
        for d in documents
        if d.full_length
    )
    if cache is not None:
        # on stderr, not in the report: a report is the same, byte for byte, with the cache or without
        hooks.note(f"cache: {judge.cached:,} judgements reused, {judge.scored:,} computed ({config.cache_dir})")
    return Report(
        tuple(documents),
        tuple(claims),
        tuple(findings),
        status,
        support,
        plan.considered,
        len(plan.pairs),
        judge.info,
        notes=notes,
        thresholds={"contradiction": thresholds.contradiction, "agreement": thresholds.agreement},
        decision="learned" if decision is not None else "rules",
        unreadable=tuple(error.message for error in unreadable),
    )


CLAIMS_VERSION = "claims/189"  # bump on each extraction change, never back to a used one


# documents extracted between two writes to the cache: enough claims (about 8,000) for two parser processes
STORE_EVERY = 500


def claims_of(documents: Sequence[Document], cache) -> list[Claim]:
    """Extract claims, reusing the cache for documents whose text has not changed; the rest are extracted in
    batches (in two processes when large), each document's claims stored apart."""
    if cache is None:
        return extract_all(documents)
    from dataclasses import asdict

    from .cache import digest, get_claims, put_claims

    keys = [
        digest(
            CLAIMS_VERSION,
            document.id,
            document.path,
            document.title,
            document.text,
            str(document.body_offset),
            str(document.line_offset),
            str(document.source_lines),
        )
        for document in documents
    ]
    found = [get_claims(cache, key) for key in keys]
    missing = [i for i, stored in enumerate(found) if stored is None]
    extracted: dict[int, list[Claim]] = {}
    for start in range(0, len(missing), STORE_EVERY):  # stored as it goes: a run stopped midway keeps what it did
        chunk = missing[start : start + STORE_EVERY]
        done = dict(zip(chunk, extract_each([documents[i] for i in chunk])))
        put_claims(cache, {keys[i]: [asdict(c) for c in claims] for i, claims in done.items()})
        extracted |= done
    return with_partner_facts(
        [c for i, stored in enumerate(found) for c in (extracted[i] if stored is None else _stored_claims(stored))]
    )


def _stored_claims(stored: list[dict]) -> list[Claim]:
    from .claims.facts import facts_from_dict
    from .records import Attribution

    return [
        Claim(
            **{
                **c,
                "attribution": Attribution(**c["attribution"]) if c["attribution"] else None,
                "facts": facts_from_dict(c.get("facts")),
            }
        )
        for c in stored
    ]


def _merge(new: list[Document], corpus: list[Document]) -> list[Document]:
    """New documents first; a corpus file that is also given as new is not read twice."""
    seen = {(Path(d.path).resolve(), d.id) for d in new if d.path}
    return new + [d for d in corpus if not d.path or (Path(d.path).resolve(), d.id) not in seen]


def check_texts(texts: Sequence[str] | dict[str, str], config: CheckConfig | None = None, **options) -> Report:
    """Check texts given as strings: a list (ids text-1, text-2, ...) or a mapping of id to text. For titles and
    dates, pass `Document` objects to `check` instead. Options are `check`'s (judge, against, hooks, embed)."""
    items = texts.items() if isinstance(texts, dict) else ((f"text-{n}", t) for n, t in enumerate(texts, 1))
    documents = []
    for identifier, text in items:
        if not isinstance(text, str):
            raise InputError(f"text {identifier!r}: expected a string, not {type(text).__name__}")
        documents.append(Document(id=str(identifier), text=text))
    return check(documents, config, **options)
