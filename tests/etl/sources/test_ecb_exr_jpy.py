"""Source reader: ECB EUR/JPY daily rates → annual means of complete years, said so in the note."""
import pytest

from etl.errors import RawDataError
from etl.sources import ecb_exr_jpy


def test_annual_means_only_for_complete_years():
    days = [("2023-01-02", 140.0), ("2023-06-01", None), ("2023-12-29", 156.0), ("2024-01-02", 155.0)]
    means = ecb_exr_jpy.annual_means(days)
    assert means["year"].tolist() == ["2023"] and means["value"].tolist() == ["148.0000"]
    assert means["note"].iloc[0] == ("annual mean of 2 daily ECB reference rates (2023-01-02 – 2023-12-29), "
                                     "computed by the ETL")


def test_missing_snapshot_is_named(tmp_path):
    with pytest.raises(RawDataError, match="file is missing"):
        ecb_exr_jpy.read(tmp_path)
