"""Accessible form controls: native checkboxes and radio buttons inside a fieldset with a legend."""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html


def checklist(component_id: str, legend: str, options: list[dict], value: list, wide: bool = False) -> html.Fieldset:
    return html.Fieldset([
        html.Legend(legend, className="control-label"),
        dbc.Checklist(id=component_id, options=options, value=value, inline=True, className="check-inline"),
    ], className="control" + (" control-wide" if wide else ""))


def radios(component_id: str, legend: str, options: list[dict], value) -> html.Fieldset:
    return html.Fieldset([
        html.Legend(legend, className="control-label"),
        dbc.RadioItems(id=component_id, options=options, value=value, inline=True, className="radio-inline"),
    ], className="control")


def select(component_id: str, label: str, options: list[dict], value) -> html.Div:
    return html.Div([
        html.Label(label, htmlFor=component_id, className="control-label"),
        dbc.Select(id=component_id, options=options, value=value, className="select"),
    ], className="control")


def year_range(component_id: str, label: str, bounds: tuple[int, int], value, step_marks: int) -> html.Div:
    label_id = f"{component_id}-label"
    return html.Div([
        html.Div(label, id=label_id, className="control-label"),
        dcc.RangeSlider(id=component_id, min=bounds[0], max=bounds[1], step=1, value=list(value),
                        marks={y: str(y) for y in range(bounds[0], bounds[1] + 1, step_marks)},
                        tooltip={"placement": "bottom"}, allow_direct_input=False),
    ], className="control control-wide", role="group", **{"aria-labelledby": label_id})
