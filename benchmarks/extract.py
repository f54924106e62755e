"""Score mapgen.extract_events on the seed report's gold events, on ACLED's coded rows, and for speed.

1. Seed: ``corpora/seeds/004_….txt`` against its ``.gold.json``. An extracted row matches a gold
   event when its category is accepted ("casualties" accepts any) and its place is the gold place
   (within 30 km of a point, within the radius of a region; both ends for origin-destination events).
   Rows and gold events are paired one to one, rows whose quote overlaps the gold evidence first.
   Reports essential and all gold events found, precision (duplicates apart) and rows named after a
   gold place but drawn outside it.
2. ACLED: ``corpora/acled/acled_dev.csv``; every row's ``notes`` is one text of a batch given to
   ``mapgen.extract.extract_many`` (no publication date) and the most confident event is compared
   with the coded answer: event_type accuracy, sub_event_type macro-F1, location within 25 km
   (geo_precision 1 and 2), event_date and fatalities exact. Next to location, what the gazetteer
   allows at all: the rows where some name of the notes has a gazetteer entry within 25 km.
3. Throughput: words per second of the extraction over all those texts, next to the NER model alone
   on the same texts: spaCy's ``ner`` component by itself (``mapgen.geoparse._nlp.ner_alone``, timed
   before and after the extraction in the same run). It is also all of spaCy that mapgen runs, so the
   ratio is the share of the time spent in the NER model.

Run: ``.venv/bin/python benchmarks/extract.py [--shared PATH] [--limit N] [--errors FILE] [--verbose]
[--skip-throughput]``. Targets are reported, not asserted: the exit status is 0 whenever it ran.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from mapgen.schema import is_missing

DEFAULT_SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEED = Path("corpora") / "seeds" / "004_7d0d10c5fa5dd535"
ACLED = Path("corpora") / "acled" / "acled_dev.csv"
#: Tolerance around a gold place given as a point (km); regions carry their own radius.
POINT_KM = 30.0
#: How far an ACLED location may be from the coded one (km).
ACLED_KM = 25.0
#: A pin further than this from the coded place is a wrong pin a reader would notice (km).
WRONG_PIN_KM = 100.0
#: The ACLED rows are timed in this many parts (see main).
PARTS = 4
TARGETS = {"event_type_accuracy": 0.85, "sub_event_type_macro_f1": 0.70, "location_25km": 0.85,
           "event_date_exact": 0.98, "fatalities_exact": 0.90, "throughput_ratio": 0.8}
LABELS = {"event_type_accuracy": "event_type accuracy", "sub_event_type_macro_f1": "sub_event_type macro-F1",
          "location_25km": "location within 25 km", "event_date_exact": "event_date exact",
          "fatalities_exact": "fatalities exact"}
#: Date formats seen in ACLED exports ("9-May-20" in acled_dev.csv, others in newer exports).
ACLED_DATE_FORMATS = ("%d-%b-%y", "%d-%B-%y", "%d-%b-%Y", "%d-%B-%Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d")
_WORD = re.compile(r"\w+")
_NAME_WORD = re.compile(r"[\w'\u2019-]+")  # words of names, with apostrophes (and U+2019) and hyphens inside


# --- shared helpers ----------------------------------------------------------------------------
def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in km.

    >>> round(km(41.9842, 44.1158, 42.2276, 43.9686))
    30
    """
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def records(events: Any) -> list[dict[str, Any]]:
    """The rows of an events frame (or of a list of dicts) as dicts, every missing value None."""
    if hasattr(events, "to_dict"):
        events = events.drop(columns=["geometry"], errors="ignore").to_dict("records")
    return [{k: None if is_missing(v) else v for k, v in row.items()} for row in events]


def point(row: Mapping[str, Any], role: str = "") -> tuple[float, float] | None:
    """A row's (lat, lon) as ``role`` ("location", "origin", "destination") places it, None when it
    does not; by default where the event is: its location, else its destination, else its origin.

    >>> point({"latitude": None, "destination_latitude": 43.0, "destination_longitude": 44.6})
    (43.0, 44.6)
    """
    prefixes = {"": ["", "destination_", "origin_"], "location": [""]}.get(role, [f"{role}_"])
    for prefix in prefixes:
        lat, lon = row.get(f"{prefix}latitude"), row.get(f"{prefix}longitude")
        if not is_missing(lat) and not is_missing(lon):
            return float(lat), float(lon)
    return None


