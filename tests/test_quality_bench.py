"""The quality bench's scorers (checker.quality) on small hand-made reports and answer keys: no model needed."""

import csv
import json

import pytest

from checker.errors import DataError
from checker.lab import quality as q
from checker.records import Finding
from checker.relate import finding_id


def _claim(claim_id, text, sentence=None, speaker=None, cue="said"):
    attribution = {"speaker": speaker, "cue": cue} if speaker else None
    return {"id": claim_id, "text": text, "sentence": sentence or text, "attribution": attribution}


def _finding(relation, a, b, doc_a="d1", doc_b="d2"):
    return {
        "relation": relation,
        "a": {"document": doc_a, "claim": a["id"], "text": a["text"]},
        "b": {"document": doc_b, "claim": b["id"], "text": b["text"]},
    }


def _report(claims, findings):
    return {"documents": [{"id": "d", "claims": claims}], "findings": findings}


BUDGET = _claim("c1", "The council passed a budget of 48 million dollars.")
# a quotation whose speaker is named in the next sentence: the speaker is in the attribution alone
BUDGET_B = _claim(
    "c2", "The budget is 52 million dollars.", '"The budget is 52 million dollars."', "city manager Tom Becker"
)
VOTE = _claim("c3", "The vote passed seven to two.")
VOTE_B = _claim("c4", "It was approved by a vote of five to four.")
CROWD = _claim("c5", "A crowd of 41,200 watched the match.")
CROWD_B = _claim("c6", "About 41,000 spectators saw it.")
TOLL = _claim("c7", "At least 11 people were killed.")
TOLL_B = _claim("c8", "The toll rose to 23 on Wednesday.")
NEAR = _claim("c9", "Last year's budget was 45 million dollars.")

KEY = {
    "conflict": [
        ["budget of 48 million dollars", "manager Tom Becker"],
        ["The vote passed seven", "vote of five to four"],
    ],
    "agree": [["A crowd of 41,200", "41,000 spectators"]],
    "not_conflict": [["Last year's budget", None]],
    "update": [["At least 11 people", "rose to 23"]],
    "kinds": {"budget of 48 million dollars": "money", "The vote passed seven": "vote"},
}


def test_a_conflict_is_found_through_the_attribution_and_a_near_miss_in_a_contradiction_is_flagged():
    findings = [
        _finding("contradiction", BUDGET, BUDGET_B),  # B's substring is in its attribution alone
        _finding("agreement", CROWD_B, CROWD),  # either order
        _finding("contradiction", TOLL, TOLL_B),  # an update reported as a contradiction
        _finding("contradiction", NEAR, BUDGET_B),  # the near-miss takes part: flagged, and planted nowhere
    ]
    claims = [BUDGET, BUDGET_B, VOTE, VOTE_B, CROWD, CROWD_B, TOLL, TOLL_B, NEAR]
    score = q.score_planted("council", _report(claims, findings), KEY)
    assert score.conflicts == {"money": (1, 1), "vote": (0, 1)}
    assert score.missed == (("vote", "The vote passed seven", "vote of five to four"),)
    assert score.agreements == (1, 1)
    assert score.near_misses_flagged == (1, 1) and score.flagged == ("Last year's budget",)
    assert score.updates == (0, 1) and score.updates_as_contradiction == 1
    assert score.contradictions == 3 and score.unplanted_contradictions == 1
    assert not score.clean


def test_a_conflict_needs_both_sides_in_one_contradiction_and_an_agreement_is_not_a_contradiction():
    findings = [_finding("agreement", VOTE, VOTE_B), _finding("contradiction", BUDGET, VOTE_B)]
    score = q.score_planted("council", _report([BUDGET, VOTE, VOTE_B], findings), KEY)
    assert score.conflicts == {"money": (0, 1), "vote": (0, 1)}
    assert score.near_misses_flagged == (0, 1)


def test_totals_add_corpora_and_count_contradictions_of_clean_corpora():
    clean_key = {"conflict": [], "agree": [], "not_conflict": [["A crowd of 41,200", None]]}
    dirty = q.score_planted("council", _report([VOTE, VOTE_B], [_finding("contradiction", VOTE, VOTE_B)]), KEY)
    clean = q.score_planted("match", _report([CROWD, CROWD_B], [_finding("contradiction", CROWD, CROWD_B)]), clean_key)
    assert clean.clean and clean.near_misses_flagged == (1, 1) and clean.unplanted_contradictions == 1
    totals = q.planted_totals([dirty, clean])
    assert totals["conflicts"] == [1, 2]
    assert totals["kinds"] == {"money": [0, 1], "vote": [1, 1]}
    assert totals["clean_contradictions"] == 1
    assert totals["near_misses_flagged"] == [1, 2]
    assert totals["contradictions"] == 2 and totals["precision"] == 0.5


