"""Dates and times in news sentences: find_dates, parse_published, document_date.

Every sentence here is written for these tests. The reference publication day is
Sunday 10 August 2008 unless a test says otherwise.
"""

from __future__ import annotations

import datetime
import itertools

import pytest

from mapgen.errors import InputError
from mapgen.extract.dates import DateMention, document_date, find_dates, parse_published

#: The publication day most tests resolve against (a Sunday).
SUNDAY = datetime.date(2008, 8, 10)


def day(year: int, month: int, dom: int) -> datetime.date:
    return datetime.date(year, month, dom)


def only(text: str, published: datetime.date | None = SUNDAY) -> DateMention:
    """The single mention of ``text`` (fails when there are none or several)."""
    mentions = find_dates(text, published)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


def texts(text: str, published: datetime.date | None = SUNDAY) -> list[str]:
    return [m.text for m in find_dates(text, published)]


# --- absolute dates ------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected", "mention"), [
    ("Artillery opened up on 7 August 2008 near the bridge.", day(2008, 8, 7), "7 August 2008"),
    ("Artillery opened up on August 7, 2008 near the bridge.", day(2008, 8, 7), "August 7, 2008"),
    ("Artillery opened up on the 7th of August 2008.", day(2008, 8, 7), "7th of August 2008"),
    ("Artillery opened up on Aug. 7 2008.", day(2008, 8, 7), "Aug. 7 2008"),
    ("The log is dated 2008-08-07.", day(2008, 8, 7), "2008-08-07"),
    ("The log is dated 25/08/2008.", day(2008, 8, 25), "25/08/2008"),
    ("The log is dated 08/25/2008.", day(2008, 8, 25), "08/25/2008"),
    ("The log is dated 8/8/2008.", day(2008, 8, 8), "8/8/2008"),
    ("Raids went on from 7-9 August 2008.", day(2008, 8, 7), "7-9 August 2008"),
    ("Raids went on over the night of 7 to 8 August 2008.", day(2008, 8, 7), "7 to 8 August 2008"),
    ("Raids went on over 7 and 8 August 2008.", day(2008, 8, 7), "7 and 8 August 2008"),
])
def test_absolute_dates_give_their_day_and_year(text: str, expected: datetime.date, mention: str) -> None:
    m = only(text, None)  # no publication date is needed
    assert (m.text, m.date, m.precision, m.explicit_year, m.relative) == (mention, expected, "day", True, False)


def test_numeric_dates_that_read_both_ways_are_dropped() -> None:
    assert find_dates("The log is dated 08/07/2008.", SUNDAY) == []
    assert find_dates("The log is dated 31/02/2008.", SUNDAY) == []


def test_weekday_before_a_date_joins_it() -> None:
    m = only("Troops pulled back on Monday, August 11, 2008, officials said.")
    assert (m.text, m.date, m.explicit_year) == ("Monday, August 11, 2008", day(2008, 8, 11), True)


def test_a_weekday_picks_the_year_of_a_day_without_one() -> None:
    # Published in March 2009: 25 February 2009 was a Wednesday, 25 February 2008 a Monday.
    assert only("The hearing was held on Monday, Feb. 25.", day(2009, 3, 15)).date == day(2008, 2, 25)
    assert only("The hearing was held on Wednesday, Feb. 25.", day(2009, 3, 15)).date == day(2009, 2, 25)
    # No year near by puts 25 February on a Saturday: the closest year stays.
    assert only("The hearing was held on Saturday, Feb. 25.", day(2009, 3, 15)).date == day(2009, 2, 25)


def test_house_numbers_are_not_years() -> None:
    assert find_dates("The fire started at the home of 1935 Orchard St. in the village.", SUNDAY) == []
    assert texts("The shop at 2008 North Main Street closed in 2006.") == ["2006"]


def test_months_and_years() -> None:
    m = only("Talks stalled in May 2008.", None)
    assert (m.date, m.precision, m.explicit_year) == (day(2008, 5, 1), "month", True)
    m = only("Talks stalled in mid-August 2008.", None)
    assert (m.text, m.date, m.precision) == ("mid-August 2008", day(2008, 8, 1), "month")
    m = only("Talks stalled in 2004.", None)
    assert (m.date, m.precision) == (day(2004, 1, 1), "year")
    assert only("Prices rose sharply in mid-2008.", None).text == "mid-2008"


