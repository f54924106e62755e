"""Score mapgen.geoparse on LGL (../shared/corpora/lgl/lgl.xml): gold place spans and coordinates.

Reports recognition precision/recall/F1 (a prediction counts when it overlaps a gold span),
accuracy@161 km on the gold spans found, end-to-end accuracy@161 km (correct over all gold
spans with coordinates), the shares of found spans drawn over 161 km off and left unplaced
(accuracy counts an unplaced span as wrong; a reader only sees the wrong pins), median error,
and throughput in words per second (``geoparse_many`` over all articles, one batch) next to the
throughput of the NER model alone on the same texts: spaCy's ``ner`` component by itself
(``mapgen.geoparse._nlp.ner_alone``), timed before and after geoparsing in the same run.

Run: ``.venv/bin/python benchmarks/geoparse.py [--corpus PATH] [--limit N] [--errors FILE] [--demonyms]``
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

TARGETS = {"recognition_f1": 0.85, "accuracy_161_found": 0.90, "accuracy_161_end_to_end": 0.80}
DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "lgl" / "lgl.xml"


def load(path: Path, limit: int | None = None) -> list[dict]:
    articles = []
    for article in ET.parse(path).getroot().iter("article"):
        gold = []
        for toponym in article.iter("toponym"):
            tag = toponym.find("gaztag")
            lat = lon = None
            if tag is not None and tag.findtext("lat"):
                lat, lon = float(tag.findtext("lat")), float(tag.findtext("lon"))
            gold.append({"start": int(toponym.findtext("start")), "end": int(toponym.findtext("end")),
                         "phrase": toponym.findtext("phrase"), "lat": lat, "lon": lon})
        articles.append({"id": article.get("docid"), "text": article.findtext("text") or "", "gold": gold})
        if limit and len(articles) >= limit:
            break
    return articles


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def score(articles: list[dict], predictions: list[list]) -> tuple[dict, list[dict]]:
    n_pred = n_pred_ok = n_gold = n_found = n_geo = n_geo_found = n_correct = n_unplaced = 0
    errors: list[float] = []
    report = []
    for article, preds in zip(articles, predictions, strict=True):
        n_pred += len(preds)
        n_pred_ok += sum(any(p.start < g["end"] and g["start"] < p.end for g in article["gold"]) for p in preds)
        for g in article["gold"]:
            n_gold += 1
            match = next((p for p in preds if p.start < g["end"] and g["start"] < p.end), None)
            n_found += match is not None
            if g["lat"] is None:
                continue
            n_geo += 1
            if match is None:
                report.append({"doc": article["id"], "start": g["start"], "phrase": g["phrase"], "problem": "missed"})
                continue
            n_geo_found += 1
            if match.latitude is None:
                n_unplaced += 1
                report.append({"doc": article["id"], "start": g["start"], "phrase": g["phrase"],
                               "problem": "unresolved"})
                continue
            error = km(g["lat"], g["lon"], match.latitude, match.longitude)
            errors.append(error)
            if error <= 161:
                n_correct += 1
            else:
                report.append({"doc": article["id"], "start": g["start"], "phrase": g["phrase"],
                               "problem": f"{error:.0f} km",
                               "got": f"{match.name} ({match.country_code}, {match.feature}, {match.admin1})",
                               "gold": [g["lat"], g["lon"]]})
        for p in preds:
            if not any(p.start < g["end"] and g["start"] < p.end for g in article["gold"]):
                report.append({"doc": article["id"], "start": p.start, "phrase": p.text, "problem": "spurious",
                               "how": p.how,
                               "got": p.name})
    precision = n_pred_ok / n_pred if n_pred else 0.0
    recall = n_found / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    metrics = {
        "articles": len(articles), "gold_spans": n_gold, "predictions": n_pred,
        "recognition_precision": round(precision, 3), "recognition_recall": round(recall, 3),
        "recognition_f1": round(f1, 3),
        "accuracy_161_found": round(n_correct / n_geo_found, 3) if n_geo_found else 0.0,
        "accuracy_161_end_to_end": round(n_correct / n_geo, 3) if n_geo else 0.0,
        # of the gold spans found: drawn more than 161 km off (the wrong pins a reader sees), and left unplaced
        "wrong_pins_found": round((n_geo_found - n_unplaced - n_correct) / n_geo_found, 3) if n_geo_found else 0.0,
        "unplaced_found": round(n_unplaced / n_geo_found, 3) if n_geo_found else 0.0,
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
    }
    return metrics, report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--errors", type=Path, help="write every miss and wrong pin to this JSON file")
    parser.add_argument("--demonyms", action="store_true", help="also return demonyms (LGL counts them)")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"{args.corpus}: not found (LGL lives in ../shared/corpora/lgl/)", file=sys.stderr)
        return 2
    from mapgen.geocode.gazetteer import OfflineGazetteer
    from mapgen.geoparse import geoparse, geoparse_many
    from mapgen.geoparse._nlp import ner_alone, pipeline

    articles = load(args.corpus, args.limit)
    texts = [a["text"] for a in articles]
    words = sum(len(t.split()) for t in texts)
    OfflineGazetteer.default()
    pipeline()
    geoparse("warm up in Paris")
    ner = ner_alone()
    list(ner.pipe(texts[:5]))

    def ner_seconds() -> float:
        start = time.perf_counter()
        list(ner.pipe(texts))
        return time.perf_counter() - start

    before = ner_seconds()
    start = time.perf_counter()
    predictions = list(geoparse_many(texts, demonyms=args.demonyms))  # batched, as the NER model is
    seconds = time.perf_counter() - start
    ner_time = (before + ner_seconds()) / 2  # the machine's load may change during the run

    metrics, report = score(articles, predictions)
    metrics["words_per_second"] = round(words / seconds)
    metrics["ner_alone_words_per_second"] = round(words / ner_time)
    metrics["throughput_ratio"] = round(ner_time / seconds, 2)
    for key, value in metrics.items():
        target = f"  (target >= {TARGETS[key]})" if key in TARGETS else ""
        print(f"{key:28} {value}{target}")
    if args.errors:
        args.errors.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
