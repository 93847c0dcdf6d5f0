"""The fact sheet: one printable A4 page per pair and language, or two languages side by side (en+ja, de+ja,
en+de) for delegation visits. Every figure with its source and date in small print, a small same-scale map of
both cities and the partnership's milestones; printed to PDF by Chromium like the briefing pack."""
from __future__ import annotations

import html as htmlmod
import tempfile
import threading
from datetime import date
from pathlib import Path

from dash import html

from dashboard.components import twin_map_svg
from dashboard.components.glance import distance_items, next_text, since_text
from dashboard.components.source_note import as_of, quality_label
from dashboard.i18n import LANGUAGES, t
from dashboard.i18n import format as fmt
from dashboard.views import glance
from dashboard.views.pair import Pair, comparability
from dashboard.views.timeline import pair_events

CODES = ("en", "de", "ja", "en+ja", "de+ja", "en+de")
ASSETS = Path(__file__).resolve().parent.parent / "assets"


def languages(code: str) -> tuple[str, ...]:
    """``"en+ja"`` → ``("en", "ja")``; a code outside ``CODES`` is refused."""
    if code not in CODES:
        raise ValueError(f"unknown fact sheet language {code!r}; one of {', '.join(CODES)}")
    return tuple(code.split("+"))


def file_name(pair: Pair, code: str) -> str:
    return f"factsheet-{pair.id}-{code}.pdf"


def _cell(fact: dict | None, indicator: dict, dataset, lang: str) -> html.Td:
    if fact is None:
        return html.Td([html.Span(t("common.no_data", lang), className="fs-gap")], className="fs-value")
    decimals = int(indicator.get("decimals") or 0)
    cited = f"{as_of(fact, lang)} · {glance.short_source(fact, dataset, lang)}"
    quality = fact.get("source_quality")
    if isinstance(quality, str) and quality not in ("", "official"):     # the kind of source, when not official
        cited += f" ({quality_label(quality, lang)})"
    return html.Td([
        html.Span(fmt.value(fact["value"], fact["unit"], lang, decimals), className="fs-number"),
        html.Small(cited, className="fs-small"),
    ], className="fs-value")


def table(dataset, pair: Pair, indicators, lang: str, caption: str) -> html.Table:
    rows = []
    for figure in glance.figures(dataset, pair, indicators):
        ind = figure.indicator
        rows.append(html.Tr([html.Th(ind.get(f"label_{lang}", ind["id"]), scope="row"),
                             *[_cell(f, ind, dataset, lang) for f in figure.facts]]))
    head = html.Tr([html.Th(""), *[html.Th(p.name(lang), scope="col", style={"color": p.text_colour})
                                   for p in pair.places]])
    cols = html.Colgroup([html.Col(className="fs-label-col"), html.Col(), html.Col()])
    return html.Table([html.Caption(caption), cols, html.Thead(head), html.Tbody(rows)], className="fs-table")


def milestones(dataset, pair: Pair, lang: str, limit: int = 8) -> list[tuple[str, str]]:
    """(date, title) of the pair's milestones that were held, oldest first (the latest ``limit``)."""
    ev = pair_events(dataset, pair)
    held = ev[(ev["milestone"].fillna(False).astype(bool) & ev["status"].eq("held")).to_numpy()]
    held = held.assign(_d=[glance._start_date(s) or date.min for s in held["date_start"].astype(str)])
    held = held.sort_values("_d").tail(limit)
    return [(fmt.date_range(r["_d"], None, lang, r["precision"]), str(r[f"title_{lang}"] or r["title_en"]))
            for r in held.to_dict("records")]


def notes(dataset, pair: Pair, indicators, lang: str) -> list[str]:
    """The comparability notes of the figures shown, each once."""
    return list(dict.fromkeys(n for n in (comparability(dataset, pair, i, lang) for i in indicators) if n))


