"""``/healthz`` (the process answers) and ``/readyz`` (a dataset is served) for load balancers and monitoring.

Both are answered by a small WSGI layer in front of the Flask app: no page routing, no compression, no
session, no template — a few hundred bytes of JSON, cheap enough to be polled every second.

``/readyz`` answers 200 while a dataset is served (``status`` ``ok``, or ``degraded`` when ``current`` could
not be read and the last good version is served instead) and 503 when no dataset is readable::

    {"status": "ok", "version": "20261130T052000Z-1a2b3c4d", "published_at": "2026-11-30T05:20:00+00:00",
     "age_seconds": 4242, "stale_sources": [], "error": null, "loaded_at": "2026-11-30T05:20:01.234+00:00"}

``loaded_at`` is when the answering process loaded the version it serves (each worker has its own copy).
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from functools import lru_cache

import pandas as pd

from dashboard import data

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
STALE_DAYS = 365   # a source last accessed longer ago than this is reported as stale


@lru_cache(maxsize=4)
def _stale_sources(version: str, accessed: tuple, today: str) -> list[str]:
    limit = pd.Timestamp(today) - pd.Timedelta(days=STALE_DAYS)
    out = []
    for source_id, value in accessed:
        when = pd.to_datetime(value, errors="coerce")
        if not pd.isna(when) and when < limit:   # undated rows (derived figures) are not fetched sources
            out.append(source_id)
    return sorted(out)


def stale_sources(dataset, now: datetime | None = None) -> list[str]:
    """Ids of the sources whose data was last accessed more than ``STALE_DAYS`` ago."""
    now = now or datetime.now(timezone.utc)
    sources = dataset.sources
    accessed = tuple(zip(sources["id"], sources["accessed"].astype(str))) if "accessed" in sources else ()
    return _stale_sources(dataset.version, accessed, now.date().isoformat())


def readiness(now: datetime | None = None) -> tuple[int, dict]:
    """HTTP status and body of ``/readyz``."""
    now = now or datetime.now(timezone.utc)
    state = data.status()
    try:
        dataset = data.current()
    except data.NoDataset:
        return 503, {"status": "unavailable", "version": None, "published_at": None, "age_seconds": None,
                     "stale_sources": [], "error": state.error or "no dataset published",
                     "hint": f"run `{data.PUBLISH_COMMAND}`"}
    created = dataset.manifest.get("created")
    age = None
    if created:
        try:
            age = int((now - datetime.fromisoformat(created)).total_seconds())
        except (TypeError, ValueError):
            age = None
    loaded = datetime.fromtimestamp(state.loaded, timezone.utc).isoformat(timespec="milliseconds") \
        if state.loaded else None
    return 200, {"status": "degraded" if state.error else "ok", "version": dataset.version,
                 "published_at": created, "age_seconds": age, "stale_sources": stale_sources(dataset, now),
                 "error": state.error, "loaded_at": loaded}


class HealthMiddleware:
    """WSGI: answers the two health paths itself, passes everything else to the app."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path not in (HEALTH_PATH, READY_PATH):
            return self.app(environ, start_response)
        if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            return self._answer(start_response, 405, {"error": "method not allowed"}, environ)
        if path == HEALTH_PATH:
            return self._answer(start_response, 200, {"status": "alive"}, environ)
        code, body = readiness()
        return self._answer(start_response, code, body, environ)

    @staticmethod
    def _answer(start_response, code: int, body: dict, environ) -> list[bytes]:
        payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
        reason = {200: "OK", 405: "Method Not Allowed", 503: "Service Unavailable"}[code]
        start_response(f"{code} {reason}", [
            ("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(payload))),
            ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff")])
        return [] if environ.get("REQUEST_METHOD") == "HEAD" else [payload]


def install(server) -> None:
    """Put the health layer in front of a Flask server's WSGI app."""
    server.wsgi_app = HealthMiddleware(server.wsgi_app)
