"""World Bank Indicators API v2: ``GET {base}country/{countries}/indicator/{id}?format=json``.

The answer is ``[{page, pages, per_page, total, …}, [row, …]]``; every page is kept as received
(one file per page). Errors come with HTTP 200 as ``[{"message": [{"id", "key", "value"}]}]``.
"""
from __future__ import annotations

import json
from pathlib import Path

from etl.fetch import settings
from etl.fetch.errors import MalformedResponse, ServiceError
from etl.fetch.http import Client

SERVICE = settings.HOSTS["worldbank"].label
MAX_PAGES = 50


def label(spec: dict) -> str:
    return SERVICE


def page_file(spec: dict, page: int) -> str:
    return f"{spec['indicator']}_p{page}.json"


def check_page(body: bytes, url: str) -> dict:
    """The page header of a v2 answer; ServiceError for an error body, MalformedResponse otherwise."""
    try:
        answer = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise MalformedResponse(SERVICE, url, f"not JSON ({exc})") from None
    if isinstance(answer, list) and answer and isinstance(answer[0], dict) and "message" in answer[0]:
        messages = answer[0]["message"] or [{}]
        text = "; ".join(f"{m.get('id', '?')} {m.get('key', '')}: {m.get('value', '')}".strip() for m in messages)
        raise ServiceError(SERVICE, url, f"error {text}")
    if not (isinstance(answer, list) and len(answer) == 2 and isinstance(answer[0], dict)
            and isinstance(answer[1], (list, type(None)))):
        raise MalformedResponse(SERVICE, url, "expected [page header, rows] (schema drift?)")
    header = answer[0]
    try:
        header = {"page": int(header["page"]), "pages": int(header["pages"])}
    except (KeyError, TypeError, ValueError):
        raise MalformedResponse(SERVICE, url, f"page header without page/pages: {answer[0]}") from None
    for row in answer[1] or []:
        missing = {"countryiso3code", "date", "value", "indicator"} - set(row)
        if missing:
            raise MalformedResponse(SERVICE, url, f"row without {sorted(missing)} (schema drift?)")
    return header


def fetch(spec: dict, dest: Path, progress=None) -> dict:
    url = f"{settings.base_url('worldbank')}country/{spec['countries']}/indicator/{spec['indicator']}"
    client = Client(SERVICE, progress)
    params = {"format": "json", "per_page": "1000", **{k: str(v) for k, v in (spec.get("query") or {}).items()}}
    files, page, pages = [], 1, 1
    while page <= pages:
        download = client.get(url, params={**params, "page": str(page)})
        header = check_page(download.body, download.url)
        pages = header["pages"]
        if pages > MAX_PAGES:
            raise MalformedResponse(SERVICE, download.url, f"{pages} pages: more than {MAX_PAGES}; narrow the query")
        name = page_file(spec, page)
        (Path(dest) / name).write_bytes(download.body)
        files.append(name)
        page += 1
    record = download.record(params)
    record["pages"] = len(files)
    record["files"] = files
    return record
