"""The quality bench: how right `check` is on text it was never tuned on, recall and precision together.

Suites (all by default):
  planted  the planted-conflict corpora of ../shared/corpora, each checked on its own, against expected.json
  fnc      pairs of real FNC-1 articles on one story: one agrees with a headline and one disagrees (a conflict),
           or both agree (none); the articles are checked together as one corpus
  pairs    the labelled news claim pairs of ../shared/data/news-pairs, judged as `check` judges a pair
  report   the hand-read contradictions of the first 300 news articles (bench/labels/news300.jsonl), and the seeds

Usage: python bench/quality.py [--only SUITE]... [--json OUT] [--split test|train|all] [--model ID_OR_PATH]
                               [--cache-dir DIR] [--work-dir DIR] [--show-misses] [--rules]
Judgements are cached by model and text (--cache-dir), so a change of rules re-judges nothing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from checker.errors import CheckerError  # noqa: E402
from checker.lab import quality as q  # noqa: E402

SHARED = ROOT.parent / "shared"
SUITES = ("planted", "fnc", "pairs", "report")


def _fresh(folder: Path) -> Path:
    """An emptied folder at a fixed place: claims are cached by document path and text, so a corpus written to the
    same place each run is not parsed again."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def _report(paths, config, judge) -> dict:
    """`check` on `paths`, as the JSON report a user would get."""
    from checker.pipeline import check
    from checker.report.jsonout import report_dict

    return report_dict(check(paths, config, judge=judge))


def run_planted(args, config, judge) -> dict:
    key = q.read_planted_key(args.corpora / "expected.json")
    scores = []
    for corpus in sorted(key):
        if not (args.corpora / corpus).is_dir():
            raise CheckerError(f"{args.corpora / corpus}: corpus folder missing")
        scores.append(q.score_planted(corpus, _report([args.corpora / corpus], config, judge), key[corpus]))
    return {"totals": q.planted_totals(scores), "corpora": [asdict(s) for s in scores]}


def run_fnc(args, config, judge) -> dict:
    corpus = q.stance_corpus(args.stances, args.bodies)
    report = _report([q.write_stance_corpus(corpus, _fresh(args.work_dir / "fnc"))], config, judge)
    score = q.score_article_pairs(report, corpus.articles)
    return {
        **asdict(score),
        "stories": len(corpus.headlines),
        "articles": len(corpus.articles),
        "bodies_set_apart": corpus.set_apart,
        "headlines": corpus.headlines,
    }


def run_pairs(args, config, judge) -> dict:
    from checker.cache import Cache, CachedJudge
    from checker.decision import decision_for
    from checker.lab.decide import with_article_claims
    from checker.pipeline import judge_pairs
    from checker.relate import relate, thresholds_for

    labelled = with_article_claims(q.read_news_pairs(args.news_pairs, args.split), args.bodies, config.cache_dir)
    decision = decision_for(judge.info) if config.decision else None
    thresholds = thresholds_for(judge.info, config.contradiction_threshold, config.agreement_threshold, decision)
    pairs = [p.pair for p in labelled]
    cache = Cache(config.cache_dir)
    try:
        judged = judge_pairs(CachedJudge(judge, cache), pairs, skip_neutral=config.skip_neutral)
    finally:
        cache.close()
    predicted = q.predict_relations(pairs, judged, lambda p, f, b: relate(p, f, b, thresholds, decision))
    scores, matrix = q.score_relations([p.relation for p in labelled], predicted)
    return {"split": args.split, "pairs": len(labelled), "relations": {k: asdict(v) for k, v in scores.items()},
            "confusion": matrix}  # fmt: skip


def run_report(args, config, judge) -> dict:
    from corpus import news_corpus

    labels = q.read_finding_labels(args.labels)
    folder = _fresh(args.work_dir / f"news{args.news_articles}")
    report = _report([news_corpus(args.bodies, folder, args.news_articles)], config, judge)
    seeds = _report([ROOT / "seeds"], config, judge)["summary"]
    return {
        "news": {"articles": args.news_articles, **q.score_benchmark(report, labels)},
        "seeds": {"contradictions": seeds["contradictions"], "agreements": seeds["agreements"]},
    }


RUNNERS = {"planted": run_planted, "fnc": run_fnc, "pairs": run_pairs, "report": run_report}


def _of(pair) -> str:
    hit, whole = pair
    return f"{hit}/{whole}" + (f" ({hit / whole:.0%})" if whole else "")


def _pct(value) -> str:
    return "-" if value is None else f"{value:.2f}"


