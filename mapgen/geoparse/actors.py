"""Armed groups, forces and missions whose name says which country a text is about.

A report on "Houthi forces" is about Yemen, one on the "Taliban" about Afghanistan, as
surely as one that says "Yemeni" or "Afghan". Like demonyms, these names are evidence for
resolving the places the text names, never places themselves. The names are curated in
``geodata/actors.csv`` (name and aliases separated by ``|``, then the countries, ISO codes
separated by spaces) and matched as written: acronyms are case-sensitive ("LNA", "IDF"). A group's
``side`` ("state" or "non-state") tells who took a town or held people when its name alone would
mislead: the Arakan Army is no government army.

>>> sorted(actor_countries("Houthi forces shelled the port."))
['YE']
>>> sorted(actor_countries("Pro-Houthi fighters and pro-Hadi units clashed."))
['YE']
>>> actor_countries("Police arrested two men.")
Counter()
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from mapgen._resources import geodata_csv


@functools.cache
def _lexicon() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]], dict[str, str]]:
    countries: dict[str, tuple[str, ...]] = {}
    areas: dict[str, str] = {}
    for row in geodata_csv("actors.csv"):
        codes = tuple(row["country_codes"].split())
        for name in row["name"].split("|"):
            countries[name.strip()] = codes
            if row.get("region"):
                areas[name.strip()] = row["region"]
    names = sorted(countries, key=len, reverse=True)
    # "pro-Houthi fighters" and "anti-Taliban forces" say as much about the country as the name alone
    pattern = re.compile(r"(?<![\w-])(?:(?:[Pp]ro|[Aa]nti)-)?(" + _by_first_letter(names) + r")(?![\w-])")
    return pattern, countries, areas


def named_groups(text: str) -> list[tuple[int, int, str]]:
    """The armed groups, forces and missions a text names, as (start, end, name as written), "pro-" or "anti-"
    included (a "pro-Hadi" unit is of Hadi's side; an "anti-Houthi" one is not Houthi).

    >>> named_groups("The paramilitary Rapid Support Forces shelled the camp; pro-Hadi units replied.")
    [(17, 37, 'Rapid Support Forces'), (56, 64, 'pro-Hadi')]
    """
    return [(m.start(), m.end(), m[0]) for m in _lexicon()[0].finditer(text)]


@functools.cache
def _sides() -> dict[str, str]:
    """Name -> "state" or "non-state", for the groups ``actors.csv`` gives a side."""
    return {name.strip(): row["side"] for row in geodata_csv("actors.csv") if row.get("side")
            for name in row["name"].split("|")}


def actor_sides(text: str) -> list[tuple[int, int, str]]:
    """The named groups of a text whose side is known, as (start, end, "state" or "non-state"): the Arakan
    Army is an armed group against the state, whatever "Army" in its name says; the Tatmadaw is the state's.

    >>> actor_sides("The Arakan Army said it took a base from the Tatmadaw.")
    [(4, 15, 'non-state'), (45, 53, 'state')]
    >>> actor_sides("pro-Hadi forces and anti-Hezbollah fighters.")  # against a group is no side of it
    [(0, 8, 'state')]
    """
    sides = _sides()
    return [(m.start(), m.end(), sides[m[1]]) for m in _lexicon()[0].finditer(text)
            if m[1] in sides and not m[0][:5].lower().startswith("anti-")]


def _by_first_letter(names: list[str]) -> str:
    """The alternation of ``names``, factored by first letter: it matches as the plain one would
    (same order within a letter, and names of different first letters never both fit at one
    place), but the regex engine tries a few dozen first letters at each character of the text,
    not every name: a text is scanned in about half the time.

    >>> _by_first_letter(["Houthis", "Hezbollah", "Houthi", "IDF"])
    'H(?:outhis|ezbollah|outhi)|I(?:DF)'
    """
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[:1], []).append(name)
    return "|".join(re.escape(first) + "(?:" + "|".join(re.escape(n[1:]) for n in group) + ")"
                    for first, group in groups.items())


def actor_countries(text: str) -> Counter[str]:
    """Country codes the text's armed groups and missions point to, once per group named.

    A group active in several countries ("Boko Haram": Nigeria, Niger, Chad, Cameroon) counts
    for each of them, a share each.
    """
    pattern, countries, _ = _lexicon()
    out: Counter[str] = Counter()
    for name in sorted({m[1] for m in pattern.finditer(text)}):  # a fixed order: the shares are floats
        codes = countries[name]
        for code in codes:
            out[code] += 1 / len(codes)
    return out


def actor_areas(text: str) -> list[str]:
    """Names of the curated regions (``geodata/regions.csv``) that the text's armed groups and missions
    work in, when their name says so: the OSCE's monitors and the "people's republics" report from
    Donbas, so a village they name "near" is a village of Donbas.

    >>> actor_areas("The OSCE SMM recorded 20 explosions near Vesele.")
    ['Donbas']
    >>> actor_areas("Houthi forces shelled the port.")
    []
    """
    pattern, _, areas = _lexicon()
    if not any(name in text for name in areas):
        return []  # most texts name no group with an area: a few substring tests, not a second scan
    return sorted({areas[m[1]] for m in pattern.finditer(text) if m[1] in areas})


#: A sum in dollars ("$10.3 million"): a hint that the text is American, as much as a demonym's
#: third; it only tips namesakes the text says nothing else about ("Mansfield" alone in a story
#: about a city council's debt is Mansfield, Texas, not Mansfield, England).
DOLLAR_WEIGHT = 0.3
_DOLLARS = re.compile(r"(?<![A-Z])\$\s?\d")


#: Sums in a currency one country uses (or a few): "£250", "5,000 naira", "₴1.2 million", "C$40" (the
#: symbol written before the figure, the word after it), per currency named: twice bare dollars, which
#: many countries use, and less than a demonym, as a sum may be paid abroad ("£2 million in aid to Gori").
CURRENCY_WEIGHT = 0.6


@functools.cache
def _currencies() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[str, ...]]]:
    """Patterns of a currency symbol before a figure and of a currency word (``geodata/currencies.csv``),
    and each currency's countries keyed by its lower-cased symbol or word. Words are searched in a
    lower-case copy of the text, factored by first letter (:func:`_by_first_letter`): most texts name
    no currency, and the scan is what they pay."""
    codes: dict[str, tuple[str, ...]] = {}
    symbols, words = [], []
    for row in geodata_csv("currencies.csv"):
        codes[row["currency"].lower()] = tuple(row["country_codes"].split())
        (symbols if row["kind"] == "symbol" else words).append(row["currency"])
    symbol = re.compile(r"(?<![A-Za-z$])(" + "|".join(re.escape(s) for s in sorted(symbols, key=len, reverse=True))
                        + r")\s?\d", re.IGNORECASE)  # "£250", "C$ 40": the symbol, then the figure
    word = re.compile(r"(?<![\w-])(" + _by_first_letter(sorted((w.lower() for w in words), key=len, reverse=True))
                      + r")(?![\w-])")
    return symbol, word, codes


#: A figure just before a currency word, in the lower-cased text: "5,000 ", "1.2 million ", "10m ".
_FIGURE_BEFORE = re.compile(r"\d(?:\s?(?:million|billion|thousand|m|bn|k))?\s+$")


def currency_countries(text: str) -> Counter[str]:
    """Countries a text's money points to: sums in bare dollars, the United States (a little); sums in
    a currency of one country or a few (``geodata/currencies.csv``), those countries, once per currency.

    >>> currency_countries("The council refinanced $10.3 million of debt.")
    Counter({'US': 0.3})
    >>> sorted(currency_countries("Repairs cost £2,500; a ransom of 5 million naira was paid.").items())
    [('GB', 0.6), ('NG', 0.6)]
    >>> sorted(currency_countries("Aid of A$5 million and C$ 2 million.").items())
    [('AU', 0.6), ('CA', 0.6)]
    >>> currency_countries("No sums. The rand rose; 12 pounds of flour.")
    Counter()
    """
    out: Counter[str] = Counter({"US": DOLLAR_WEIGHT}) if "$" in text and _DOLLARS.search(text) else Counter()
    symbol, word, codes = _currencies()
    lower = text.lower()
    named = {m[1].lower() for m in symbol.finditer(text)} if not text.isascii() or "$" in text or "ksh" in lower \
        else set()  # every symbol but the dollars (C$) and KSh is beyond ASCII
    named |= {m[1] for m in word.finditer(lower) if _FIGURE_BEFORE.search(lower, max(0, m.start() - 16), m.start())}
    for countries in sorted({codes[currency] for currency in named}):  # "KSh" and "Kenyan shillings" once
        for code in countries:  # in a fixed order: the sums are floats
            out[code] += CURRENCY_WEIGHT / len(countries)
    return out


@functools.cache
def _terms() -> list[tuple[str, re.Pattern[str], tuple[str, ...]]]:
    """Each term, the pattern of it as a whole word, and its countries. Words are searched in a
    lower-case copy of the text, acronyms ("LGA") as written."""
    return [(row["term"] if row["term"].isupper() else row["term"].lower(),
             re.compile(r"(?<![\w-])" + re.escape(row["term"] if row["term"].isupper() else row["term"].lower())
                        + r"(?![\w-])"), tuple(row["country_codes"].split()))
            for row in geodata_csv("admin_terms.csv")]


def term_countries(text: str) -> Counter[str]:
    """Countries the text's words for their own local divisions point to, once per word used:
    "Barangay Basak" is in the Philippines, "Kongor payam" in South Sudan, "Biu LGA" in Nigeria
    (``geodata/admin_terms.csv``). Like a demonym, evidence for namesakes, never a place.

    >>> term_countries("In Barangay Basak, Guihulngan, police shot a man.")
    Counter({'PH': 1.0})
    >>> term_countries("The LGA chairman met the lga staff.")
    Counter({'NG': 1.0})
    """
    out: Counter[str] = Counter()
    lower = text.lower()
    for term, pattern, codes in _terms():
        within = text if term.isupper() else lower
        if term in within and pattern.search(within):  # a substring test first: most texts have none
            for code in codes:
                out[code] += 1 / len(codes)
    return out