# --- dates without a year, resolved against the publication date ----------------------------------
def test_a_day_without_a_year_takes_the_closest_year() -> None:
    m = only("Fighting resumed on August 8th.")
    assert (m.text, m.date, m.explicit_year, m.relative) == ("August 8th", day(2008, 8, 8), False, True)
    # Published in early January, "30 December" is five weeks back, not eleven months ahead.
    assert only("Fighting resumed on 30 December.", day(2009, 1, 4)).date == day(2008, 12, 30)
    # Published in late December, "2 January" is next week.
    assert only("A truce starts on 2 January.", day(2008, 12, 28)).date == day(2009, 1, 2)


def test_a_day_without_a_year_and_without_a_publication_date_is_kept_unresolved() -> None:
    m = only("Fighting resumed on August 8th.", None)
    assert (m.text, m.date, m.precision, m.relative) == ("August 8th", None, None, True)


def test_february_29_only_in_leap_years() -> None:
    assert only("Polls closed on February 29.", day(2008, 3, 5)).date == day(2008, 2, 29)
    assert only("Polls closed on 29 February.", day(2009, 3, 5)).date == day(2008, 2, 29)  # closest leap year
    assert all(m.precision != "day" for m in find_dates("Polls closed on 29 February 2009.", None))


def test_a_month_alone_needs_a_preposition_and_takes_the_closest_year() -> None:
    m = only("The raid happened in December.", day(2009, 1, 20))
    assert (m.date, m.precision) == (day(2008, 12, 1), "month")
    assert only("Shelling has not stopped since early March.").date == day(2008, 3, 1)
    assert only("Polls open in late-August.").text == "late-August"


def test_may_the_month_is_not_may_the_modal() -> None:
    assert texts("In May the rebels said they may return.") == ["May"]
    assert find_dates("Officials may close the road; May God protect us.", SUNDAY) == []
    assert only("On 9 May the depot burned.").date == day(2008, 5, 9)
    assert find_dates("They may 9 times have tried.", SUNDAY) == []


def test_month_names_inside_other_words_or_as_nouns_are_not_dates() -> None:
    assert find_dates("The March on the capital drew crowds.", SUNDAY) == []
    assert find_dates("The general met pre-August planners and the SuMay team.", SUNDAY) == []


# --- relative days ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "mention", "expected", "precision"), [
    ("Shelling went on today.", "today", day(2008, 8, 10), "day"),
    ("Shelling went on tonight.", "tonight", day(2008, 8, 10), "day"),
    ("Shelling went on yesterday.", "yesterday", day(2008, 8, 9), "day"),
    ("Shelling went on overnight.", "overnight", day(2008, 8, 10), "day"),
    ("Shelling went on last night.", "last night", day(2008, 8, 9), "day"),
    ("Shelling went on this morning.", "this morning", day(2008, 8, 10), "day"),
    ("Shelling began the day before yesterday.", "the day before yesterday", day(2008, 8, 8), "day"),
    ("Shelling began two days ago.", "two days ago", day(2008, 8, 8), "day"),
    ("Shelling began 3 days ago.", "3 days ago", day(2008, 8, 7), "day"),
    ("Shelling began on Tuesday.", "Tuesday", day(2008, 8, 5), "day"),
    ("Shelling began on Sunday.", "Sunday", day(2008, 8, 10), "day"),  # the publication day itself
    ("Shelling began last Sunday.", "last Sunday", day(2008, 8, 3), "day"),
    ("Talks resume next Tuesday.", "next Tuesday", day(2008, 8, 12), "day"),
    ("Shelling began early Saturday morning.", "early Saturday morning", day(2008, 8, 9), "day"),
    ("Shelling began late on Friday.", "late on Friday", day(2008, 8, 8), "day"),
    ("Shelling began last week.", "last week", day(2008, 7, 28), "week"),
    ("Shelling began earlier this week.", "earlier this week", day(2008, 8, 4), "week"),
    ("Shelling began late last month.", "late last month", day(2008, 7, 1), "month"),
    ("Shelling began a year ago.", "a year ago", day(2007, 1, 1), "year"),
    ("The border closed on 9 May last year.", "9 May last year", day(2007, 5, 9), "day"),
])
def test_relative_days_resolve_against_the_publication_date(text: str, mention: str, expected: datetime.date,
                                                            precision: str) -> None:
    m = only(text)
    assert (m.text, m.date, m.precision, m.relative, m.explicit_year) == (mention, expected, precision, True, False)


