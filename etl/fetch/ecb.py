"""ECB Data Portal (SDMX 2.1 REST): euro foreign exchange reference rates (dataflow EXR).

``GET {base}data/EXR/{series}?startPeriod=…&format=jsondata`` — no key needed. The answer is
SDMX-JSON; an unknown series is HTTP 404, other errors are HTTP 4xx/5xx with a short text body.
"""
from __future__ import annotations

import json
from pathlib import Path

from etl.errors import RawDataError
from etl.extract.sdmx_json import read_series
from etl.fetch import settings
from etl.fetch.errors import MalformedResponse
from etl.fetch.http import Client

SERVICE = settings.HOSTS["ecb"].label


def label(spec: dict) -> str:
    return SERVICE


def fetch(spec: dict, dest: Path, progress=None) -> dict:
    url = f"{settings.base_url('ecb')}data/{spec.get('flow', 'EXR')}/{spec['series']}"
    params = {"format": "jsondata", **{k: str(v) for k, v in (spec.get("query") or {}).items()}}
    download = Client(SERVICE, progress).get(url, params=params, headers={"Accept": "application/json"})
    try:
        read_series(json.loads(download.body.decode("utf-8")), download.url)
    except (UnicodeDecodeError, ValueError) as exc:
        raise MalformedResponse(SERVICE, download.url, f"not SDMX-JSON ({exc})") from None
    except RawDataError as exc:
        raise MalformedResponse(SERVICE, download.url, exc.message) from None
    (Path(dest) / spec["file"]).write_bytes(download.body)
    return download.record(params)
