"""Every text a page shows comes from the catalogues or from the published data — nothing hard-coded."""
import re

import dash
import pandas as pd
import pytest

from dashboard.cache import clear_all
from dashboard.i18n import catalog
from tests.dashboard.tree import texts

MARK = "⟪"
NUMERIC = re.compile(r"^[\d\s.,:%+\-–—×·/()↗⇄~～≈年月日度]*$")


def page_layouts():
    for page in dash.page_registry.values():
        if page["module"].endswith("not_found_404"):
            continue
        yield page["module"], page["layout"]


@pytest.fixture
def marked(monkeypatch):
    real = catalog.catalogue

    def fake(lang):
        return {k: f"{MARK}{v}⟫" for k, v in real(lang).items()}

    monkeypatch.setattr(catalog, "catalogue", fake)
    clear_all()
    yield
    monkeypatch.undo()
    clear_all()


def data_strings(dataset) -> set[str]:
    out = set()
    for table in (dataset.facts, dataset.places, dataset.indicators, dataset.bases, dataset.sources,
                  dataset.events, dataset.stakeholders, dataset.actions, dataset.targets, dataset.pairs,
                  dataset.relationships, dataset.pair_notes, dataset.publishers):
        for column in table.columns:
            if table[column].dtype == object or pd.api.types.is_string_dtype(table[column]):
                out.update(str(v) for v in table[column].dropna().unique())
    for layer in dataset.boundary_meta.get("layers", {}).values():
        out.update(str(v) for v in layer.values())
    out.add(dataset.version)
    out.update(g["item"] for g in dataset.manifest.get("gaps", []))
    out.update(dataset.manifest.get("warnings", []))
    out.update(dataset.manifest.get("validation", {}).get("checks", []))
    return out


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_layout_text_comes_from_catalogues_or_data(dataset, marked, lang):
    allowed = data_strings(dataset)
    pages = list(page_layouts())
    assert len(pages) >= 5
    for module, layout in pages:
        tree = layout(lang=lang) if callable(layout) else layout
        for text in texts(tree):
            text = text.strip()
            if MARK in text or "⟫" in text or NUMERIC.match(text) or text in allowed:  # ⟫: a text split at a value
                continue
            if any(text in s for s in allowed):
                continue
            if all(part.strip() in allowed or NUMERIC.match(part) for part in re.split(r"[,;、·⇄] ", text)):
                continue  # a list of data labels
            if all(part in allowed for part in text.split(" — ")):
                continue  # a chart line's name: place — basis
            pytest.fail(f"{module} ({lang}) shows text not from a catalogue or the data: {text!r}")


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_no_missing_keys_in_any_page(dataset, lang):
    for module, layout in page_layouts():
        tree = layout(lang=lang) if callable(layout) else layout
        missing = [s for s in texts(tree) if "⟦" in s]
        assert not missing, f"{module} ({lang}) has missing keys {missing}"