def test_relative_days_without_a_publication_date_stay_unresolved() -> None:
    for text in ("Shelling went on yesterday.", "Shelling began on Tuesday.", "Shelling began last week."):
        m = only(text, None)
        assert (m.date, m.precision, m.relative) == (None, None, True), text


def test_a_datetime_publication_counts_as_its_day() -> None:
    assert only("Shelling went on yesterday.", datetime.datetime(2008, 8, 10, 23, 30)).date == day(2008, 8, 9)


def test_names_with_today_are_not_dates() -> None:
    assert find_dates("Russia Today aired the footage.", SUNDAY) == []
    assert texts("Russia Today aired the footage today.") == ["today"]


# --- times -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "mention", "time", "precision"), [
    ("The first shell landed at 10:00 a.m. local time.", "10:00 a.m. local time", "10:00", "minute"),
    ("The first shell landed at 9:21pm.", "9:21pm", "21:21", "minute"),
    ("The first shell landed at 6 p.m.", "6 p.m.", "18:00", "hour"),
    ("The first shell landed at 12 am.", "12 am", "00:00", "hour"),
    ("The first shell landed at 23:59 GMT+4.", "23:59 GMT+4", "23:59", "minute"),
    ("The first shell landed at 0600 hours.", "0600 hours", "06:00", "minute"),
    ("The first shell landed (1421 GMT).", "1421 GMT", "14:21", "minute"),
    ("The first shell landed at 6 a.m.", "6 a.m.", "06:00", "hour"),
    ("The first shell landed at 1400.", "1400", "14:00", "minute"),
    ("The first shell landed at six o'clock, or 6 o'clock.", "6 o'clock", "06:00", "hour"),
    ("The first shell landed at noon.", "noon", "12:00", "hour"),
    ("The first shell landed at midnight.", "midnight", "00:00", "hour"),
])
def test_times_alone_have_no_date(text: str, mention: str, time: str, precision: str) -> None:
    m = only(text)
    assert (m.text, m.time, m.time_precision, m.date, m.precision) == (mention, time, precision, None, None)


def test_a_time_joins_the_date_beside_it() -> None:
    m = only("Sirens sounded at midnight on August 9.")
    assert (m.text, m.date, m.time, m.time_precision) == ("midnight on August 9", day(2008, 8, 9), "00:00", "hour")
    m = only("Sirens sounded on August 8 at 21:21.")
    assert (m.text, m.date, m.time, m.time_precision) == ("August 8 at 21:21", day(2008, 8, 8), "21:21", "minute")
    m = only("Sirens sounded at about 3 a.m. on Friday.")
    assert (m.date, m.time) == (day(2008, 8, 8), "03:00")
    m = only("Sirens sounded (1421 GMT) on Friday.")
    assert (m.date, m.time) == (day(2008, 8, 8), "14:21")
    m = only("Sirens sounded at 10 am on 7 August 2008.")
    assert (m.date, m.time, m.explicit_year) == (day(2008, 8, 7), "10:00", True)


def test_impossible_clock_readings_are_not_times() -> None:
    assert find_dates("The score was 25:70 after 13 pm talks.", SUNDAY) == []


def test_years_after_at_are_not_times() -> None:
    assert find_dates("Output fell back to 1950 levels, at 1950.", SUNDAY) == []


# --- background years and numbers that are counts --------------------------------------------------
def test_a_background_war_keeps_its_own_years() -> None:
    m = only("Refugees from the 1991-92 war never went home.", day(2008, 8, 10))
    assert (m.text, m.date, m.precision, m.explicit_year, m.relative) == ("1991-92", day(1991, 1, 1), "year",
                                                                          True, False)
    assert only("The fighting of 1991–1992 left scars.").date == day(1991, 1, 1)
    assert only("Between 1992 and 1993 the town changed hands.").date == day(1992, 1, 1)
    assert only("From 2004 to 2006 the pipeline was shut.").date == day(2004, 1, 1)


