"""A synthetic second pair, built in code in a temporary data folder: two invented places, a handful of
facts in a folder declared as data (no module, no boundaries), a pairs row — and nothing else changed."""
from __future__ import annotations

import csv
import hashlib
import io
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PAIR_ID = "synthetic_pair"
PLACES = {  # invented: names in three languages, coordinates in the North Sea and the Pacific
    "nordhafen": {"name_en": "Nordhafen", "name_de": "Nordhafen", "name_ja": "ノルトハーフェン", "country": "DE",
                  "lat": "54.5", "lon": "6.5", "time_zone": "Europe/Berlin", "currency": "EUR",
                  "fiscal_year_start_month": "1", "colour": "#117733", "population_bases": "register"},
    "minamidai": {"name_en": "Minamidai", "name_de": "Minamidai", "name_ja": "南台市", "country": "JP",
                  "lat": "33.0", "lon": "141.0", "time_zone": "Asia/Tokyo", "currency": "JPY",
                  "fiscal_year_start_month": "4", "colour": "#882255", "population_bases": "estimate"},
}
FACTS = [("nordhafen", "population", "123456", "persons", "2023-12-31", "register"),
         ("minamidai", "population", "98765", "persons", "2023-10-01", "estimate"),
         ("nordhafen", "area", "101.5", "km2", "2023", ""),
         ("minamidai", "area", "250.25", "km2", "2023", "")]


def _append_rows(path: Path, rows: list[dict]) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        fields = next(csv.reader(handle))
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        for row in rows:
            writer.writerow({f: row.get(f, "") for f in fields})


def build(target: Path) -> tuple[Path, Path]:
    """Copy data/raw and data/reference into ``target`` and add the synthetic pair; returns (raw, reference)."""
    raw, reference = Path(target) / "raw", Path(target) / "reference"
    shutil.copytree(ROOT / "data" / "raw", raw)
    shutil.copytree(ROOT / "data" / "reference", reference)
    _append_rows(reference / "places.csv", [{"id": pid, "kind": "city", **row} for pid, row in PLACES.items()])
    _append_rows(reference / "pairs.csv", [{"id": PAIR_ID, "place_a": "nordhafen", "place_b": "minamidai",
                                             "relationship": "sister_city", "since": "2020-05-01", "default": "no"}])
    folder = raw / "synthetic_profile"
    folder.mkdir()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Ort", "Merkmal", "Wert", "Einheit", "Stichtag", "Zählart", "Quelle"])
    for area, indicator, value, unit, period, basis in FACTS:
        writer.writerow([area, indicator, value, unit, period, basis, "https://example.org/synthetic"])
    data = out.getvalue().encode("utf-8")
    (folder / "profile.csv").write_bytes(data)
    meta = {"id": "synthetic_profile", "publisher": "Synthetic test publisher", "title": "Invented figures",
            "url": "https://example.org/synthetic", "licence": "test data", "accessed": "2026-01-01",
            "obtained": "made in code by the tests",
            "format": {"reader": "indicator_table", "file": "profile.csv", "encoding": "utf-8", "delimiter": ",",
                       "decimal": ".", "thousands": "", "periods": "calendar",
                       "columns": {"area": "Ort", "indicator": "Merkmal", "value": "Wert", "unit": "Einheit",
                                   "period": "Stichtag", "basis": "Zählart", "source_url": "Quelle"}},
            "files": [{"name": "profile.csv", "sha256": hashlib.sha256(data).hexdigest()}]}
    (folder / "source.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return raw, reference
