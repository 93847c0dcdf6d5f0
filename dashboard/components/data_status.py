"""What a visitor sees when the published data is missing or damaged: the friendly no-data page, and the
discreet banner on the sources page while the last good version is served instead of ``current``."""
from __future__ import annotations

from dash import html

from dashboard import data
from dashboard.components import shell
from dashboard.i18n import normalise_language, t


def no_data_page(lang: str | None, page_name: str = "overview") -> html.Div:
    """Shown instead of any page while no readable dataset is published: what happened, which command helps."""
    lang = normalise_language(lang)
    content = html.Section([
        html.H1(t("nodata.title", lang)),
        html.P(t("nodata.text", lang), className="lead"),
        html.P(t("nodata.action", lang)),
        html.Pre(html.Code(data.PUBLISH_COMMAND), className="no-data-command"),
        html.P(t("nodata.retry", lang)),
        html.P(html.Small(t("nodata.status", lang)), className="muted"),
    ], className="no-data", id="no-data")
    return shell.page(lang, page_name, content, None)


def banner(lang: str, status: data.Status | None = None) -> html.Aside | None:
    """A small notice for staff: which version is served and why ``current`` is not; None when all is well."""
    status = status or data.status()
    if not status.error or not status.version:
        return None
    if status.current:
        text = t("datastatus.unreadable", lang, served=status.version, failed=status.current)
    else:
        text = t("datastatus.no_current", lang, served=status.version)
    return html.Aside([html.Strong(t("datastatus.title", lang)), " ", text, " ",
                       html.Code(status.error, lang="en")],
                      className="data-status-banner", id="data-status-banner", role="status")
