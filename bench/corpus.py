"""Corpora for the benchmarks, made on the fly (never copied into the project)."""

from __future__ import annotations

import csv
import random
from pathlib import Path

PLACES = ["Kursk", "Kharkiv", "Seoul", "Ohio", "Lyon", "Nairobi", "Lima", "Osaka", "Gdansk", "Porto"]
ORGS = [
    "the ministry",
    "the city council",
    "Acme Corp",
    "the central bank",
    "the UN agency",
    "police",
    "the army",
    "the health board",
    "the port authority",
    "the union",
]
EVENTS = [
    "protesters gathered",
    "workers were laid off",
    "homes were damaged",
    "people were evacuated",
    "troops were deployed",
    "jobs were created",
    "patients were treated",
    "votes were cast",
]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def generated_corpus(folder: Path, articles: int = 200, claims: int = 20, seed: int = 7) -> Path:
    """Articles of `claims` sentences each about a few shared stories, some with conflicting figures."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    stories = [
        (rng.choice(ORGS), rng.choice(EVENTS), rng.choice(PLACES), rng.randint(2, 90) * 100, rng.choice(MONTHS))
        for _ in range(120)
    ]
    for index in range(articles):
        lines = [f"date 2025-{1 + index % 12:02d}-{1 + index % 28:02d} Report {index} from {rng.choice(PLACES)}", ""]
        for _ in range(claims):
            org, event, place, number, month = rng.choice(stories)
            if rng.random() < 0.1:
                number = number * rng.choice((2, 3))  # a conflicting figure
            if rng.random() < 0.05:
                month = rng.choice(MONTHS)
            lines.append(f"{org.capitalize()} said {number:,} {event} in {place} in {month}.")
        (folder / f"article_{index:03d}.txt").write_text(
            "\n\n".join(lines[:2]) + "\n\n".join(lines[2:]) + "\n", encoding="utf-8"
        )
    return folder


def news_corpus(csv_path: Path, folder: Path, limit: int = 0) -> Path:
    """The real news bodies as one .txt file each (ids from the CSV's Body ID); the first `limit` if > 0."""
    csv.field_size_limit(1 << 26)
    folder.mkdir(parents=True, exist_ok=True)
    with csv_path.open(encoding="utf-8", newline="") as handle:
        for index, row in enumerate(csv.DictReader(handle)):
            if limit and index >= limit:
                break
            body = (row.get("articleBody") or "").strip()
            if body:
                (folder / f"news_{int(row['Body ID']):05d}.txt").write_text(body + "\n", encoding="utf-8")
    return folder


def recombined_corpus(csv_path: Path, folder: Path, articles: int, seed: int = 11) -> Path:
    """`articles` articles made of real news paragraphs: each takes two to six paragraphs from two bodies drawn at
    random, so a corpus larger than the news set still reads like news and its stories recur across articles as
    syndicated copy does (each body is reused about articles / 1,683 times)."""
    csv.field_size_limit(1 << 26)
    with csv_path.open(encoding="utf-8", newline="") as handle:
        bodies = [
            [p.strip() for p in (row.get("articleBody") or "").split("\n") if len(p.split()) >= 5]
            for row in csv.DictReader(handle)
        ]
    bodies = [paragraphs for paragraphs in bodies if paragraphs]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(articles):
        first, second = rng.sample(bodies, 2)
        paragraphs = first[: rng.randint(1, 4)] + rng.sample(second, min(len(second), rng.randint(1, 2)))
        (folder / f"mixed_{index:05d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return folder
