"""The key of a chart's lines, listed by the page under the chart (dashboard/figures/legend.py says why)."""
from __future__ import annotations

from dash import html

from dashboard.figures import legend
from dashboard.i18n import t


def chart_legend(graph_id: str, figure: dict, lang: str, every: list[dict] | None = None) -> html.Ul:
    """The lines of ``every`` keyed figure the page may draw in the chart (``legend.keyed``; default: ``figure``),
    those ``figure`` does not show hidden: the browser shows and hides them when a control redraws the chart
    (``window.twincity.showLegend``: by the line's name, the item's text)."""
    return html.Ul([html.Li([html.Img(src=e["swatch"], alt="", className="swatch"), html.Span(e["name"])],
                            hidden=not e["shown"]) for e in legend.entries(figure, every)],
                   id=f"{graph_id}-legend", className="chart-legend", **{"aria-label": t("chart.legend", lang)})
