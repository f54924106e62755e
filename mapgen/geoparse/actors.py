"""Armed groups, forces and missions whose name says which country a text is about.

A report on "Houthi forces" is about Yemen, one on the "Taliban" about Afghanistan, as
surely as one that says "Yemeni" or "Afghan". Like demonyms, these names are evidence for
resolving the places the text names, never places themselves. The names are curated in
``geodata/actors.csv`` (name and aliases separated by ``|``, then the countries, ISO codes
separated by spaces) and matched as written: acronyms are case-sensitive ("LNA", "IDF").

>>> sorted(actor_countries("Houthi forces shelled the port."))
['YE']
>>> actor_countries("Police arrested two men.")
Counter()
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections import Counter
from importlib import resources


@functools.cache
def _lexicon() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    text = resources.files("mapgen.geodata").joinpath("actors.csv").read_text(encoding="utf-8")
    countries: dict[str, tuple[str, ...]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        codes = tuple(row["country_codes"].split())
        for name in row["name"].split("|"):
            countries[name.strip()] = codes
    names = sorted(countries, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    return pattern, countries


def actor_countries(text: str) -> Counter[str]:
    """Country codes the text's armed groups and missions point to, once per group named.

    A group active in several countries ("Boko Haram": Nigeria, Niger, Chad, Cameroon) counts
    for each of them, a share each.
    """
    pattern, countries = _lexicon()
    out: Counter[str] = Counter()
    for name in {m[0] for m in pattern.finditer(text)}:
        codes = countries[name]
        for code in codes:
            out[code] += 1 / len(codes)
    return out
