"""A chart with its title, notes and export buttons (PNG, SVG through Plotly; CSV through the server)."""
from __future__ import annotations

from dash import dcc, html

from dashboard.i18n import t

GRAPH_CONFIG = {"displaylogo": False, "responsive": True,
                "modeBarButtonsToRemove": ["lasso2d", "select2d"],
                "toImageButtonOptions": {"format": "png", "scale": 2}}
# a spinner only for a slow update: a quick one redraws the chart in place, without hiding it first
LOADING_DELAY_MS = 300


def chart_card(graph_id: str, title: str, lang: str, figure=None, notes: list | None = None,
               csv: bool = True, height: int = 440, legend=None) -> html.Section:
    """``legend``: the key of the lines listed under the chart (components/chart_legend.py) for a figure without
    plotly's own legend; plotly's image button is then left out (the export buttons add the legend back)."""
    heading_id = f"{graph_id}-title"
    tools = [
        html.Button(t("export.png", lang), className="btn btn-export", type="button",
                    **{"data-graph": graph_id, "data-format": "png", "data-filename": graph_id,
                       "aria-label": f"{t('export.label', lang)} {title} PNG"}),
        html.Button(t("export.svg", lang), className="btn btn-export", type="button",
                    **{"data-graph": graph_id, "data-format": "svg", "data-filename": graph_id,
                       "aria-label": f"{t('export.label', lang)} {title} SVG"}),
    ]
    if csv:
        tools.append(html.Button(t("export.csv", lang), id=f"{graph_id}-csv", className="btn", type="button",
                                 **{"aria-label": f"{t('export.label', lang)} {title} CSV"}))
        tools.append(dcc.Download(id=f"{graph_id}-download"))
    config = {**GRAPH_CONFIG, "toImageButtonOptions": {**GRAPH_CONFIG["toImageButtonOptions"], "filename": graph_id}}
    if legend is not None:
        config["modeBarButtonsToRemove"] = [*GRAPH_CONFIG["modeBarButtonsToRemove"], "toImage"]
    graph = dcc.Loading(dcc.Graph(id=graph_id, figure=figure or {}, config=config, style={"height": f"{height}px"},
                                  className="chart"), type="default", delay_show=LOADING_DELAY_MS)
    return html.Section([
        html.Div([html.H2(title, id=heading_id), html.Div(tools, className="chart-tools")],
                 className="chart-head"),
        graph,
        *([legend] if legend is not None else []),
        *[html.P(n, className="chart-note") for n in (notes or []) if n],
    ], className="chart-card", **{"aria-labelledby": heading_id})