def words(texts: Iterable[str]) -> int:
    return sum(len(t.split()) for t in texts)


# --- 1. seed report ----------------------------------------------------------------------------
def within(place: list[float], at: tuple[float, float] | None) -> float | None:
    """Distance from a gold place to ``at`` when ``at`` lies within its tolerance, else None.

    A place is ``[lat, lon]`` (a point: 30 km) or ``[lat, lon, radius_km]`` (a region).

    >>> within([42.0, 44.0, 60], (42.3, 44.0)) is not None, within([42.0, 44.0], (42.3, 44.0))
    (True, None)
    """
    if at is None:
        return None
    limit = place[2] if len(place) > 2 else POINT_KM
    distance = km(place[0], place[1], at[0], at[1])
    return distance if distance <= limit else None


def place_distance(row: Mapping[str, Any], event: Mapping[str, Any], places: Mapping[str, list[float]]
                   ) -> float | None:
    """How far the row's place is from the gold event's (summed over both ends of a flow); None when
    the category or a place does not match."""
    accept = event.get("accept") or []
    if row.get("category") not in accept and "casualties" not in accept:
        return None
    if event.get("location"):
        return within(places[event["location"]], point(row))
    total = 0.0
    for role in ("origin", "destination"):
        distance = within(places[event[role]], point(row, role))
        if distance is None:
            return None
        total += distance
    return total


def overlap(quote: str | None, evidence: str | None) -> float:
    """The share of the evidence's words that the quote contains (0 when either is missing).

    >>> overlap("A later flight dropped one bomb near Gori.", "one bomb near Gori")
    1.0
    """
    if not quote or not evidence:
        return 0.0
    wanted = _WORD.findall(evidence.casefold())
    have = set(_WORD.findall(quote.casefold()))
    return sum(w in have for w in wanted) / len(wanted) if wanted else 0.0


def assign(candidates: list[list[tuple[int, float, float]]], essential: int = 0) -> list[int | None]:
    """One row per gold event: ``candidates[g]`` lists (row, overlap, distance) for gold event g.

    The first ``essential`` gold events are served first, then the others. Within each group,
    pairs are taken greedily (best evidence overlap, then shortest distance), then each event left
    out gets a row if moving others to rows that also match them frees one (an event that has a
    row keeps one). Returns the row of each gold event, None when it has none.

    >>> assign([[(0, 1.0, 5.0), (1, 0.0, 1.0)], [(0, 0.2, 1.0)]])
    [1, 0]
    >>> assign([[(0, 0.0, 9.0)], [(0, 1.0, 1.0)]], essential=1)
    [0, None]
    """
    owner: dict[int, int] = {}
    chosen: list[int | None] = [None] * len(candidates)
    ranked = [[r for r, _, _ in sorted(options, key=lambda o: (-o[1], o[2]))] for options in candidates]

    def augment(g: int, seen: set[int]) -> bool:
        for r in ranked[g]:
            if r in seen:
                continue
            seen.add(r)
            if r not in owner or augment(owner[r], seen):
                owner[r], chosen[g] = g, r
                return True
        return False

    for group in (range(essential), range(essential, len(candidates))):
        pairs = sorted((-ov, dist, g, r) for g in group for r, ov, dist in candidates[g])
        for _, _, g, r in pairs:
            if chosen[g] is None and r not in owner:
                chosen[g], owner[r] = r, g
        for g in group:
            if chosen[g] is None:
                augment(g, set())
    return chosen


