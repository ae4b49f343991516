"""Claims' facts from the parse, and slot-by-slot comparison (examples from the issue and their near-misses)."""

import math
from dataclasses import replace

import pytest

from checker.claims.facts import facts_of_texts
from checker.compare.facts import compare_facts
from checker.records import Attribution, Claim


def _claim(text: str, document: str, day: str = "2026-08-04", story=("corran", "hills")) -> Claim:
    (facts,) = facts_of_texts([text], [day])
    return Claim(f"{document}:{text[:9]}", document, text, text, 0, len(text), 1, facts=replace(facts, story=story))


def _together(a: str, b: str) -> tuple[Claim, Claim]:
    """Two claims of two articles of one story, parsed together as a corpus is (a claim is parsed for its partner's
    sake: "A firefighter died" beside "No one has been killed")."""
    facts = facts_of_texts([a, b], ["2026-08-04", "2026-08-04"])
    return tuple(  # type: ignore[return-value]
        Claim(f"{d}:{t[:9]}", d, t, t, 0, len(t), 1, facts=replace(f, story=("corran", "hills")))
        for d, t, f in zip(("one", "two"), (a, b), facts)
    )


def _compare(a: str, b: str, day_b: str = "2026-08-04"):
    return compare_facts(_claim(a, "one"), _claim(b, "two", day_b))


def test_a_figure_is_bound_to_what_it_counts_with_its_hedge_and_unit():
    (facts,) = facts_of_texts(["A wildfire has burned about 12,000 hectares and Fifty-six homes were lost."], [None])
    area, homes = facts.amounts
    assert (area.unit, round(area.low), round(area.high)) == ("meter ** 2", 108_000_000, 132_000_000)
    assert (homes.thing, homes.low, homes.high, homes.event) == ("home", 56, 56, "lose")
    (facts,) = facts_of_texts(["No fewer than 12 people were killed in the blast on Monday."], [None])
    assert [(a.low, a.high) for a in facts.amounts] == [(12, math.inf)]  # a floor, not "fewer than 12"


