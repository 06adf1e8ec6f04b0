"""News-style relative expressions against a document date: the day, week, month, quarter or
year they name, in the project's mentions and in TimeML mode."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.dates import extract_dates

DCT = date(2024, 5, 15)  # a Wednesday, ISO week 20, second quarter


def value(text: str, timeml: bool = False, dct: date = DCT) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in extract_dates(text, dct, timeml)]


# (sentence, mention, value): one expression per sentence, in both conventions
BOTH = [
    # bare weekdays: news mostly reports the days just past; a future cue picks the coming one
    ("The board met on Monday.", "Monday", "2024-05-13"),
    ("Shares fell on Tuesday.", "Tuesday", "2024-05-14"),
    ("The minister spoke Wednesday.", "Wednesday", "2024-05-15"),
    ("Police said on Thursday that", "Thursday", "2024-05-09"),
    ("The talks collapsed Friday.", "Friday", "2024-05-10"),
    ("Rain fell on Saturday.", "Saturday", "2024-05-11"),
    ("Voters went to the polls Sunday.", "Sunday", "2024-05-12"),
    ("The council will meet on Thursday.", "Thursday", "2024-05-16"),
    ("Lawmakers will vote Friday.", "Friday", "2024-05-17"),
    ("The store is scheduled to open Monday.", "Monday", "2024-05-20"),
    ("The firm plans to announce results on Tuesday.", "Tuesday", "2024-05-21"),
    ("The deal could close as soon as Saturday.", "Saturday", "2024-05-18"),
    # last / next / this + weekday
    ("It happened last Friday.", "last Friday", "2024-05-10"),
    ("He resigned last Monday.", "last Monday", "2024-05-13"),
    ("They return next Monday.", "next Monday", "2024-05-20"),
    ("Talks resume next Friday.", "next Friday", "2024-05-17"),
    ("The vote is this Friday.", "this Friday", "2024-05-17"),
    ("It rained this Monday.", "this Monday", "2024-05-13"),
    # last / this / next + unit
    ("Sales rose last week.", "last week", "2024-W19"),
    ("The index fell this week.", "this week", "2024-W20"),
    ("Hearings begin next week.", "next week", "2024-W21"),
    ("Prices jumped last month.", "last month", "2024-04"),
    ("Inflation eased this month.", "this month", "2024-05"),
    ("The law takes effect next month.", "next month", "2024-06"),
    ("Profit doubled last year.", "last year", "2023"),
    ("Growth slowed this year.", "this year", "2024"),
    ("Elections are due next year.", "next year", "2025"),
    ("Revenue fell last quarter.", "last quarter", "2024-Q1"),
    ("Margins improved this quarter.", "this quarter", "2024-Q2"),
    ("A recovery is expected next quarter.", "next quarter", "2024-Q3"),
    ("Fans gathered last weekend.", "last weekend", "2024-W19-WE"),
    ("Crowds are expected this weekend.", "this weekend", "2024-W20-WE"),
    ("The drought began last summer.", "last summer", "2023-SU"),
    ("Floods hit last winter.", "last winter", "2023-WI"),
    ("Work starts this summer.", "this summer", "2024-SU"),
    ("Snow fell last March.", "last March", "2024-03"),
    ("The plant closed last June.", "last June", "2023-06"),
    ("The plant reopens next June.", "next June", "2024-06"),
    ("The law expires next March.", "next March", "2025-03"),
    # ago
    ("It was filed three days ago.", "three days ago", "2024-05-12"),
    ("The ruling came two weeks ago.", "two weeks ago", "2024-W18"),
    ("He left six months ago.", "six months ago", "2023-11"),
    ("She founded it two years ago.", "two years ago", "2022"),
    ("It opened 20 years ago.", "20 years ago", "2004"),
    ("The mine closed two decades ago.", "two decades ago", "200X"),
    ("Rates were cut one month ago.", "one month ago", "2024-04"),
    ("The bridge fell 10 days ago.", "10 days ago", "2024-05-05"),
    # day words
    ("The company said yesterday that", "yesterday", "2024-05-14"),
    ("The verdict is due tomorrow.", "tomorrow", "2024-05-16"),
    ("Acme today announced a merger.", "today", "2024-05-15"),
    # earlier / later this ...
    ("Earlier this year the bank failed.", "Earlier this year", "2024"),
    ("A decision is expected later this year.", "later this year", "2024"),
    ("Earlier this month, rates rose.", "Earlier this month", "2024-05"),
    ("The plant opened late last year.", "late last year", "2023"),
    ("Sales should recover early next year.", "early next year", "2025"),
    ("Debt rose at the end of last year.", "the end of last year", "2023"),
    ("It will be done by the end of the year.", "the end of the year", "2024"),
    # year-less days resolved by the document date and the tense
    ("The strike began on May 2.", "May 2", "2024-05-02"),
    ("The strike began on March 3.", "March 3", "2024-03-03"),
    ("The fair opened on September 3.", "September 3", "2023-09-03"),
    ("The fair will open on September 3.", "September 3", "2024-09-03"),
    ("The court ruled on December 12.", "December 12", "2023-12-12"),
    ("Ballots are due by June 30.", "June 30", "2024-06-30"),
    # narrative clocks: counted from the last explicit date, not from the document date
    ("She joined in March 2020. Two years later she left.", "Two years later", "2022"),
    ("She joined in March 2020. Three months later she left.", "Three months later", "2020-06"),
    ("The firm was sold in 2019. A year later it failed.", "A year later", "2020"),
    ("It opened on June 3, 2021. A week later it closed.", "A week later", "2021-W23"),
    ("It opened on June 3, 2021. Two days later it closed.", "Two days later", "2021-06-05"),
    ("It opened on June 3, 2021. Three days earlier it was sold.", "Three days earlier", "2021-05-31"),
    ("He won in 2019 and lost the following year.", "the following year", "2020"),
    ("He won in 2019 after losing the previous year.", "the previous year", "2018"),
    ("The dam broke in August 2017; the following spring it was rebuilt.", "the following spring", "2018-SP"),
]


@pytest.mark.parametrize("timeml", [False, True], ids=["project", "timeml"])
@pytest.mark.parametrize("sentence,mention,expected", BOTH, ids=[c[1] + "|" + c[0][:24] for c in BOTH])
def test_news_relative_expression(sentence: str, mention: str, expected: str, timeml: bool) -> None:
    found = dict(value(sentence, timeml))
    assert found.get(mention) == expected, found


# TimeML only: bare months, durations, sets and times of day, as TempEval scores them
TIMEML = [
    ("Sales rose in March.", "March", "2024-03", "DATE"),
    ("Sales rose in April.", "April", "2024-04", "DATE"),
    ("The vote is in June.", "June", "2024-06", "DATE"),
    ("The plant closed in September.", "September", "2023-09", "DATE"),
    ("The plant will reopen in September.", "September", "2024-09", "DATE"),
    ("Poland will join in April next year.", "April next year", "2025-04", "DATE"),
    ("Orders slumped in June last year.", "June last year", "2023-06", "DATE"),
    ("Output peaked in the summer.", "the summer", "2023-SU", "DATE"),
    ("Hiring grew in the 1990s.", "the 1990s", "199X", "DATE"),
    ("Profit rose in the first quarter.", "the first quarter", "2024-Q1", "DATE"),
    ("He served for three years.", "three years", "P3Y", "DURATION"),
    ("The strike lasted a week.", "a week", "P1W", "DURATION"),
    ("Wages stalled over the past decade.", "the past decade", "P1DE", "DURATION"),
    ("The market met every Monday.", "every Monday", "XXXX-WXX-1", "SET"),
    ("Reports are filed each week.", "each week", "P1W", "SET"),
    ("The paper is published daily.", "daily", "P1D", "SET"),
    ("The vote ended at 2 p.m. today.", "2 p.m.", "2024-05-15T14:00", "TIME"),
    ("Fighting resumed this morning.", "this morning", "2024-05-15TMO", "TIME"),
    ("The fire started yesterday afternoon.", "yesterday afternoon", "2024-05-14TAF", "TIME"),
    ("Stocks are up now.", "now", "PRESENT_REF", "DATE"),
    ("He died on Thanksgiving Day.", "Thanksgiving Day", "2023-11-23", "DATE"),
    ("Shops close on Christmas Eve.", "Christmas Eve", "2023-12-24", "DATE"),
    ("Markets shut on Good Friday 1998.", "Good Friday 1998", "1998-04-10", "DATE"),
    ("Profit fell in the 1988 third quarter.", "the 1988 third quarter", "1988-Q3", "DATE"),
    ("Debt should fall by year-end.", "year-end", "2024", "DATE"),
    ("It ended a decades-long feud.", "decades-long", "PXDE", "DURATION"),
    ("Shares fell for eight trading days.", "eight trading days", "P8D", "DURATION"),
    ("Losses may last the next three quarters.", "the next three quarters", "P3Q", "DURATION"),
    ("Rates should stay low in the near future.", "the near future", "FUTURE_REF", "DATE"),
    ("Sales rose 5% for the year.", "the year", "P1Y", "DURATION"),
    ("It grew nearly two years.", "nearly two years", "P2Y", "DURATION"),
    ("Just over an hour later he died.", "an hour", "PT1H", "DURATION"),
    ("Growth should slow in coming months.", "coming months", "FUTURE_REF", "DATE"),
    ("There were sell programs in past years.", "past years", "PAST_REF", "DATE"),
]


@pytest.mark.parametrize("sentence,mention,expected,kind", TIMEML, ids=[c[1] + "|" + c[0][:24] for c in TIMEML])
def test_timeml_forms_with_document_date(sentence: str, mention: str, expected: str, kind: str) -> None:
    found = {m.text: (m.value, m.type) for m in extract_dates(sentence, DCT, timeml=True)}
    assert found.get(mention) == (expected, kind), found


def test_table_size() -> None:
    assert len(BOTH) + len(TIMEML) >= 80