def _article_report(*findings):
    texts = {"a": "x", "b": "y"}
    return {
        "findings": [
            {"relation": r, "a": {"document": one, "text": texts["a"]}, "b": {"document": two, "text": texts["b"]}}
            for r, one, two in findings
        ]
    }


ARTICLES = [
    q.StanceArticle("fnc_1", "1", "story01", q.AGREE),
    q.StanceArticle("fnc_2", "2", "story01", q.AGREE),
    q.StanceArticle("fnc_3", "3", "story01", q.DISAGREE),
    q.StanceArticle("fnc_4", "4", "story02", q.AGREE),
    q.StanceArticle("fnc_5", "5", "story02", q.DISAGREE),
]


def test_article_pairs_are_scored_by_stance_and_a_contradiction_across_stories_is_counted_apart():
    report = _article_report(
        ("contradiction", "fnc_1", "fnc_3"),  # conflicting pair of story01: flagged
        ("contradiction", "fnc_1", "fnc_3"),  # a second finding on the same pair counts once
        ("agreement", "fnc_2", "fnc_1"),  # agreeing pair agreed
        ("contradiction", "fnc_2", "fnc_4"),  # two stories: never a real conflict
        ("contradiction", "fnc_5", "fnc_5"),  # inside one article: no pair of articles
    )
    score = q.score_article_pairs(report, ARTICLES)
    assert score.conflicting_flagged == (1, 3)  # 1-3, 2-3, 4-5
    assert score.agreeing_flagged == (0, 1)  # 1-2 only: story02 has one agreeing article
    assert score.agreeing_agreed == (1, 1)
    assert score.cross_story_contradictions == 1
    assert score.contradictions == 4


def _write_stances(tmp_path, bodies, stances):
    csv_path = tmp_path / "bodies.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Body ID", "articleBody"])
        writer.writerows(bodies)
    text = dict(bodies)
    stance_path = tmp_path / "stances.jsonl"
    stance_path.write_text(
        "".join(
            json.dumps({"premise": "  " + text[b].replace(" ", "\n ", 1), "hypothesis": h, "label": label}) + "\n"
            for h, b, label in stances
        ),
        encoding="utf-8",
    )
    return stance_path, csv_path


def test_a_stance_corpus_joins_headlines_that_share_bodies_and_keeps_the_benchmark_articles_apart(tmp_path):
    bodies = [(str(i), f"Body number {i} tells its story.") for i in range(20)]
    stances = (
        # headline H1: agree 1,2,3,4,5 and disagree 6,7,8 (body 0 is among the first, set apart)
        [("H1", str(b), "entailment") for b in (0, 1, 2, 3, 4, 5)]
        + [("H1", str(b), "contradiction") for b in (6, 7, 8)]
        # H2 shares body 1 with H1: the same story, with fewer usable bodies
        + [("H2", str(b), "entailment") for b in (1, 9, 10)]
        + [("H2", str(b), "contradiction") for b in (11, 12, 13)]
        # H3: its own story, one disagreeing body short once body 0 is set apart
        + [("H3", str(b), "entailment") for b in (14, 15, 16)]
        + [("H3", str(b), "contradiction") for b in (0, 17, 18)]
        + [("H3", str(b), "neutral") for b in (19,)]
    )
    corpus = q.stance_corpus(*_write_stances(tmp_path, bodies, stances), per_side=4, min_side=3, set_apart=1)
    assert corpus.headlines == {"story01": "H1"}
    assert [(a.body_id, a.stance) for a in corpus.articles] == [
        ("1", q.AGREE), ("2", q.AGREE), ("3", q.AGREE), ("4", q.AGREE),
        ("6", q.DISAGREE), ("7", q.DISAGREE), ("8", q.DISAGREE),
    ]  # fmt: skip
    assert corpus.set_apart == 1
    folder = q.write_stance_corpus(corpus, tmp_path / "corpus")
    assert (folder / "fnc_6.txt").read_text(encoding="utf-8") == "Body number 6 tells its story.\n"
    assert len(list(folder.iterdir())) == 7