def test_a_fraction_is_a_rounded_percent_of_its_whole():
    text = "Two-thirds of the residents left and about three quarters of the votes were cast."
    (facts,) = facts_of_texts([text], [None])
    residents, votes = facts.amounts
    assert (residents.text, residents.unit, residents.thing) == ("Two-thirds", "percent", "resident")
    assert residents.low < 64 and 69 < residents.high < 71  # "two-thirds" may be 64 or 70 percent
    assert (votes.text, votes.thing, round(votes.low), round(votes.high)) == ("about three quarters", "vote", 68, 82)
    (facts,) = facts_of_texts(["A third of the staff left, and five thirds of nothing."], [None])
    assert [(a.text, a.unit) for a in facts.amounts] == [("A third", "percent")]  # no share above the whole
    assert _compare("A third of the residents left.", "32 percent of the residents left.").relation == "agreement"
    assert _compare("Two-thirds of the residents left.", "40 percent of the residents left.").kind == "percent"


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (
            "The airline cancelled 420 flights on the first day.",
            "The airline cancelled 260 flights on the first day.",
            "numeric",
        ),
        ("The budget passed by nine votes to two.", "The budget passed by seven votes to four.", "vote"),
        ("The Gulls beat the Foxes 104-98.", "The Foxes lost 101-96 to the Gulls.", "score"),
        # what a sum is for is what it measures: two sums for one clean-up
        (
            "Halvex has set aside 5 million dollars to pay for the clean-up.",
            "Halvex has committed 1.5 million dollars to the clean-up.",
            "money",
        ),
        # a figure with a scale word is as exact as its digits: "48 million" is no round 50 million
        (
            "The city council approved a budget of 48 million dollars.",
            "The council passed a 52 million dollar budget.",
            "money",
        ),
        # whatever a "ton" is, 300 of them are no 450 tonnes
        (
            "The ship was carrying 300 tons of grain when it sank.",
            "The ship was carrying 450 tonnes of grain when it sank.",
            "quantity",
        ),
        ("It began near Holm, about 10 km north of Esterby.", "It broke out in a valley south of Esterby.", "location"),
        # a valuation names what its figure is of; a verb names what a noun counts, in the same period
        ("A magnitude 6.4 earthquake struck the province.", "The institute gave its magnitude as 5.8.", "numeric"),
        (
            "The strike was costing it about 8 million euros a day.",
            "Brandt put the cost to the carrier at 12 million euros for each day of the strike.",
            "money",
        ),
        (
            "The cuts will save about 300 million dollars a year.",
            "It will deliver annual savings of 120 million dollars.",
            "money",
        ),
        ("The union wants a 15 percent rise.", "The union is seeking a 9 percent pay increase.", "percent"),
        # one named ship sank in two places that share no name
        (
            "The passenger ferry Solenne sank on Sunday evening off the northern tip of Tarsa Island.",
            "The ferry Solenne sank on Sunday just outside the harbour at Port Cassel.",
            "location",
        ),
        # a verb a noun completes: filing a lawsuit against someone is suing them; who sued whom is swapped
        (
            "Northmere has filed a lawsuit against its software contractor, Calder Systems.",
            "Calder Systems, which ran the bank's platform, has sued Northmere.",
            "role",
        ),
        # a month is a date too, and no place: "in September" / "in December" of one opening
        ("The stadium will open in September.", "The stadium is now expected to open in December.", "date"),
        # a time dates what its phrase hangs from: the vote, whichever verb the sentence is built on
        (
            "The prime minister survived a no-confidence vote in parliament on Wednesday.",
            "The motion of no confidence fell short in a vote held late on Tuesday.",
            "date",
        ),
    ],
)
def test_slots_that_cannot_both_hold_conflict(a, b, kind):
    found = _compare(a, b)
    assert found is not None and (found.kind, found.relation) == (kind, "contradiction")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("A wildfire has burned about 12,000 hectares.", "The fire has now spread across roughly 30,000 acres."),
        # a measure "of" something measures it, it is no part of it
        ("About 20,000 litres of sulphuric acid leaked.", "Some 5,300 gallons of sulphuric acid poured out."),
        # each figure rounded in its own unit: 16 feet is 4.9 metres, "5 metres" (real news, the full corpus's
        # most certain contradiction before)
        (
            "The crater left by the meteorite had a radius of 39 feet and a depth of 16 feet.",
            "The crater left by the meteorite has a radius of 12 metres and is 5 metres deep.",
        ),
        # a "ton" may be short, long or metric: one outlet's ton is another's tonne
        (
            "The crater was created by a blast with the energy of 1 ton of TNT.",
            "The crater was created by a blast with the energy of 1 tonne of TNT.",
        ),
    ],
)
def test_the_same_measure_in_other_units_agrees(a, b):
    found = _compare(a, b)
    assert found is not None and found.relation == "agreement"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Around 55,000 passengers have had their plans disrupted.", "Fifty-five thousand travellers were affected."),
        ("The game was played in front of 18,250 fans.", "Some 18,000 spectators packed the arena."),
        ("About 3,000 residents have been ordered to leave.", "Some 3,100 people are under evacuation orders."),
        ("Six miners died in the blast.", "Half a dozen workers were killed."),  # the dead, however few
    ],
)
def test_the_same_large_figure_under_another_noun_agrees(a, b):
    found = _compare(a, b)
    assert found is not None and (found.kind, found.relation) == ("numeric", "agreement")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Around 55,000 passengers have had their plans disrupted.", "About 40,000 travellers were affected."),
        ("Six miners were hurt.", "Six workers were hurt."),  # a small figure counts many things alike
        ("Six miners died in the blast.", "Seven workers were killed."),  # the dead under other nouns: no conflict
        ("Prices run up to $5,000 for the gold model.", "The base model costs $4,900."),  # an open bound fits too much
        ("The steel model costs $500 and the gold one $5,000.", "The watch costs $5,000."),  # one of a list
        ("Gold sells for $1,200 an ounce.", "The gold watch costs $1,200."),  # a rate is not a price
    ],
)
def test_figures_that_are_not_plainly_one_do_not_agree_by_figure_alone(a, b):
    found = _compare(a, b)
    assert found is None or found.relation != "agreement"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # different things counted, a part against its whole, another year, a plan, another named group
        ("About 3,000 residents have been ordered to leave.", "Esterby's 9,000 residents have been told to be ready."),
        ("Six miners died on Tuesday.", "Four of the dead came from the village."),
        ("It was backed by 124 deputies.", "A similar motion in 2024 was backed by 119 deputies."),
        ("The union wants a 15 percent rise.", "Management has offered 6 percent."),
        ("All 12 Green Alliance deputies voted for it.", "Only 131 deputies voted for it."),
        # a month is no place
        (
            "Islamic State has executed hundreds of people in Syria and Iraq.",
            "In late December, the Islamic State reportedly executed doctors.",
        ),
        # the strongest of a set is not the set's figure; a cost a day is not a cost a year
        ("A magnitude 6.4 earthquake struck.", "More than 40 aftershocks followed, the strongest of magnitude 4.9."),
        ("The strike cost it 8 million euros a day.", "Brandt put the cost of the strike at 12 million euros a year."),
        # sums for two purposes
        (
            "Halvex has set aside 5 million dollars for legal costs.",
            "Halvex has committed 1.5 million dollars to the clean-up.",
        ),
    ],
)
def test_near_misses_do_not_conflict(a, b):
    found = _compare(a, b)
    assert found is None or found.relation != "contradiction"


