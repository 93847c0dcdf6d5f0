"""The key of a chart's lines, listed by the page beside the chart (dashboard/figures/legend.py says why)."""
from __future__ import annotations

from dash import html

from dashboard.figures import legend
from dashboard.i18n import t


def chart_legend(graph_id: str, figure: dict, lang: str) -> html.Ul:
    """A list of the lines of a keyed figure (``legend.keyed``), those not shown hidden: the browser lists them
    again the same way (``window.twincity.legendItems``) when a control shows or hides lines."""
    return html.Ul(legend_items(figure), id=f"{graph_id}-legend", className="chart-legend",
                   **{"aria-label": t("chart.legend", lang)})


def legend_items(figure: dict) -> list[html.Li]:
    return [html.Li([html.Img(src=e["swatch"], alt="", className="swatch"), html.Span(e["name"])],
                    hidden=not e["shown"]) for e in legend.entries(figure)]