def test_a_year_range_that_runs_backwards_or_too_long_is_not_a_date() -> None:
    assert find_dates("The code 1991-89 and the span 1900-1999 are not eras.", SUNDAY) == []


def test_a_bare_year_needs_a_preposition() -> None:
    assert find_dates("The 1992 ceasefire held.", SUNDAY) == []
    assert texts("The ceasefire has held since 1994.") == ["1994"]
    assert texts("Clashes of 2004 left the town empty.") == ["2004"]


@pytest.mark.parametrize("text", [
    "Rebels burned 2000 homes in the valley.",
    "In 2000 people fled the valley.",
    "The toll reached a total of 2000 as 1999 soldiers left.",
    "About 2010 volunteers arrived.",
    "A crowd of 2005 gathered in the square.",
    "Prices rose 2008 percent.",
    "The convoy drove 2007 km.",
])
def test_four_digit_counts_are_not_years(text: str) -> None:
    assert find_dates(text, SUNDAY) == [], text


def test_counts_and_calibres_are_not_dates() -> None:
    assert find_dates("400 volunteers crossed with 82mm mortars and 12 tanks.", SUNDAY) == []


# --- mentions, order and input ------------------------------------------------------------------
def test_mentions_come_in_reading_order_without_overlaps() -> None:
    mentions = find_dates("Yesterday, after talks on 7 August 2008 failed, jets returned at 9 pm.", SUNDAY)
    assert [m.text for m in mentions] == ["Yesterday", "7 August 2008", "9 pm"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))
    sentence = "Yesterday, after talks on 7 August 2008 failed, jets returned at 9 pm."
    assert all(sentence[m.start:m.end] == m.text for m in mentions)


def test_a_sentence_without_cues_has_no_dates() -> None:
    assert find_dates("Jets struck the depot and the bridge.", SUNDAY) == []
    assert find_dates("", SUNDAY) == []


@pytest.mark.parametrize("bad", [None, 20080808, b"7 August 2008", ["7 August 2008"]])
def test_find_dates_refuses_what_is_not_text(bad: object) -> None:
    with pytest.raises(InputError, match="find_dates needs text"):
        find_dates(bad)  # type: ignore[arg-type]


# --- parse_published -----------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "expected"), [
    ("2008-08-08", day(2008, 8, 8)),
    ("2008-08-08T23:30:00+04:00", day(2008, 8, 8)),
    ("2008-08-08 06:00", day(2008, 8, 8)),
    ("8 August 2008", day(2008, 8, 8)),
    ("August 8, 2008", day(2008, 8, 8)),
    ("Fri, 08 Aug 2008 10:00:00 +0400", day(2008, 8, 8)),
    ("  25/08/2008 ", day(2008, 8, 25)),
    ("08/25/2008", day(2008, 8, 25)),
    ("8/08/2008", day(2008, 8, 8)),
    (datetime.date(2008, 8, 8), day(2008, 8, 8)),
    (datetime.datetime(2008, 8, 8, 23, 59), day(2008, 8, 8)),
    (None, None),
])
def test_parse_published_reads_common_forms(value: object, expected: datetime.date | None) -> None:
    assert parse_published(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["August 2008", "2008", "yesterday", "", "   ", "2008-02-30", "31/02/2008",
                                   "8 August", "soon after 7"])
def test_parse_published_refuses_what_is_not_a_whole_day(value: str) -> None:
    with pytest.raises(InputError, match=r"cannot read the date .*YYYY-MM-DD"):
        parse_published(value)


def test_parse_published_refuses_day_and_month_that_read_both_ways() -> None:
    with pytest.raises(InputError, match="either way round"):
        parse_published("12/08/2008")


@pytest.mark.parametrize("value", [20080808, 2008.8, ["2008-08-08"]])
def test_parse_published_refuses_other_types(value: object) -> None:
    with pytest.raises(InputError, match="cannot read the date"):
        parse_published(value)  # type: ignore[arg-type]