def test_a_later_article_with_an_update_cue_reports_an_update():
    found = _compare(
        "19 people have died in the sinking.", "The toll has risen: 27 people have died in the sinking.", "2026-08-06"
    )
    assert found is not None and found.relation == "update"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a death toll counts the people who died, whatever the verb; a number revised names what it counts; a
        # figure after "up from" is the old value, not a second one
        ("Six miners died early on Tuesday.", "The death toll from the accident rose to nine on Thursday."),
        ("19 people were known to have died.", "The number of people confirmed dead rose to 27 on Wednesday."),
        (
            "Hackers stole the personal data of about 480,000 customers.",
            "The bank revised up the number of customers affected by the breach to 610,000.",
        ),
        (
            "Crews had the fire 10 percent contained on Monday evening.",
            "Firefighters had the fire 45 percent contained by Thursday, up from 10 percent.",
        ),
    ],
)
def test_revised_counts_are_updates_of_the_older_figure(a, b):
    found = _compare(a, b, "2026-08-07")
    assert found is not None and found.relation == "update", found


def test_the_dead_of_one_kind_are_not_the_dead_of_another():
    found = _compare("Five civilians were killed in the clashes.", "Eight soldiers were killed in the clashes.")
    assert found is None or found.relation != "contradiction"
    found = _compare("Six miners died in the accident.", "Half a dozen miners were killed in the accident.")
    assert found is not None and found.relation == "agreement"


def test_none_against_some_of_the_same_count_conflicts():
    """'No one has been killed' / 'A firefighter died' (a planted conflict the facts missed): no one is a count of 0,
    and one who died is at least one death whatever the verb; 'no one was injured' is 0 people injured."""
    zero, one = _together("No one has been killed in the fire.", "A firefighter died in the blaze.")
    assert [(a.low, a.high, a.thing) for a in zero.facts.amounts] == [(0, 0, "death")]
    assert [(a.low, a.thing, a.part) for a in one.facts.amounts] == [(1, "death of firefighter", True)]
    found = compare_facts(zero, one)
    assert found is not None and (found.kind, found.relation) == ("numeric", "contradiction")
    found = compare_facts(*_together("No one was injured in the fire.", "Two people were injured in the fire."))
    assert found is not None and found.relation == "contradiction"


