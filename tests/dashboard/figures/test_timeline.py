"""The timeline figures: lanes per field, colours, planned/cancelled/milestone styling, ids, language."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard import timeline_filters as tf
from tests.dashboard.event_frames import frame
from dashboard.figures import timeline as tl
from dashboard.i18n import t
from etl.schema import FIELDS

OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}




@pytest.fixture
def small():
    return frame([
        {"start": "2017-12-01", "field": "healthcare", "kind": "agreement", "title_en": "A <b>bold</b> deal"},
        {"start": "2018-11-13", "end": "2018-11-18", "field": "water", "kind": "study_tour"},
        {"start": "2019-07-01", "end": "2019-08-01", "precision": "month", "field": "renewable_energy",
         "status": "planned"},
        {"start": "2020-12-01", "precision": "month", "field": "next_generation", "status": "cancelled"},
        {"start": "2014-01-01", "precision": "year", "milestone": True},
        {"start": "2024-01-01", "precision": "year", "status": "planned", "field": "next_generation"},
    ])


def event_traces(fig):
    return [tr for tr in fig.data if (tr.meta or {}).get("kind") == "events"]


def range_traces(fig):
    return [tr for tr in fig.data if (tr.meta or {}).get("kind") == "ranges"]


def points(fig) -> dict:
    """event id → (trace, index) of its marker."""
    out = {}
    for tr in event_traces(fig):
        for i, eid in enumerate(tr.customdata):
            out[eid] = (tr, i)
    return out


def test_palette_is_colour_blind_safe_and_distinct():
    assert set(tl.FIELD_COLOURS) == set(FIELDS)
    assert set(tl.FIELD_COLOURS.values()) <= OKABE_ITO
    assert len(set(tl.FIELD_COLOURS.values())) == len(FIELDS)
    assert "#F0E442" not in tl.FIELD_COLOURS.values()  # yellow is unreadable on white
    assert tl.CANCELLED_COLOUR not in tl.FIELD_COLOURS.values()


def test_every_event_is_one_clickable_marker_in_its_lane(small):
    fig = tl.timeline_figure(small, "en")
    marks = points(fig)
    assert set(marks) == set(small["id"])
    assert sum(len(tr.customdata) for tr in event_traces(fig)) == len(small)
    for tr in event_traces(fig):
        field = tr.meta["field"]
        lane = FIELDS.index(field)
        assert all(abs(y - lane) <= tl.LANE_HALF + 1e-9 for y in tr.y)
        colours = {c for c, eid in zip(tr.marker.color, tr.customdata)
                   if small.set_index("id").loc[eid, "status"] != "cancelled"}
        assert colours <= {tl.FIELD_COLOURS[field]}


def test_ranges_are_bars_single_dates_are_not(small):
    fig = tl.timeline_figure(small, "en")
    bars = {eid for tr in range_traces(fig) for eid in tr.customdata}
    assert bars == {"e1", "e2"}
    water = next(tr for tr in range_traces(fig) if tr.meta["field"] == "water")
    assert water.orientation == "h"
    assert water.x[0] == pytest.approx(6 * 86400 * 1000)  # 13–18 November inclusive
    energy = next(tr for tr in range_traces(fig) if tr.meta["field"] == "renewable_energy")
    assert energy.x[0] == pytest.approx(62 * 86400 * 1000)  # July and August
    assert energy.marker.pattern.shape[0] == "/"  # planned: hatched


def test_planned_cancelled_and_milestones_look_different(small):
    marks = points(tl.timeline_figure(small, "en"))

    def style(eid):
        tr, i = marks[eid]
        return tr.marker.symbol[i], tr.marker.size[i], tr.marker.color[i], tr.marker.line.width[i]

    held_symbol, held_size, _, _ = style("e1")
    assert held_symbol == "circle"
    assert style("e2")[0].endswith("-open")  # planned
    assert style("e5")[0].endswith("-open")
    symbol, _, colour, _ = style("e3")  # cancelled
    assert symbol == "x" and colour == tl.CANCELLED_COLOUR
    for eid in ("e0", "e4"):  # agreement, milestone
        symbol, size, _, width = style(eid)
        assert symbol == "diamond" and size > held_size and width >= 2


def test_markers_sit_in_the_middle_of_their_period(small):
    marks = points(tl.timeline_figure(small, "en"))
    tr, i = marks["e4"]
    assert pd.Timestamp(tr.x[i]) == pd.Timestamp("2014-07-01")
    tr, i = marks["e3"]
    assert pd.Timestamp(tr.x[i]) == pd.Timestamp("2020-12-15")


def test_close_events_do_not_hide_each_other():
    rows = frame([{"start": "2018-04-24"} for _ in range(8)] + [{"start": "2018-04-24", "field": "water"}])
    pos = tl.lane_positions(rows)
    general = pos[rows["field"].eq("general")]
    assert general.nunique() == 8
    assert general.between(FIELDS.index("general") - tl.LANE_HALF, FIELDS.index("general") + tl.LANE_HALF).all()
    assert pos.iloc[-1] == FIELDS.index("water")  # alone: in the middle of its lane


def test_hover_is_in_the_language_with_precise_dates(small):
    fig_de = tl.timeline_figure(small, "de")
    tr, i = points(fig_de)["e2"]
    assert "Ereignis 2" in tr.hovertext[i]
    assert "Juli – August 2019" in tr.hovertext[i] and t("timeline.status.planned", "de") in tr.hovertext[i]
    tr, i = points(fig_de)["e4"]
    assert "2014" in tr.hovertext[i] and "Januar" not in tr.hovertext[i]  # year precision: no month
    tr, i = points(tl.timeline_figure(small, "ja"))["e1"]
    assert "出来事1" in tr.hovertext[i] and "2018年11月13日" in tr.hovertext[i]
    tr, i = points(tl.timeline_figure(small, "en"))["e0"]
    assert "&lt;b&gt;bold&lt;/b&gt;" in tr.hovertext[i]  # data is escaped, not rendered as markup


def test_legend_explains_the_marks_in_the_language(small):
    names = {tr.name for tr in tl.timeline_figure(small, "de").data if tr.showlegend}
    assert {t("timeline.legend_planned", "de"), t("timeline.legend_cancelled", "de"),
            t("timeline.legend_milestone", "de")} <= names
    lanes = [a.text for a in tl.timeline_figure(small, "ja").layout.annotations]
    assert lanes == [t(f"timeline.field_short.{f}", "ja") for f in FIELDS]
    assert not any("⟦" in text for text in lanes)


def test_long_empty_stretches_are_cut_out(small, dataset):
    old = pd.concat([small, frame([{"start": "1882-01-01", "precision": "year"}]).assign(id="old")])
    fig = tl.timeline_figure(old, "en")
    breaks = fig.layout.xaxis.rangebreaks
    assert len(breaks) == 1
    lo, hi = (pd.Timestamp(b) for b in breaks[0].bounds)
    assert pd.Timestamp("1883-01-01") < lo < hi < pd.Timestamp("2014-01-01")
    ticks = [pd.Timestamp(v).year for v in fig.layout.xaxis.tickvals]
    assert 1882 in ticks and 2018 in ticks and not any(1884 <= y <= 2012 for y in ticks)
    real = tl.timeline_figure(dataset.events, "en")
    assert sum(len(tr.customdata) for tr in event_traces(real)) == len(dataset.events)


def test_counts_chart_stacks_fields_by_year(small):
    counts = tf.counts_by_year_field(small)
    fig = tl.counts_figure(counts, "de")
    assert fig.layout.barmode == "stack"
    assert sum(sum(tr.y) for tr in fig.data) == len(small)
    for tr in fig.data:
        assert tr.marker.color == tl.FIELD_COLOURS[tr.meta["field"]]
        assert tr.name == t(f"timeline.field.{tr.meta['field']}", "de")
    assert list(fig.layout.xaxis.categoryarray) == ["2014", "2017", "2018", "2019", "2020", "2024"]
    assert fig.layout.yaxis.title.text == t("timeline.counts_axis", "de")


def test_empty_selection_says_so():
    nothing = frame([{"start": "2018-01-01"}]).iloc[0:0]
    for lang in ("en", "de", "ja"):
        fig = tl.timeline_figure(nothing, lang)
        assert fig.layout.annotations[0].text == t("timeline.empty", lang)
        assert tl.counts_figure(tf.counts_by_year_field(nothing), lang).layout.annotations[0].text == t(
            "timeline.empty", lang)


def test_graph_config_in_the_language():
    config = tl.graph_config("de")
    locale = config["locales"][config["locale"]]
    assert locale["format"]["months"][2] == "März"
    assert locale["dictionary"]["Zoom in"] == t("timeline.modebar.zoom_in", "de")
    assert config["displaylogo"] is False
    assert tl.graph_config("ja")["locales"]["twincity-ja"]["format"]["shortMonths"][0] == "1月"


def test_real_data_in_every_language(dataset):
    for lang in ("en", "de", "ja"):
        fig = tl.timeline_figure(dataset.events, lang, dict(zip(dataset.places["id"], dataset.places[f"name_{lang}"])))
        texts = [h for tr in event_traces(fig) for h in tr.hovertext]
        assert len(texts) == len(dataset.events)
        assert not any("⟦" in h for h in texts)
        counts = tl.counts_figure(tf.counts_by_year_field(dataset.events), lang)
        assert sum(sum(tr.y) for tr in counts.data) == len(dataset.events)
