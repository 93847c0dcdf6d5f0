"""One view model per page: from_query reads what the URL (or a deck slide) says, to_query writes it back."""
import pytest

from dashboard.views.economy import EconomyView
from dashboard.views.energy import EnergyView
from dashboard.views.maps import MapsView
from dashboard.views.overview import OverviewView
from dashboard.views.people import PeopleView
from dashboard.views.sources import SourcesView
from dashboard.views.timeline import TimelineView

CASES = [
    (PeopleView, "?basis=register,census&view=index&base=2015&years=2000-2020&events=1"),
    (EconomyView, "?indicator=gdp_per_capita&currency=ppp&years=2010-2020"),
    (EnergyView, "?indicator=re_share_energy_demand&areas=essen,nrw&years=2010-2030&events=1"),
    (MapsView, "?overlay=b-on-a&districts=1"),
    (TimelineView, "?field=healthcare&place=koriyama&q=hospital"),
    (OverviewView, "?indicator=population,area"),
    (SourcesView, ""),
]


def _params(query: str) -> dict:
    return dict(p.split("=", 1) for p in query.lstrip("?").split("&") if p)


@pytest.mark.parametrize("model, query", CASES)
def test_round_trip(dataset, model, query):
    view = model.from_query(dataset, _params(query))
    assert view.to_query() == query
    assert model.from_query(dataset, _params(view.to_query())) == view


@pytest.mark.parametrize("model, query", CASES)
def test_the_pair_is_part_of_every_view(dataset, model, query):
    view = model.from_query(dataset, {**_params(query), "pair": "grenoble_toyota"})
    assert view.pair.id == "grenoble_toyota" and view.to_query().startswith("?pair=grenoble_toyota")


@pytest.mark.parametrize("model, _query", CASES)
def test_junk_gives_the_default_view(dataset, model, _query):
    junk = {k: "<script>" for k in ("basis", "view", "base", "years", "events", "indicator", "currency", "areas",
                                       "overlay", "districts", "field", "place", "pair")}
    view = model.from_query(dataset, junk)
    assert "script" not in view.to_query() and view.pair.unknown


def test_place_id_overlays_are_read_as_pair_relative(dataset):
    assert MapsView.from_query(dataset, {"overlay": "koriyama-on-essen"}).overlay == "b-on-a"
    assert MapsView.from_query(dataset, {"overlay": "essen-on-koriyama"}).overlay == "a-on-b"
    assert MapsView.from_query(dataset, {"overlay": "toyota-on-essen"}).overlay == "a-on-b"


def test_energy_areas_come_from_the_pair_and_its_context(dataset):
    view = EnergyView.from_query(dataset, {})
    assert view.areas == ("essen", "koriyama", "nrw", "germany", "fukushima_pref", "japan")
    other = EnergyView.from_query(dataset, {"pair": "grenoble_toyota", "areas": "essen"})
    assert other.areas == ("grenoble_alpes", "toyota")  # another pair's place is not accepted


def test_the_timeline_shows_only_the_pairs_events(dataset):
    mine = TimelineView.from_query(dataset, {})
    other = TimelineView.from_query(dataset, {"pair": "grenoble_toyota"})
    assert len(mine.events(dataset)) == len(dataset.events) and other.events(dataset).empty


def test_economy_rates_follow_the_currencies_of_the_pair(dataset):
    view = EconomyView.from_query(dataset, {"currency": "ppp"})
    assert view.rates_currency(dataset) == "JPY" and "JPY" in view.rates_text(dataset, "en")
    assert set(view.rate_rows(dataset)["area_id"]) == {"japan"}
    assert "fiscal year" in view.gdp_note(dataset, "en")
