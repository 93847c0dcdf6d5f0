"""Source reader: Koriyama population (cp932, Japanese eras, 1,234 grouping)."""
from pathlib import Path

import pandas as pd
import pytest

from etl.errors import RawDataError
from etl.sources import koriyama_population

RAW = Path(__file__).resolve().parents[3] / "data" / "raw"
FILE = RAW / koriyama_population.SOURCE_ID / koriyama_population.FILE


@pytest.fixture(scope="module")
def facts():
    return koriyama_population.read(RAW / koriyama_population.SOURCE_ID)


def test_the_raw_file_is_really_cp932():
    data = FILE.read_bytes()
    assert "令和2年10月1日".encode("cp932") in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_census_2020(facts):
    row = facts[facts["period"].eq("2020-10-01") & facts["basis"].eq("census")]   # 令和2年10月1日
    assert row["value"].tolist() == [327692.0]
    assert row["ref_date"].tolist() == [pd.Timestamp("2020-10-01")]
    assert row["year"].tolist() == [2020]


def test_other_known_values(facts):
    values = facts.set_index(["basis", "period"])["value"]
    assert values[("census", "1980-10-01")] == 286451          # 昭和55年10月1日
    assert values[("census", "2015-10-01")] == 335444          # 平成27年10月1日
    assert values[("estimate", "2011-05")] == 336328           # 平成23年5月 (a month)
    assert values[("resident_register", "2023-01-01")] == 317486
    assert values[("unspecified", "2020-04")] == 330787


def test_shape(facts):
    assert facts["raw_row"].is_unique and sorted(facts["raw_row"]) == list(range(1, len(facts) + 1))
    assert set(facts["basis"]) == {"census", "estimate", "resident_register", "unspecified"}
    assert facts["area_id"].eq("koriyama").all()


def test_the_same_content_saved_as_utf8_is_rejected(tmp_path):
    (tmp_path / koriyama_population.FILE).write_bytes(FILE.read_bytes().decode("cp932").encode("utf-8"))
    with pytest.raises(RawDataError, match="cannot be decoded as cp932") as err:
        koriyama_population.read(tmp_path)
    assert koriyama_population.FILE in str(err.value)