def outside(rows: list[dict[str, Any]], places: Mapping[str, list[float]]) -> list[dict[str, Any]]:
    """Rows whose location, origin or destination carries a gold place's name but whose point lies
    beyond that place's tolerance (unplaced rows are not counted)."""
    by_name = {name.casefold(): (name, place) for name, place in places.items()}
    found = []
    for i, row in enumerate(rows):
        for role in ("location", "origin", "destination"):
            name = row.get(role)
            if not isinstance(name, str) or name.strip().casefold() not in by_name:
                continue
            gold_name, place = by_name[name.strip().casefold()]
            at = point(row, role)
            if at is not None and within(place, at) is None:
                found.append({"row": i, "role": role, "name": gold_name, "at": [round(at[0], 4), round(at[1], 4)],
                              "km": round(km(place[0], place[1], *at), 1),
                              "limit_km": place[2] if len(place) > 2 else POINT_KM})
    return found


def match_seed(gold: Mapping[str, Any], events: Any) -> dict[str, Any]:
    """Pair extracted rows with the gold events and count what was found.

    Returns the rows (as dicts), ``pairs`` {gold id: row index}, ``missing`` and
    ``missing_essential`` (gold ids), ``duplicates`` (rows that match a gold event another row
    already has), ``spurious`` (rows that match none), ``outside`` (see :func:`outside`) and the
    counts and ``precision`` (paired rows over all rows).
    """
    rows = records(events)
    places = gold["places"]
    order = sorted(range(len(gold["events"])), key=lambda i: not gold["events"][i].get("essential"))
    gold_events = [gold["events"][i] for i in order]
    candidates: list[list[tuple[int, float, float]]] = []
    for event in gold_events:
        options = []
        for r, row in enumerate(rows):
            distance = place_distance(row, event, places)
            if distance is not None:
                options.append((r, overlap(row.get("quote"), event.get("evidence")), distance))
        candidates.append(options)
    chosen = assign(candidates, essential=sum(bool(e.get("essential")) for e in gold_events))
    pairs = {e["id"]: r for e, r in zip(gold_events, chosen, strict=True) if r is not None}
    taken = set(pairs.values())
    matching = {r for options in candidates for r, _, _ in options}
    essential = [e["id"] for e in gold["events"] if e.get("essential")]
    return {
        "rows": rows, "pairs": pairs,
        "essential": len(essential), "essential_found": sum(i in pairs for i in essential),
        "missing_essential": [i for i in essential if i not in pairs],
        "gold": len(gold["events"]), "gold_found": len(pairs),
        "missing": [e["id"] for e in gold["events"] if e["id"] not in pairs],
        "duplicates": sorted(matching - taken), "spurious": [r for r in range(len(rows)) if r not in matching],
        "precision": len(taken) / len(rows) if rows else 0.0,
        "outside": outside(rows, places),
    }


# --- 2. ACLED ----------------------------------------------------------------------------------
def parse_acled_date(text: str) -> str:
    """ACLED's event_date as an ISO date.

    >>> parse_acled_date("9-May-20"), parse_acled_date("27 April 2020")
    ('2020-05-09', '2020-04-27')
    """
    for fmt in ACLED_DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"ACLED event_date {text!r} is in none of the formats {ACLED_DATE_FORMATS}")


def load_acled(path: Path, limit: int | None = None) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return rows if limit is None else rows[:limit]


def best_event(events: Any) -> dict[str, Any] | None:
    """The most confident row (the first of equals; a missing confidence counts least), or None.

    >>> best_event([{"confidence": 0.5, "n": 1}, {"confidence": 0.9, "n": 2}, {"confidence": 0.9, "n": 3}])["n"]
    2
    """
    rows = records(events)
    if not rows:
        return None
    return max(rows, key=lambda r: -1.0 if r.get("confidence") is None else float(r["confidence"]))


def macro_f1(gold: list[str], predicted: list[str | None]) -> tuple[float, dict[str, dict[str, float]]]:
    """Macro-F1 over the classes present in ``gold``, and precision/recall/F1/support per class.

    A missing prediction (None) is a false negative for its gold class; a prediction of a class
    absent from gold is a false negative for the gold class and counts in no average.

    >>> round(macro_f1(["a", "a", "b"], ["a", "b", None])[0], 3)
    0.333
    """
    table: dict[str, dict[str, float]] = {}
    for label in sorted(set(gold)):
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        support = sum(g == label for g in gold)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / support
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[label] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
    macro = sum(c["f1"] for c in table.values()) / len(table) if table else 0.0
    return macro, table


