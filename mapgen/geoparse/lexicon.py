"""Word lists that recognition reads: cues, stop words and the shapes of place names.

Plain data, kept apart from the rules in :mod:`mapgen.geoparse.recognize`.
"""

from __future__ import annotations

import functools
import re

from mapgen.geocode.normalize import normalize

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LOCATIVES = frozenset({"in", "near", "from", "to", "at", "into", "outside", "across", "towards", "toward",
                       "through", "around", "inside", "via", "between", "and", "of",
                       # verbs whose object is usually a place in conflict reporting
                       "reached", "entered", "shelled", "bombed", "struck", "hit", "captured", "seized",
                       "attacked", "besieged", "evacuated", "left", "fled", "occupied", "surrounded", "liberated",
                       "stormed", "raided", "targeted", "visited"})
NOT_PLACES = frozenset(normalize(w) for w in (
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mr Mrs Ms Dr Gen President Minister "
    "God Internet Web North South East West Central City County State Street Road Avenue Mount "
    "University College School Church Hospital Court Office Department Police Army Navy Congress "
    "Senate Parliament Government Ministry Council Republic Kingdom Union Sheriff Mayor Governor "
    "Northeast Northwest Southeast Southwest Northern Southern Eastern Western "
    "Midwest Metro Time Times Spring Hill Man Continental Olympic Light Paper Lot Vice Re Strip "
    "Cathedral Sun Star Post News Herald Tribune Journal Press Gazette Daily Today Capital "
    "Arab Arabs").split())  # "the Arab world", "the Arab-Israeli conflict" (not Arab, Alabama)
#: Names of regions that are only a point of the compass (or the centre), in the languages of the
#: countries that name regions so: Haiti's Ouest, Cameroon's Extreme-Nord, Ghana's and Botswana's North
#: East, Burkina Faso's Centre-Est. Many countries have one; the name alone says not which.
COMPASS_NAMES = frozenset(normalize(w) for w in (
    "North|South|East|West|North East|North-East|Northeast|North West|North-West|Northwest|South East|"
    "South-East|Southeast|South West|South-West|Southwest|Centre|Center|Central|Northern|Southern|Eastern|"
    "Western|Nord|Sud|Est|Ouest|Nord-Est|Nord-Ouest|Sud-Est|Sud-Ouest|Centre-Est|Centre-Ouest|Centre-Nord|"
    "Centre-Sud|Extreme-Nord|Extrême-Nord|Norte|Sur|Este|Oeste|Leste|Centro|Nordeste|Noroeste|Sudeste|"
    "Suroeste|Sudoeste|Centro-Oeste|Nord-Vest|Sud-Vest").split("|"))
#: Organisations and buildings that share a name with some village: never places by themselves.
NOT_PLACE_PHRASES = frozenset(normalize(p) for p in (
    "Red Cross", "Red Crescent", "White House", "Pentagon", "United Way", "Salvation Army", "United Nations",
    "State Department", "Supreme Court", "Capitol Hill", "Wall Street", "Downing Street",
    "St. Patrick", "St. Michael", "St. Mary"))  # saints, as in churches and feast days
#: Parliaments named with a word that is also some town's name (Dūmā, Syria; Rada', Yemen; Dā'il,
#: Syria): "the Duma", "State Duma", "Verkhovna Rada", "Duma deputies" are the parliament.
LEGISLATURES = frozenset(normalize(w) for w in "Duma Rada Dail Dáil Cortes Sejm Majlis Mejlis Knesset Jirga".split())
#: Words after a parliament's name that make it the parliament ("Duma deputies", "Rada speaker").
LEGISLATURE_AFTER = frozenset(
    "deputy deputies lawmaker lawmakers member members speaker vote votes voted election elections committee "
    "session chairman faction factions seat seats majority".split())
#: Words before a country's name that make an organisation's name a political party's ("United Russia",
#: "Our Ukraine", "A Just Russia"): the party, not the country.
PARTY_BEFORE = frozenset("united our just fair forward free".split())
#: Parties named like towns (Liberal, Kansas; Reform, Alabama), and what follows them as parties.
PARTY_WORDS = frozenset(normalize(w) for w in (
    "Liberal Liberals Conservative Conservatives Labour Labor Democratic Republican Socialist Progressive "
    "Reform Unionist Communist Tory Tories Green Greens").split())
PARTY_NOUNS = frozenset(
    "government party budget leader leaders candidate candidates caucus mp mps mpp mpps mla mlas minister ministers "
    "premier majority minority opposition member members senator senators councillor councillors "
    "administration platform campaign".split())
STRONG_FEATURES = frozenset({"country", "region", "tunnel", "landmark", "admin1", "admin2"})
TRIM_START = {"the", "The", "THE"}
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
MAX_WORDS = 5


