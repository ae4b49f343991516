"""What the learned decision adds to judging time: the NLI judgements of a set of real claim pairs against the
decision (features and probabilities) and the hand-set rules over the same pairs.

    python bench/decision_speed.py [--bodies ../shared/data/news/fnc1_train_bodies.csv] [--articles 300]
                                   [--pairs 2000] [--runs 3]

The pairs are those `check` plans for the first `--articles` news articles (candidate pairing),
the first `--pairs` of them. Judging is timed once with no cache (both directions, as `check` judges); the decision
and the rules `--runs` times each from cleared per-text caches, median reported. Run by hand; nothing here is a test.
"""

from __future__ import annotations

import argparse
import statistics
import time

from checker.claims import extract_all
from checker.decision import decision_for
from checker.judge import load_judge
from checker.judge.embedding import SentenceEmbedder
from checker.lab.news_bodies import article_bodies
from checker.pairing import plan_pairs
from checker.pipeline import judge_pairs
from checker.records import Document
from checker.relate import relate, thresholds_for


def _clear_caches() -> None:
    import checker.compare as compare

    for module in [m for name, m in vars(compare).items() if not name.startswith("_")]:
        for value in vars(module).values() if hasattr(module, "__dict__") else ():
            if hasattr(value, "cache_clear"):
                value.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", default="../shared/data/news/fnc1_train_bodies.csv")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    documents = [
        Document(id=f"news_{body_id}", path=f"news_{body_id}.txt", title="", date=None, text=text)
        for body_id, text in list(article_bodies(args.bodies))[: args.articles]
    ]
    claims = extract_all(documents)
    pairs = plan_pairs(claims, embed=SentenceEmbedder()).pairs[: args.pairs]
    judge = load_judge(None)
    started = time.perf_counter()
    judged = judge_pairs(judge, pairs, skip_neutral=0.9)
    judging = time.perf_counter() - started
    decision = decision_for(judge.info)
    learned, rules = thresholds_for(judge.info, decision=decision), thresholds_for(judge.info)

    def timed(chosen, thresholds) -> float:
        times = []
        for _ in range(args.runs):
            _clear_caches()  # each pair is related once in a check: no run may reuse another's per-text caches
            begin = time.perf_counter()
            for pair, (forward, backward) in zip(pairs, judged):
                relate(pair, forward, backward, thresholds, chosen)
            times.append(time.perf_counter() - begin)
        return statistics.median(times)

    with_decision, with_rules = timed(decision, learned), timed(None, rules)
    share, rules_share = with_decision / judging, with_rules / judging
    print(f"{len(pairs)} pairs: judging {judging:.1f} s; decision {with_decision:.2f} s ({share:.1%} of judging); "
          f"rules {with_rules:.2f} s ({rules_share:.1%})")  # fmt: skip


if __name__ == "__main__":
    main()
