"""SDMX-JSON reader: dimension codes and observations by index; a broken message is named."""
import json
from pathlib import Path

import pytest

from etl.errors import RawDataError
from etl.extract.sdmx_json import read_series

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "ecb" / "EXR_D.JPY.EUR.SP00.A_jsondata_from_AUD_2022-09-04.json"


def test_reads_codes_and_observations():
    codes, observations = read_series(json.loads(FIXTURE.read_text(encoding="utf-8")), "x.json")
    assert codes == {"FREQ": "D", "CURRENCY": "JPY", "CURRENCY_DENOM": "EUR", "EXR_TYPE": "SP00", "EXR_SUFFIX": "A"}
    assert observations[0] == ("2022-08-29", 1.4529) and len(observations) == 5


def test_missing_structure_is_named():
    with pytest.raises(RawDataError, match="x.json: not an SDMX-JSON data message"):
        read_series({"dataSets": []}, "x.json")
