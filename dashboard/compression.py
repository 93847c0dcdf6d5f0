"""Keep compressed copies of the static files (JS bundles, CSS): compress plotly.js once, not per viewer."""
from __future__ import annotations

import threading

STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/")


def cache_key(request) -> str:
    return request.full_path if request.path.startswith(STATIC_PREFIXES) else ""


class StaticCompressionCache:
    """flask-compress cache backend that only ever stores static files (their URLs carry a version)."""

    def __init__(self) -> None:
        self._data: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def get(self, key: str):
        return self._data.get(key)

    def set(self, key: str, value: bytes) -> None:
        if key.split(";", 1)[-1]:
            with self._lock:
                self._data[key] = value
