"""Friendly page for unknown addresses: never a stack trace, never the address echoed back."""
import dash
from dash import html

from dashboard.components.shell import page_title
from dashboard.i18n import t

dash.register_page(__name__, path="/404", title=page_title())


def layout(**_kwargs):
    lang = "en"
    return html.Main([
        html.H1(t("error.not_found_title", lang)),
        html.P(t("error.not_found_text", lang)),
        html.A(t("error.back", lang), href="/en/overview", className="btn btn-primary"),
    ], className="app-main not-found", id="main")
