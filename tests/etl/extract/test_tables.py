"""etl.extract.tables.read_table: encodings, delimiters, required columns, truncated lines."""
from __future__ import annotations

import pytest

from etl.errors import RawDataError
from etl.extract.tables import read_table

JP_TEXT = ("基準日,種別,人口,採用,出典,備考\n"
           "令和2年10月1日,国勢調査,\"327,692\",,http://www.fksm.jp/youran/population.html,国勢調査 R2\n"
           "令和5年4月1日,推計人口,\"322,515\",,https://www.minyu-net.com/,推計人口\n")
JP_COLUMNS = ["基準日", "種別", "人口", "採用", "出典", "備考"]
DE_TEXT = ("Stichtag;Einwohner;Bevorzugt;Quelle;Anmerkung\n"
           "31.12.2022;593.489;;https://essen.de/;\"Hauptwohnsitz; Stadt Essen\"\n"
           "31.12.2023;595.908;;https://essen.de/;\n")
DE_COLUMNS = ["Stichtag", "Einwohner", "Bevorzugt", "Quelle", "Anmerkung"]


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_cp932_file_is_read(tmp_path):
    path = write(tmp_path, "jinko.csv", JP_TEXT.encode("cp932"))
    table = read_table(path, encoding="cp932", delimiter=",", columns=JP_COLUMNS)
    assert list(table.columns) == [*JP_COLUMNS, "_row"]
    assert table.loc[0, "基準日"] == "令和2年10月1日"
    assert table.loc[0, "人口"] == "327,692"
    assert table["_row"].tolist() == [1, 2]


def test_same_content_saved_as_utf8_fails_naming_the_file(tmp_path):
    path = write(tmp_path, "jinko.csv", JP_TEXT.encode("utf-8"))
    with pytest.raises(RawDataError) as err:
        read_table(path, encoding="cp932", delimiter=",", columns=JP_COLUMNS)
    message = str(err.value)
    assert str(path) in message
    assert "cp932" in message and "encoding" in message
    assert err.value.file == str(path)


def test_utf8_without_bom_where_bom_expected_fails(tmp_path):
    path = write(tmp_path, "einwohner.csv", DE_TEXT.encode("utf-8"))
    with pytest.raises(RawDataError, match="byte-order mark") as err:
        read_table(path, encoding="utf-8-sig", delimiter=";", columns=DE_COLUMNS)
    assert str(path) in str(err.value)


def test_utf8_with_bom_is_read_and_the_bom_is_not_part_of_the_header(tmp_path):
    path = write(tmp_path, "einwohner.csv", DE_TEXT.encode("utf-8-sig"))
    table = read_table(path, encoding="utf-8-sig", delimiter=";", columns=DE_COLUMNS)
    assert table.loc[0, "Stichtag"] == "31.12.2022"
    assert table.loc[0, "Anmerkung"] == "Hauptwohnsitz; Stadt Essen"  # quoted delimiter kept
    assert table.loc[1, "Anmerkung"] == ""


def test_cp932_bytes_where_utf8_expected_name_file_and_row(tmp_path):
    text = "area,note\nessen,ok\nkoriyama,郡山市\n"
    path = write(tmp_path, "t.csv", text.encode("cp932"))
    with pytest.raises(RawDataError) as err:
        read_table(path, encoding="utf-8", delimiter=",", columns=["area", "note"])
    assert err.value.row == 2
    assert str(path) in str(err.value) and "row 2" in str(err.value)


def test_missing_column_is_named(tmp_path):
    path = write(tmp_path, "t.csv", "Stichtag;Bevorzugt;Quelle;Anmerkung\n31.12.2022;;;\n".encode("utf-8-sig"))
    with pytest.raises(RawDataError) as err:
        read_table(path, encoding="utf-8-sig", delimiter=";", columns=DE_COLUMNS)
    assert err.value.column == "Einwohner"
    assert "column 'Einwohner'" in str(err.value)


def test_renamed_column_is_named_with_the_unexpected_one(tmp_path):
    text = DE_TEXT.replace("Einwohner;", "Bevölkerung;", 1)
    path = write(tmp_path, "t.csv", text.encode("utf-8-sig"))
    with pytest.raises(RawDataError) as err:
        read_table(path, encoding="utf-8-sig", delimiter=";", columns=DE_COLUMNS)
    assert err.value.column == "Einwohner"
    assert "Bevölkerung" in str(err.value)


def test_duplicate_header_column(tmp_path):
    path = write(tmp_path, "t.csv", b"a,b,a\n1,2,3\n")
    with pytest.raises(RawDataError, match="column appears twice") as err:
        read_table(path, encoding="utf-8", delimiter=",", columns=["a", "b"])
    assert err.value.column == "a"


