"""SDMX-JSON 1.0 data messages (ECB Data Portal ``format=jsondata``): one series, its observations.

Series and observation keys are indexes into ``structure.dimensions``: ``"0:0:0:0:0"`` names the
value of each series dimension, observation ``"12"`` the 13th TIME_PERIOD; an observation is
``[value, attribute indexes …]``.
"""
from __future__ import annotations

from etl.errors import RawDataError


def read_series(message: dict, where: str) -> tuple[dict[str, str], list[tuple[str, float | None]]]:
    """``({dimension id: value id}, [(TIME_PERIOD, value), …])`` of the message's only series."""
    try:
        structure = message["structure"]["dimensions"]
        series_dims = structure["series"]
        periods = next(d for d in structure["observation"] if d["id"] == "TIME_PERIOD")["values"]
        series = message["dataSets"][0]["series"]
    except (KeyError, IndexError, TypeError, StopIteration) as exc:
        raise RawDataError(where, f"not an SDMX-JSON data message: missing {exc}") from None
    if len(series) != 1:
        raise RawDataError(where, f"expected one series, found {len(series)}")
    (key, body), = series.items()
    try:
        codes = {d["id"]: d["values"][int(i)]["id"] for d, i in zip(series_dims, key.split(":"))}
        observations = [(periods[int(i)]["id"], None if obs[0] is None else float(obs[0]))
                        for i, obs in sorted(body["observations"].items(), key=lambda kv: int(kv[0]))]
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise RawDataError(where, f"series {key!r} does not match its structure ({exc!r})") from None
    return codes, observations
