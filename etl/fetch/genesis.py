"""GENESIS web service (REST 2020): regionalstatistik.de, GENESIS-Online (Destatis) and the like.

``POST {base}data/tablefile`` with the credentials in the ``username``/``password`` headers and the
table's form parameters. Success is a zip (``application/zip``) holding one flat CSV (``ffcsv``);
failures come as HTTP 200 with a JSON status body instead::

    {"Status": {"Code": 98, "Content": "Die Tabelle ist zu gross …", "Type": "Fehler"}, …}

Codes handled: 0/22 (success: only with a zip), 98 (too large: ask again as a background job,
``job=true``), 99 (job created: poll ``data/resultfile`` under the job's name while the answer is 104),
104 (no objects: the table does not exist), -1 and any other ``Fehler`` (service error).
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

from etl.errors import RawDataError
from etl.extract.genesis_flat import read_flat
from etl.fetch import settings
from etl.settings import settings as etl_settings
from etl.fetch.errors import MalformedResponse, ServiceError
from etl.fetch.http import Client, Download

SERVICE = "GENESIS"
DEFAULT_FORM = {"area": "all", "format": "ffcsv", "language": "de", "job": "false"}
JOB_NAME = re.compile(r"([0-9A-Za-z-]+_\d+)\s*$")


def label(spec: dict) -> str:
    return settings.HOSTS[spec.get("host", "regionalstatistik")].label


def check_credentials(spec: dict) -> None:
    settings.genesis_credentials(spec.get("host", "regionalstatistik"))


def _status(download: Download, service: str) -> dict:
    try:
        body = json.loads(download.body.decode("utf-8"))
        status = body["Status"]
        return {"Code": int(status["Code"]), "Content": str(status.get("Content", "")),
                "Type": str(status.get("Type", ""))}
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise MalformedResponse(service, download.url, f"neither a zip nor a GENESIS status body "
                                f"(Content-Type {download.content_type or 'missing'!r})") from None


def _is_zip(download: Download) -> bool:
    return download.body[:4] == b"PK\x03\x04" or "zip" in download.content_type.lower()


def _service_error(service: str, url: str, status: dict) -> ServiceError:
    return ServiceError(service, url, f"status {status['Code']} ({status['Type'] or 'no type'}): "
                                      f"{status['Content'].strip()}")


def fetch(spec: dict, dest: Path, progress=None) -> dict:
    """Download ``spec['table']`` into ``dest / spec['file']``; return the request record."""
    host = spec.get("host", "regionalstatistik")
    service = label(spec)
    user, password = settings.genesis_credentials(host)
    base = settings.base_url(host)
    client = Client(service, progress)
    headers = {"username": user, "password": password}
    form = {**DEFAULT_FORM, **{k: str(v) for k, v in (spec.get("query") or {}).items()}, "name": spec["table"]}
    url = base + spec.get("method", "data/tablefile")
    download = client.post(url, data=form, headers=headers)
    if not _is_zip(download):
        status = _status(download, service)
        if status["Code"] == 98:                        # too large for a dialog request: run it as a job
            form = {**form, "job": "true"}
            download = client.post(url, data=form, headers=headers)
            status = {"Code": 0} if _is_zip(download) else _status(download, service)
        if status["Code"] == 99:
            download = _poll_job(client, base, status, form, headers, service, download.url)
        elif not _is_zip(download):
            raise _service_error(service, download.url, status)
    try:
        read_flat(download.body, download.url, [])
    except RawDataError as exc:
        raise MalformedResponse(service, download.url, exc.message) from None
    (Path(dest) / spec["file"]).write_bytes(download.body)
    return download.record(form)


def _poll_job(client: Client, base: str, status: dict, form: dict, headers: dict, service: str,
              url: str) -> Download:
    match = JOB_NAME.search(status["Content"])
    if not match:
        raise MalformedResponse(service, url, f"job created but no result name in {status['Content']!r}")
    name = match.group(1)
    polls, wait = etl_settings().genesis_polls, etl_settings().genesis_poll_seconds
    result_form = {"name": name, "area": "user", "format": form.get("format", "ffcsv"),
                   "language": form.get("language", "de")}
    for _ in range(max(polls, 1)):
        time.sleep(wait)
        download = client.post(base + "data/resultfile", data=result_form, headers=headers)
        if _is_zip(download):
            return download
        answer = _status(download, service)
        if answer["Code"] != 104:                       # 104: the result is not ready yet
            raise _service_error(service, download.url, answer)
    raise ServiceError(service, base + "data/resultfile", f"background job {name} not ready after {polls} polls",
                       "run the fetch again later: the job's result stays on the server for a while")
