"""The framework's floor: a bare Dash app with one heading and one dcc.Graph, nothing else.

Served exactly like the dashboard (gunicorn, same worker count, ``compress=True``, scripts served
locally) so that ``bench/pages.py`` can report every dashboard page as a ratio of this floor:

    gunicorn --workers 2 --bind 127.0.0.1:8060 --pythonpath bench 'bare_app:server()'
"""
from __future__ import annotations

import dash
import plotly.graph_objects as go
from dash import dcc, html


def create_app() -> dash.Dash:
    app = dash.Dash(__name__, serve_locally=True, compress=True, title="bare", update_title=None,
                    assets_folder="/nonexistent-assets")  # no CSS/JS of ours: the floor only
    figure = go.Figure(go.Scatter(x=list(range(2000, 2025)), y=[v * v for v in range(25)], mode="lines+markers"))
    figure.update_layout(margin={"l": 40, "r": 10, "t": 10, "b": 30})
    app.layout = html.Main([html.H1("Bare Dash"), dcc.Graph(id="graph", figure=figure)])
    return app


def server():
    """WSGI callable for gunicorn."""
    return create_app().server


if __name__ == "__main__":  # pragma: no cover
    create_app().run(debug=False)
