"""The Essen–Koriyama relationship is a city-to-city partnership founded by an MoU (都市間連携), never a
twinning: no catalogue, README or package text calls it one; 姉妹都市 is only the sister-city type's label."""
import re
from pathlib import Path

import pytest

from dashboard.i18n import t
from dashboard.i18n.catalog import catalogue

ROOT = Path(__file__).resolve().parents[3]
WRONG = re.compile(r"twin[ -]cit|Partnerst(a|ä)dt|姉妹都市", re.IGNORECASE)  # the `twincity` command keeps its name


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_no_catalogue_text_calls_the_pair_twin_cities(lang):
    wrong = {key: text for key, text in catalogue(lang).items() if WRONG.search(text)}
    assert not wrong


def test_readme_and_package_description_use_the_neutral_name():
    for path in (ROOT / "README.md", ROOT / "pyproject.toml"):
        # the labels of the sister-city relationship type may be listed; nothing else may use them
        text = path.read_text(encoding="utf-8").replace("sister city / Städtepartnerschaft / 姉妹都市", "")
        assert not WRONG.search(text), path
    assert (ROOT / "README.md").read_text(encoding="utf-8").startswith("# City Partnership Dashboard — Essen ⇄ Koriyama")


def test_the_product_name_takes_the_pair_from_the_catalogue(dataset):
    from dashboard.components.shell import relationship_text, title_text
    from dashboard.views.pair import resolve

    pair = resolve(dataset)
    assert title_text(pair, "en") == "City Partnership Dashboard — Essen ⇄ Koriyama"
    assert title_text(pair, "ja") == "都市間連携ダッシュボード — エッセン ⇄ 郡山市"
    assert relationship_text(pair, "ja").startswith("2017年12月1日") and "都市間連携" in relationship_text(pair, "ja")
    assert "Städtekooperation (Absichtserklärung/MoU)" in relationship_text(pair, "de")
    assert "City-to-city partnership" in relationship_text(pair, "en") and "2017" in relationship_text(pair, "en")
    labels = dict(zip(dataset.relationships["id"], dataset.relationships["label_ja"]))
    assert labels["sister_city"] == "姉妹都市" and t("app.product", "de") == "Dashboard Städtekooperation"