def _count(value: Any) -> int:
    if is_missing(value) or value == "":
        return 0
    return round(float(value))


def score_acled(rows: list[dict[str, str]], predictions: list[dict[str, Any] | None]
                ) -> tuple[dict[str, Any], dict[str, dict[str, float]], list[dict[str, Any]]]:
    """Metrics of the best predicted event per ACLED row, the sub_event_type table, and every miss."""
    misses: list[dict[str, Any]] = []

    def miss(row: dict[str, str], metric: str, gold: Any, got: Any, **more: Any) -> None:
        misses.append({"part": "acled", "id": row["event_id_cnty"], "metric": metric, "gold": gold,
                       "predicted": got, **more, "notes": row.get("notes", "")})

    n_type = n_date = n_dead = n_geo = n_geo_ok = n_far = n_unplaced = 0
    for row, pred in zip(rows, predictions, strict=True):
        got = pred or {}
        if got.get("event_type") == row["event_type"]:
            n_type += 1
        else:
            miss(row, "event_type", row["event_type"], got.get("event_type"))
        if got.get("sub_event_type") != row["sub_event_type"]:
            miss(row, "sub_event_type", row["sub_event_type"], got.get("sub_event_type"))
        day = parse_acled_date(row["event_date"])
        if got.get("event_date") == day:
            n_date += 1
        else:
            miss(row, "event_date", day, got.get("event_date"))
        dead = _count(row.get("fatalities"))
        if _count(got.get("fatalities")) == dead:
            n_dead += 1
        else:
            miss(row, "fatalities", dead, got.get("fatalities"))
        if row.get("geo_precision") and _count(row["geo_precision"]) in {1, 2}:
            n_geo += 1
            at = point(got)
            lat, lon = float(row["latitude"]), float(row["longitude"])
            distance = km(lat, lon, *at) if at else None
            if at is None:
                n_unplaced += 1
            elif distance is not None and distance > WRONG_PIN_KM and _count(got.get("geo_precision")) in {1, 2}:
                n_far += 1  # drawn as a pin (not an area) far from where it happened
            if distance is not None and distance <= ACLED_KM:
                n_geo_ok += 1
            else:
                miss(row, "location", [row["location"], lat, lon],
                     [got.get("location"), *(at or (None, None))],
                     km=None if distance is None else round(distance, 1),
                     geo_precision=_count(got.get("geo_precision")) or None)
    n = len(rows)
    macro, table = macro_f1([r["sub_event_type"] for r in rows], [(p or {}).get("sub_event_type") for p in predictions])
    metrics = {
        "rows": n, "rows_with_event": sum(p is not None for p in predictions),
        "event_type_accuracy": n_type / n if n else 0.0,
        "sub_event_type_macro_f1": macro,
        "location_25km": n_geo_ok / n_geo if n_geo else 0.0, "location_rows": n_geo,
        "wrong_pins": n_far / n_geo if n_geo else 0.0, "unplaced": n_unplaced / n_geo if n_geo else 0.0,
        "event_date_exact": n_date / n if n else 0.0,
        "fatalities_exact": n_dead / n if n else 0.0,
    }
    return metrics, table, misses


