"""The GENESIS flat-file (ffcsv zip) reader: the recorded table, and damaged or drifted files."""
import io
import zipfile
from pathlib import Path

import pytest

from etl.errors import RawDataError
from etl.extract.genesis_flat import read_flat, read_flat_file, select

ZIP = Path(__file__).resolve().parents[3] / "data" / "raw" / "regionalstatistik_population" / "12411-01-01-4_de_flat.zip"
COLUMNS = ["1_variable_attribute_code", "2_variable_attribute_code"]


def _zip(text: str, name: str = "t_flat.csv", bom: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return buffer.getvalue()


def test_recorded_table_has_every_kreis_by_sex():
    frame = read_flat_file(ZIP, COLUMNS)
    assert len(frame) == 1467
    essen = select(frame, {"1_variable_attribute_code": "05113"})
    assert dict(zip(essen["2_variable_attribute_code"], essen["value"])) == {
        "GESM": "279666", "GESW": "295016", "": "574682"}
    assert set(frame["time"]) == {"2024-12-31"}


def test_truncated_zip_is_named():
    data = ZIP.read_bytes()
    with pytest.raises(RawDataError, match="not a readable zip archive"):
        read_flat(data[: len(data) // 2], "download.zip", COLUMNS)


def test_renamed_column_is_schema_drift():
    text = ZIP.read_bytes()
    with zipfile.ZipFile(io.BytesIO(text)) as archive:
        csv = archive.read(archive.namelist()[0]).decode("utf-8-sig")
    drifted = _zip(csv.replace("1_variable_attribute_code", "1_variable_attribute_key", 1))
    with pytest.raises(RawDataError, match="schema drift") as info:
        read_flat(drifted, "download.zip", COLUMNS)
    assert info.value.column == "1_variable_attribute_code"


def test_short_row_is_named_with_its_row():
    header = "statistics_code;time_code;time;value;value_unit;value_variable_code\n"
    with pytest.raises(RawDataError) as info:
        read_flat(_zip(header + "12411;STAG;2024-12-31;1;Anzahl;BEVSTD\n12411;STAG\n"), "x.zip", [])
    assert info.value.row == 2


def test_missing_bom_and_two_members_are_refused():
    header = "statistics_code;time_code;time;value;value_unit;value_variable_code\n12411;STAG;2024-12-31;1;Anzahl;B\n"
    with pytest.raises(RawDataError, match="byte-order mark"):
        read_flat(_zip(header, bom=False), "x.zip", [])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.csv", "x")
        archive.writestr("b.csv", "y")
    with pytest.raises(RawDataError, match="exactly one CSV"):
        read_flat(buffer.getvalue(), "x.zip", [])
