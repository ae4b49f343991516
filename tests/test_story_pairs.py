"""Story pairs: claims of one article in its own voice, labelled not_contradiction, and what is left out."""

import json

import pytest

from checker.errors import DataError
from checker.lab.story_pairs import pairs_of_article, story_pairs, write_story_pairs

ARTICLE = (
    "The mayor of Springfield opened the new bridge on Monday. "
    "The new bridge cost the city 40 million dollars to build. "
    "The mayor of Springfield did not open the new bridge on Monday. "
    "The new bridge cost the city 90 million dollars to build. "
    "Police chief Anna Berg said the mayor of Springfield was booed at the bridge. "
    "Heavy rain is expected across the region on Friday. "
    "Reports that the new bridge will close in May are a hoax. "
    "The new bridge never had a toll for cyclists."
)


def _texts(pairs):
    return {frozenset((p.premise, p.hypothesis)) for p in pairs}


def test_an_article_gives_its_related_claims_in_one_voice_and_nothing_it_may_dispute():
    pairs = pairs_of_article("7", ARTICLE)
    assert pairs and {p.label for p in pairs} == {"not_contradiction"} and {p.document for p in pairs} == {"7"}
    texts = _texts(pairs)
    opened = "The mayor of Springfield opened the new bridge on Monday."
    assert frozenset((opened, "The new bridge cost the city 40 million dollars to build.")) in texts
    # a claim against its own negation, and two costs of one bridge, are what the article may get wrong
    assert frozenset((opened, "The mayor of Springfield did not open the new bridge on Monday.")) not in texts
    costs = (
        "The new bridge cost the city 40 million dollars to build.",
        "The new bridge cost the city 90 million dollars to build.",
    )
    assert frozenset(costs) not in texts
    # a story of a rumour states it beside its denial, in its own voice; one denying claim may be the debunking
    assert not any("hoax" in p.premise + p.hypothesis for p in pairs)
    assert frozenset((opened, "The new bridge never had a toll for cyclists.")) not in texts
    # another speaker is another voice; the weather shares no subject with the bridge
    assert not any("booed" in p.premise + p.hypothesis for p in pairs)
    assert not any("rain" in p.premise + p.hypothesis for p in pairs)


def test_story_pairs_skip_the_benchmark_articles_cap_each_article_and_are_deterministic(tmp_path):
    csv = tmp_path / "news.csv"
    rows = [f'{i},"{ARTICLE.replace("Springfield", f"Town{i}")}"' for i in range(6)]
    csv.write_text("Body ID,articleBody\n" + "\n".join(rows) + "\n", encoding="utf-8")
    chosen = story_pairs(csv, skip=2, per_article=1, seed=3)
    assert sorted(p.document for p in chosen) == ["2", "3", "4", "5"]
    assert chosen == story_pairs(csv, skip=2, per_article=1, seed=3)
    out = tmp_path / "story.train.jsonl"
    assert write_story_pairs(chosen, out) == 4
    row = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert set(row) == {"premise", "hypothesis", "label", "document"}


def test_a_csv_without_article_bodies_is_named(tmp_path):
    csv = tmp_path / "other.csv"
    csv.write_text("id,text\n1,hello\n", encoding="utf-8")
    with pytest.raises(DataError, match="other.csv: no articleBody column"):
        story_pairs(csv)
