"""Memoise pure page functions per published dataset version (a new version starts a new cache)."""
from __future__ import annotations

import functools
import threading

import plotly.graph_objects as go


def _hashable(value):
    if isinstance(value, (list, tuple)):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    if isinstance(value, set):
        return tuple(sorted(value))
    return value


_CACHES: list = []


def _plain(result):
    if isinstance(result, go.Figure):
        return result.to_plotly_json()
    if isinstance(result, tuple):
        return tuple(_plain(r) for r in result)
    return result


def clear_all() -> None:
    """Forget every memoised result (tests that change the catalogues use this)."""
    for clear in _CACHES:
        clear()


def per_version(maxsize: int = 512):
    """Cache ``fn(dataset, *args)`` by (dataset.version, args). Figures are stored as plain dicts,
    which Dash serialises faster than figure objects and which no caller mutates."""

    def decorate(fn):
        lock = threading.Lock()
        store: dict = {}
        order: list = []

        @functools.wraps(fn)
        def wrapper(dataset, *args):
            key = (dataset.version, _hashable(args))
            hit = store.get(key)
            if hit is not None:
                return hit
            result = _plain(fn(dataset, *args))
            with lock:
                if key not in store:
                    store[key] = result
                    order.append(key)
                    while len(order) > maxsize:
                        store.pop(order.pop(0), None)
            return result

        wrapper.cache_clear = lambda: (store.clear(), order.clear())
        _CACHES.append(wrapper.cache_clear)
        return wrapper

    return decorate