def test_a_bad_stance_line_names_the_file_and_line(tmp_path):
    stance_path, csv_path = _write_stances(tmp_path, [("1", "A body.")], [])
    stance_path.write_text('{"premise": "A body."}\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"stances.jsonl:1: "):
        q.stance_corpus(stance_path, csv_path)


def test_relation_scores_and_confusion_matrix():
    gold = ["contradiction", "contradiction", "agreement", "agreement", "related", "unrelated"]
    predicted = ["contradiction", "none", "agreement", "contradiction", "agreement", "none"]
    scores, matrix = q.score_relations(gold, predicted)
    contradiction, agreement = scores["contradiction"], scores["agreement"]
    assert (contradiction.precision, contradiction.recall) == (0.5, 0.5) and contradiction.f1 == 0.5
    assert (agreement.precision, agreement.recall) == (0.5, 0.5)
    assert matrix["agreement"] == {"contradiction": 1, "agreement": 1, "none": 0}
    assert matrix["related"] == {"contradiction": 0, "agreement": 1, "none": 0}
    nothing, _ = q.score_relations(["related"], ["none"])
    assert nothing["contradiction"].precision is None and nothing["contradiction"].f1 is None


def _pair_row(pair_id, split, relation, speaker=None):
    side = {"article": "12", "text": "Police said the man was 45.", "sentence": "Police said the man was 45.",
            "speaker": speaker}  # fmt: skip
    return {"pair_id": pair_id, "split": split, "relation": relation, "a": side, "b": {**side, "article": "40"}}


def test_labelled_pairs_are_read_by_split_with_their_speakers(tmp_path):
    path = tmp_path / "pairs.jsonl"
    rows = [_pair_row("p1", "test", "contradiction", "Police"), _pair_row("p2", "train", "agreement")]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    test = q.read_news_pairs(path, "test")
    assert [p.pair_id for p in test] == ["p1"]
    pair = test[0].pair
    assert pair.a.attribution.speaker == "Police" and pair.a.document_id == "12" and pair.b.document_id == "40"
    assert [p.pair_id for p in q.read_news_pairs(path, "all")] == ["p1", "p2"]
    assert q.read_news_pairs(path, "train")[0].pair.a.attribution is None
    path.write_text(json.dumps(_pair_row("p3", "test", "maybe")) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"pairs.jsonl:1: unknown relation 'maybe'"):
        q.read_news_pairs(path)


def test_predicted_relations_come_from_the_decision_and_novelty_is_none(tmp_path):
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(_pair_row(f"p{i}", "test", "related")) + "\n" for i in range(3)))
    pairs = [p.pair for p in q.read_news_pairs(path)]
    verdicts = iter([None, "contradiction", "agreement"])

    def decide(pair, forward, backward):
        relation = next(verdicts)
        return relation and Finding("F", relation, "nli", 0.9, pair, forward, backward)

    assert q.predict_relations(pairs, [(None, None)] * 3, decide) == ["none", "contradiction", "agreement"]


def test_the_benchmark_counts_real_false_and_unread_contradictions(tmp_path):
    labels_path = tmp_path / "labels.jsonl"
    labels_path.write_text(
        json.dumps({"id": finding_id("A is 3.", "A is 4.", "pair"), "relation": "contradiction"}) + "\n"
        + json.dumps({"a": "B is up.", "b": "B is down.", "relation": "none"}) + "\n"
        + json.dumps({"a": "C came.", "b": "C left.", "relation": "contradiction"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    labels = q.read_finding_labels(labels_path)
    report = {
        "findings": [
            {"relation": "contradiction", "a": {"text": "A is 4."}, "b": {"text": "A is  3."}},
            {"relation": "contradiction", "a": {"text": "B is up."}, "b": {"text": "B is down."}},
            {"relation": "contradiction", "a": {"text": "D is new."}, "b": {"text": "D is old."}},
            {"relation": "agreement", "a": {"text": "C came."}, "b": {"text": "C left."}},
        ]
    }
    score = q.score_benchmark(report, labels)
    assert (score["contradictions"], score["real"], score["false"], score["unread"]) == (3, 1, 1, 1)
    assert score["known_real"] == 2 and score["precision"] == 0.5 and score["agreements"] == 1
    assert score["real_pairs"] == 1  # "C came." / "C left." is real, but reported as an agreement
    # one pair of claims met in two pairs of articles: two findings, one real conflict found
    report["findings"].append({"relation": "contradiction", "a": {"text": "A is 3."}, "b": {"text": "A is 4."}})
    again = q.score_benchmark(report, labels)
    assert (again["contradictions"], again["real"], again["real_pairs"]) == (4, 2, 1)
    labels_path.write_text('{"relation": "none"}\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"labels.jsonl:1: "):
        q.read_finding_labels(labels_path)
