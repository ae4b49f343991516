from dataclasses import replace
from itertools import combinations

import numpy as np
import pytest

from checker.compare.polarity import denies, negation_kind
from checker.compare.words import say_alike, share_a_subject
from checker.pairing import count_possible, plan_pairs
from checker.records import Attribution, Claim, ClaimPair, Judgement, ModelInfo
from checker.relate import finding_id, relate


def make_claim(doc: str, index: int, text: str) -> Claim:
    return Claim(
        id=f"{doc}:{index}",
        document_id=doc,
        text=text,
        sentence=text,
        start=index * 100,
        end=index * 100 + len(text),
        line=index + 1,
    )


CLAIMS = [make_claim(d, i, f"Claim {d} {i} about Acme Corp and the 12 workers.") for d in "abc" for i in range(3)]


def test_exhaustive_pairs_and_within_toggle():
    within = plan_pairs(CLAIMS, within=True)
    across = plan_pairs(CLAIMS, within=False)
    assert (within.considered, across.considered) == (36, 27)
    # one article in its own voice with the same figures neither contradicts nor corroborates itself: not judged
    assert len(within.pairs) == len(across.pairs) == 27 and (within.own_voice, across.own_voice) == (9, 0)
    assert all(p.a.document_id != p.b.document_id for p in across.pairs)