@pytest.mark.parametrize("line", ["31.12.2023;595.908;", "31.12.2023;595.908;;https://essen.de/;;extra"])
def test_line_with_wrong_number_of_fields_names_row(tmp_path, line):
    text = DE_TEXT.rsplit("\n", 2)[0] + "\n" + line + "\n"
    path = write(tmp_path, "t.csv", text.encode("utf-8-sig"))
    with pytest.raises(RawDataError, match="fields, the header has 5") as err:
        read_table(path, encoding="utf-8-sig", delimiter=";", columns=DE_COLUMNS)
    assert err.value.row == 2
    assert "row 2 (line 3)" in str(err.value)


def test_file_truncated_inside_a_quoted_field(tmp_path):
    data = DE_TEXT.encode("utf-8-sig")
    cut = data.index(b"Hauptwohnsitz") + 5
    path = write(tmp_path, "t.csv", data[:cut])
    with pytest.raises(RawDataError, match="malformed CSV") as err:
        read_table(path, encoding="utf-8-sig", delimiter=";", columns=DE_COLUMNS)
    assert err.value.row == 1


def test_cp932_file_truncated_inside_a_character(tmp_path):
    data = JP_TEXT.encode("cp932")
    cut = data.index("推計人口".encode("cp932")) + 1  # half of a double-byte character
    path = write(tmp_path, "t.csv", data[:cut])
    with pytest.raises(RawDataError, match="cannot be decoded as cp932") as err:
        read_table(path, encoding="cp932", delimiter=",", columns=JP_COLUMNS)
    assert err.value.row == 2


def test_blank_lines_are_skipped_and_rows_keep_their_line_numbers(tmp_path):
    path = write(tmp_path, "t.csv", b"a,b\n1,2\n\n3,4\n")
    table = read_table(path, encoding="utf-8", delimiter=",", columns=["a", "b"])
    assert table["_row"].tolist() == [1, 3]
    assert table["b"].tolist() == ["2", "4"]


def test_cells_are_stripped_and_extra_columns_dropped(tmp_path):
    path = write(tmp_path, "t.csv", b" a , b ,c\n 1 , x ,9\n")
    table = read_table(path, encoding="utf-8", delimiter=",", columns=["b", "a"])
    assert list(table.columns) == ["b", "a", "_row"]
    assert table.iloc[0].tolist() == ["x", "1", 1]


@pytest.mark.parametrize("data,message", [(b"", "file is empty"), (b"  \n", "file is empty"),
                                          (b"a,b\n", "no data rows")])
def test_empty_files(tmp_path, data, message):
    path = write(tmp_path, "t.csv", data)
    with pytest.raises(RawDataError, match=message):
        read_table(path, encoding="utf-8", delimiter=",", columns=["a", "b"])


def test_missing_file(tmp_path):
    with pytest.raises(RawDataError, match="file is missing"):
        read_table(tmp_path / "nope.csv", encoding="utf-8", delimiter=",", columns=["a"])


# --- the fast path (pyarrow.csv) and the exact path (csv module) agree -----------------------

from etl.extract import tables as _tables  # noqa: E402


@pytest.mark.parametrize("data,encoding,delimiter,columns", [
    (DE_TEXT.replace('"Hauptwohnsitz; Stadt Essen"', "Hauptwohnsitz").encode("utf-8-sig"), "utf-8-sig", ";",
     DE_COLUMNS),
    (JP_TEXT.replace('"327,692"', "327692").replace('"322,515"', "322515").encode("cp932"), "cp932", ",",
     JP_COLUMNS),
    (b" a , b ,c\r\n 1 , x ,9\r\n,,\r\n2,y,8", "utf-8", ",", ["b", "a"]),
    (b"a;b\n1;2\n ; \n3;4\n", "utf-8", ";", ["a", "b"]),
])
def test_fast_path_reads_exactly_what_the_csv_module_reads(tmp_path, data, encoding, delimiter, columns):
    path = write(tmp_path, "t.csv", data)
    fast = _tables._read_fast(path, encoding=encoding, delimiter=delimiter, columns=columns)
    exact = _tables._read_exact(path, encoding=encoding, delimiter=delimiter, columns=columns)
    assert fast is not None
    assert fast.equals(exact), (fast, exact)
    assert read_table(path, encoding=encoding, delimiter=delimiter, columns=columns).equals(exact)


