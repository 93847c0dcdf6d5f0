"""e-Stat API (政府統計の総合窓口): ``GET {base}json/getStatsData?appId=…&statsDataId=…``.

The application ID travels as a query parameter: it is redacted from every URL shown or recorded.
Errors come with HTTP 200 and ``GET_STATS_DATA.RESULT.STATUS`` ≠ 0 (``ERROR_MSG`` says why); more
rows than one answer holds are announced by ``RESULT_INF.NEXT_KEY`` (the next ``startPosition``).
Every page is kept as received (the server writes non-ASCII text as ``\\uXXXX``).
"""
from __future__ import annotations

import json
from pathlib import Path

from etl.fetch import settings
from etl.fetch.errors import MalformedResponse, ServiceError
from etl.fetch.http import Client

SERVICE = settings.HOSTS["estat"].label
MAX_PAGES = 50


def label(spec: dict) -> str:
    return SERVICE


def check_credentials(spec: dict) -> None:
    settings.estat_app_id()


def check_page(body: bytes, url: str) -> int | None:
    """The NEXT_KEY of a getStatsData answer (None on the last page), or the fetch error."""
    try:
        answer = json.loads(body.decode("utf-8"))
        data = answer["GET_STATS_DATA"]
        result = data["RESULT"]
        status = int(result["STATUS"])
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise MalformedResponse(SERVICE, url, f"not a getStatsData answer ({type(exc).__name__}: {exc})") from None
    if status != 0:
        raise ServiceError(SERVICE, url, f"STATUS {status}: {result.get('ERROR_MSG', '')}")
    try:
        statistical = data["STATISTICAL_DATA"]
        values = statistical["DATA_INF"]["VALUE"]
        next_key = statistical["RESULT_INF"].get("NEXT_KEY")
    except (KeyError, TypeError) as exc:
        raise MalformedResponse(SERVICE, url, f"no {exc} in the answer (schema drift?)") from None
    if not isinstance(values, (dict, list)):
        raise MalformedResponse(SERVICE, url, "DATA_INF.VALUE is neither an object nor a list")
    return int(next_key) if next_key not in (None, "") else None


def fetch(spec: dict, dest: Path, progress=None) -> dict:
    app_id = settings.estat_app_id()
    url = f"{settings.base_url('estat')}json/getStatsData"
    params = {"statsDataId": str(spec["stats_data_id"]), **{k: str(v) for k, v in (spec.get("query") or {}).items()}}
    client = Client(SERVICE, progress)
    files, position = [], 1
    while True:
        download = client.get(url, params={"appId": app_id, **params, "startPosition": str(position)})
        next_key = check_page(download.body, download.url)
        name = f"{spec['stats_data_id']}_p{len(files) + 1}.json"
        (Path(dest) / name).write_bytes(download.body)
        files.append(name)
        if next_key is None:
            break
        if len(files) >= MAX_PAGES or next_key <= position:
            raise MalformedResponse(SERVICE, download.url, f"paging does not end (NEXT_KEY {next_key})")
        position = next_key
    record = download.record(params)
    record["pages"] = len(files)
    record["files"] = files
    return record