def test_figures_of_two_different_days_count_two_events():
    """'Three people died in Monday's blast' / 'Five people were killed in Tuesday's blast' (left by session 22's
    note): two tolls of two days, not one toll told two ways; the same day still conflicts. (With one verb, the
    days conflict as the dates of one event.)"""
    found = compare_facts(
        *_together("Three people died in Monday's blast.", "Five people were killed in Tuesday's blast.")
    )
    assert found is None or found.relation != "contradiction"
    found = compare_facts(
        *_together("Three people died in Monday's blast.", "Five people were killed in Monday's blast.")
    )
    assert found is not None and (found.kind, found.relation) == ("numeric", "contradiction")
    # a day with no year (an undated article's "August 3") is not told from a dated one (found by a review)
    found = _compare(
        "Three people were killed in a blast on Monday.", "Five people were killed in a blast on August 3.", None
    )
    assert found is not None and (found.kind, found.relation) == ("numeric", "contradiction")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("No one has been killed in the fire.", "Two residents were treated for smoke inhalation."),  # not dead
        ("No homes were destroyed in the fire.", "Fifty-six cars were destroyed in the fire."),  # other things
        ("No homes were destroyed by the fire.", "The fire threatened 56 homes."),  # another verb
        ("No passengers were injured when the plane landed.", "The plane was carrying 150 passengers when it landed."),
        ("None of the passengers survived the crash.", "Two passengers were injured in the crash."),
        ("A firefighter died on Monday.", "Three people were killed in the fire."),  # one of the dead, not a toll
        ("No soldiers were killed in the clashes.", "A civilian died in the clashes."),  # other dead
        ("No soldiers were killed in the clashes.", "A soldier killed two protesters in the clashes."),  # a killer
        ("No one but the pilot died in the crash.", "A pilot died in the crash on Monday."),
        ("No one was killed in the crash.", "A bill named after a girl killed by a drunk driver passed the Senate."),
        ("No one was killed in Tuesday's blast at the market.", "Three people were killed in Monday's blast there."),
        # a zero inside an asserted claim is no figure (news300)
        (
            "Residents reported a loud boom as the meteorite crashed but no one had come forward.",
            "Managua has a population of 1.2 million people and many residents reported hearing a loud bang.",
        ),
    ],
)
def test_none_or_one_of_something_else_does_not_conflict(a, b):
    """Near-misses, several from a review of the mechanism: a zero of another thing or verb, one of the dead against
    a toll, a killer read as the killed, "no one but", a death inside a name."""
    found = compare_facts(*_together(a, b))
    assert found is None or found.relation != "contradiction"


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("No tsunami warning was issued.", "Authorities issued a tsunami warning for the coast.", "negation"),
        (
            "The medicines agency confirmed that the impurity had been found in 14 batches.",
            "The medicines agency has not confirmed how many batches were contaminated.",
            "confirmation",
        ),
        # a capital is its country: one confirmer, not two sources (the seeds' report read this pair by the model)
        (
            "North Korea confirms it sent troops to Russia.",
            "Pyongyang has not confirmed that it sent troops.",
            "confirmation",
        ),
    ],
)
def test_one_asserts_what_the_other_negates_or_has_not_confirmed(a, b, kind):
    # parsed together, as a corpus is: the asserting claim has no cue of its own, the negated event gets it parsed
    facts = facts_of_texts([a, b], [None, None])
    claims = [Claim(d, d, t, t, 0, len(t), 1, facts=replace(f, story=("x",))) for d, t, f in zip("ab", (a, b), facts)]
    found = compare_facts(*claims)
    assert found is not None and (found.kind, found.relation) == (kind, "contradiction")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # two confirmers named apart; other people executed; a negation in a clause that is not the claim's
        ("Russia confirmed that the troops have been deployed.", "Pyongyang has not confirmed that it sent troops."),
        ("The group had not executed American citizens.", "The group executed doctors who refused to help."),
        ("He traded that truck three years ago and has no idea where it went.", "He traded in the truck."),
    ],
)
def test_negations_of_something_else_do_not_conflict(a, b):
    found = _compare(a, b)
    assert found is None or found.relation != "contradiction"


def test_a_frame_that_declines_to_confirm_makes_the_claim_unconfirmed():
    from checker.claims.facts import framed

    sentence = "Police declined to confirm reports that a fuel tanker had gone into the water."
    (facts,) = facts_of_texts(["A fuel tanker had gone into the water."], [None])
    assert framed(facts, sentence, "A fuel tanker had gone into the water.").polarity == "unconfirmed"
    said = "Ilse Varga rejected that, saying state inspectors had visited the mine."
    assert framed(facts, said, "state inspectors had visited the mine.").polarity == "asserted"


@pytest.mark.parametrize(
    "sentence",
    [
        "Nasa has raised doubts about whether a loud boom in Managua was caused by a meteorite.",
        "International experts have raised doubts as to whether the crater was caused by a meteor.",
        "NASA officials are skeptical that the reported explosion was caused by a space object.",
        "Analysts questioned whether the ceasefire would hold.",
        "Perth scientists have cast doubt over claims that a spider burrowed into a man's body.",
    ],
)
def test_a_doubt_keeps_its_words_and_confirms_nothing(sentence):
    from checker.claims import extract_all
    from checker.records import Document

    (claim,) = extract_all([Document(id="d", path="d.txt", text=sentence + "\n")])
    assert claim.text == sentence  # the model reads the doubt, not the doubted claim as asserted
    assert claim.attribution is not None and claim.facts.polarity == "unconfirmed"


def test_a_doubt_against_a_confirmation_is_a_conflict_and_no_doubt_is_not_a_doubt():
    doubted, confirmed = _together(
        "Nasa has raised doubts about whether a loud boom heard in Managua was caused by a meteorite.",
        "A loud boom heard in Managua was caused by a small meteorite, government officials confirmed on Sunday.",
    )
    from checker.claims.facts import framed

    doubted = replace(doubted, facts=framed(doubted.facts, doubted.sentence, doubted.text))  # as `check` reads it
    found = compare_facts(doubted, confirmed)
    assert (found.kind, found.relation) == ("confirmation", "contradiction")
    (facts,) = facts_of_texts(["I have no doubt that Mohammed is the man in the video."], [None])
    assert facts.polarity != "unconfirmed"


