"""etl.extract.longtable.long_facts: one raw table → rows of the common long fact table."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from etl.errors import RawDataError
from etl.extract.longtable import FACT_COLUMNS, long_facts

PATH = Path("raw/test_source/t.csv")


def table(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, dtype=object)
    frame["_row"] = range(1, len(frame) + 1)
    return frame


def german(rows):
    return long_facts(table(rows), PATH, "test_source", numbers="de", periods="de", area="[Gebiet]",
                      indicator="[Merkmal]", value="Wert", unit="[Einheit]", period="Zeitraum",
                      preferred="Bevorzugt", url="Quelle", note="Anmerkung", default_url="https://default/")


def row(**kw):
    base = {"Gebiet": "essen", "Merkmal": "population", "Zeitraum": "31.12.2022", "Wert": "593.489",
            "Einheit": "Personen", "Bevorzugt": "", "Quelle": "https://essen.de/", "Anmerkung": ""}
    return {**base, **kw}


def test_german_rows_become_facts():
    out = german([row(), row(Merkmal="gdp_nominal", Zeitraum="2015", Wert="24.161", Einheit="Mio. EUR",
                          Bevorzugt="ja", Quelle=""),
                  row(Merkmal="unemployment_rate", Zeitraum="09.2017", Wert="12,0", Einheit="%",
                      Bevorzugt="nein", Anmerkung="BA")])
    assert list(out.columns) == FACT_COLUMNS
    first, second, third = out.to_dict("records")
    assert first["value"] == 593489.0 and first["period"] == "2022-12-31" and first["period_kind"] == "day"
    assert first["ref_date"] == pd.Timestamp("2022-12-31") and first["year"] == 2022
    assert first["unit"] == "Personen"  # units are converted later, by the harmoniser
    assert pd.isna(first["preferred"])  # no flag: no conflict
    assert second["value"] == 24161.0 and second["period"] == "2015" and second["period_kind"] == "year"
    assert second["ref_date"] == pd.Timestamp("2015-12-31")
    assert second["preferred"] is True or second["preferred"] == True  # noqa: E712 (pandas boolean)
    assert second["source_url"] == "https://default/"  # empty cell → the source's URL
    assert third["value"] == 12.0 and third["period"] == "2017-09" and third["ref_date"] == pd.Timestamp("2017-09-30")
    assert third["preferred"] == False  # noqa: E712
    assert third["note"] == "BA"
    assert out["source_id"].eq("test_source").all()
    assert out["raw_file"].eq(PATH.as_posix()).all()
    assert out["raw_row"].tolist() == [1, 2, 3]


def test_japanese_rows_with_eras_fiscal_years_and_full_width_digits():
    rows = [{"期間": "令和2年10月1日", "値": "327,692", "単位": "人"},
            {"期間": "平成23年度", "値": "1.33", "単位": "兆円"},
            {"期間": "令和元年度", "値": "７．９８７０", "単位": "兆円"},
            {"期間": "２００７年", "値": "65,980", "単位": "kW"}]
    out = long_facts(table(rows), PATH, "jp", numbers="ja", periods="ja", area="koriyama",
                     indicator="x", value="値", unit="[単位]", period="期間")
    assert out["value"].tolist() == [327692.0, 1.33, 7.987, 65980.0]
    assert out["period"].tolist() == ["2020-10-01", "FY2011", "FY2019", "2007"]
    assert out["ref_date"].tolist() == [pd.Timestamp(d) for d in ("2020-10-01", "2012-03-31", "2020-03-31",
                                                                     "2007-12-31")]
    assert out["year"].tolist() == [2020, 2011, 2019, 2007]
    assert out["area_id"].eq("koriyama").all() and out["basis"].eq("").all()


def test_mapping_and_callable_fields():
    rows = [{"地域": "福島県", "指標": "a", "期間": "2020年", "値": "1"},
            {"地域": "郡山市", "指標": "b", "期間": "2021年", "値": "2"}]
    out = long_facts(table(rows), PATH, "jp", numbers="ja", periods="ja",
                     area=("地域", {"福島県": "fukushima_pref", "郡山市": "koriyama"}),
                     indicator=lambda r: f"ind_{r['指標']}", basis=lambda r: "census" if r["指標"] == "b" else "",
                     value="値", unit="%", period="期間")
    assert out["area_id"].tolist() == ["fukushima_pref", "koriyama"]
    assert out["indicator_id"].tolist() == ["ind_a", "ind_b"]
    assert out["basis"].tolist() == ["", "census"]


def test_unknown_mapped_value_names_row_and_column():
    rows = [{"地域": "郡山市", "期間": "2020年", "値": "1"}, {"地域": "会津若松市", "期間": "2020年", "値": "1"}]
    with pytest.raises(RawDataError) as err:
        long_facts(table(rows), PATH, "jp", numbers="ja", periods="ja", area=("地域", {"郡山市": "koriyama"}),
                   indicator="x", value="値", unit="%", period="期間")
    assert (err.value.row, err.value.column) == (2, "地域")
    assert "会津若松市" in str(err.value) and str(PATH) in str(err.value)


@pytest.mark.parametrize("value", ["593.48x", "59.3489", "", "1,2,3", "abc"])
def test_non_numeric_value_names_file_row_and_column(value):
    with pytest.raises(RawDataError) as err:
        german([row(Zeitraum="31.12.2021"), row(Wert=value)])
    assert (err.value.row, err.value.column) == (2, "Wert")
    assert "not a number in de notation" in str(err.value)
    assert f"{PATH}, row 2 (line 3), column 'Wert'" in str(err.value)


@pytest.mark.parametrize("period", ["31.02.2022", "13.2022", "2022-12-31", "Dez 2022", "{x}"])
def test_bad_period_names_row_and_column(period):
    with pytest.raises(RawDataError) as err:
        german([row(Zeitraum="31.12.2021"), row(Zeitraum=period)])
    assert (err.value.row, err.value.column) == (2, "Zeitraum")
    assert period in str(err.value)


def test_unknown_unit_names_row_and_column():
    with pytest.raises(RawDataError, match="unknown unit 'Leute'") as err:
        german([row(Zeitraum="31.12.2021"), row(Einheit="Leute")])
    assert (err.value.row, err.value.column) == (2, "Einheit")


def test_bad_preferred_flag():
    with pytest.raises(RawDataError, match="preferred flag") as err:
        german([row(Bevorzugt="vielleicht")])
    assert (err.value.row, err.value.column) == (1, "Bevorzugt")


def test_ref_date_of_each_period_kind():
    out = german([row(Zeitraum="31.12.2022"), row(Zeitraum="02.2024"), row(Zeitraum="2023")])
    assert [d.date() for d in out["ref_date"]] == [date(2022, 12, 31), date(2024, 2, 29), date(2023, 12, 31)]
