"""The whole check: documents -> claims -> pairs -> judgements -> findings -> report."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .claims import extract_all, extract_claims
from .config import CheckConfig
from .decision import decision_for
from .ingest import load_documents
from .judge import Judge, load_judge
from .judge.labels import parse_label_map
from .pairing import plan_pairs
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
    """Each claim's status and how many documents corroborate / dispute it."""
    corroborating: dict[str, set[str]] = defaultdict(set)
    disputing: dict[str, set[str]] = defaultdict(set)
    for finding in findings:
        target = corroborating if finding.relation == "agreement" else disputing
        target[finding.pair.a.id].add(finding.pair.b.document_id)
        target[finding.pair.b.id].add(finding.pair.a.document_id)
    status, support = {}, {}
    for claim in claims:
        agree, dispute = len(corroborating[claim.id]), len(disputing[claim.id])
        support[claim.id] = (agree, dispute)
        status[claim.id] = (
            "mixed" if agree and dispute else "corroborated" if agree else "contradicted" if dispute else "novel"
        )
    return status, support


def check(
    paths: Sequence[str | Path],
    config: CheckConfig | None = None,
    judge: Judge | None = None,
    against: Sequence[str | Path] = (),
    hooks: Hooks | None = None,
    embed: Callable | None = None,
) -> Report:
    """Check the articles under `paths` (and, in gate mode, against the corpus under `against`)."""
    config = config or CheckConfig()
    hooks = hooks or Hooks()
    new_documents = load_documents(paths, hooks.note, config.max_file_mb)
    corpus: list[Document] = load_documents(against, hooks.note, config.max_file_mb) if against else []
    # ids unique across both sets: a new "a.txt" beside a corpus "a.txt" must not make the corpus's "a" new
    documents = with_unique_ids(_merge(new_documents, corpus), "~")
    new_ids = {d.id for d in documents[: len(new_documents)]} if against else None
    cache = None
    if config.cache:
        from .cache import Cache

        cache = Cache(config.cache_dir, warn=hooks.note)
    claims = claims_of(documents, cache)
    if judge is None:  # after the input is read, so an error in it is reported first
        judge = load_judge(
            config.model,
            backend=config.backend,
            max_length=config.max_length,
            batch_size=config.batch_size,
            trust_remote_code=config.trust_remote_code,
            label_map=parse_label_map(config.label_map),
        )
    decision = decision_for(judge.info) if config.decision else None
    if embed is None and not config.exhaustive and len(claims) > config.max_exhaustive_claims:
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
    )
    if cache is not None:
        from .cache import CachedJudge

        judge = CachedJudge(judge, cache)
    hooks.start_scoring(2 * len(plan.pairs))
    judged = judge_pairs(judge, plan.pairs, hooks.advance, config.skip_neutral)
    if cache is not None:
        cache.close()
    thresholds = thresholds_for(judge.info, config.contradiction_threshold, config.agreement_threshold, decision)
    findings = [
        f for pair, (fwd, bwd) in zip(plan.pairs, judged) if (f := relate(pair, fwd, bwd, thresholds, decision))
    ]
    findings.sort(key=lambda f: (f.relation != "contradiction", -f.score, f.id))
    status, support = claim_statuses(claims, findings)
    notes: tuple[str, ...] = ()
    if not plan.exhaustive:
        chosen = len(plan.pairs) + plan.unrelated + plan.own_voice
        notes += (f"candidate pairing: {chosen} of {plan.considered} possible pairs chosen (--exhaustive takes all)",)
    if config.skip_neutral:
        notes += (
            f"the reverse direction of a pair judged only where the first (the longer claim as premise) is under "
            f"{config.skip_neutral:.0%} neutral and the reverse can change the relation",
        )
    if plan.unrelated:
        notes += (
            f"{plan.unrelated} pairs share no subject (two content words, or half of a short claim's): "
            "not scored, as no finding is possible between them",
        )
    if plan.own_voice:
        notes += (
            f"{plan.own_voice} pairs are two claims of one article in its own voice with no figures or dates to "
            "compare: not scored (an article neither contradicts nor corroborates itself)",
        )
    if cache is not None:
        notes += (f"cache: {judge.cached} judgements reused, {judge.scored} computed ({config.cache_dir})",)
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
    )


CLAIMS_VERSION = "claims/79"  # bump when extraction changes, so cached claims are not reused


def claims_of(documents: Sequence[Document], cache) -> list[Claim]:
    """Extract claims, reusing the cache for documents whose text has not changed."""
    if cache is None:
        return extract_all(documents)
    from dataclasses import asdict

    from .cache import digest, get_claims, put_claims
    from .claims.facts import facts_from_dict
    from .records import Attribution

    claims: list[Claim] = []
    for document in documents:
        key = digest(
            CLAIMS_VERSION,
            document.id,
            document.path,
            document.title,
            document.text,
            str(document.body_offset),
            str(document.line_offset),
            str(document.source_lines),
        )
        stored = get_claims(cache, key)
        if stored is None:
            extracted = extract_claims(document)
            put_claims(cache, key, [asdict(c) for c in extracted])
        else:
            extracted = [
                Claim(
                    **{
                        **c,
                        "attribution": Attribution(**c["attribution"]) if c["attribution"] else None,
                        "facts": facts_from_dict(c.get("facts")),
                    }
                )
                for c in stored
            ]
        claims.extend(extracted)
    return claims


def _merge(new: list[Document], corpus: list[Document]) -> list[Document]:
    """New documents first; a corpus file that is also given as new is not read twice."""
    seen = {(Path(d.path).resolve(), d.id) for d in new}
    return new + [d for d in corpus if (Path(d.path).resolve(), d.id) not in seen]
