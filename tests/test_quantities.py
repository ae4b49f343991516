import pytest

from checker.compare.quantities import extract_quantities, find_conflict


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (
            "Police said 3,000 protesters gathered in the square.",
            "Some 5,000 protesters gathered in the square.",
            "numeric",
        ),
        ("The project will cost 1.2 billion euros.", "The project will cost 900 million euros.", "quantity"),
        ("The court ruled by a vote of six to three.", "The court ruled by a vote of four to five.", "numeric"),
        ("The museum is opening in March.", "The museum is opening in May.", "date"),
        (
            "The North has sent some 11,000 troops to Ukraine.",
            "The North has sent 15,000 soldiers to Ukraine.",
            "numeric",
        ),
        ("Unemployment rose to 5.2% in the region.", "Unemployment rose to 7 percent in the region.", "quantity"),
        ("The bridge opened on Monday after repairs.", "The bridge opened on Friday after repairs.", "date"),
        ("The factory closed in 2019 after the fire.", "The factory closed in 2021 after the fire.", "date"),
        ("The video was posted on Monday by the group.", "The video was posted on Sunday by the group.", "date"),
        (
            "Prices jumped by a 5% rise in the city last year.",
            "Prices jumped by a 3% rise in the city last year.",
            "quantity",
        ),
        ("The steel model of the watch will cost $500.", "The steel model of the watch will cost $700.", "quantity"),
        # a range against an amount outside it; a rate against the same rate
        (
            "The gold Apple Watch would cost between $4,000 and $5,000 when it goes on sale.",
            "The gold Apple Watch will cost $10,000 when it goes on sale.",
            "quantity",
        ),
        ("Gold sells for $1,250 per troy ounce this week.", "Gold sells for $905 an ounce this week.", "quantity"),
        ("Petrol costs $4 a gallon in the state.", "Petrol costs $6 per gallon in the state.", "quantity"),
        # lengths compare in metres whatever the unit
        (
            "The town of Sudzha lies 5 miles from the Ukrainian border.",
            "The town of Sudzha lies 20 km from the Ukrainian border.",
            "numeric",
        ),
        # and durations in seconds
        ("The talks in Geneva lasted 3 hours.", "The talks in Geneva lasted 90 minutes.", "numeric"),
        # amounts of one year still conflict, and a hedge before "a dozen" still bounds it
        ("The NYPD made 59,000 arrests in 2010.", "In 2010 the NYPD made 28,000 arrests.", "numeric"),
        ("Nearly a dozen planes are missing in Libya.", "Twenty planes are missing in Libya.", "numeric"),
    ],
)
def test_conflicts_are_found(a, b, kind):
    conflict = find_conflict(a, b)
    assert conflict is not None and conflict.kind == kind
    assert find_conflict(b, a) is not None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("About 3k people attended the rally.", "Nearly 3 000 people attended the rally."),
        # real news (FNC-1): "1m peso" is a million pesos, not one
        (
            "Some carried a sprawling billboard offering a 1m peso (£47,000) reward for information.",
            "Some carried a sprawling billboard offering a 1 million peso ($75,000) reward for information.",
        ),
        # real news (FNC-1 bodies): a difference is not a price, and "for the steel model" names another thing
        (
            "This would be a $150 premium over the anodized aluminum Sports Model, which Apple said last month would "
            "start at a price of $349.",
            "The Apple Watch will start at around $500 for the steel model.",
        ),
        (
            "The Apple Watch will start at around $500 for the steel model.",
            "The Apple Watch will start at $349 for that aluminum Sport model.",
        ),
        # several amounts on one side: the other side's amount matches one of them
        (
            "The stainless steel Apple Watch will be priced around $500, while the gold one costs $4,000 to $5,000.",
            "The stainless steel Apple Watch will start at around $500.",
        ),
        ("The project will cost $2.5 billion.", "The project will cost 2.5 billion dollars."),
        # real news (FNC-1 bodies): an amount inside the other claim's range ("$720 to $3800") fits it
        (
            "So the buckle is worth $120-$360 and the watch case $720 to $3800 just as raw gold.",
            "Therefore, the raw gold to make just the watch case would cost $3,200 as of this writing.",
        ),
        ("Between 4 and 5 billion dollars were spent on the dam.", "The dam cost $4.5 billion."),
        # a price per gram is not a price per troy ounce
        ("Gold sells for $1,250 per troy ounce this week.", "Gold sells for $40.20 per gram this week."),
        ("The talks in Geneva lasted two days.", "The talks in Geneva lasted 48 hours."),
        ("The siege of the city lasted two years.", "The siege of the city lasted 24 months."),
        ("The North has sent some 11,000 troops to Ukraine.", "The North has sent about 11,240 troops to Ukraine."),
        ("More than 3,000 people attended the rally.", "Some 3,400 people attended the rally."),
        ("Police said 3,000 protesters gathered.", "3,200 protesters gathered, police said."),
        # "another 3,000" is an increment, not a total
        ("The North may have sent another 3,000 soldiers to Russia.", "The North has sent 11,000 soldiers to Russia."),
        # different topics: no comparison
        ("Around 11,000 soldiers were sent to Ukraine since October.", "The army captured two soldiers in January."),
        # "may" the modal is not the month
        ("The vote may be delayed until March.", "The vote was delayed until March."),
        # real news (FNC-1): one measurement in two units
        (
            "The crater left by the meteorite had a radius of 39 feet and a depth of 16 feet.",
            "The crater left by the meteorite has a radius of 12 metres and is 5 metres deep.",
        ),
        (
            "The town of Sudzha lies 5 miles from the Ukrainian border.",
            "The town of Sudzha lies 8 km from the Ukrainian border.",
        ),
        # real news (FNC-1): "6 1/2 feet" is 6.5 feet, which the other claim gives beside its 8.8
        (
            "The Po River and Delta are known for massive wels catfish, but anything bigger than 6.5 feet is "
            "considered extremely rare, and this one measured 8.8 feet.",
            "Any wels catfish over 6 1/2 feet is considered extremely rare.",
        ),
        # real news (FNC-1): a shared unit is not a shared topic
        (
            "House-sized asteroid 2014 RC, which measured 60 feet in diameter, skimmed the Earth.",
            "This one was 8.8 feet.",
        ),
        # real news (FNC-1): the two years date two different facts
        (
            "But Barreto, who was divorced in 2011, had earlier confirmed that her ex-husband and his wife Daiane ran "
            "the DC Toys Collector site from their home in Orlando.",
            "In 2014 DC Toys Collector earned $4.9m.",
        ),
        ("The 9/11 attacks killed 2,977 people.", "The attacks killed 2,977 people."),
        # real news (FNC-1): Indian digit grouping
        (
            "The properties Google purchased comprise about 934,200 square feet of office space.",
            "The properties Google purchased comprise about 9,34,200 square feet of office space.",
        ),
        # real news (FNC-1): joined in 1980, fired in 1990; the words around the years share only "work"
        (
            "AK Verma, an executive engineer at the Central Public Works Department, was fired after last "
            "appearing for work in December 1990.",
            "Mr Verma joined the Central Public Works Department in 1980.",
        ),
        # real news (FNC-1): a hedge before "a dozen" holds for the dozen ("nearly a dozen" allows eleven)
        (
            "Eleven passenger planes are missing from an airport in Libya.",
            "Nearly a dozen commercial planes are missing in Libya after a radical Islamic group overtook the airport.",
        ),
        # real news (FNC-1): a count told in parts ("six ... followed by four more"), and an addition after its number
        (
            "Forensic audio expert Paul Ginsberg analyzed the recording and said he detected at least 10 gunshots.",
            "A forensic audio expert said he detected a cluster of six gunshots followed by four more after the pause.",
        ),
        (
            "Murillo Karam added that 14 additional police officers were arrested over the disappearances.",
            "Within days, 22 police officers were arrested over the disappearances.",
        ),
        # real news (FNC-1): amounts of two different years are two facts
        (
            "The NYPD made 59,000 arrests for misdemeanor possession in 2010.",
            "By 2013, the NYPD was making only 28,000 marijuana possession arrests.",
        ),
        # real news (FNC-1): a date that names which report is no date of the story (the corpus's top date conflict)
        (
            "However the December 2014 report has now been confirmed as a complete hoax.",
            "However the February 2015 report has now been confirmed as a complete hoax.",
        ),
        ("In a March statement the ministry said the bridge would open.", "In a May statement it said so again."),
    ],
)
def test_compatible_numbers_do_not_conflict(a, b):
    assert find_conflict(a, b) is None


