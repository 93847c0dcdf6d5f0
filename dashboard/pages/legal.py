"""Public-sector pages: Impressum, privacy statement, accessibility statement, terms of use — text from the city."""
from __future__ import annotations

import dash
from dash import dcc, html

from dashboard import legal_texts
from dashboard.components import shell
from dashboard.data import NoDataset, current
from dashboard.i18n import normalise_language, t


def _dataset():
    try:
        return current()
    except NoDataset:   # these pages must be reachable even before any dataset is published
        return None


def document(doc: str, lang: str) -> list:
    found = legal_texts.text(doc, lang)
    content = [html.H1(t(f"legal.{doc}", lang))]
    if found is None:
        path = f"legal/{doc}.{lang}.md"
        return content + [html.P(t("legal.empty", lang), className="legal-empty"),
                          html.P(html.Small(t("legal.empty_hint", lang, path=path)), className="muted")]
    body, text_lang = found
    if text_lang != lang:
        content.append(html.P(t("legal.other_language", lang), className="muted"))
    # Markdown without raw HTML: the city's text cannot inject markup or scripts
    content.append(html.Div(dcc.Markdown(body, dangerously_allow_html=False, link_target="_blank"),
                            lang=text_lang, className="legal-text"))
    return content


def index(lang: str) -> list:
    return [html.H1(t("legal.index_title", lang)),
            html.Ul([html.Li(html.A(t(f"legal.{doc}", lang), href=f"/{lang}/legal/{doc}"))
                     for doc in legal_texts.DOCUMENTS])]


def layout(lang: str = "en", doc: str | None = None, **_q):
    lang = normalise_language(lang)
    if doc is None:
        content, name = index(lang), "legal"
    elif doc in legal_texts.DOCUMENTS:
        content, name = document(doc, lang), f"legal/{doc}"
    else:
        content, name = [html.H1(t("legal.index_title", lang)), html.P(t("legal.unknown", lang))] + index(lang)[1:], "legal"
    return shell.page(lang, name, html.Article(content, className="legal"), _dataset())


dash.register_page(__name__, path_template="/<lang>/legal", title="Essen ⇄ Koriyama", name="legal", layout=layout)
dash.register_page(f"{__name__}_doc", path_template="/<lang>/legal/<doc>", title="Essen ⇄ Koriyama",
                   name="legal-doc", layout=layout)
