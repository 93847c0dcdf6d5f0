"""The people page offers the Zensus-2022 official update and draws Essen's 2024 figure."""
import plotly.graph_objects as go

from dashboard.views.people import BASES, PeopleView


def test_official_update_zensus2022_is_drawn(dataset):
    assert "official_update_zensus2022" in BASES
    figure = go.Figure(PeopleView.from_query(dataset, {}).population_figure(dataset, "en"))
    traces = [t for t in figure.data if t.name == "Essen — Official update (IT.NRW/Destatis, Zensus 2022)"]
    assert len(traces) == 1, [t.name for t in figure.data]
    assert "31 December 2024: 574,682" in traces[0].hovertext[0]