def show(results: dict, wall: dict[str, float], model: dict) -> None:
    """The table a person reads in a minute."""
    print(f"Quality bench: model {model['name']} ({model['backend']}), {model['decision']} decision, "
          f"thresholds {model['thresholds']}")  # fmt: skip
    if "planted" in results:
        t = results["planted"]["totals"]
        print(f"\n1. Planted corpora ({len(results['planted']['corpora'])})  [{wall['planted']:.0f} s]")
        print(f"   conflicts found            {_of(t['conflicts'])}")
        print("     " + "  ".join(f"{k} {v[0]}/{v[1]}" for k, v in t["kinds"].items()))
        print(f"   agreements found           {_of(t['agreements'])}")
        print(f"   near-misses flagged        {_of(t['near_misses_flagged'])}   (fewer is better)")
        print(f"   contradictions, clean      {t['clean_contradictions']}   (clean corpora: any is false)")
        print(f"   updates as update          {_of(t['updates'])}; as contradiction {t['updates_as_contradiction']}")
        print(f"   contradictions reported    {t['contradictions']}, {t['unplanted_contradictions']} matching "
              f"no planted conflict or update: precision {_pct(t['precision'])}")  # fmt: skip
    if "fnc" in results:
        r = results["fnc"]
        print(f"\n2. FNC-1 article pairs ({r['stories']} stories, {r['articles']} articles)  [{wall['fnc']:.0f} s]")
        print(f"   conflicting pairs flagged  {_of(r['conflicting_flagged'])}   (one agrees, one disagrees)")
        print(f"   agreeing pairs flagged     {_of(r['agreeing_flagged'])}   (fewer is better)")
        print(f"   agreeing pairs agreed      {_of(r['agreeing_agreed'])}")
        print(f"   contradictions, 2 stories  {r['cross_story_contradictions']} of {r['contradictions']} reported")
    if "pairs" in results:
        r = results["pairs"]
        print(f"\n3. Labelled news claim pairs ({r['split']}, {r['pairs']})  [{wall['pairs']:.0f} s]")
        print("                    precision  recall    F1   (predicted / gold)")
        for name, s in r["relations"].items():
            print(f"   {name:<15}  {_pct(s['precision']):>8}  {_pct(s['recall']):>6}  {_pct(s['f1']):>5}"
                  f"   ({s['predicted']} / {s['gold']})")  # fmt: skip
        print("   gold \\ predicted  " + "".join(f"{p:>14}" for p in q.PREDICTED))
        for gold, row in r["confusion"].items():
            print(f"   {gold:<17}" + "".join(f"{row[p]:>14}" for p in q.PREDICTED))
    if "report" in results:
        n, s = results["report"]["news"], results["report"]["seeds"]
        print(f"\n4. Report benchmark  [{wall['report']:.0f} s]")
        print(f"   first {n['articles']} news articles: {n['real_pairs']} of {n['known_real']} known real conflicts "
              f"found; {n['contradictions']} contradictions reported ({n['real']} real, {n['false']} false, "
              f"{n['unread']} unread): precision {_pct(n['precision'])}; {n['agreements']} agreements")  # fmt: skip
        print(f"   seeds: {s['contradictions']} contradictions, {s['agreements']} agreements")
    print(f"\nwall time {sum(wall.values()):.0f} s: " + ", ".join(f"{k} {v:.0f} s" for k, v in wall.items()))


def show_misses(results: dict) -> None:
    for corpus in results.get("planted", {}).get("corpora", ()):
        for kind, a, b in corpus["missed"]:
            print(f"   missed  {corpus['corpus']:<20} {kind:<13} {a!r} / {b!r}")
        for a, b in corpus.get("unagreed", ()):
            print(f"   unagreed {corpus['corpus']:<19} agreement     {a!r} / {b!r}")
        for a in corpus["flagged"]:
            print(f"   flagged {corpus['corpus']:<20} near-miss     {a!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", action="append", choices=SUITES, help="suites to run (all)")
    parser.add_argument("--json", type=Path, help="also write the numbers here as JSON")
    parser.add_argument("--split", default="test", choices=["test", "train", "all"], help="news pairs split")
    parser.add_argument("--model", help="check with this model instead of the shipped one")
    parser.add_argument("--cache-dir", default=str(ROOT / ".checker-cache"), help="judgement cache")
    parser.add_argument("--work-dir", type=Path, default=ROOT / "runs/quality", help="where corpora are written")
    parser.add_argument("--corpora", type=Path, default=SHARED / "corpora")
    parser.add_argument("--stances", type=Path, default=SHARED / "data/nli/train/fnc1_stance.train.jsonl")
    parser.add_argument("--bodies", type=Path, default=SHARED / "data/news/fnc1_train_bodies.csv")
    parser.add_argument("--news-pairs", type=Path, default=SHARED / "data/news-pairs/pairs.jsonl")
    parser.add_argument("--labels", type=Path, default=ROOT / "bench/labels/news300.jsonl")
    parser.add_argument("--news-articles", type=int, default=300, help="report benchmark: the first N articles")
    parser.add_argument("--rules", action="store_true", help="decide by the hand-set rules, not the learned decision")
    parser.add_argument("--show-misses", action="store_true", help="list the planted conflicts and agreements missed")
    args = parser.parse_args()

    from checker.config import load_config
    from checker.fileio import atomic_output
    from checker.judge import load_judge
    from checker.judge.labels import parse_label_map

    try:
        config = replace(load_config(model=args.model), cache=True, cache_dir=args.cache_dir, decision=not args.rules)
        judge = load_judge(config.model, backend=config.backend, max_length=config.max_length,
                           batch_size=config.batch_size, label_map=parse_label_map(config.label_map))  # fmt: skip
        results, wall = {}, {}
        for suite in [s for s in SUITES if s in (args.only or SUITES)]:
            started = time.perf_counter()
            results[suite] = RUNNERS[suite](args, config, judge)
            wall[suite] = round(time.perf_counter() - started, 1)
            print(f"{suite}: {wall[suite]:.0f} s", file=sys.stderr, flush=True)
    except CheckerError as error:
        raise SystemExit(f"quality: {error}") from None
    from checker.decision import decision_for
    from checker.relate import thresholds_for

    decision = decision_for(judge.info) if config.decision else None
    chosen = thresholds_for(judge.info, config.contradiction_threshold, config.agreement_threshold, decision)
    model = {"name": judge.info.name, "backend": judge.info.backend, "decision": "learned" if decision else "rules",
             "thresholds": {"contradiction": chosen.contradiction, "agreement": chosen.agreement}}  # fmt: skip
    show(results, wall, model)
    if args.show_misses:
        show_misses(results)
    if args.json:
        with atomic_output(args.json) as handle:
            json.dump({"model": model, "wall_s": wall, **results}, handle, indent=1, ensure_ascii=False)
            handle.write("\n")


if __name__ == "__main__":
    main()