def test_a_frame_gives_its_date_to_the_claim_it_reports():
    from checker.claims import extract_all
    from checker.records import Document

    text = "Velarin Pharma announced on March 16 that it was recalling batches of Cardoxil.\n"
    (claim,) = extract_all([Document(id="d", path="d.txt", date="2026-03-18", text=text)])
    assert claim.text.startswith("It was recalling")
    assert [(t.start, t.anchors) for t in claim.facts.times] == [("2026-03-16", ("recall",))]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # found in review: a toll is not the dead of one kind; two days, two events; two towns, two arrests; the day
        # something was said is not the day it happened
        ("Five civilians died in the Kabul attack on Monday.", "Eleven people died in the Kabul attack on Monday."),
        ("President Biden spoke in Ohio on Monday.", "President Biden spoke in Texas on Friday."),
        ("Police arrested two suspects in Leeds.", "Police have not arrested any suspects in Bradford."),
        # an update cue that revises no count: the 300 products are not the 5,000 the retailer sells
        ("The retailer now sells more than 5,000 products.", "It raised prices on 300 products this week."),
    ],
)
def test_review_near_misses_do_not_conflict(a, b):
    found = _compare(a, b, "2026-08-09")
    assert found is None or found.relation not in {"contradiction", "update"}, found


def test_a_report_dates_the_saying_not_the_event():
    from checker.claims import extract_all
    from checker.records import Document

    text = "The transport minister said on Tuesday that the old Kessel bridge collapsed after heavy rain.\n"
    (claim,) = extract_all([Document(id="d", path="d.txt", date="2026-03-18", text=text)])
    assert claim.facts.times == ()


def test_a_letter_that_lowercases_to_two_does_not_stop_the_corpus():
    facts = facts_of_texts(
        ["No tsunami warning was issued.", "Authorities \u0130SSUED a tsunami warning."], [None, None]
    )
    assert len(facts) == 2


def test_a_sentence_the_parser_mangles_yields_no_fact_and_no_error():
    texts = ["-- -- 3 3 3 ,,, of of", "", "!!!", "Four."]
    assert len(facts_of_texts(texts, [None] * len(texts))) == 4