@pytest.mark.parametrize("data,encoding,columns,match,row", [
    (b"a,b\n1,2\n3\n", "utf-8", ["a", "b"], "has 1 fields, the header has 2", 2),
    (b"a,b\n1,2\n3,4,5\n", "utf-8", ["a", "b"], "has 3 fields, the header has 2", 2),
    (b"a,b\n1,2\n\"x\"y,4\n", "utf-8", ["a", "b"], "malformed CSV", 2),     # arrow would accept this quoting
    (b"a,b\n1,2\n\xff,4\n", "utf-8", ["a", "b"], "cannot be decoded as utf-8", 2),
    (b"a,c\n1,2\n", "utf-8", ["a", "b"], "required column missing", None),
    (b"\xef\xbb\xbfa,b\n1,2\n", "utf-8", ["a", "b"], "required column missing", None),  # BOM kept by utf-8
    (b"a,b\n,\n ,\n", "utf-8", ["a", "b"], "no data rows", None),
    ("a,b\n1,2\n3,郡山\n".encode("cp932")[:-2], "cp932", ["a", "b"], "cannot be decoded as cp932", 2),
])
def test_fast_path_problems_get_the_exact_error(tmp_path, data, encoding, columns, match, row):
    """Whatever the fast path cannot read with certainty is read again by the csv module, which names
    the row: the errors are the same as before the fast path existed."""
    path = write(tmp_path, "t.csv", data)
    assert _tables._read_fast(path, encoding=encoding, delimiter=",", columns=columns) is None
    with pytest.raises(RawDataError, match=match) as err:
        read_table(path, encoding=encoding, delimiter=",", columns=columns)
    assert err.value.row == row


def test_large_clean_file_takes_the_fast_path(tmp_path, monkeypatch):
    lines = ["Gebiet;Wert"] + [f"m{i:05d};{i}" for i in range(50_000)]
    path = write(tmp_path, "t.csv", ("\n".join(lines) + "\n").encode("utf-8-sig"))
    monkeypatch.setattr(_tables, "_read_exact", lambda *a, **k: pytest.fail("exact path used"))
    table = read_table(path, encoding="utf-8-sig", delimiter=";", columns=["Wert", "Gebiet"])
    assert len(table) == 50_000 and table["_row"].iloc[-1] == 50_000
    assert table["Gebiet"].iloc[-1] == "m49999" and str(table["Wert"].dtype) == "str"


@pytest.mark.parametrize("data,encoding,delimiter,columns", [
    (DE_TEXT.replace('"Hauptwohnsitz; Stadt Essen"', "Hauptwohnsitz").encode("utf-8-sig"), "utf-8-sig", ";",
     DE_COLUMNS),
    (b" a , b ,c\r\n 1 , x ,9\r\n,,\r\n2,y,8\r\n1 ,x, 7\r\nb,  x,6", "utf-8", ",", ["b", "a"]),
    (b"a;b\n1;2\n ; \n3;4\n", "utf-8", ";", ["a", "b"]),
])
def test_categorical_columns_hold_the_same_texts(tmp_path, data, encoding, delimiter, columns):
    """Columns read as categoricals (dictionary-encoded by the fast path) hold exactly the texts the csv
    module reads, stripped, with sorted text categories and nothing unused; the other columns stay text."""
    path = write(tmp_path, "t.csv", data)
    exact = _tables._read_exact(path, encoding=encoding, delimiter=delimiter, columns=columns)
    wanted = columns[:-1]
    fast = _tables._read_fast(path, encoding=encoding, delimiter=delimiter, columns=columns, categorical=wanted)
    table = read_table(path, encoding=encoding, delimiter=delimiter, columns=columns, categorical=wanted)
    assert fast is not None
    for frame in (fast, table):
        assert list(frame.columns) == list(exact.columns)
        assert frame["_row"].tolist() == exact["_row"].tolist()
        for name in columns:
            assert frame[name].astype(str).tolist() == exact[name].tolist(), name
        for name in wanted:
            cats = frame[name].cat.categories
            assert str(cats.dtype) == "str" and cats.is_monotonic_increasing and cats.is_unique
            assert sorted(set(exact[name])) == list(cats)
        assert str(frame[columns[-1]].dtype) == "str"


def test_large_file_with_categorical_columns_takes_the_fast_path(tmp_path, monkeypatch):
    lines = ["Gebiet;Wert;Einheit"] + [f"m{i % 997:05d} ;{i};{'kW' if i % 3 else ' MWh'}" for i in range(60_000)]
    path = write(tmp_path, "t.csv", ("\n".join(lines) + "\n").encode("utf-8-sig"))
    monkeypatch.setattr(_tables, "_read_exact", lambda *a, **k: pytest.fail("exact path used"))
    table = read_table(path, encoding="utf-8-sig", delimiter=";", columns=["Gebiet", "Wert", "Einheit"],
                       categorical=["Gebiet", "Einheit"])
    assert len(table) == 60_000 and table["_row"].iloc[-1] == 60_000
    assert list(table["Einheit"].cat.categories) == ["MWh", "kW"]
    assert table["Gebiet"].iloc[-1] == f"m{59_999 % 997:05d}" and len(table["Gebiet"].cat.categories) == 997