# --- document_date -------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "GORI, Georgia, 9 August 2008 - Jets struck the town.",
    "TSKHINVALI, Aug 9, 2008 (Wire) - Jets struck the town.",
    "9 August 2008\nJets struck the town.",
    "2008-08-09\nJets struck the town.",
    "Published: 09 Aug 2008\nJets struck the town.",
    "Last updated on 9 August 2008, 14:00\nJets struck the town.",
    "By Nino Beridze | August 9, 2008\nJets struck the town.",
    "Gori, 9 August 2008 - Jets struck the town.",  # a place in title case
    "Kutaisi, Imereti, 9 August 2008: Jets struck the town.",
    "GORI, Georgia (August 9, 2008) — Jets struck the town.",  # the date in brackets
])
def test_document_date_finds_datelines(text: str) -> None:
    assert document_date(text) == (day(2008, 8, 9), "dateline")


@pytest.mark.parametrize("text", [
    "Jets struck the town on 9 August 2008.",  # a date inside the story, not a dateline
    "August 9 - Jets struck the town.",  # no year
    "GORI - Jets struck the town in August 2008.",  # no day
    "In Gori, 9 August 2008 saw the worst of it.",  # a sentence, not a dateline
    "On 9 August 2008 - the worst day - jets struck the town.",
])
def test_document_date_ignores_dates_that_are_not_datelines(text: str) -> None:
    assert document_date(text) == (None, "")


def test_a_dateline_is_looked_for_only_at_the_start() -> None:
    late = "Jets struck the town. " * 30 + "\n9 August 2008\nMore followed."
    assert document_date(late) == (None, "")


def test_document_date_prefers_front_matter_then_dateline_then_file_name() -> None:
    text = "GORI, 9 August 2008 - Jets struck the town."
    assert document_date(text, meta={"Date": "2008-08-10"}, filename="2008-08-11-gori.txt") == (
        day(2008, 8, 10), "front matter")
    assert document_date(text, filename="2008-08-11-gori.txt") == (day(2008, 8, 9), "dateline")
    assert document_date("Jets struck the town.", filename="2008-08-11-gori.txt") == (day(2008, 8, 11), "file name")


def test_front_matter_keys_in_any_case_and_bad_values_skipped() -> None:
    assert document_date("Jets struck.", meta={"PUBLISHED": "9 August 2008"}) == (day(2008, 8, 9), "front matter")
    meta = {"date": "sometime in August", "article:published_time": "2008-08-09T08:00:00Z"}
    assert document_date("Jets struck.", meta=meta) == (day(2008, 8, 9), "front matter")
    assert document_date("Jets struck.", meta={"date": "not a date", "author": "2008-08-09"}) == (None, "")
    assert document_date("Jets struck.", meta={"date": datetime.date(2008, 8, 9)}) == (day(2008, 8, 9), "front matter")
    assert document_date("Jets struck.", meta={"date": 20080809, "published": ""}) == (None, "")


@pytest.mark.parametrize(("filename", "expected"), [
    ("reports/20080809_gori.md", day(2008, 8, 9)),
    ("/data/2008-08-09-gori.txt", day(2008, 8, 9)),
    ("gori.2008.08.09.html", day(2008, 8, 9)),
    ("gori-2008-13-40.md", None),  # no month 13
    ("2008-0809-gori.md", None),  # mixed separators
    ("20080809/gori.md", None),  # a folder, not the file's name
])
def test_document_date_reads_file_names(filename: str, expected: datetime.date | None) -> None:
    assert document_date("Jets struck the town.", filename=filename)[0] == expected


def test_context_end_test_misses_nothing() -> None:
    """The words before a month, a year or a weekday are read only where one of the context's words ends
    them; elsewhere the context pattern finds nothing but the empty match (no words), as None says."""
    from mapgen.extract import dates
    from mapgen.extract.counts import _Text

    class Found:  # the part of a match _before reads
        def __init__(self, string: str, start: int) -> None:
            self.string, self._start = string, start

        def start(self, group: str) -> int:
            return self._start

    text = _Text("Since mid- August, late on Friday and until EARLY 2008 (in\nMay), next  Monday, overnight on Sunday.")
    for start in range(len(text) + 1):
        for pattern in dates._CONTEXT_ENDINGS:
            got = dates._before(pattern, Found(text, start))  # type: ignore[arg-type]
            plain = pattern.search(text, max(0, start - dates._CONTEXT), start)
            if got is None:
                assert plain is None or (plain.start() == plain.end() and not any(plain.groups()))
            else:
                assert plain is not None and (got.span(), got.groupdict()) == (plain.span(), plain.groupdict())