def reachable(rows: list[dict[str, str]]) -> dict[str, Any]:
    """How much of location within 25 km the embedded gazetteer allows at all, on the geo_precision 1-2 rows.

    ``by_name``: the gazetteer has a place of the coded location's name within ``ACLED_KM`` of the coded
    point. ``any_name``: some run of up to five words of the notes, beginning with a capital, names a
    gazetteer entry (town, region, any namesake) within ``ACLED_KM`` of it: a generous ceiling, since a
    geoparser can only draw what its gazetteer holds. Most misses are villages GeoNames lists without a
    population, absent from the cities500 data every registry package ships.
    """
    from mapgen.geocode.gazetteer import OfflineGazetteer

    gazetteer = OfflineGazetteer.default()
    cache: dict[str, list[tuple[float, float]]] = {}

    def points(name: str) -> list[tuple[float, float]]:
        if name not in cache:
            cache[name] = [(p.latitude, p.longitude) for p in gazetteer.candidates(name)
                           if p.latitude is not None and p.longitude is not None]
        return cache[name]

    def near(name: str, lat: float, lon: float) -> bool:
        return any(km(lat, lon, *at) <= ACLED_KM for at in points(name))

    n = by_name = any_name = 0
    for row in rows:
        if not row.get("geo_precision") or _count(row["geo_precision"]) not in {1, 2}:
            continue
        n += 1
        lat, lon = float(row["latitude"]), float(row["longitude"])
        location = row.get("location") or ""
        names = {location, location.split("(")[0].strip(), location.split(" - ")[0].strip()} - {""}
        by_name += any(near(name, lat, lon) for name in names)
        words = _NAME_WORD.findall(row.get("notes") or "")
        any_name += any(near(" ".join(words[i:j]), lat, lon)
                        for i in range(len(words)) if words[i][:1].isupper()
                        for j in range(i + 1, min(i + 6, len(words) + 1)))
    return {"rows": n, "by_name": by_name / n if n else 0.0, "any_name": any_name / n if n else 0.0}


# --- running and reporting ---------------------------------------------------------------------
def _timed(extract: Callable[..., Any], text: str, failures: list[dict[str, Any]], **kwargs: Any
           ) -> tuple[Any, float]:
    """extract(text, **kwargs) and its wall time; a failure is recorded and gives no events."""
    start = time.perf_counter()
    try:
        events = extract(text, **kwargs)
    except Exception as err:  # a benchmark reports failures, it does not stop at the first
        failures.append({"part": "exception", "source": kwargs.get("source"), "error": repr(err), "notes": text})
        events = []
    return events, time.perf_counter() - start


def pipe_seconds(nlp: Any, texts: list[str]) -> float:
    """Wall time of a spaCy pipeline over ``texts``, in one batched pass (loaded and warmed up before)."""
    list(nlp.pipe(texts[:5]))
    start = time.perf_counter()
    list(nlp.pipe(texts))
    return time.perf_counter() - start


def _line(label: str, value: str, target: str = "", ok: bool | None = None, note: str = "") -> None:
    mark = "" if ok is None else (" ✓" if ok else " ✗")
    target = f"  (target {target})" if target else ""
    print(f"  {label:27} {value}{mark}{target}{'  ' + note if note else ''}")


def _brief(row: Mapping[str, Any]) -> dict[str, Any]:
    keys = ("category", "sub_event_type", "location", "latitude", "longitude", "origin", "destination", "quote")
    return {k: row.get(k) for k in keys if row.get(k) is not None}


def report_seed(gold: Mapping[str, Any], result: dict[str, Any], verbose: bool) -> list[dict[str, Any]]:
    """Print the seed section; return its misses."""
    rows = result["rows"]
    _line("essential events found", f"{result['essential_found']}/{result['essential']}",
          f"{result['essential']}/{result['essential']}", not result["missing_essential"],
          "missing: " + ", ".join(result["missing_essential"]) if result["missing_essential"] else "")
    _line("all gold events found", f"{result['gold_found']}/{result['gold']}",
          note="missing: " + ", ".join(result["missing"]) if result["missing"] else "")
    _line("precision", f"{result['precision']:.3f}",
          note=f"{len(result['pairs'])} of {len(rows)} rows; {len(result['duplicates'])} duplicates, "
               f"{len(result['spurious'])} match no gold event")
    _line("placed outside its region", str(len(result["outside"])), "0", not result["outside"])

    def show(r: int) -> str:
        row = rows[r]
        where = row.get("location") or f"{row.get('origin')} -> {row.get('destination')}"
        return f"{row.get('category')} at {where}: {(row.get('quote') or '')[:70]!r}"

    if verbose:
        by_row = {r: g for g, r in result["pairs"].items()}
        for r in range(len(rows)):
            tag = by_row.get(r) or ("duplicate" if r in result["duplicates"] else "no match")
            print(f"    [{tag}] {show(r)}")
        for o in result["outside"]:
            print(f"    outside: row {o['row']} {o['role']} {o['name']} is {o['km']} km away (limit {o['limit_km']})")
    events = {e["id"]: e for e in gold["events"]}
    misses = [{"part": "seed", "metric": "missing", "gold": g, "essential": bool(events[g].get("essential")),
               "accept": events[g].get("accept"),
               "place": events[g].get("location") or [events[g].get("origin"), events[g].get("destination")],
               "evidence": events[g].get("evidence")} for g in result["missing"]]
    misses += [{"part": "seed", "metric": "duplicate", "row": r, "predicted": _brief(rows[r])}
               for r in result["duplicates"]]
    misses += [{"part": "seed", "metric": "spurious", "row": r, "predicted": _brief(rows[r])}
               for r in result["spurious"]]
    misses += [{"part": "seed", "metric": "outside", **o, "predicted": _brief(rows[o["row"]])}
               for o in result["outside"]]
    return misses