GEO_WORDS = frozenset(normalize(w) for w in (
    "River Lake Mountain Mountains Valley Island Islands Bay Sea Gulf Creek County Parish Township Province "
    "District Region Desert Peninsula Strait Canal Coast Forest Park Hills Heights Plain Plains Gorge Pass"
).split())
ABBREVIATION = re.compile(r",\s*((?:[A-Z][a-z]{0,4}\.)(?:\s?[A-Z][a-z]?\.)?)")
DATELINE = re.compile(r"(?:^|\n|[.!?]\s+|\b(?:19|20)\d\d\s+)\s*([A-Z][A-Z .'-]{2,40}?)(?:,|:|\s*[-–—\x97]|\s*\()")
LOCAL_NOUNS = frozenset(
    "woman women man men resident residents native natives police officer officers council city county "
    "school schools sewer mayor area hospital church family families girl boy teen teens home homes house "
    "houses neighborhood neighbourhood streets street airport port village town district authorities "
    "officials government court jail prison teenager teenagers student students couple business businesses "
    "firefighters deputies lawmakers voters subdivision municipality commune township province governorate "
    "department tehsil upazila lga".split())
#: Words that, after a place name inside an organisation's name, make it that place's institution
#: ("Groton Town Council", "Byesville Volunteer Fire Department", "Platte County Court").
INSTITUTIONS = frozenset(
    "town city county village borough township police fire volunteer school schools high elementary board "
    "council department library hospital sheriff chamber courthouse airport station district public "
    "municipal regional area community memorial".split())
#: Last words of street names: "Washington Drive" is a street, not the town of Washington.
STREET_WORDS = frozenset(normalize(w) for w in (
    "Street St Avenue Ave Road Rd Boulevard Blvd Drive Dr Lane Ln Parkway Pkwy Highway Hwy Pike Turnpike "
    "Expressway Freeway Terrace Circle Trail").split())
#: Makers of cars and trucks, several named like towns ("a 2005 Toyota Camry", "a red Dodge Durango").
VEHICLE_MAKE_NAMES = tuple(
    "Toyota Honda Ford Chevrolet Chevy Dodge Pontiac Buick Cadillac Chrysler Lincoln Mercury Jeep GMC Nissan "
    "Mazda Subaru Mitsubishi Hyundai Kia Volkswagen VW Audi BMW Mercedes Mercedes-Benz Volvo Saab Saturn "
    "Oldsmobile Plymouth Lexus Acura Infiniti Suzuki Isuzu Peugeot Renault Fiat Opel Skoda Lada UAZ KamAZ".split())
VEHICLE_MAKES = frozenset(normalize(w) for w in VEHICLE_MAKE_NAMES)
#: Weapons named like towns ("Grad missile systems": not Grad, Slovenia), when a weapon's noun follows.
WEAPON_NAMES = frozenset(normalize(w) for w in (
    "Grad Uragan Smerch Tornado Katyusha Scud Tochka Iskander Buk Kornet Konkurs Fagot Hellfire Tomahawk Kalibr "
    "Kinzhal Shahed Lancet Bayraktar Javelin Stinger Patriot Tor Pantsir Igla Strela Msta Gvozdika Akatsiya "
    "Pion Nona Krasnopol Shilka Osa").split())
#: Words for administrative divisions that follow a division's name ("Batsari LGA", "Ghoryan district",
#: "Mbouda subdivision"): the name before them is a place.
ADMIN_DIVISIONS = frozenset(
    "district districts province county subdivision sub-division municipality governorate oblast raion rayon "
    "region department commune township sub-county subcounty division lga woreda tehsil taluka payam kebele "
    "upazila arrondissement prefecture cercle wilaya emirate canton parish".split())
CONTAINERS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
#: Small words inside one place name ("Lanao del Sur", "Sao Sebastiao da Boa Vista", "Dera Ismail Khan").
#: Words before the name of a town's quarter ("Colonia Prados Verdes", "Barrio San José", "Barangay Basak"):
#: no place by themselves there (not Colonia, Uruguay).
QUARTER_TITLES = frozenset("colonia barrio bairro barangay favela fraccionamiento".split())
NAME_PARTICLES = frozenset("de del da do dos das di du la le les el al ad as ar an at az ash bin ibn van von y".split())
#: Words between a locative and a place name ("in central Van", "near rural Kandahar").
#: Words for a way between two places named before it ("the Damboa-Maiduguri road", "the Kabul - Kandahar
#: highway", "the Aleppo-Damascus M5 motorway").
ROUTE_WORDS = frozenset(
    "road roads highway highways motorway route axis corridor expressway railway railroad pipeline".split())
AREA_WORDS = frozenset(
    "central northern southern eastern western northeastern northwestern southeastern southwestern "
    "north south east west downtown rural greater upper lower old".split())


@functools.cache
def person_names() -> dict[str, str]:
    """Common personal names, normalised, with their kind ("given", "surname" or "both"): names a
    reader takes for a person as readily as for a place ("Lincoln", "Scott", "Madison"). From the
    US Census lists (``geodata/person_names.csv``, built by ``scripts/build_person_names.py``).

    >>> person_names()["lincoln"], "gainesville" in person_names()
    ('surname', False)
    """
    import csv

    from mapgen._resources import geodata

    with geodata().joinpath("person_names.csv").open(encoding="utf-8") as handle:
        return {normalize(row["name"]): row["kind"] for row in csv.DictReader(handle)}
