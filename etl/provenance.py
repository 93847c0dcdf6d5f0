"""Per-figure provenance: which publisher stands behind each row, how good that source is, and
whether a source is past due for an update.

Each fact row's publisher is found from its own ``source_url`` (the longest matching prefix in
``data/reference/publishers.csv``); rows that carry a publisher already (the partnership's documents
name theirs per document) keep it. Every row must end with a publisher and a source quality.
"""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from etl import frames
from etl.errors import RawDataError, ValidationError

QUALITIES = ["official", "partnership_document", "press", "secondary_copy"]
_DURATION = re.compile(r"^P(?:(?P<y>\d+)Y)?(?:(?P<m>\d+)M)?(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?$")


def parse_duration(text: str) -> pd.DateOffset:
    """An ISO 8601 duration of whole years, months, weeks and days (``P1Y``, ``P6M``, ``P1Y6M``, ``P7D``)."""
    match = _DURATION.match(str(text or "").strip())
    if not match or not any(match.groupdict().values()):
        raise ValueError(f"not an ISO 8601 duration such as P1Y, P6M or P7D: {text!r}")
    n = {k: int(v or 0) for k, v in match.groupdict().items()}
    return pd.DateOffset(years=n["y"], months=n["m"], weeks=n["w"], days=n["d"])


def url_key(url: str) -> str:
    """``https://www.essen.de/a/b`` → ``essen.de/a/b`` (scheme, ``www.``, port and a trailing dot dropped)."""
    parts = urlsplit(str(url).strip())
    host = (parts.hostname or "").rstrip(".").lower()
    host = host[4:] if host.startswith("www.") else host
    return host + parts.path


def _matches(key: str, prefix: str) -> bool:
    host, _, path = key.partition("/")
    p_host, slash, p_path = prefix.partition("/")
    if not (host == p_host or host.endswith("." + p_host)):
        return False
    return not slash or path.startswith(p_path)


def publisher_for(url: str, publishers: pd.DataFrame) -> str | None:
    """The id of the publisher whose longest prefix matches ``url``, or None."""
    if not url:
        return None
    key = url_key(url)
    best, best_len = None, -1
    for pid, match in zip(publishers["id"], publishers["match"]):
        for prefix in filter(None, (m.strip() for m in str(match).split(";"))):
            if _matches(key, prefix) and len(prefix) > best_len:
                best, best_len = pid, len(prefix)
    return best


def assign(facts: pd.DataFrame, publishers: pd.DataFrame, metas: dict[str, dict]) -> pd.DataFrame:
    """Add ``publisher_id`` and ``source_quality`` to every fact row (computed once per distinct URL).

    Without a matching publisher the source's own ``publisher_id`` (source.yaml) is used; a row that
    ends with none is reported with its file, row and column."""
    quality = dict(zip(publishers["id"], publishers["quality"]))
    # Each choice is made once per distinct given publisher, URL and source (categories), then taken by
    # code: never a Python string per row.
    given = frames.as_category(facts["publisher_id"]) if "publisher_id" in facts else None
    urls = frames.as_category(facts["source_url"])
    sources = frames.as_category(facts["source_id"])
    candidates = {
        "given": [str(v) for v in given.cat.categories] if given is not None else [],
        "url": [publisher_for(u, publishers) or "" for u in urls.cat.categories],
        "fallback": [str(metas.get(s, {}).get("publisher_id") or "") for s in sources.cat.categories]}
    vocabulary = sorted({"", *(v for values in candidates.values() for v in values)})
    position = {v: i for i, v in enumerate(vocabulary)}
    empty = position[""]

    small = frames.code_dtype(len(vocabulary) + 1)     # one byte per row while choosing

    def codes(values: list[str], column) -> np.ndarray:
        if column is None:
            return np.full(len(facts), empty, dtype=small)
        lookup = np.array([position[v] for v in values] + [empty], dtype=small)   # code -1 → ""
        return lookup[column.cat.codes.to_numpy()]

    chosen_codes = codes(candidates["given"], given)
    for fallback in ("url", "fallback"):            # the URL's publisher, then the source's own
        unset = chosen_codes == empty
        if unset.any():
            chosen_codes[unset] = codes(candidates[fallback], urls if fallback == "url" else sources)[unset]
        del unset
    known = np.array([v != "" and v in quality for v in vocabulary])
    missing = ~known[chosen_codes]
    if missing.any():
        chosen = np.asarray(vocabulary, dtype=object)
        problems = []
        for i in np.flatnonzero(missing)[:20]:
            r = facts.iloc[i]
            value = chosen[chosen_codes[i]]
            what = (f"unknown publisher {value!r}" if value else
                    f"no publisher in data/reference/publishers.csv matches {r['source_url']!r} and the "
                    "source.yaml names no publisher_id")
            problems.append(f"{r['raw_file']}, row {r['raw_row']} (line {int(r['raw_row']) + 1}), "
                            f"column 'source_url': {what}")
        raise ValidationError(problems)
    publisher = pd.Series(frames.from_codes(chosen_codes, vocabulary), index=facts.index)
    publisher = frames.as_category(frames.without_unused(publisher))
    return facts.assign(publisher_id=publisher,
                        source_quality=frames.map_categories(publisher, quality))


def with_names(facts: pd.DataFrame, publishers: pd.DataFrame) -> pd.DataFrame:
    """``publisher_en``/``_de``/``_ja``: each row's publisher named in each language (for hovers and exports)."""
    names = publishers.set_index("id")
    return facts.assign(**{f"publisher_{lang}": frames.map_categories(facts["publisher_id"],
                                                                     names[f"name_{lang}"].to_dict())
                           for lang in ("en", "de", "ja")})


def check_meta(meta: dict, path) -> None:
    """``source_quality`` and ``update_cycle`` of a source.yaml."""
    if meta.get("source_quality") not in QUALITIES:
        raise RawDataError(path, f"source_quality {meta.get('source_quality')!r} is not one of {QUALITIES}",
                           column="source_quality")
    try:
        parse_duration(meta.get("update_cycle"))
    except ValueError as exc:
        raise RawDataError(path, str(exc), column="update_cycle") from None


def past_due(metas: dict[str, dict], latest: dict[str, pd.Timestamp], today: date | None = None) -> list[dict]:
    """Sources whose latest reference date + update cycle lies before ``today``."""
    today = pd.Timestamp(today or date.today())
    out = []
    for sid, meta in sorted(metas.items()):
        newest = latest.get(sid)
        if not meta.get("update_cycle") or newest is None or pd.isna(newest):
            continue
        due = pd.Timestamp(newest) + parse_duration(meta["update_cycle"])
        if due < today:
            out.append({"source_id": sid, "latest": pd.Timestamp(newest).date().isoformat(),
                        "update_cycle": meta["update_cycle"], "due": due.date().isoformat()})
    return out
