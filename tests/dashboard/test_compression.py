"""Static files are compressed hard once and kept; dynamic responses are never kept."""
import pytest
from flask_compress.compat import compression

from dashboard.compression import StaticCompressionCache, stronger

try:
    import brotli
except ImportError:  # pragma: no cover
    import brotlicffi as brotli

BODY = b"".join(b"function f%d(a,b){return a*%d+b;}\n" % (i, i % 97) for i in range(20000))
FAST = {"zstd": lambda d: compression.zstd.compress(d, 1), "br": lambda d: brotli.compress(d, quality=1),
        "gzip": lambda d: compression.gzip.compress(d, 1), "deflate": lambda d: compression.zlib.compress(d, 1)}
DECOMPRESS = {"zstd": compression.zstd.decompress, "br": brotli.decompress, "gzip": compression.gzip.decompress,
              "deflate": compression.zlib.decompress}


@pytest.mark.parametrize("algorithm", sorted(FAST))
def test_a_static_file_is_kept_smaller_with_the_same_content(algorithm):
    cache = StaticCompressionCache()
    fast = FAST[algorithm](BODY)
    cache.set(f"{algorithm};/_dash-component-suites/x.js?v=1", fast)
    kept = cache.get(f"{algorithm};/_dash-component-suites/x.js?v=1")
    assert len(kept) < len(fast) and DECOMPRESS[algorithm](kept) == BODY
    cache.set(f"{algorithm};/_dash-component-suites/x.js?v=1", b"another body")  # a hit set again: unchanged
    assert cache.get(f"{algorithm};/_dash-component-suites/x.js?v=1") == kept


def test_dynamic_responses_are_never_kept():
    cache = StaticCompressionCache()
    cache.set("zstd;", FAST["zstd"](BODY))
    assert cache.get("zstd;") is None


def test_a_body_that_does_not_decompress_is_kept_as_it_came():
    cache = StaticCompressionCache()
    cache.set("br;/assets/app.css", b"not brotli")
    assert cache.get("br;/assets/app.css") == b"not brotli"
    assert stronger("identity", b"x") == b"x"
