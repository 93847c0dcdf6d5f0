"""source.yaml checks (pydantic): a missing or empty key, a bad priority or a file entry without a name is
named by file and key; a good source.yaml comes back as it was written."""
from __future__ import annotations

import pytest
import yaml

from etl.catalogues import read_source_meta
from etl.errors import RawDataError

GOOD = {"id": "demo", "publisher": "Stadt Essen", "title": "Demo", "licence": {"facts": "cited"},
        "accessed": "2026-11-29", "obtained": "transcribed by hand", "priority": 2,
        "files": [{"name": "demo.csv", "sha256": "0" * 64}], "gaps": []}


def write(tmp_path, **changes):
    folder = tmp_path / "demo"
    folder.mkdir(exist_ok=True)
    meta = {**GOOD, **changes}
    meta = {k: v for k, v in meta.items() if v is not KeyError}
    (folder / "source.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    return folder


def test_a_good_source_yaml_comes_back_unchanged(tmp_path):
    assert read_source_meta(write(tmp_path)) == GOOD


@pytest.mark.parametrize("changes, column, expected", [
    ({"publisher": KeyError}, "publisher", "key 'publisher' is missing or empty"),
    ({"licence": ""}, "licence", "key 'licence' is missing or empty"),
    ({"files": []}, "files", "key 'files' is missing or empty"),
    ({"priority": "high"}, "priority", "key 'priority': Input should be a valid integer"),
    ({"files": [{"sha256": "0"}]}, "files", "key 'files.0.name'"),
    ({"id": "other"}, "id", "id 'other' differs from the folder name 'demo'"),
])
def test_problems_name_the_file_and_the_key(tmp_path, changes, column, expected):
    with pytest.raises(RawDataError) as info:
        read_source_meta(write(tmp_path, **changes))
    assert info.value.column == column and expected in str(info.value)
    assert "demo/source.yaml" in str(info.value)


def test_a_source_declared_for_fetch_may_have_no_files_yet(tmp_path):
    meta = read_source_meta(write(tmp_path, files=[], fetch={"service": "genesis"}))
    assert meta["files"] == []