def test_formats_normalise_to_the_same_value():
    values = {q.value for q in extract_quantities("3,000 people, 3 000 people, 3k people and three thousand")}
    assert 3000.0 in values
    [money] = extract_quantities("It cost $2.5 billion.")
    assert money.value == 2.5e9 and money.unit == "dollar"
    [hedged] = extract_quantities("more than 3,000 troops")
    assert hedged.low == 3000 and hedged.high == float("inf") and hedged.unit == "troop"


def test_a_ceiling_or_a_floor_is_not_the_amount():
    [ceiling] = extract_quantities("Apple will unveil the Watch, which boasts as many as 34 variants.")
    assert ceiling.low == 0 and ceiling.high == 34
    [floor] = extract_quantities("While the Apple Watch will start at $349, prices of the other models were not given.")
    assert floor.low == 349 and floor.high == float("inf") and floor.unit == "dollar"
    assert find_conflict("The Apple Watch will cost $10,000.", "The Apple Watch will start at $349.") is None
    assert find_conflict("The Apple Watch will cost $10,000.", "The Apple Watch will cost $349.") is not None


def test_a_part_of_a_whole_counts_the_whole_s_unit():
    part, whole = extract_quantities("ISIS killed 300 out of 400 soldiers they besieged.")
    assert (part.value, part.unit) == (300, "troop") and (whole.value, whole.unit) == (400, "troop")
    assert [q.unit for q in extract_quantities("3 of the 7 attackers were killed.")] == ["attacker", "attacker"]
    assert (
        find_conflict(
            "IS have killed 300 Iraqi soldiers with chlorine gas, an MP said on Monday.",
            "ISIS killed 300 out of 400 soldiers with chlorine gas, an MP said on Monday.",
        )
        is None
    )


