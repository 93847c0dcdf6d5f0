"""The pinned axe-core package: exact version, integrity checked, a tampered cache is fetched again."""
from __future__ import annotations

import shutil

import pytest

from tests.browser import axe_package


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    if shutil.which("npm") is None:
        pytest.skip("npm is not installed")
    folder = tmp_path_factory.mktemp("axe-cache")
    axe_package.axe_source(folder)
    return folder


def test_the_pinned_version_is_fetched_and_verified(cache):
    tarball = cache / axe_package.TARBALL
    assert axe_package.integrity(tarball) == axe_package.AXE_INTEGRITY
    source = axe_package.axe_source(cache)
    assert source.startswith(f"/*! axe v{axe_package.AXE_VERSION}\n")


def test_a_tampered_cache_is_not_trusted(cache):
    tarball = cache / axe_package.TARBALL
    tarball.write_bytes(tarball.read_bytes()[:-100])
    assert axe_package.integrity(tarball) != axe_package.AXE_INTEGRITY
    source = axe_package.axe_source(cache)                       # fetched again, verified
    assert axe_package.integrity(tarball) == axe_package.AXE_INTEGRITY and "axe" in source
