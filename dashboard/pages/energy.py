"""Energy — renewable shares and their trends, installed capacity, and the climate targets."""
from __future__ import annotations

import dash
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from dashboard.components import controls as controls_
from dashboard.components import shell
from dashboard.components.chart_card import chart_card
from dashboard.data import current
from dashboard.export import rows_to_csv
from dashboard.figures.share_panels import share_height
from dashboard.i18n import format as fmt
from dashboard.i18n import normalise_language, t
from dashboard.views.energy import SHARES, YEARS, EnergyView

dash.register_page(__name__, path_template="/<lang>/energy", title=shell.page_title(), name="energy")

CONTROLS = (Input("energy-indicator", "value"), Input("energy-areas", "value"), Input("energy-years", "value"),
            Input("energy-events", "value"))


def target_notes(dataset, view: EnergyView, lang: str) -> list[str]:
    names = dict(zip(dataset.places["id"], dataset.places[f"name_{lang}"]))
    targets = dataset.targets[dataset.targets["area_id"].isin(view.pair.areas)]
    return [t("energy.target_of", lang, place=names.get(r.area_id, r.area_id),
              target=t(f"target.{r.target}", lang, years=fmt.year_range(r.year_from, r.year_to, lang)))
            for r in targets.itertuples()]


def layout(lang: str = "en", **q):
    lang = normalise_language(lang)
    dataset = current()
    view = EnergyView.from_query(dataset, q)
    labels = dict(zip(dataset.indicators["id"], dataset.indicators[f"label_{lang}"]))
    names = dict(zip(dataset.places["id"], dataset.places[f"name_{lang}"]))
    controls = html.Div([
        controls_.checklist("energy-indicator", t("energy.indicator", lang),
                            [{"label": labels[i], "value": i} for i in SHARES], list(view.indicators), wide=True),
        controls_.checklist("energy-areas", t("energy.areas", lang),
                            [{"label": names[a], "value": a} for a in view.pair.areas], list(view.areas)),
        controls_.year_range("energy-years", t("energy.years", lang), YEARS, view.years, 5),
        controls_.checklist("energy-events", t("chart.milestones", lang),
                            [{"label": t("chart.show_milestones", lang), "value": "on"}],
                            ["on"] if view.events else []),
    ], className="controls", role="group", **{"aria-label": t("common.controls", lang)})
    everywhere = view.model_copy(update={"areas": view.pair.areas})
    shares = view.shares_figure(dataset, lang)
    areas = ", ".join(p.name(lang) for p in view.pair.contexts) or "—"
    content = [
        html.H1(t("energy.title", lang)),
        html.P(t("energy.lead", lang, areas=areas), className="lead"),
        controls,
        chart_card("energy-shares", t("energy.shares_title", lang), lang, shares, height=share_height(shares),
                   notes=[t("energy.shares_note", lang),
                          t("energy.targets", lang, targets=t("common.list_separator", lang).join(target_notes(dataset, view, lang)) or "—")]),
        chart_card("energy-capacity", t("energy.capacity_title", lang), lang,
                   everywhere.capacity_figure(dataset, lang), csv=False, notes=[t("energy.capacity_note", lang)],
                   height=380),
        html.Div(id="energy-url", hidden=True), html.Div(id="energy-event-sink", hidden=True),
        dcc.Store(id="energy-lang", data=lang), dcc.Store(id="energy-pair", data=view.pair.id),
        dcc.Store(id="energy-panels", data=view.shares_store(dataset, lang)),
    ]
    return shell.page(lang, "energy", content, dataset, view)


@callback(Output("energy-shares-download", "data"), Input("energy-shares-csv", "n_clicks"),
          *(State(c.component_id, c.component_property) for c in CONTROLS), State("energy-lang", "data"),
          State("energy-pair", "data"), prevent_initial_call=True)
def download(_n, indicators, areas, years, events, lang, pair_id):
    dataset = current()
    rows = EnergyView.from_controls(dataset, pair_id, indicators, areas, years, events).share_rows(dataset)
    return {"content": rows_to_csv(rows, dataset, lang), "filename": "renewable_shares.csv", "type": "text/csv"}


# The address follows the controls (a bookmark restores the view): set by the chart's callback below (a callback of
# its own took 12–16 ms of every click), and once at load from the controls (the language links carry it).
clientside_callback(
    """function(lang, indicator, areas, years, events) {
        return window.twincity.energyUrl(indicator, areas, years, events);
    }""",
    Output("energy-url", "children"), Input("energy-lang", "data"),
    *(State(c.component_id, c.component_property) for c in CONTROLS),
)

# measures, places, years and milestones are chosen in the browser, from every panel the server sent: no round
# trip (the layout carries the figure drawn from the same panels by share_figure, so nothing runs at first paint)
clientside_callback(
    """function(indicator, areas, years, events, panels) {
        window.twincity.energyUrl(indicator, areas, years, events);
        return window.twincity.energyPanels(panels, indicator, areas, events, years);
    }""",
    Output("energy-shares", "figure"),
    Input("energy-indicator", "value"), Input("energy-areas", "value"), Input("energy-years", "value"),
    Input("energy-events", "value"), State("energy-panels", "data"), prevent_initial_call=True,
)

clientside_callback(
    "function(click) { return window.twincity.openEvent(click); }",
    Output("energy-event-sink", "children"),
    Input("energy-shares", "clickData"), prevent_initial_call=True,
)