def test_a_range_of_word_numbers_with_its_qualifier_after_the_unit():
    [units] = extract_quantities("Apple will make five to six million units for the first quarter.")
    assert (units.low, units.high, units.unit) == (5e6, 6e6, "unit") and units.about == {"first", "quarter"}
    [shots] = extract_quantities("After a pause, another four or five shots ring out.")
    assert (shots.low, shots.high, shots.incremental) == (4, 5, True)
    year = "Apple will sell 19 million Apple Watch units in 2015, half of those in the December quarter."
    assert find_conflict(year, "Apple will make five to six million Apple Watch units for the first quarter.") is None
    assert find_conflict(year, "Apple will make five to six million Apple Watch units in 2015.") is not None


def test_a_deadline_or_a_starting_point_is_no_date_of_an_event():
    march = "Reports say the Apple Watch will go on sale by the end of March."
    assert find_conflict("The Apple Watch will go on sale before the end of April, Foskett says.", march) is None
    assert find_conflict(
        "The Apple Watch will go on sale in April, Foskett says.", march.replace("by the end of", "in")
    )
    assert (
        find_conflict(
            "British security services questioned Emwazi in 2010.",
            "Emwazi was a person of interest to British security services from at least 2011.",
        )
        is None
    )


def test_hundreds_times_dimensions_and_bounds_of_distance():
    [soldiers] = extract_quantities("Three hundred Iraqi soldiers died in a chlorine gas attack.")
    assert (soldiers.value, soldiers.unit) == (300, "troop")
    assert extract_quantities("An explosion occurred around 11:05 p.m.") == ()
    assert extract_quantities("The loud explosion occurred around 11 p.m. on Saturday.") == ()
    assert extract_quantities("The 11.6-inch MacBook Air offers a 1366 x 768 pixel display.") == ()
    [distance, _] = extract_quantities("2014 RC passed within 22,000 miles (36,000 kilometers) of our planet.")
    assert distance.low == 0 and distance.unit == "metre"
    assert (
        find_conflict(
            "About the size of a house, asteroid 2014 RC passed within 22,000 miles of our planet on Sunday.",
            "Asteroid 2014 RC passed close to our planet on Sunday and is about 20 metres wide, the size of a house.",
        )
        is None
    )


def test_a_guessed_or_denied_amount_sets_up_no_conflict_but_may_reconcile_one():
    stated = "The Apple Watch Edition will cost $10,000."
    assert find_conflict(stated, "Analysts say the Apple Watch Edition might just cost $4,999.") is None
    assert find_conflict(stated, "Analysts say the Apple Watch Edition will just cost $4,999.") is not None
    # the guess still fits the stated price, so the floor beside it is no conflict either
    assert find_conflict(stated, "The Apple Watch Edition will cost $5,000 and could cost $10,000.") is None
    # "May" is a month: "in May 2014, 3,000 troops" states its figure
    [troops] = extract_quantities("In May 2014, 3,000 troops were sent.")
    assert not troops.unstated
    heard = "On the new audio at least ten shots can be heard."
    assert find_conflict("The new audio does not capture the one or two shots fired inside.", heard) is None
    assert find_conflict("The new audio captures the one or two shots fired inside.", heard) is not None


def test_fractions_are_amounts_and_slashed_numbers_are_not():
    assert [round(q.value, 3) for q in extract_quantities("6 1/2 feet, 6½ feet and 3/4 of the votes")] == [
        1.981,
        1.981,
        0.75,
    ]
    assert extract_quantities("open 24/7 since the 9/11 attacks") == ()


def test_years_and_ages_are_not_quantities():
    assert extract_quantities("In 2024 the 45-year-old mayor, 45 years old, spoke at 5 pm.") == ()


def test_a_span_counted_back_from_now_is_a_time_not_an_amount():
    """A span counted back, "six years ago", says when, not how long: no duration to set against "nine days ago"
    (a false conflict on real news); a duration stays one."""
    married = "Six years ago she married Abu Bakr al-Baghdadi, and she had a daughter with him."
    detained = "The army detained a wife and daughter of Abu Bakr al-Baghdadi as they crossed from Syria nine days ago."
    assert extract_quantities(married) == () and find_conflict(married, detained) is None
    (siege,) = extract_quantities("The siege of the town, which ended a day ago, lasted three days.")
    assert siege.text == "three days"
    (arrested,) = extract_quantities("Police arrested 12 suspects weeks ago.")  # a count, before when
    assert arrested.text == "12 suspects"
