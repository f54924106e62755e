"""Amounts and casualty counts in news sentences: find_numbers and find_counts.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from mapgen.extract.counts import ROLES, Counts, Quantity, find_counts, find_numbers


def values(sentence: str) -> list[int | None]:
    return [q.value for q in find_numbers(sentence)]


def one(sentence: str) -> Quantity:
    found = find_numbers(sentence)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def figures(sentence: str) -> dict[str, int]:
    """The roles find_counts gives a figure, and the figures."""
    counts = find_counts(sentence)
    return {role: value for role in ROLES if (value := getattr(counts, role)) is not None}


# --- find_numbers: words and figures -------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "value"), [
    ("Gunmen killed ten villagers.", 10),
    ("Gunmen killed twenty-one villagers.", 21),
    ("Gunmen killed twenty one villagers.", 21),
    ("Gunmen killed a dozen villagers.", 12),
    ("Gunmen killed two hundred and fifty villagers.", 250),
    ("Gunmen killed 150 villagers.", 150),
    ("Officials counted 100,000 refugees.", 100_000),
    ("Officials counted 1.5 million refugees.", 1_500_000),
    ("Officials counted half a million refugees.", 500_000),
    ("Officials counted three thousand refugees.", 3000),
    ("Officials counted 2 million refugees.", 2_000_000),
])
def test_words_and_figures_give_their_value(sentence: str, value: int) -> None:
    q = one(sentence)
    assert (q.value, q.low, q.high, q.vague, q.qualifier) == (value, None, None, None, None)
    assert sentence[q.start:q.end] == q.text


@pytest.mark.parametrize(("sentence", "text", "value", "low", "high", "qualifier"), [
    ("Up to 400 volunteers arrived.", "Up to 400", 400, None, 400, "up to"),
    ("As many as 400 volunteers arrived.", "As many as 400", 400, None, 400, "as many as"),
    ("At least 12 soldiers died.", "At least 12", 12, 12, None, "at least"),
    ("More than 12 soldiers died.", "More than 12", 12, 12, None, "more than"),
    ("No fewer than 12 soldiers died.", "No fewer than 12", 12, 12, None, "no fewer than"),
    ("Nearly 1.5 million people fled.", "Nearly 1.5 million", 1_500_000, None, 1_500_000, "nearly"),
    ("About 300 people marched.", "About 300", 300, None, None, "about"),
    ("Some 300 people marched.", "Some 300", 300, None, None, "some"),
    ("Between two and four civilians died.", "Between two and four", 2, 2, 4, "between"),
    ("20-30 civilians died.", "20-30", 20, 20, 30, None),
    ("Twenty to thirty civilians died.", "Twenty to thirty", 20, 20, 30, None),
    ("1-2 million people fled.", "1-2 million", 1_000_000, 1_000_000, 2_000_000, None),
])
def test_ranges_and_bounds(sentence: str, text: str, value: int, low: int | None, high: int | None,
                           qualifier: str | None) -> None:
    q = one(sentence)
    assert (q.text, q.value, q.low, q.high, q.qualifier) == (text, value, low, high, qualifier)


def test_from_to_gives_both_ends() -> None:
    assert values("The toll rose from 20 to 30.") == [20, 30]
    assert find_counts("The death toll rose from 20 to 30.").fatalities == 30


def test_between_without_and_is_no_range() -> None:
    q = one("Fatalities were split between 3 events.")
    assert (q.value, q.low, q.high, q.qualifier) == (3, None, None, None)


@pytest.mark.parametrize(("sentence", "vague"), [
    ("Thousands fled the city.", "thousands"),
    ("Dozens were wounded.", "dozens"),
    ("Hundreds of families left.", "hundreds"),
    ("Tens of thousands of refugees crossed.", "tens of thousands"),
    ("Several hundred protesters gathered.", "several hundred"),
    ("A handful of troops stayed.", "a handful"),
    ("Scores of houses burned.", "scores"),
    ("A large number of civilians fled.", "a large number"),
])
def test_vague_amounts_stay_words(sentence: str, vague: str) -> None:
    q = one(sentence)
    assert (q.value, q.low, q.high, q.vague) == (None, None, None, vague)


def test_many_in_as_many_as_is_not_vague() -> None:
    assert [(q.text, q.vague) for q in find_numbers("As many as 400 troops came.")] == [("As many as 400", None)]
    assert one("Many people fled.").vague == "many"


@pytest.mark.parametrize("sentence", [
    "A 25-year-old man was shot.",
    "Rebels fired 82mm mortars and 120-mm shells.",
    "Su-24 jets and T-72 tanks and AK-47 rifles were seen.",
    "The 58th Army crossed on 8 August 2008 at 10:00.",
    "The talks of 8 August ended at 9 pm.",
    "Fighting on August 8th spread.",
    "In 2008 the ceasefire collapsed.",
    "The 1991-92 war ended.",
    "Turnout was 60% and 12 percent abstained.",
    "The damage cost $500 and 300 dollars more.",
    "The column moved 30 km in 3 days.",
    "He was 25 years old.",
    "The men were aged 20 and 22.",
    "The survey was published at 0600 GMT.",
    "No one knows; one of them left.",
    "Resolution 1244 and Route 66 were cited.",
])
def test_numbers_that_are_not_amounts(sentence: str) -> None:
    assert find_numbers(sentence) == [], sentence


def test_ages_are_not_counted() -> None:
    assert figures("A man, 25, was killed.") == {"fatalities": 1}
    assert figures("Two men, 25 and 30, were killed.") == {"fatalities": 2}
    assert figures("Two children aged 7 and 9 were injured.") == {"injured": 2}
    assert figures("A 25-year-old man was shot dead.") == {"fatalities": 1}


def test_a_year_like_figure_before_people_is_a_count() -> None:
    assert values("Some 2000 people fled.") == [2000]
    assert values("Rebels burned 2000 homes.") == [2000]
    assert find_counts("In 2004 soldiers left.") == Counts()


# --- find_counts: roles --------------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Ten soldiers were killed.", {"fatalities": 10}),
    ("Jets killed 5 civilians and wounded 12.", {"fatalities": 5, "injured": 12}),
    ("The attack killed 5 and wounded 12 others.", {"fatalities": 5, "injured": 12}),
    ("3 dead and 5 wounded.", {"fatalities": 3, "injured": 5}),
    ("150 people were injured.", {"injured": 150}),
    ("Over 150 people suffered injuries.", {"injured": 150}),
    ("100,000 residents fled.", {"displaced": 100_000}),
    ("Some 4,000 people were displaced.", {"displaced": 4000}),
    ("3,000 refugees reached the camp.", {"displaced": 3000}),
    ("Around 2,000 protesters gathered in the square.", {"people": 2000}),
    ("A crowd of 300 marched.", {"people": 300}),
    ("A 2,000-strong force crossed.", {"people": 2000}),
    ("Up to 400 fighters arrived.", {"people": 400}),
    ("The death toll rose to 30.", {"fatalities": 30}),
    ("Two soldiers and three civilians were killed.", {"fatalities": 5}),
    ("At least 10 people, including 3 children, were killed.", {"fatalities": 10}),
    ("Ten people were killed, 3 of them children.", {"fatalities": 10}),
    ("3 soldiers (including an officer) were killed.", {"fatalities": 3}),
    ("Two men were shot dead and a third was wounded.", {"fatalities": 2, "injured": 1}),
    ("Two suspects died and one was injured.", {"fatalities": 2, "injured": 1}),
    ("Gunshots left 3 guards and 1 police officer dead.", {"fatalities": 4}),
    ("Between five and 23 of them drowned.", {"fatalities": 5}),
])
def test_roles_of_counts(sentence: str, expected: dict[str, int]) -> None:
    assert figures(sentence) == expected


def test_one_person_named_without_a_figure() -> None:
    assert figures("The attack killed a woman.") == {"fatalities": 1}
    assert figures("Gunmen shot a farmer dead.") == {"fatalities": 1}
    assert figures("Gunmen stabbed a man to death.") == {"fatalities": 1}
    assert figures("Police beat two men to death.") == {"fatalities": 2}
    assert figures("Gunmen opened fire on a trader, killing him.") == {"fatalities": 1}
    assert figures("A grenade injured her.") == {"injured": 1}
    assert figures("His wife and his son were killed.") == {"fatalities": 2}
    assert figures("A teacher and his wife were shot dead.") == {"fatalities": 2}
    assert figures("The victim died in hospital.") == {"fatalities": 1}
    assert figures("An adolescent and a girl were shot dead.") == {"fatalities": 2}
    # "a local" is a person, "a local rights group" the body that told it
    assert figures("Snipers killed a boy, a local rights group said.") == {"fatalities": 1}
    assert figures("Gunmen killed a local, a news outlet said.") == {"fatalities": 1}
    assert figures("Gunmen killed a local police officer.") == {"fatalities": 1}


def test_the_wounded_who_died_are_dead() -> None:
    assert figures("A suspect was wounded and died.") == {"fatalities": 1}
    assert figures("Two men were injured and later died in hospital.") == {"fatalities": 2}
    assert figures("Two men were injured.") == {"injured": 2}


def test_a_person_who_speaks_or_is_arrested_is_no_casualty() -> None:
    assert find_counts("A soldier said the town was calm.") == Counts()
    assert find_counts("Police arrested 12 protesters.") == Counts()
    assert find_counts("A court sentenced two men to death.") == Counts()


def test_phrases_that_only_look_like_people_join_no_list() -> None:
    assert figures("A shoot-out erupted and a suspect was shot and died.") == {"fatalities": 1}
    assert figures("As a result, 4 soldiers were killed.") == {"fatalities": 4}


def test_the_side_that_kills_is_not_counted_as_dead() -> None:
    assert figures("Five soldiers killed 3 civilians.") == {"fatalities": 3, "people": 5}


def test_an_attempt_or_a_threat_to_kill_is_no_death() -> None:
    assert find_counts("Gunmen tried to kill a commander.") == Counts()
    assert find_counts("A mob threatened to kill a soldier.") == Counts()


def test_killed_or_injured_says_nothing_of_how_many_died() -> None:
    assert find_counts("3 militants were killed, injured or captured.") == Counts()
    assert find_counts("Jets struck, killing or injuring 4 fighters.") == Counts()
    assert figures("3 militants were killed and 2 were captured.") == {"fatalities": 3}


def test_vague_counts_stay_words_in_vague() -> None:
    counts = find_counts("Dozens of civilians were killed and thousands fled.")
    assert (counts.fatalities, counts.displaced) == (None, None)
    assert dict(counts.vague) == {"fatalities": "dozens", "displaced": "thousands"}
    counts = find_counts("Thousands fled; 300 were evacuated by bus.")
    assert (counts.displaced, dict(counts.vague)) == (300, {"displaced": "thousands"})


def test_vague_mapping_is_read_only() -> None:
    counts = find_counts("Thousands fled.")
    with pytest.raises(TypeError):
        counts.vague["displaced"] = "millions"  # type: ignore[index]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("No one was killed.", {"fatalities": 0}),
    ("Nobody was hurt.", {"fatalities": 0, "injured": 0}),
    ("No one was killed or injured.", {"fatalities": 0, "injured": 0}),
    ("None of the passengers was injured.", {"injured": 0}),
    ("There were no casualties.", {"fatalities": 0, "injured": 0}),
    ("There were no reported casualties.", {"fatalities": 0, "injured": 0}),
    ("No deaths were reported.", {"fatalities": 0}),
    ("The blast caused no injuries.", {"injured": 0}),
])
def test_nobody_gives_zero(sentence: str, expected: dict[str, int]) -> None:
    assert figures(sentence) == expected


def test_a_figure_beats_a_zero_for_another_role() -> None:
    assert figures("Two soldiers were wounded but no one was killed.") == {"fatalities": 0, "injured": 2}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Five tanks and three trucks were destroyed.", {"vehicles": 8}),
    ("A convoy of 30 tanks and 400 soldiers entered.", {"people": 400, "vehicles": 30}),
    ("Two helicopters were shot down.", {"aircraft": 2}),
    ("12 armoured personnel carriers and 4 Su-25 jets crossed.", {"vehicles": 12, "aircraft": 4}),
    ("Drones hit 3 trucks, killing 2 drivers.", {"fatalities": 2, "vehicles": 3}),
])
def test_vehicles_and_aircraft_are_not_people(sentence: str, expected: dict[str, int]) -> None:
    assert figures(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Jets struck 3 villages and 12 houses.",
    "Rebels fired 40 rockets and 200 shells.",
    "The fighting lasted 3 days.",
    "On 8 August 2008 at 10:00 the 58th Army moved 30 km.",
    "The weather was fine.",
])
def test_things_and_measures_are_no_counts(sentence: str) -> None:
    assert find_counts(sentence) == Counts()


def test_dates_in_a_sentence_are_not_counts() -> None:
    assert figures("The blast on 8 August 2008 killed two people.") == {"fatalities": 2}
    assert figures("On 9 May 2020, 6 soldiers were killed.") == {"fatalities": 6}


def test_counts_repr_names_only_what_is_known() -> None:
    assert repr(find_counts("Ten soldiers were killed; thousands fled.")) == (
        "Counts(fatalities=10, vague={'displaced': 'thousands'})")
    assert repr(Counts()) == "Counts()"


def test_a_death_named_as_the_cause_is_not_the_events_toll() -> None:
    assert find_counts("Crowds marched over the death of a driver.") == Counts()
    assert find_counts("Traders protested against the killing of two shopkeepers.") == Counts()
    assert find_counts("Riots broke out after the body of a boy was found.") == Counts()
    assert find_counts("Youths demanded justice for the murder of a teacher.") == Counts()
    assert figures("The blast caused the death of a guard.") == {"fatalities": 1}
    assert figures("The raid ended with the killing of 3 gunmen.") == {"fatalities": 3}


def test_an_unknown_number_is_vague() -> None:
    counts = find_counts("An unknown number of fighters were killed.")
    assert (counts.fatalities, dict(counts.vague)) == (None, {"fatalities": "an unknown number"})
    assert one("Jets hit an unspecified number of trucks.").vague == "an unspecified number"


def test_both_means_two() -> None:
    assert figures("Both victims died.") == {"fatalities": 2}
    assert figures("Gunmen killed both men.") == {"fatalities": 2}
    assert find_counts("Both soldiers and civilians were killed.") == Counts()


def test_the_predicate_is_found_past_names_asides_and_more_people() -> None:
    assert figures("A man from Avnevi in South Ossetia died in the shelling.") == {"fatalities": 1}
    assert figures("Nine fighters of the Army's 4th Brigade (reservists) were reported killed.") == {"fatalities": 9}
    assert figures("Seven soldiers and allied militiamen were killed.") == {"fatalities": 7}
    assert figures("Three men and one woman were injured.") == {"injured": 4}
    assert figures("A 48-year-old displaced person died in the blast.") == {"fatalities": 1}
    assert figures("A farmer was found handcuffed and killed.") == {"fatalities": 1}


def test_names_with_ages_and_ages_inside_the_noun_phrase() -> None:
    assert find_counts("Nino Beridze, 56, died of her wounds.") == Counts()  # an age, not 56 dead
    assert figures("Three 16-year-old schoolgirls and a 30-year-old man died.") == {"fatalities": 4}
    assert figures("In Gori, 5 people were killed.") == {"fatalities": 5}


def test_executing_a_plan_is_no_execution() -> None:
    assert find_counts("Police executed two search warrants.") == Counts()
    assert figures("Rebels executed two soldiers.") == {"fatalities": 2}


def test_fatally_and_a_death_told_as_a_result() -> None:
    assert figures("A guard fatally shot a man at the gate.") == {"fatalities": 1}
    assert figures("Gunmen shot a trader, resulting in his death.") == {"fatalities": 1}
    assert find_counts("His death was mourned across the valley.") == Counts()


def test_shooters_are_not_the_dead() -> None:
    assert figures("5 gunmen shot and killed 3 civilians.") == {"fatalities": 3}


def test_figures_for_one_role_add_up_only_when_told() -> None:
    assert figures("3 soldiers were killed, and 2 others died later.") == {"fatalities": 5}
    assert figures("Two soldiers were killed and another 3 died in hospital.") == {"fatalities": 5}
    assert figures("25 people were killed, but other sources said at least 37 were killed.") == {"fatalities": 37}


def test_a_figure_coded_as_stands() -> None:
    assert figures("Fatalities coded as 3 (the rebels reported 6 fatalities).") == {"fatalities": 3}
    assert figures("Fatalities coded as 0 (a local source reported 2 deaths).") == {"fatalities": 0}


def test_one_person_with_two_titles_or_shot_and_dying() -> None:
    assert figures("A local official and activist was shot dead.") == {"fatalities": 1}
    assert figures("A man and a woman were killed.") == {"fatalities": 2}
    assert figures("An officer was shot in the chest and died.") == {"fatalities": 1}


# --- the cheap tests in front of the patterns ----------------------------------------------------
def _sentences_here() -> list[str]:
    import re
    from pathlib import Path

    return re.findall(r'"([A-Z][^"]{15,}[.!?])"', Path(__file__).read_text(encoding="utf-8"))


def test_window_end_tests_miss_nothing() -> None:
    """A pattern searched only in windows ending with one of its last words finds what the plain search
    finds, in every window before every position of every example sentence here (and a few edge cases)."""
    from mapgen.extract import counts

    tails = [v for v in vars(counts).values() if isinstance(v, (counts._Tail, counts._TailRe))]
    sentences = [*_sentences_here(), "Aged 7 - 12 people were hurt.", "Some  3 died (over 20 fled).",
                 "Mid-2008 and in early - 2009 about\t30 fled.", "US$ 500 and rs. 400 were paid."]
    assert len(tails) >= 4 and len(sentences) > 80
    for sentence in map(counts._Text, sentences):
        for end in range(len(sentence) + 1):
            for back in (12, 25, 40):
                a = [t.search(sentence, max(0, end - back), end) for t in tails]
                b = [t.plain(sentence, max(0, end - back), end) for t in tails]
                assert [m and m.span() for m in a] == [m and m.span() for m in b], (sentence, end)