def column(dataset, pair: Pair, lang: str, today: date) -> html.Div:
    head = glance.headline(dataset, pair, today)
    core = glance.core_ids(dataset, pair)
    fields = [i for i in glance.HEALTH_NEXT if dataset.indicator(i)]
    facts = [since_text(head, pair, lang), *distance_items(head, pair, lang),
             t("glance.activities_since", lang, n=head.joint_activities, year=head.since[:4]) if head.since
             else t("glance.activities", lang, n=head.joint_activities), next_text(head, lang),
             t("glance.fields", lang) + " " + ", ".join(t(f"timeline.field_short.{f}", lang) for f in head.fields)]
    return html.Div([
        html.H1(t("factsheet.title", lang, **pair.names(lang))),
        html.Ul([html.Li(f) for f in facts], className="fs-strip"),
        table(dataset, pair, core, lang, t("glance.core_title", lang)),
        table(dataset, pair, fields, lang, t("glance.fields_title", lang)),
        html.H2(t("factsheet.milestones", lang)),
        html.Ul([html.Li([html.Span(d, className="fs-date"), " ", title]) for d, title in milestones(dataset, pair, lang)],
                className="fs-milestones"),
        html.H2(t("factsheet.notes", lang)),
        html.Ul([html.Li(n) for n in notes(dataset, pair, [*core, *fields], lang)], className="fs-notes"),
        html.P(t("factsheet.footer", lang, version=dataset.version, date=fmt.day(today, lang)), className="fs-small"),
    ], className=f"fs-column lang-{lang}", lang=lang)


def map_block(dataset, pair: Pair, langs: tuple[str, ...]) -> html.Div | None:
    lang = langs[0]
    drawing = twin_map_svg.svg(dataset, pair, lambda km: t("factsheet.scale", lang, km=fmt.number(km, lang, 0)))
    if not drawing:
        return None
    from dashboard.components.sparkline import data_uri

    legend = [html.Span(" / ".join(dict.fromkeys(p.name(code) for code in langs)), style={"color": p.text_colour},
                        className="fs-legend") for p in pair.places]
    caption = " / ".join(t("factsheet.map_caption", code) for code in langs)
    return html.Figure([html.Img(src=data_uri(drawing), alt=caption, className="fs-map"),
                        html.Figcaption([*legend, html.Br(), caption], className="fs-small")], className="fs-figure")


def document(dataset, pair: Pair, code: str, today: date | None = None) -> str:
    """The fact sheet as one HTML document for Chromium's print-to-PDF (A4, one page)."""
    from dashboard.briefing import to_html

    today = today or date.today()
    langs = languages(code)
    body = html.Div([map_block(dataset, pair, langs),
                     html.Div([column(dataset, pair, lang, today) for lang in langs],
                              className=f"fs-columns fs-{len(langs)}")], className="factsheet")
    title = " / ".join(t("factsheet.title", lang, **pair.names(lang)) for lang in langs)
    css = (ASSETS / "factsheet.css").read_text(encoding="utf-8")
    return (f'<!DOCTYPE html>\n<html lang="{langs[0]}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{htmlmod.escape(title)}</title>\n<style>\n{css}\n</style>\n</head>\n"
            f"<body>\n{to_html(body)}\n</body>\n</html>\n")


def write(dataset, pair: Pair, code: str, out_dir: Path | str, today: date | None = None) -> Path:
    from dashboard.briefing import html_to_pdf

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return html_to_pdf(document(dataset, pair, code, today), out_dir / file_name(pair, code))


_CACHE = Path(tempfile.gettempdir()) / "twincity-factsheets"
_lock = threading.Lock()


def install(server) -> None:
    """``/factsheet/<code>.pdf?pair=…``: the fact sheet of the URL's pair, printed once per dataset version."""
    from flask import abort, request, send_file

    from dashboard.data import current
    from dashboard.views.pair import resolve

    @server.route("/factsheet/<code>.pdf")
    def _factsheet(code: str):
        if code not in CODES:
            abort(404)
        dataset = current()
        pair = resolve(dataset, request.args.get("pair"))
        today = date.today()
        folder = _CACHE / dataset.version / today.isoformat()
        path = folder / file_name(pair, code)
        with _lock:
            if not path.exists():
                write(dataset, pair, code, folder, today)
        return send_file(path, mimetype="application/pdf", as_attachment=True, download_name=path.name,
                         max_age=3600)


__all__ = ["CODES", "LANGUAGES", "document", "file_name", "install", "languages", "write"]
