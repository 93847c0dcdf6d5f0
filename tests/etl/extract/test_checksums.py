"""etl.extract.checksums: sha256 of raw files against source.yaml."""
from __future__ import annotations

import hashlib

import pytest

from etl.errors import ChecksumError, RawDataError
from etl.extract.checksums import sha256_of, verify


def test_sha256_of_matches_hashlib(tmp_path):
    path = tmp_path / "f.bin"
    data = bytes(range(256)) * 9000  # more than one 1 MiB block
    path.write_bytes(data)
    assert sha256_of(path) == hashlib.sha256(data).hexdigest()


def test_verify_returns_the_checksums(tmp_path):
    (tmp_path / "a.csv").write_bytes(b"x,y\n1,2\n")
    digest = hashlib.sha256(b"x,y\n1,2\n").hexdigest()
    assert verify(tmp_path, [{"name": "a.csv", "sha256": digest}]) == {"a.csv": digest}
    # recorded in upper case is the same checksum
    assert verify(tmp_path, [{"name": "a.csv", "sha256": digest.upper()}]) == {"a.csv": digest}


def test_changed_file_raises_checksum_error_naming_the_file(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"x,y\n1,2\n")
    recorded = hashlib.sha256(b"x,y\n1,2\n").hexdigest()
    path.write_bytes(b"x,y\n1,3\n")
    with pytest.raises(ChecksumError) as err:
        verify(tmp_path, [{"name": "a.csv", "sha256": recorded}])
    assert str(path) in str(err.value)
    assert "checksum changed" in str(err.value)
    assert recorded[:12] in str(err.value)
    assert err.value.exit_code == 3


def test_missing_checksum_counts_as_changed(tmp_path):
    (tmp_path / "a.csv").write_bytes(b"x")
    with pytest.raises(ChecksumError):
        verify(tmp_path, [{"name": "a.csv"}])


def test_listed_file_missing(tmp_path):
    with pytest.raises(RawDataError, match="listed in source.yaml but missing"):
        verify(tmp_path, [{"name": "gone.csv", "sha256": "0" * 64}])


def test_every_real_raw_file_matches_its_source_yaml(real_raw):
    import yaml

    metas = sorted(real_raw.glob("*/source.yaml"))
    assert len(metas) >= 13
    for meta_path in metas:
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
        if meta.get("fetch") and meta["files"] == []:     # declared for `etl fetch`, not fetched yet
            continue
        assert verify(meta_path.parent, meta["files"])