def report_acled(metrics: dict[str, Any], table: dict[str, dict[str, float]], verbose: bool) -> None:
    """Print the ACLED section."""
    for key, label in LABELS.items():
        value = metrics[key]
        _line(label, f"{value:.3f}", f">= {TARGETS[key]}", value >= TARGETS[key])
        if key == "location_25km" and "wrong_pins" in metrics:
            _line(f"  pins over {WRONG_PIN_KM:.0f} km off", f"{metrics['wrong_pins']:.3f}",
                  note="of those rows: drawn as a pin (precision 1-2) far from the coded place")
            _line("  unplaced", f"{metrics['unplaced']:.3f}", note="of those rows: reported, not drawn")
        if key == "location_25km" and "reachable" in metrics:
            ceiling = metrics["reachable"]
            _line("  reachable at most", f"{ceiling['any_name']:.3f}",
                  note=f"of those rows: some name of the notes has a gazetteer entry within {ACLED_KM:.0f} km "
                       f"(the coded name itself: {ceiling['by_name']:.3f})")
    if verbose:
        print(f"    {'sub_event_type':38} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}")
        for label, c in sorted(table.items(), key=lambda kv: -kv[1]["support"]):
            print(f"    {label:38} {c['precision']:6.3f} {c['recall']:6.3f} {c['f1']:6.3f} {c['support']:8d}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder (../shared)")
    parser.add_argument("--limit", type=int, help="only the first N ACLED rows")
    parser.add_argument("--errors", type=Path, help="write every miss to this file, one JSON object a line")
    parser.add_argument("--verbose", action="store_true", help="seed rows and the sub_event_type table")
    parser.add_argument("--skip-throughput", action="store_true", help="do not time the NER model")
    args = parser.parse_args()
    if not args.shared.is_dir():
        print(f"skipped: {args.shared} not found (the seed report and ACLED rows live in ../shared/corpora/)")
        return 0
    seed_text, seed_gold = args.shared / SEED.with_suffix(".txt"), args.shared / SEED.with_suffix(".gold.json")
    acled_path = args.shared / ACLED
    has_seed, has_acled = seed_text.is_file() and seed_gold.is_file(), acled_path.is_file()
    if not has_seed and not has_acled:
        print(f"skipped: neither {seed_text} nor {acled_path} found")
        return 0

    from mapgen import extract_events
    from mapgen.extract import extract_many

    try:  # also loads the gazetteer and the spaCy pipeline, outside the timings
        extract_events("Russian jets bombed Gori on Friday.", published="2008-08-09")
    except Exception as err:
        print(f"extract_events fails on a one-line text, nothing to score: {err!r}", file=sys.stderr)
        return 2

    gold = json.loads(seed_gold.read_text(encoding="utf-8")) if has_seed else None
    seed = seed_text.read_text(encoding="utf-8") if has_seed else ""
    rows = load_acled(acled_path, args.limit) if has_acled else []
    texts = ([seed] if has_seed else []) + [r.get("notes") or "" for r in rows]
    ner = None
    if not args.skip_throughput:
        from mapgen.geoparse._nlp import ner_alone

        ner = ner_alone()

    def ner_time(part: list[str]) -> float:
        """The NER model alone on the same texts (0 when throughput is skipped)."""
        return pipe_seconds(ner, part) if ner is not None else 0.0

    # Timed in parts, each part's extraction between two runs of the NER model alone on the same texts,
    # so that both see the same load on a shared machine (one pass each before and after drifted apart).
    failures: list[dict[str, Any]] = []
    seconds = ner_seconds = 0.0
    part_ratios: list[float] = []
    seed_events: Any = []
    if gold is not None:
        before = ner_time([seed])
        seed_events, took = _timed(extract_events, seed, failures, published=gold["published"],
                                   source=gold["document"])
        ner_seconds += (before + ner_time([seed])) / 2
        seconds += took
    predictions: list[dict[str, Any] | None] = []
    names = [f"acled:{row['event_id_cnty']}:{i}" for i, row in enumerate(rows)]
    size = max(1, -(-len(rows) // PARTS))
    for first in range(0, len(rows), size):
        part_rows, part_names = rows[first:first + size], names[first:first + size]
        part_texts = [row.get("notes") or "" for row in part_rows]
        before = ner_time(part_texts)
        start = time.perf_counter()
        try:  # one batched call per part, as a newsroom runs a day's reports
            table = extract_many(part_texts, sources=part_names)
            took = time.perf_counter() - start
            by_source: dict[str, list[int]] = {}
            for position, source in enumerate(table["source"]):
                by_source.setdefault(str(source).split("#", 1)[0], []).append(position)
            predictions += [best_event(table.iloc[by_source.get(name, [])]) for name in part_names]
        except Exception:  # find which texts fail, one by one
            took = 0.0
            for row, name in zip(part_rows, part_names, strict=True):
                events, one = _timed(extract_events, row.get("notes") or "", failures, published=None, source=name)
                took += one
                predictions.append(best_event(events))
        ner_part = (before + ner_time(part_texts)) / 2
        ner_seconds += ner_part
        seconds += took
        if took and ner_part:
            part_ratios.append(ner_part / took)

    misses: list[dict[str, Any]] = []
    if gold is not None:
        result = match_seed(gold, seed_events)
        print(f"seed report {gold['document']}: {len(result['rows'])} events extracted, "
              f"{len(gold['events'])} gold events")
        misses += report_seed(gold, result, args.verbose)
    else:
        print(f"seed report: skipped, {seed_text} or its .gold.json not found")
    if rows:
        metrics, table, acled_misses = score_acled(rows, predictions)
        print(f"ACLED {acled_path.name}: {metrics['rows']} rows, {metrics['rows_with_event']} with an event, "
              f"{metrics['location_rows']} with geo_precision 1 or 2")
        metrics["reachable"] = reachable(rows)
        report_acled(metrics, table, args.verbose)
        misses += acled_misses
    else:
        print(f"ACLED: skipped, {acled_path} not found")
    if failures:
        print(f"extract_events raised on {len(failures)} texts (see --errors): {failures[0]['error']}")
        misses += failures
    if ner is not None and seconds and ner_seconds:
        n_words = words(texts)
        print(f"throughput: {len(texts)} texts, {n_words:,} words")
        _line("extraction", f"{n_words / seconds:,.0f} words/s")
        _line("NER alone", f"{n_words / ner_seconds:,.0f} words/s", note="spaCy's ner component by itself")
        ratio = ner_seconds / seconds
        _line("ratio extraction/NER", f"{ratio:.2f}", f">= {TARGETS['throughput_ratio']}",
              ratio >= TARGETS["throughput_ratio"])
        if part_ratios:
            _line("  in its parts", f"{min(part_ratios):.2f} to {max(part_ratios):.2f}",
                  note=f"{len(part_ratios)} parts, each timed between two runs of the NER model alone")
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as f:
            for item in misses:
                f.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")
        print(f"{len(misses)} misses written to {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