def test_claims_of_one_article_are_judged_when_figures_or_speakers_differ():
    laid_off = make_claim("a", 0, "Some 300 workers were laid off at the Acme plant on Monday.")
    claims = [
        laid_off,
        make_claim("a", 1, "Some 400 workers were laid off at the Acme plant on Monday."),
        replace(
            make_claim("a", 2, "Workers were laid off at the Acme plant."), attribution=Attribution("the union", "said")
        ),
        make_claim("a", 3, "The Acme plant laid off workers."),
    ]
    plan = plan_pairs(claims)
    judged = {(p.a.start // 100, p.b.start // 100) for p in plan.pairs}
    assert (0, 1) in judged  # the figures differ: a conflict inside one article is still reported
    assert (0, 2) in judged and (2, 3) in judged  # the union against the article: two sources
    assert (0, 3) not in judged and plan.own_voice >= 1  # the article restating itself
    # relate agrees: a restatement in one voice is no finding, whatever the model says
    sure = Judgement(0.98, 0.01, 0.01)
    assert relate(ClaimPair(laid_off, claims[3]), sure, sure) is None
    assert relate(ClaimPair(laid_off, replace(claims[3], document_id="b")), sure, sure).relation == "agreement"


def test_pairs_without_a_word_in_common_are_counted_but_not_scored():
    claims = [
        make_claim("a", 0, "The mayor opened the new bridge."),
        make_claim("b", 0, "The mayor has not opened the bridge."),
        make_claim("c", 0, "Rain is expected across the north this weekend."),
    ]
    plan = plan_pairs(claims)
    assert [(p.a.document_id, p.b.document_id) for p in plan.pairs] == [("a", "b")]
    assert plan.unrelated == 2 and plan.considered == 3


def test_pairs_far_apart_in_meaning_are_left_out_unless_their_facts_compare():
    from checker.claims.facts import facts_of_texts

    texts = [
        "The mayor opened the new bridge on Monday.",
        "The mayor has not opened the bridge.",
        "The mayor said 300 workers built the bridge.",
        "The mayor said 400 workers built the bridge.",
    ]
    facts = facts_of_texts(texts, [None] * 4)
    claims = [
        replace(make_claim(d, 0, t), facts=replace(f, story=("mayor", "bridge")))
        for d, t, f in zip("abcd", texts, facts)
    ]
    # a fake embedder: the first two claims point apart (cosine 0.1), the rest alike
    vectors = {texts[0]: [1.0, 0.0], texts[1]: [0.1, 0.995], texts[2]: [0.9, 0.44], texts[3]: [0.9, 0.44]}

    def embed(batch):
        return np.array([vectors[t] for t in batch], dtype=np.float32)

    every = {(p.a.document_id, p.b.document_id) for p in plan_pairs(claims, embed=embed).pairs}
    plan = plan_pairs(claims, embed=embed, min_similarity=0.4)
    kept = {(p.a.document_id, p.b.document_id) for p in plan.pairs}
    assert ("a", "b") in every and ("a", "b") not in kept  # a denial of something worded far apart: not judged
    assert ("c", "d") in kept  # two figures for one thing are compared whatever the wording
    assert plan.dissimilar == len(every) - len(kept) >= 1
    assert plan_pairs(claims, embed=embed, min_similarity=0.0).pairs == plan_pairs(claims, embed=embed).pairs


def test_min_similarity_is_a_setting_with_bounds():
    from checker.config import load_config
    from checker.errors import ConfigError

    assert load_config().min_similarity == 0.4
    assert load_config(min_similarity=0).min_similarity == 0.0
    with pytest.raises(ConfigError, match="min-similarity"):
        load_config(min_similarity=1.5)


def test_gate_mode_skips_corpus_against_itself():
    plan = plan_pairs(CLAIMS, within=True, new_ids={"a"})
    assert plan.considered == count_possible(CLAIMS, True, {"a"}) == 36 - 15
    assert all("a" in (p.a.document_id, p.b.document_id) for p in plan.pairs)


def test_candidate_mode_uses_neighbours_and_shared_keys():
    claims = [make_claim("x", i, f"Unrelated statement number {i} about topic {i}.") for i in range(20)]
    claims += [
        make_claim("y", 0, "Acme Corp fired 300 workers in Ohio."),
        make_claim("z", 0, "Acme Corp hired 300 workers in Ohio."),
    ]

    def embed(texts):  # a deterministic fake embedder: one-hot by claim, so neighbours are arbitrary
        return np.eye(len(texts), dtype=np.float32) + 0.01

    plan = plan_pairs(claims, max_exhaustive=5, neighbours=2, embed=embed)
    assert not plan.exhaustive and plan.considered == count_possible(claims, True)
    assert len(plan.pairs) < plan.considered
    texts = {(p.a.text, p.b.text) for p in plan.pairs}
    assert (claims[-2].text, claims[-1].text) in texts  # shared entity + number


def judgement(e, n, c):
    return Judgement(e, n, c)


def write_articles(folder, **articles: str) -> None:
    """One .txt file per keyword: its name and its text."""
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")


def pair(a: str, b: str) -> ClaimPair:
    return ClaimPair(make_claim("a", 0, a), make_claim("b", 0, b))


def test_contradiction_is_checked_first_and_agreement_second():
    p = pair("The mayor resigned.", "The mayor did not resign.")
    found = relate(p, judgement(0.1, 0.2, 0.7), judgement(0.05, 0.1, 0.85))
    assert found.relation == "contradiction" and found.kind == "negation" and found.score == 0.85  # stronger way
    # one-sided contradiction (a different event on the same topic) is not reported...
    topic = pair("The mayor resigned after the vote.", "The mayor attended the vote.")
    assert relate(topic, judgement(0.1, 0.1, 0.8), judgement(0.3, 0.6, 0.1)) is None
    # ...but a claim against its own negation may be caught one way only
    one_way = relate(p, judgement(0.1, 0.1, 0.8), judgement(0.3, 0.6, 0.1))
    assert one_way.relation == "contradiction" and one_way.kind == "negation" and one_way.score == 0.8
    assert relate(p, judgement(0.1, 0.3, 0.6), judgement(0.3, 0.6, 0.1)) is None
    # a strong entailment either way vetoes a model contradiction
    assert relate(p, judgement(0.6, 0.1, 0.3), judgement(0.05, 0.1, 0.85)) is None
    agree = relate(
        pair("The mayor resigned.", "The mayor stepped down."), judgement(0.9, 0.05, 0.05), judgement(0.3, 0.6, 0.1)
    )
    assert agree.relation == "agreement"
    assert relate(p, judgement(0.3, 0.6, 0.1), judgement(0.2, 0.7, 0.1)) is None


def test_numeric_conflict_overrides_a_neutral_model():
    p = pair("Police said 3,000 protesters gathered in the square.", "Some 5,000 protesters gathered in the square.")
    found = relate(p, judgement(0.1, 0.8, 0.1), judgement(0.1, 0.8, 0.1))
    assert found.relation == "contradiction" and found.kind == "numeric"
    assert "3,000" in found.detail and "5,000" in found.detail
    # the figures settle it; its score is the model's own probability (the stronger way), never a floor
    found = relate(p, judgement(0.1, 0.8, 0.1), judgement(0.1, 0.29, 0.61))
    assert found.kind == "numeric" and found.score == 0.61


def test_support_and_status_count_other_articles_only():
    from checker.pipeline import claim_statuses
    from checker.records import Finding

    x1, x2, y1 = (
        make_claim("x", 0, "The mayor resigned."),
        make_claim("x", 1, "The mayor quit."),
        make_claim("y", 0, "The mayor did not resign."),
    )
    within = Finding("A-1", "agreement", "nli", 0.9, ClaimPair(x1, x2))
    across = Finding("C-1", "contradiction", "negation", 0.9, ClaimPair(x1, y1))
    status, support = claim_statuses([x1, x2, y1], [within, across])
    assert status == {x1.id: "contradicted", x2.id: "novel", y1.id: "contradicted"}
    assert support[x1.id] == (0, 1)


def test_finding_ids_are_stable_and_order_free():
    assert finding_id("A b.", "C d.", "contradiction") == finding_id("C  d.", "A b.", "contradiction")
    assert finding_id("A b.", "C d.", "contradiction") != finding_id("A b.", "C d.", "agreement")
    assert len({finding_id(f"x{i}", "y", "agreement") for i, _ in enumerate(combinations(range(5), 2))}) == 10


def test_two_stage_judging_skips_clearly_neutral_reverse_directions():
    from conftest import FakeJudge

    from checker.pipeline import judge_pairs

    pairs = [
        ClaimPair(
            make_claim("a", 0, "The mayor resigned from the council."),
            make_claim("b", 0, "The mayor has not resigned from the council."),
        ),
        ClaimPair(make_claim("a", 1, "Rain fell."), make_claim("b", 1, "The stadium hosted a concert last night.")),
    ]
    both = FakeJudge()
    full = judge_pairs(both, pairs)
    assert len(both.calls) == 4
    staged = FakeJudge()
    fast = judge_pairs(staged, pairs, skip_neutral=0.85)
    assert len(staged.calls) == 3  # the neutral pair is judged one way only
    assert fast[0] == full[0]
    assert staged.calls[2] == (pairs[0].a.text, pairs[0].b.text)


def test_the_reverse_direction_is_judged_only_where_it_can_change_the_relation():
    from checker.pipeline import judge_pairs

    pope = "Pope Francis has refused to meet the Dalai Lama over fears for the Church's ties with China."
    names_only = ClaimPair(make_claim("a", 0, pope), make_claim("b", 0, "Pope Francis confirms all dogs go to heaven!"))
    paraphrase = ClaimPair(make_claim("a", 1, pope), make_claim("b", 1, "Pope Francis will not see the Dalai Lama."))
    alike = ClaimPair(make_claim("a", 2, pope), make_claim("b", 2, "Pope Francis has agreed to meet the Dalai Lama."))
    first = {  # the model's first direction (longer claim as premise): torn, never clearly neutral
        names_only.b.text: Judgement(0.3, 0.2, 0.5),
        paraphrase.b.text: Judgement(0.9, 0.05, 0.05),
        alike.b.text: Judgement(0.3, 0.2, 0.5),
    }

    class Scripted:
        info = ModelInfo(name="scripted", backend="test")
        calls: list[tuple[str, str]] = []

        def judge_batch(self, batch, progress=None):
            self.calls.extend(batch)
            return [first.get(hypothesis, Judgement(0.3, 0.2, 0.5)) for _, hypothesis in batch]

    judge = Scripted()
    judge_pairs(judge, [names_only, paraphrase, alike], skip_neutral=0.9)
    reversed_premises = {premise for premise, _ in judge.calls[3:]}
    # only names in common and no entailment: no second direction can make a finding of it
    assert names_only.b.text not in reversed_premises
    assert {paraphrase.b.text, alike.b.text} <= reversed_premises and len(judge.calls) == 5


def test_identical_claims_agree_whatever_the_model_says():
    p = pair("700 patients were treated in Porto in July.", "700 patients were treated in Porto in July")
    found = relate(p, judgement(0.02, 0.02, 0.96), judgement(0.02, 0.02, 0.96))
    assert found.relation == "agreement" and found.kind == "identical"


def relate_sure_contradiction(p):
    """What relate reports when the model is sure, both ways, that the pair contradicts."""
    return relate(p, judgement(0.01, 0.01, 0.98), judgement(0.01, 0.01, 0.98))


def test_different_events_are_not_model_contradictions():
    p = pair("3,900 troops were deployed in Ohio.", "8,900 troops were deployed in Gdansk.")
    assert relate(p, judgement(0.02, 0.02, 0.96), judgement(0.02, 0.02, 0.96)) is None


@pytest.mark.parametrize(
    ("a", "b", "reported"),
    [
        # one hoax template reused for two celebrities: the full news corpus's top date and model contradiction
        (
            "Rumors of the singer's alleged demise gained traction on Monday after a 'R.I.P. Axl Rose' Facebook "
            "page attracted nearly one million of 'likes'.",
            "Rumors of the guitarist's alleged demise gained traction on Sunday after a 'R.I.P. Willie Nelson' "
            "Facebook page attracted nearly one million of 'likes'.",
            False,
        ),
        (
            "The Cartier Tank MC measures 44 mm by 34 mm by 9.5 mm thick: $15,000 extra (list) for 18k gold",
            "The Jaeger-LeCoultre Reverso Squadra Hometime measures 50.5 mm by 34.9 mm by 14 mm thick: $14,750 "
            "extra (list) for 18k gold",
            False,
        ),
        # real news (FNC-1): "she" and "he" are two people, extradited in two years
        (
            "In 2009, she was extradited to the United States and jailed over an international phone scam.",
            "He was extradited to the U.S. in 2012.",
            False,
        ),
        (
            "In 2009, he was extradited to the United States and jailed over an international phone scam.",
            "He was extradited to the U.S. in 2012.",
            True,
        ),
        # she who writes is not the one it is said of: an expert's doubt against the claim is a conflict
        (
            "He had a spider crawl underneath his skin.",
            "Marie Herberstein doesn't fully exclude the possibility that this could be a spider, though she writes, "
            '"I have never heard of any spider to crawl or exist under the skin."',
            True,
        ),
        # one name on one side only is still one subject
        (
            "Putin and North Korean leader Kim Jong-un signed the partnership treaty at their June summit last year.",
            "Putin and Kim Jong-un signed the partnership treaty at their July summit last year.",
            True,
        ),
        # the same rumour about one celebrity on two dates is a conflict
        (
            "Rumors of the singer's alleged demise gained traction on Monday after a 'R.I.P. Axl Rose' Facebook "
            "page attracted nearly one million of 'likes'.",
            "Rumors of the singer's alleged demise gained traction on Sunday after a 'R.I.P. Axl Rose' Facebook "
            "page attracted nearly one million of 'likes'.",
            True,
        ),
    ],
)
def test_figures_and_dates_of_two_named_subjects_do_not_conflict(a, b, reported):
    found = relate_sure_contradiction(pair(a, b))
    assert (found is not None and found.relation == "contradiction") is reported


@pytest.mark.parametrize(
    ("a", "b", "reported"),
    [
        # the seeds: a trial model scored an appeal 0.93 contradiction ("withdraw" against "sent"); an appeal says
        # what someone wants, not what is
        (
            "Ukrainian President Volodymyr Zelensky called on China to press Pyongyang to withdraw its troops.",
            "North Korea confirms it sent troops to fight in Russia's Kursk region.",
            False,
        ),
        (
            "Ukrainian President Volodymyr Zelensky said Pyongyang withdrew its troops from Kursk.",
            "North Korea confirms it sent troops to fight in Russia's Kursk region.",
            True,
        ),
        # "a press conference to answer questions" is no appeal
        (
            "London Police Chief Lyndon Edwards held a press conference to answer questions about Banksy and how "
            "Horner was finally apprehended after all these years on the run.",
            "The London Metropolitan Police has denied reports that street artist Banksy has been arrested on Monday "
            "after a 24-hour Anti-Graffiti Task Force operation.",
            True,
        ),
        # the seeds: one source confirming against another staying silent is two sources, not one fact
        (
            "Russia confirmed for the first time that North Korean troops have been deployed.",
            "Pyongyang has not confirmed that it sent troops to Russia.",
            False,
        ),
        # one source under two names still contradicts itself
        (
            "North Korea confirms it sent troops to fight in Russia's Kursk region.",
            "Pyongyang has not confirmed that it sent troops to Russia.",
            True,
        ),
        # real news, 0.99 negation: a guess at what happened is not contradicted by what was found
        (
            "The meteorite could have exploded in the air and produced a shockwave that made the crater, or struck "
            "the ground and left small fragments embedded in the soil.",
            "So far no meteorite fragments have been found in the crater.",
            False,
        ),
        (
            "The meteorite struck the ground and left small fragments embedded in the soil of the crater.",
            "So far no meteorite fragments have been found in the crater.",
            True,
        ),
        # a pronoun may stand for the source the other claim names
        (
            "North Korea confirms it sent troops to fight in Russia's Kursk region.",
            "It has not confirmed that it sent troops to Russia.",
            True,
        ),
        # a source named on one side only is not enough to tell two apart
        ("NASA hasn't confirmed a link with the asteroid.", "A link with the asteroid was confirmed.", True),
    ],
)
def test_appeals_guesses_and_two_sources_confirming_apart_are_not_model_contradictions(a, b, reported):
    finding = relate_sure_contradiction(pair(a, b))
    assert (finding is not None and finding.relation == "contradiction") == reported


def test_claims_without_a_word_in_common_are_not_model_contradictions():
    # both pairs come from the real news corpus, where the model scored them as contradictions
    unrelated = pair(
        "We send our deepest condolences to them although words seem pretty useless.",
        "Today is a sad and tragic day for our city and our country.",
    )
    assert relate_sure_contradiction(unrelated) is None
    related = pair("No one expects record-shattering snowfall this year.", "We will have record snowfall this winter.")
    assert relate_sure_contradiction(related).relation == "contradiction"


def test_one_word_in_common_is_a_subject_only_for_a_short_claim():
    # real news: the model scored this pair a contradiction; "really" is all the two sentences share
    loose = pair("At first no one really noticed her.", "But after a few days I thought she looked really familiar.")
    assert relate_sure_contradiction(loose) is None
    assert not share_a_subject(loose.a.text, loose.b.text)
    assert share_a_subject("The mayor resigned.", "The mayor stepped down.")  # one of a two-word claim's
    assert not share_a_subject("The fish measured 8.7 feet.", "This one was 8.8 feet.")  # a unit is no subject
    # real news, a 0.91 agreement: an age is no subject either
    assert not share_a_subject("The child was roughly 10 years old.", "The fish was 2-years and 10-months old.")


def test_claims_sharing_only_names_say_nothing_alike():
    # real news, a 0.93 model contradiction: "Pope Francis" is all the two claims share
    pope = pair(
        "Pope Francis has refused to meet the Dalai Lama over fears for the Church's ties with China.",
        "Finally, Pope Francis confirms what we've always known: All dogs go to heaven!",
    )
    assert share_a_subject(pope.a.text, pope.b.text) and not say_alike(pope.a.text, pope.b.text)
    assert relate_sure_contradiction(pope) is None
    one_way = Judgement(0.97, 0.02, 0.01), Judgement(0.2, 0.7, 0.1)
    assert relate(pope, *one_way) is None  # a one-way model agreement between them is no corroboration either
    said_alike = pair(pope.a.text, "Pope Francis has agreed to meet the Dalai Lama in Rome.")
    assert relate_sure_contradiction(said_alike).relation == "contradiction"
    # a paraphrase in other words agrees when each claim entails the other (the seeds, 0.94 / 0.89)
    troops = pair(
        "North Korea has confirmed the dispatch of its troops to Russia's Kursk region.",
        "Moscow acknowledges North Korean soldiers fought in Kursk.",
    )
    assert not say_alike(troops.a.text, troops.b.text)
    assert relate(troops, Judgement(0.94, 0.05, 0.01), Judgement(0.89, 0.1, 0.01)).relation == "agreement"
    assert relate(troops, *one_way) is None
    # a headline's capitals are words, not names; a sentence's first word too unless a name follows
    headline = "Aaron Sorkin Confirms Christian Bale as Steve Jobs"
    assert say_alike(headline, "Sorkin has confirmed that Bale is Jobs.")
    # ... against what the other claim says, not its names (real news: a 0.98 model agreement)
    assert not say_alike(headline, "Christian Bale will not be playing Steve Jobs after all.")
    assert say_alike("Rumors of a coup were rubbish.", "But the rumor is not true.")
    # a claim with only names to say it with, or that its subject does not exist, meets any claim on its subject
    # (real conflicts of the full news corpus)
    assert say_alike("Rosenberg was not in Kobani.", "Gill Rosenberg was captured by jihadists near Kobani.")
    assert say_alike(
        "Lyndon Edwards held a press conference on Banksy.", "London Police Chief Lyndon Edwards doesn't exist."
    )
    assert say_alike(
        'There is no "Father John O\'Neal" in Boston.', "Father O'Neal says he went to heaven and met God."
    )
    assert not say_alike("There is no hell for dogs.", "Pope Francis said there is a place in heaven for Fido.")
    # irregular verbs are one word: a real conflict of the full news corpus
    assert say_alike("Macaulay Culkin is not dead.", "Macaulay Culkin has once again died.")


def test_a_capital_stands_for_its_country():
    short, long = "North Korea has not confirmed the dispatch.", "Pyongyang has not confirmed that it sent troops."
    assert share_a_subject(short, long)
    assert not share_a_subject(short, "Minsk has not confirmed that it sent troops.")
    same_place = pair("Officials in Pyongyang confirmed the dispatch.", "Officials in North Korea denied the dispatch.")
    assert relate_sure_contradiction(same_place).relation == "contradiction"
    elsewhere = pair("Officials in Gdansk confirmed the dispatch.", "Officials in North Korea denied the dispatch.")
    assert relate_sure_contradiction(elsewhere) is None


def test_an_article_does_not_contradict_itself_in_its_own_voice():
    # after real news, one article: the model scored such pairs contradictions (two parts of one story)
    one, other = "She was not pregnant when she arrived.", "Doctors quickly told her she was pregnant."
    same_article = ClaimPair(make_claim("a", 0, one), make_claim("a", 1, other))
    assert relate_sure_contradiction(same_article) is None
    assert relate_sure_contradiction(pair(one, other)).kind == "negation"  # across two articles it stands
    sources = ClaimPair(
        replace(make_claim("a", 0, one), attribution=Attribution("her mother", "said")),
        replace(make_claim("a", 1, other), attribution=Attribution("the hospital", "said")),
    )
    assert relate_sure_contradiction(sources).relation == "contradiction"  # two sources of one article
    one_man = ClaimPair(
        replace(make_claim("a", 0, one), attribution=Attribution("Gerasimov", "said")),
        replace(make_claim("a", 1, other), attribution=Attribution("Russia's top general, Valery Gerasimov", "said")),
    )
    assert relate_sure_contradiction(one_man) is None  # one speaker, named twice
    agency = ClaimPair(
        replace(make_claim("a", 0, one), attribution=Attribution("The Homeland Security spokeswoman", "said")),
        replace(make_claim("a", 1, other), attribution=Attribution("The Homeland Security on Wednesday", "said")),
    )
    assert relate_sure_contradiction(agency) is None  # a spokeswoman speaks for her agency; a day names nobody
    pronoun = ClaimPair(*(replace(c, attribution=Attribution("he", "said")) for c in (same_article.a, same_article.b)))
    assert relate_sure_contradiction(pronoun) is None
    took, lost = "The army took the border town.", "The army lost the border town."
    capital = ClaimPair(
        replace(make_claim("a", 0, took), attribution=Attribution("Pyongyang", "said")),
        replace(make_claim("b", 0, lost), attribution=Attribution("North Korea (via state media)", "said")),
    )
    assert relate_sure_contradiction(capital).kind == "nli"  # one source, so not an "attribution" conflict
    two = ClaimPair(capital.a, replace(capital.b, attribution=Attribution("Seoul", "said")))
    assert relate_sure_contradiction(two).kind == "attribution"
    figures = ClaimPair(
        make_claim("a", 0, "The storm destroyed 200 homes on the coast."),
        make_claim("a", 1, "The storm destroyed 450 homes on the coast."),
    )
    assert relate(figures, judgement(0.3, 0.6, 0.1), judgement(0.3, 0.6, 0.1)).kind == "numeric"


def test_two_denials_in_other_words_are_not_a_negation_conflict():
    # real news: both sentences deny the claims; the report called them a negation conflict at 0.92
    both = pair("These claims are absolutely, unequivocally and completely false.", "These claims are not true.")
    assert not negation_kind(both.a.text, both.b.text)
    assert not negation_kind("The ministry denied the report.", "The ministry disputed the report.")
    assert negation_kind("The ministry confirmed the report.", "The ministry disputed the report.")
    assert negation_kind("The ministry confirmed the report.", "The ministry refuted the report.")
    assert not negation_kind("The ministry denied the report.", "The ministry refuted the report.")
    # a denial in other words (real news: Boko Haram "dismissed claims" of a truce the government announced)
    assert negation_kind(
        "Nigeria has agreed a truce with the Islamist group Boko Haram.",
        "Boko Haram has dismissed claims that it has agreed a truce with Nigeria.",
    )
    assert not negation_kind(
        "Lin denied the video had been staged.", "Lin bristled at the suggestion the video had been staged."
    )
    assert not negation_kind("The court heard the trade dispute.", "The court heard the trade case.")  # a noun
    # real news, a 0.98 finding: two denials of one report
    assert not negation_kind("Ty Votaw shot down the report on Monday.", "Ty Votaw denied the report on Monday.")
    assert not denies("The plane was shot down.")  # a plane is no report
    # real news: "no idea" denies nothing, the pregnancy is asserted on both sides
    assert not negation_kind("She had no idea she was pregnant.", "Doctors quickly told her she was pregnant.")
    # real news: "no question that" affirms; a contrast asserts its first half (both were 0.98-0.99 findings)
    assert not negation_kind(
        "The diagnosis was poisoning by chlorine gas.", "There was no question that chlorine gas was to blame."
    )
    assert not negation_kind(
        "The four attorneys call themselves “judges” not “arbitrators.”",
        "The four attorneys call themselves “judges” instead of “arbitrators.”",
    )
    assert negation_kind("He answered every question about the budget.", "He answered no question about the budget.")
    # real news: a spoken restart takes its "not" back (the full corpus's second finding, at 0.999)
    assert not negation_kind("And it’s kind of a strong witness.", "And it's not, it's kind of a strong witness.")
    assert negation_kind("And it’s a strong witness.", "And it's not a strong witness.")
    # real news: a contrast at the end asserts its first half ("a tribunal, not arbitration" is a tribunal)
    assert not negation_kind(
        "The organization is a tribunal in Dallas.", "The organization is “a tribunal, not arbitration.”"
    )
    assert negation_kind("The organization is a tribunal in Dallas.", "The organization is not a tribunal in Dallas.")
    # real news: only the name in common, so the denial is about something else
    assert not negation_kind(
        "In 2014 DC Toys Collector earned $4.9m.", "In the videos DC Toys Collector's face is never seen."
    )
    assert negation_kind("In 2014 DC Toys Collector earned $4.9m.", "In 2014 DC Toys Collector never earned $4.9m.")


def test_a_denial_in_one_clause_of_a_contrast_does_not_negate_the_other_clause():
    # real news, a 0.99 negation finding: the second clause says what the other claim says
    producing = "Scott Rudin is producing the Jobs film alongside Guymon Casady and Mark Gordon."
    contrast = "Other actors haven't been named for the Jobs film, but Scott Rudin and Mark Gordon are producing it."
    assert not negation_kind(producing, contrast)
    assert negation_kind(producing, "Scott Rudin is not producing the Jobs film, but he may direct it.")
    # a leading concession ends at its comma (real news, a 0.98 finding)
    shamed = "Although she shamed him on Snapchat and Twitter, she hasn't posted that video."
    assert not negation_kind("She shamed him on Twitter and Snapchat.", shamed)


def test_denying_another_figure_is_not_a_negation():
    # real news, a 0.91 negation finding: the denial is of 21 grams, the claim of 0.8
    weighs = "The new unit weighs 0.8 grams more than the Day One unit."
    assert not negation_kind(weighs, "The new unit doesn't weigh 21 grams more than the Day One unit.")
    assert negation_kind(weighs, "The new unit doesn't weigh 0.8 grams more than the Day One unit.")


def test_a_negative_word_and_a_negated_positive_are_one_claim():
    # real news: the model scored this pair 0.99 contradiction and the report called it a negation conflict
    same = pair("That report, however, is false.", "The report, however, is not true.")
    assert relate_sure_contradiction(same) is None
    opposite = pair("The report is true.", "The report is false.")
    found = relate_sure_contradiction(opposite)
    assert found.relation == "contradiction" and found.kind == "negation"


RESTATEMENTS = [
    (
        "The terrorists launched a renewed assault on Kobane last night.",
        "ISIS terrorists launched a renewed assault on Kobane last night.",
    ),
    # the rest from real news, where the model scored each a contradiction
    (
        "Al-Shabab militants attacked the army base near Mogadishu.",
        "Al-Shabaab militants attacked the army base near Mogadishu.",
    ),
    # "ISIS" is the "Islamic State" (0.96)
    (
        "The Islamic State militants already possess millions of dollars-worth of U.S. weaponry.",
        "The ISIS militants already possess millions of dollars-worth of U.S. weaponry.",
    ),
    (
        "Government forces have been bombing rebel areas, while the U.S.-led coalition has been conducting airstrikes.",
        "Government forces have been bombing rebel areas, while the U.S-led coalition has been conducting air strikes.",
    ),
    # a weekday for "yesterday", and a British spelling (0.98)
    (
        "Thursday that dozens of Jordanian fighter jets had bombed ISIS training centres and storage sites.",
        "Yesterday that dozens of Jordanian fighter jets had bombed Islamic State training centers and storage sites.",
    ),
    # another verb of denial (0.98)
    (
        "The Department of Homeland Security spokeswoman disputed Hunter’s claim on Wednesday morning.",
        "The Department of Homeland Security on Wednesday denied Hunter's claim.",
    ),
    # a curly apostrophe is still a negation ("couldn’t" = "could not")
    (
        "Oliver Ilic had called medics after he couldn’t stop the bleeding in the town of Kocani.",
        "Oliver Ilic had called medics after he could not stop the bleeding in the town of Kocani.",
    ),
    # a long sentence copied between articles with a word changed (0.98)
    (
        "The video circulated on Tuesday showed a masked Isis fighter beheading a kneeling man cloaked in an orange "
        "jumpsuit who is purported to be James Foley, a photojournalist who went missing in Syria in 2012.",
        "A propaganda video circulated on Tuesday showed a masked Isis fighter beheading a kneeling man dressed in an "
        "orange jumpsuit who is purported to be James Wright Foley, a photojournalist who went missing in Syria in "
        "2012.",
    ),
    # real news, the full corpus's top model contradiction with v6 (1.00): an address abbreviated
    (
        "This comes after a Kansas City apartment building in the 3600 block of E. Meyer Blvd. was sealed off.",
        "This comes after a Kansas City apartment building in the 3600 block of East Meyer Boulevard was sealed off.",
    ),
]


@pytest.mark.parametrize(("a", "b"), RESTATEMENTS)
def test_a_restatement_in_other_words_or_spellings_is_not_a_contradiction(a, b):
    assert relate_sure_contradiction(pair(a, b)) is None


def test_a_changed_word_is_not_a_restatement():
    antonym = pair("The council approved the new budget.", "The council rejected the new budget.")
    assert relate_sure_contradiction(antonym).relation == "contradiction"
    tested = pair("The new drug was tested on mice in the lab.", "The new drug was rested on mice in the lab.")
    assert relate_sure_contradiction(tested).relation == "contradiction"
    # a long near-copy is a restatement only when neither denies and no word turns into its opposite
    long = "Unemployment in the northern region {} sharply last year after the closure of two car factories and a mill."
    rose, fell = long.format("rose"), long.format("fell")
    assert relate_sure_contradiction(pair(rose, fell)).relation == "contradiction"
    did_not_rise = long.format("did not rise")
    assert relate_sure_contradiction(pair(rose, did_not_rise)).relation == "contradiction"


def test_the_same_figures_in_other_units_are_not_a_model_contradiction():
    # real news, 0.99 contradiction: 39 feet is 12 metres, 16 feet is 5 metres
    units = pair(
        "The crater had a radius of 39 feet and a depth of 16 feet, said Humberto Saballos.",
        "The crater has a radius of 12 metres and is 5 metres deep, said Humberto Saballos.",
    )
    assert relate_sure_contradiction(units) is None
    other_figures = pair(
        "The crater had a radius of 39 feet and a depth of 16 feet, said Humberto Saballos.",
        "The crater has a radius of 30 metres, said Humberto Saballos.",
    )
    assert relate_sure_contradiction(other_figures).relation == "contradiction"
    negated = pair("The crater is 39 feet wide.", "The crater is not 12 metres wide.")
    assert relate_sure_contradiction(negated).kind == "negation"


def test_pipeline_thresholds_reach_relate(tmp_path, fake_judge):
    """--agreement-threshold and --contradiction-threshold change what the report shows."""
    from checker.config import CheckConfig
    from checker.pipeline import check

    write_articles(
        tmp_path,
        one="The mayor opened the new bridge on Monday.\n",
        two="The mayor opened the new bridge on Monday.\nThe mayor has not inaugurated the new bridge on Monday.\n",
        three="On Monday, the mayor opened the new bridge.\n",
    )
    default = check([tmp_path], CheckConfig(cache=False), judge=fake_judge)
    kinds = {(f.relation, f.kind) for f in default.findings}
    assert ("agreement", "nli") in kinds and ("contradiction", "negation") in kinds
    strict = check(
        [tmp_path], CheckConfig(cache=False, agreement_threshold=0.95, contradiction_threshold=0.95), judge=fake_judge
    )
    assert {(f.relation, f.kind) for f in strict.findings} == {("agreement", "identical")}
    # a model that ships calibrated thresholds gets them when the user sets none; the user's still win
    fake_judge.info = ModelInfo("fake", "test", thresholds={"contradiction": 0.95})
    report = check([tmp_path], CheckConfig(cache=False), judge=fake_judge)
    assert ("contradiction", "negation") not in {(f.relation, f.kind) for f in report.findings}
    assert report.thresholds == {"contradiction": 0.95, "agreement": 0.7}
    overridden = check([tmp_path], CheckConfig(cache=False, contradiction_threshold=0.55), judge=fake_judge)
    assert ("contradiction", "negation") in {(f.relation, f.kind) for f in overridden.findings}


def test_agreement_needs_matching_figures_and_both_ways_for_a_negation():
    figures = pair(
        "The North may have sent another 3,000 soldiers to Russia early this year.",
        "The North has sent some 15,000 troops to front lines in Ukraine since last October.",
    )
    assert relate(figures, judgement(0.11, 0.87, 0.02), judgement(0.86, 0.11, 0.03)) is None
    same_figure = pair("Some 11,000 troops were sent.", "Around 11,000 North Korean soldiers have been sent.")
    assert relate(same_figure, judgement(0.9, 0.05, 0.05), judgement(0.3, 0.6, 0.1)).relation == "agreement"
    negation = pair(
        "Russia confirmed that North Korean troops have been deployed.", "North Korea has not confirmed the dispatch."
    )
    assert relate(negation, judgement(0.79, 0.2, 0.01), judgement(0.1, 0.8, 0.1)) is None
    stayed = pair("The mayor has not resigned from the council.", "The mayor remains on the council.")
    both_ways = relate(stayed, judgement(0.8, 0.1, 0.1), judgement(0.75, 0.2, 0.05))
    assert both_ways.relation == "agreement" and both_ways.score == 0.75


def test_clearly_neutral_pairs_are_judged_one_way_only_in_both_modes(tmp_path, fake_judge):
    from checker.config import CheckConfig
    from checker.pipeline import check

    write_articles(
        tmp_path,
        one="The city mayor opened the new bridge on Monday.\nThe city mayor expects rain this weekend.\n",
        two="The city mayor has not opened the new bridge.\nThe city mayor will show paintings by local children.\n",
    )

    def embed(texts):
        return [[1.0, float(i)] for i, _ in enumerate(texts)]

    config = CheckConfig(cache=False, max_exhaustive_claims=2, min_similarity=0.0)  # the fake vectors mean nothing
    report = check([tmp_path], config, judge=fake_judge, embed=embed)
    # 6 pairs, of which the two inside one article in its own voice are not judged
    assert report.pairs_scored == 4 and len(fake_judge.calls) < 8
    assert any(f.kind == "negation" for f in report.findings)
    assert any("under 90% sure" in note for note in report.notes)
    both = type(fake_judge)()
    check([tmp_path], replace(config, skip_neutral=0.0), judge=both, embed=embed)
    assert len(both.calls) == 8
    exhaustive, exhaustive_both = type(fake_judge)(), type(fake_judge)()
    one_way = check([tmp_path], replace(config, exhaustive=True), judge=exhaustive)
    two_ways = check([tmp_path], replace(config, exhaustive=True, skip_neutral=0.0), judge=exhaustive_both)
    assert len(exhaustive.calls) < len(exhaustive_both.calls) == 2 * two_ways.pairs_scored
    assert one_way.findings == two_ways.findings
    assert any("under 90% sure" in note for note in one_way.notes)


def test_an_update_is_reported_oldest_first_in_every_format(tmp_path, fake_judge):
    """A later article that revises a figure with an update cue: relation `update`, listed in the text and markdown
    reports under its own heading, not among the contradictions."""
    import io

    from checker.config import CheckConfig
    from checker.pipeline import check
    from checker.report.markdown import render_markdown
    from checker.report.text import render_text

    write_articles(
        tmp_path,
        later="date 2026-07-22 Toll rises\n\nThe death toll from the sinking of the Solenne rose to 27 on Wednesday.\n",
        earlier="date 2026-07-20 Ferry sinks\n\nNineteen people died in the sinking of the Solenne on Sunday.\n",
    )
    report = check([tmp_path], CheckConfig(cache=False), judge=fake_judge)
    (update,) = [f for f in report.findings if f.relation == "update"]
    assert (update.pair.a.document_id, update.pair.b.document_id) == ("earlier", "later")
    assert report.count("contradiction") == 0
    text, markdown = io.StringIO(), io.StringIO()
    render_text(report, text, color=False)
    render_markdown(report, markdown)
    assert "Updates (1)" in text.getvalue() and "## Updates (1)" in markdown.getvalue()


def test_the_report_says_how_many_pairs_were_too_far_apart_to_compare():
    from checker.pairing import PairPlan
    from checker.pipeline import plain_notes

    notes = plain_notes(PairPlan([], 10, True, dissimilar=7), skip_neutral=0.0)
    assert notes == (
        "7 pairs were not compared: the two claims are far apart in meaning and have no figure, date or place to set "
        "side by side (--min-similarity 0 compares them).",
    )
    assert plain_notes(PairPlan([], 10, True), skip_neutral=0.0) == ()


def test_we_confirmed_is_the_speaker_confirming_not_an_unnamed_source():
    """Real news: '"We have confirmed that Ahmed Godane ... has been killed," said Rear Adm. John Kirby' against
    "Al-Shabab has not publicly confirmed Godane's death": the Pentagon confirms and al-Shabab stays silent, two
    sources; without a speaker "We" may be anyone, so it stays unnamed."""
    from checker.compare.speakers import different_confirmers, speakers_of

    kirby = "We have confirmed that Ahmed Godane, the co-founder of al-Shabab, has been killed."
    silent = "Al-Shabab has not publicly confirmed Godane's death."
    assert different_confirmers(kirby, silent, ("Rear Adm. John Kirby, the Pentagon press secretary", None))
    assert not different_confirmers(kirby, silent)
    assert not different_confirmers(kirby, "Al-Shabab has not confirmed the death.", ("Al-Shabab", None))
    a = Claim("a", "d1", kirby, kirby, 0, len(kirby), 1, Attribution("Rear Adm. John Kirby", "said"))
    b = Claim("b", "d2", silent, silent, 0, len(silent), 1)
    assert speakers_of(ClaimPair(a, b)) == ("Rear Adm. John Kirby", None)


def test_not_until_denies_nothing_in_the_words_either():
    """As the parse reads it (facts' polarity), so do the words: "They did not confirm that Godane had been killed
    until Friday" is no denial of the Pentagon's "We have confirmed that Ahmed Godane ... has been killed"."""
    assert not denies("But they did not confirm that Godane had been killed until Friday.")
    assert not denies("The Apple Watch won't be produced until January 2015.")
    assert denies("The police did not confirm the arrest on Friday.")


def test_figures_in_nearly_the_same_words_settle_a_pair_of_one_article_only_between_two_voices():
    """The word-level figure check follows the facts' rule for one article: an article in its own voice gives
    figures of two things ("litres ... leaked" / "litres ... stored"), not one fact twice."""
    from checker.relate import settled

    leaked = "About 20,000 litres of sulphuric acid leaked from the plant into the river."
    stored = "The plant stores about 2 million litres of sulphuric acid on site."
    assert settled(pair(leaked, stored), None).kind == "numeric"  # two articles: a conflict
    one = ClaimPair(make_claim("a", 0, leaked), make_claim("a", 1, stored))
    assert settled(one, None) is None
    voices = [Attribution("the agency", "said"), Attribution("the company", "said")]
    two = ClaimPair(*(replace(c, attribution=v) for c, v in zip((one.a, one.b), voices)))
    assert settled(two, None).kind == "numeric"
