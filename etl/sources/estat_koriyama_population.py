"""e-Stat getStatsData answers (one JSON file per page, as received) → facts.

What to keep is data, in source.yaml ``fetch:``: ``keep`` (VALUE attributes that must match, e.g.
``{"@tab": "020"}``), ``area`` (e-Stat area code → place id), ``indicator``, ``basis`` and ``date``
(the reference date of a time code's year, e.g. ``"{year}-10-01"`` for the census). A single VALUE
comes as an object, several as a list; values are strings, and the special characters listed in
``DATA_INF.NOTE`` (e.g. "-", "***", "x") are gaps. Rows are marked preferred over hand-transcribed ones.
"""
import json
from pathlib import Path

import pandas as pd
import yaml

from etl import frames
from etl.errors import RawDataError
from etl.extract.longtable import long_facts

SOURCE_ID = "estat_koriyama_population"
URL = "https://www.e-stat.go.jp/dbview?sid={id}"


def as_list(node) -> list:
    if node is None:
        return []
    return node if isinstance(node, list) else [node]


def values(path: Path) -> tuple[list[dict], set[str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))["GET_STATS_DATA"]["STATISTICAL_DATA"]["DATA_INF"]
        return as_list(data["VALUE"]), {n.get("@char", "") for n in as_list(data.get("NOTE"))}
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise RawDataError(path, f"not an e-Stat getStatsData answer: {type(exc).__name__} {exc}") from None


def read(source_dir: Path):
    source_dir = Path(source_dir)
    meta = yaml.safe_load((source_dir / "source.yaml").read_text(encoding="utf-8"))
    spec = meta["fetch"]
    keep, areas = spec.get("keep_values") or {}, spec.get("area") or {}
    parts = []
    for entry in meta["files"]:
        path = source_dir / entry["name"]
        records = []
        listed, special = values(path)
        for number, value in enumerate(listed, start=1):
            if any(str(value.get(k, "")) != str(v) for k, v in keep.items()):
                continue
            if str(value.get("@area", "")) not in areas:
                continue
            text = str(value.get("$", "")).strip()
            if text in special or text in ("", "-", "***", "x", "X", "…", "..."):
                continue
            time_code = str(value.get("@time", ""))
            if len(time_code) != 10 or not time_code.isdigit():
                raise RawDataError(path, f"time code {time_code!r} is not 10 digits", row=number, column="@time")
            records.append({"area": str(value["@area"]), "value": text.replace(",", ""),
                            "period": str(spec.get("date", "{year}")).format(year=time_code[:4]),
                            "unit": str(value.get("@unit", spec.get("unit", ""))), "preferred": "yes",
                            "_row": number})
        table = pd.DataFrame(records, columns=["area", "value", "period", "unit", "preferred", "_row"])
        parts.append(long_facts(table, path, SOURCE_ID, numbers="en", periods="iso", area=("area", areas),
                                indicator=spec.get("indicator", "population"), basis=spec.get("basis", ""),
                                value="value", unit="[unit]", period="period", preferred="preferred",
                                default_url=URL.format(id=spec["stats_data_id"])))
    return frames.concat(parts)