def test_a_noun_that_names_no_unit_is_no_measure_without_loading_pint():
    """pint's registry takes a third of a second to build (a tenth of `check seeds/`); the nouns after most figures
    ("11,000 troops") are read off its definitions file instead, and the registry is built for a possible unit."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from checker.claims.values import measure\n"
        "assert measure(11000, 'troops') is None and measure(3, 'soldiers') is None\n"
        "assert 'pint' not in sys.modules\n"
        "assert measure(3, 'kilometres') == (3000.0, 'meter', 0.0) and round(measure(2, 'miles')[0]) == 3219\n"
        "assert measure(2, 'tonnes') == (2000.0, 'kilogram', 0.0) and measure(4, 'points') is None\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        ("The ministry dismissed media reports that the minister had resigned.", "The ministry", "The minister had"),
        ("The club killed off claims that the manager had been sacked.", "The club", "The manager had been"),
        ("Police brushed off rumours that the suspect had escaped.", "Police", "The suspect had escaped"),
        ("The spokesman poured cold water on reports that the talks had collapsed.", "The spokesman", "The talks"),
        ("Health officials have debunked claims that the water was poisoned.", "Health officials", "The water was"),
        # a time between the report and "that" (real news: "Jeh Johnson shot down claims on Thursday that ...", read
        # as "Jeh Johnson shot down" claiming it)
        ("Jeh Johnson shot down claims on Thursday that the border is porous.", "Jeh Johnson", "The border is"),
        # inside the sentence, read off the parse: the one who dismisses is the verb's subject, not a video
        (
            "A video handed to reporters on Friday showed the rebel leader Musa Kadri laughing away government reports"
            " that he had died in an air strike.",
            "the rebel leader Musa Kadri",
            "He had died",
        ),
    ],
)
def test_what_a_dismissed_report_says_is_kept_denied_never_asserted(sentence, speaker, content):
    # "reports" and "claims" are nouns here, not the reporting verbs of "Reuters reports that ...": the speaker was
    # read as "The ministry dismissed media" and the dismissed report became an assertion
    from checker.claims import extract_all
    from checker.records import Document

    (claim,) = extract_all([Document(id="d", path="d.txt", text=sentence)])
    assert claim.attribution.speaker == speaker
    assert claim.text.startswith(content)
    assert claim.facts.polarity == "denied"


@pytest.mark.parametrize(
    ("sentence", "polarity"),
    [
        # a stance verb keeps the whole sentence as the claim; it is a denial whether or not the sentence holds a
        # figure or a date (these were read only when they did, so they stayed "asserted")
        ("The army rejected reports that soldiers had fired on protesters.", "denied"),
        ("The ministry disputed claims that the minister had resigned.", "denied"),
        ("Amazon quickly shot down that rumor.", "denied"),
        ("Plant's publicist later debunked the report.", "denied"),
        ("The strike killed off hopes of a deal.", "asserted"),  # no report is called false
        # a complement that calls the subject or object false: real news says "categorically false" more often
        # than "denied"
        ('The talking point is "categorically false," according to the department.', "denied"),
        ("Federal officials have called the congressman a liar.", "denied"),
        ("The rumours proved untrue.", "denied"),
        ("But the rumor is not true.", "denied"),
        ("He is not a liar.", "negated"),
        ("The fake video was shared 2 million times.", "asserted"),  # "fake" names which video, calls nothing false
        ("The story is true.", "asserted"),
        # "no" that strengthens what is said negates nothing
        ("I have no doubt that Mohammed is Jihadi John.", "asserted"),
        ("There was no question that chlorine gas was to blame.", "asserted"),
        ("There is no denying the fact that Apple is treading new ground.", "asserted"),
        ("There was no evidence that the men had crossed the border.", "negated"),
        ("No matter what he faced, he was unfailingly kind.", "asserted"),
        ("One of those guests was none other than Paul Rudd.", "asserted"),
    ],
)
def test_a_denial_in_other_words_is_read_as_one(sentence, polarity):
    from checker.claims import extract_all
    from checker.records import Document

    (claim,) = extract_all([Document(id="d", path="d.txt", text=sentence)])
    assert claim.facts.polarity == polarity


def test_a_day_in_a_month_is_in_it_and_a_month_is_no_place():
    found = _compare("The stadium will open in September.", "The stadium will open on September 12.")
    assert found is not None and (found.kind, found.relation) == ("date", "agreement")
    assert _claim("The stadium will open in September.", "one").facts.places == ()


def test_a_name_before_a_place_noun_is_a_place():
    (place,) = _claim("It captured two soldiers in the Kursk region in January.", "one").facts.places
    assert (place.name, place.relation) == ("Kursk", "in")


def test_a_figure_after_a_name_is_part_of_the_name_not_a_count():
    named, counted = facts_of_texts(["Why the iPhone 6 Plus can bend.", "Apple sold 10 million iPhones."], [None, None])
    assert named.amounts == ()  # "iPhone 6", like "Route 9", is a name
    assert [a.thing for a in counted.amounts] == ["iphone"]


def test_two_parts_of_one_whole_are_compared_and_never_with_the_whole():
    found = _compare("Some 4,000 of them have been wounded.", "Some 6,000 of them have been wounded.")
    assert found is not None and (found.kind, found.relation) == ("numeric", "contradiction")
    assert _compare("Some 4,000 of them have been wounded.", "Some 4,100 of them have been wounded.").relation == (
        "agreement"
    )
    for other in ("Some 6,000 of the recruits have been wounded.", "Some 11,000 of them have been sent."):
        found = _compare("Some 4,000 of them have been wounded.", other)
        assert found is None or found.relation != "contradiction"
    found = _compare("Some 4,000 of them have been wounded.", "Some 6,000 soldiers have been wounded.")
    assert found is None or found.relation != "contradiction"
    found = _compare("Two of the victims were police officers.", "Three of the victims were tourists.")
    assert found is None or found.relation != "contradiction"  # two parts that are two things


def test_a_month_with_its_year_or_naming_an_event_is_a_date():
    from checker.claims.values import times_in

    month = ("June 2024", "2024-06-01", "2024-06-30", "month")
    assert times_in("They met in June 2024.", "2025-04-27", False) == [month]
    assert ("June", "2024-06-01", "2024-06-30", "month") in times_in(
        "They signed it at their June summit last year.", "2025-04-27", False
    )
    assert times_in("Theresa May said so.", "2025-04-27", False) == []  # a name, not a month
    assert times_in("Organisers of the March for Our Lives spoke.", "2025-04-27", False) == []
    assert times_in("Founded in 1998, it reported a loss in March.", "2025-04-27", False)[0][1] == "2025-03-01"
    found = _compare(
        "Putin and Kim Jong-un signed the partnership treaty at their June summit last year.",
        "Putin and Kim Jong-un signed the partnership treaty at their July summit last year.",
    )
    assert found is not None and (found.kind, found.relation) == ("date", "contradiction")


def test_the_dates_of_two_peoples_events_do_not_conflict():
    found = _compare("The aid worker was kidnapped in March 2013.", "The journalist was kidnapped in May 2013.")
    assert found is None or found.relation != "contradiction"
    found = _compare("The aid worker was kidnapped in March 2013.", "The aid worker was kidnapped in May 2013.")
    assert found is not None and (found.kind, found.relation) == ("date", "contradiction")


def test_a_month_without_its_year_meets_the_same_month_of_another_article_year():
    found = _compare("The stadium opened in September.", "The stadium opened in September.", day_b="2027-02-04")
    assert found is None or found.relation != "contradiction"


def test_a_figure_written_as_zero_is_read_without_error():
    (facts,) = facts_of_texts(["The budget is 0.0 million."], [None])
    assert [(a.low, a.high) for a in facts.amounts] == [(0.0, 0.0)]


def test_a_time_of_day_is_read_with_its_hedge_and_dial():
    from checker.claims.values import clock_times

    assert clock_times("It struck shortly after 11 pm.") == [("shortly after 11 pm", "23:00", "23:30", "time")]
    assert clock_times("They walked out just after midnight.") == [("just after midnight", "00:00", "00:15", "time")]
    assert clock_times("Calls came at nine o'clock.")[0][3] == "time12"  # morning or evening
    assert clock_times("Inflation was 3.50 percent.") == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The quake hit at 23:14 local time.", "The earthquake that hit the province shortly after 11 pm killed 11."),
        ("Distress calls were received shortly after nine o'clock.", "The crew radioed for help at about 21:00."),
    ],
)
def test_one_time_of_day_in_other_words_agrees(a, b):
    found = _compare(a, b)
    assert found is not None and (found.kind, found.relation) == ("time", "agreement")


def test_other_times_of_day_are_no_conflict_and_no_agreement():
    assert _compare("The quake hit at 23:14 local time.", "A strong aftershock hit at 02:30.") is None
    found = _compare("The quake hit at 23:14 on Monday.", "The quake hit at 23:14 on Tuesday.")
    assert found is None or found.kind != "time" or found.relation != "agreement"


def test_a_weekday_of_a_month_is_that_day_not_the_last_such_weekday():
    from checker.claims.values import times_in

    found = times_in("Northmere discovered the break-in on the last Friday of August.", "2026-09-09", False)
    assert found == [("the last Friday of August", "2026-08-28", "2026-08-28", "day")]  # not Friday 2026-09-04
    assert times_in("The vote is on the first Monday in May 2024.", None, False)[0][1] == "2024-05-06"


def test_two_dates_of_what_the_decision_reads_as_one_statement_conflict():
    from checker.compare.facts import dated_apart

    collapsed = _claim("A highway bridge collapsed into the river on Monday evening.", "one")  # Monday August 3
    fell = _claim("The bridge over the river fell on August 1, plunging cars into the water.", "two")
    assert compare_facts(collapsed, fell) is None  # two verbs: the parse alone cannot tell they are one event
    found = dated_apart(collapsed, fell)
    assert found is not None and (found.kind, found.relation) == ("date", "contradiction")
    assert "on Monday (2026-08-03)" in found.detail
    assert dated_apart(collapsed, _claim("The bridge over the river fell on Monday.", "two")) is None  # one day
    assert dated_apart(collapsed, replace(fell, document_id="one")) is None  # one article: two moments of a story
    denied = _claim("The bridge did not fall on August 1.", "two")
    assert dated_apart(collapsed, denied) is None
    # two people's acts, and a claim with two dates (which of them dates it?) are not compared
    assert dated_apart(_claim("The aid worker was kidnapped on Monday.", "one"),
                       _claim("The journalist was taken on August 1.", "two")) is None  # fmt: skip
    two_days = _claim("The bridge, closed on July 2, fell on August 1.", "two")
    assert dated_apart(collapsed, two_days) is None


def test_two_statements_of_what_caused_the_story_s_event_conflict_however_each_names_the_event():
    found = _compare("The fire was started by lightning during a dry thunderstorm.",
                     "A power line brought down by high winds sparked the blaze.")  # fmt: skip
    assert (found.kind, found.relation) == ("cause", "contradiction")
    alike = _compare("The fire was started by lightning.", "A lightning strike sparked the blaze.")
    assert (alike.kind, alike.relation) == ("cause", "agreement")


def test_a_cause_inside_a_doubt_or_a_belief_is_no_statement_of_cause():
    for doubted in (
        "Experts have raised doubts about whether the blast was caused by a meteorite.",
        "At first, locals believed the blast was caused by an earthquake.",
    ):
        found = _compare(doubted, "A power line sparked the blaze.")
        assert found is None or found.kind != "cause"


def test_a_figure_rounded_to_its_tens_fits_the_exact_one_and_no_further():
    """Real news: "would start at a price of $349" / "the $350 price applies to the aluminum model" is one price, as
    the labelling guideline has it ("about 300" / "312" agree); "$350" is no "$356", and "35" is exact."""
    assert _compare("The watch will sell for $349.", "The watch will sell for $350.").relation == "agreement"
    assert _compare("The watch will sell for $356.", "The watch will sell for $350.").relation == "contradiction"
    assert _compare("The airline cancelled 34 flights.", "It cancelled 35 flights.").relation == "contradiction"


def test_not_until_says_when_not_whether():
    """Real news: "The Apple Watch will not be produced until January 2015" says when production starts, and "They did
    not confirm that Godane had been killed until Friday" that they confirmed it then: neither is negated."""
    for text in (
        "The mass production stage of the Apple Watch will not begin until January.",
        "But they did not confirm that Godane had been killed until Friday.",
    ):
        (facts,) = facts_of_texts([text], ["2014-12-03"])
        assert facts.polarity == "asserted", text
    (facts,) = facts_of_texts(["The police did not confirm the arrest on Friday."], ["2014-12-03"])
    assert facts.polarity == "unconfirmed"


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        # what "that" stands for: the claim another named voice made just before (planted: mining_accident)
        (
            "Tomas Breck, the union's secretary, said the mine had not been inspected by the state since 2024. "
            "Redvale spokeswoman Ilse Varga rejected that, saying state inspectors had visited in January.",
            "Redvale spokeswoman Ilse Varga rejected that the mine had not been inspected by the state since 2024.",
        ),
        (
            "The paper reported that the government had called a press conference on Friday. "
            "The government later disputed the report, saying no such event had been planned.",
            "The government later disputed that the government had called a press conference on Friday.",
        ),
        # the writer's own line is not what officials deny ("A small furor has erupted over whether ... Saudi
        # officials deny the claim" denies the blurring, not the furor)
        ("A furor has erupted over whether the station blurred the image. Officials deny the claim.", None),
        # a denial that names what it denies, or that follows a clause of its own sentence, needs no antecedent
        ("Police said two men were arrested. The mayor denied that anyone had been arrested.", None),
        ("Police said two men were arrested. Though some outlets confirmed it, the mayor denied it.", None),
        # the speaker's own words are not what the speaker denies
        ("The mayor said taxes would rise next year. The mayor denied it.", None),
    ],
)
def test_a_denial_by_pronoun_denies_what_another_voice_said_just_before(text, denied):
    from checker.claims import extract_all
    from checker.records import Document

    claims = extract_all([Document(id="d", path="d.txt", text=text)])
    made = [c for c in claims if c.text.lower() not in c.sentence.lower()]  # in no sentence's words: the denial's
    assert [c.text for c in made] == ([denied] if denied else [])
    if denied:  # the denying sentence's claim, with its speaker and a denied polarity
        assert denied.startswith(made[0].attribution.speaker) and made[0].facts.polarity == "denied"
        assert made[0].sentence in text and made[0].sentence.startswith(made[0].attribution.speaker)


def test_a_claim_denied_in_its_own_words_by_another_voice_conflicts():
    said, denial = _together(
        "The mine had not been inspected by the state since 2024.",
        "Redvale spokeswoman Ilse Varga rejected that the mine had not been inspected by the state since 2024.",
    )
    found = compare_facts(said, denial)
    assert (found.kind, found.relation, found.detail) == ("negation", "contradiction", "negated vs denied")
    # one article: only where two named voices say them
    same = [replace(c, document_id="one") for c in (said, denial)]
    assert compare_facts(*same) is None
    voices = [Attribution("Tomas Breck", "said"), Attribution("Ilse Varga", "rejected")]
    assert compare_facts(*(replace(c, attribution=v) for c, v in zip(same, voices))).relation == "contradiction"
    # a claim of a few words that a denial happens to hold is not what it denies
    short, longer = _together("It was inspected again.", "Ms Varga denied that it was inspected again.")
    assert longer.facts.polarity == "denied" and compare_facts(short, longer) is None
