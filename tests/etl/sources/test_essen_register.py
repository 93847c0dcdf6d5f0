"""Source reader: Stadt Essen population register (UTF-8 with BOM, ';', German numbers and dates)."""
from pathlib import Path

import pandas as pd
import pytest

from etl.errors import RawDataError
from etl.sources import essen_register

RAW = Path(__file__).resolve().parents[3] / "data" / "raw"


@pytest.fixture(scope="module")
def facts():
    return essen_register.read(RAW / essen_register.SOURCE_ID)


def test_known_values(facts):
    by_period = facts.set_index("period")
    assert by_period.loc["2022-12-31", "value"] == 593489
    assert by_period.loc["2022-12-31", "ref_date"] == pd.Timestamp("2022-12-31")
    assert by_period.loc["2011-12-31", "value"] == 570394
    assert by_period.loc["2015-09", "period_kind"] == "month"       # "09.2015"
    assert by_period.loc["2015-09", "ref_date"] == pd.Timestamp("2015-09-30")


def test_shape(facts):
    assert facts["raw_row"].is_unique and sorted(facts["raw_row"]) == list(range(1, len(facts) + 1))
    assert facts["area_id"].eq("essen").all() and facts["indicator_id"].eq("population").all()
    assert facts["basis"].eq("register").all() and facts["unit"].eq("persons").all()
    assert facts["source_url"].str.startswith("http").all()
    assert not facts[["period", "ref_date", "value"]].isna().any().any()


def test_the_file_without_bom_is_rejected(tmp_path):
    src = RAW / essen_register.SOURCE_ID / essen_register.FILE
    assert src.read_bytes().startswith(b"\xef\xbb\xbf")
    (tmp_path / essen_register.FILE).write_bytes(src.read_bytes()[3:])
    with pytest.raises(RawDataError, match="byte-order mark") as err:
        essen_register.read(tmp_path)
    assert essen_register.FILE in str(err.value)
