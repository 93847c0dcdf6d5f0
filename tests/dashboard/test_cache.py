"""The per-version caches: a gap (None) is cached like any value, least recently used goes first, a new dataset
version starts afresh, and many threads at once neither corrupt the cache nor lose an entry."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

from dashboard import cache


def test_none_is_cached_and_a_new_version_misses():
    calls = []

    @cache.per_version(maxsize=4)
    def gap(dataset, indicator):
        calls.append((dataset.version, indicator))
        return None

    v1, v2 = SimpleNamespace(version="v1"), SimpleNamespace(version="v2")
    assert gap(v1, "gdp") is None and gap(v1, "gdp") is None
    assert calls == [("v1", "gdp")]
    gap(v2, "gdp")
    assert calls == [("v1", "gdp"), ("v2", "gdp")]
    cache.clear_all()
    gap(v1, "gdp")
    assert len(calls) == 3


def test_least_recently_used_goes_first():
    get = cache.keyed(2)
    get("a", lambda: 1)
    get("b", lambda: 2)
    get("a", lambda: 0)              # touch a
    get("c", lambda: 3)              # evicts b, not a
    assert set(get.cache) == {"a", "c"}


def test_threads_share_one_cache_safely():
    get = cache.keyed(64)
    barrier = threading.Barrier(16)
    builds = []

    def build(key):
        builds.append(key)
        return {"key": key}

    def work(i):
        barrier.wait()
        return [get(k, lambda k=k: build(k))["key"] for k in range(32)]

    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(work, range(16)))
    assert all(r == list(range(32)) for r in results)
    assert len(get.cache) == 32
    # every thread sees one stored value per key, even when two built it at the same moment
    stored = {k: get(k, lambda: None) for k in range(32)}
    assert all(stored[k] is get(k, lambda: None) for k in range(32))
