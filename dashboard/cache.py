"""Memoise pure page functions per published dataset version (a new version starts a new cache).

Both caches are cachetools LRU caches behind a lock, so several threads of one worker share them safely;
``None`` and empty results are cached like any other (a gap is an answer, not a miss)."""
from __future__ import annotations

import functools
import threading
from typing import Callable, Hashable

import plotly.graph_objects as go
from cachetools import LRUCache, cached
from cachetools.keys import hashkey


def _hashable(value):
    if isinstance(value, (list, tuple)):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    if isinstance(value, set):
        return tuple(sorted(value))
    return value


_CACHES: list[Callable[[], None]] = []


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
    """Cache ``fn(dataset, *args)`` by (dataset.version, args), least recently used out first. Figures are
    stored as plain dicts, which Dash serialises faster than figure objects and which no caller mutates."""

    def decorate(fn):
        memo = cached(LRUCache(maxsize), key=lambda dataset, *args: hashkey(dataset.version, *_hashable(args)),
                      lock=threading.Lock())(lambda dataset, *args: _plain(fn(dataset, *args)))
        wrapper = functools.wraps(fn)(lambda dataset, *args: memo(dataset, *args))
        wrapper.cache = memo.cache
        wrapper.cache_clear = memo.cache_clear
        _CACHES.append(memo.cache_clear)
        return wrapper

    return decorate


def keyed(maxsize: int) -> Callable[[Hashable, Callable], object]:
    """``get(key, build)``: the value cached under ``key``, else ``build()`` stored under it (LRU, locked).
    ``build`` runs outside the lock, so a slow figure never blocks readers of other keys."""
    cache: LRUCache = LRUCache(maxsize)
    lock = threading.Lock()

    def get(key: Hashable, build: Callable):
        with lock:
            if key in cache:
                return cache[key]
        value = build()
        with lock:
            return cache.setdefault(key, value)

    get.cache = cache
    get.cache_clear = lambda: cache.clear()  # type: ignore[attr-defined]
    _CACHES.append(get.cache_clear)
    return get
