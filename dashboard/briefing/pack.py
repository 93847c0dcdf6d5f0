"""A deck rendered into a briefing pack: ``briefing-<deck>-<lang>.html`` and/or ``.pdf``."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from dashboard import decks
from dashboard.briefing.pdf import PdfPrinter, render_print_html
from dashboard.briefing.slides import Progress, contents
from dashboard.briefing.static_html import render_html
from dashboard.decks import Deck
from dashboard.i18n import normalise_language, t

FORMATS = ("html", "pdf")


def export(deck: Deck | str | Path | None = None, lang: str = "en", formats: Iterable[str] = FORMATS,
           out_dir: Path | str = ".", dataset=None, base_url: str | None = None,
           on_progress: Progress | None = None) -> dict[str, Path]:
    """Render ``deck`` into ``out_dir``: ``briefing-<deck>-<lang>.html`` and/or ``.pdf``. Returns the paths."""
    from dashboard.data import current

    deck = deck if isinstance(deck, Deck) else decks.load(deck)
    lang = normalise_language(lang)
    formats = [f for f in FORMATS if f in set(formats)]
    dataset = dataset or current()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    printer = PdfPrinter() if "pdf" in formats else None
    try:
        return _export(deck, lang, formats, out_dir, dataset, base_url, on_progress, printer)
    finally:
        if printer is not None:
            printer.cancel()


def _export(deck, lang, formats, out_dir, dataset, base_url, on_progress, printer) -> dict[str, Path]:
    stem = f"briefing-{deck.name}-{lang}"
    items = contents(deck, lang, dataset, on_progress)
    written = {}
    if "html" in formats:
        if on_progress:
            on_progress(t("present.progress_html", lang), 1, 1)
        path = out_dir / f"{stem}.html"
        path.write_text(render_html(deck, lang, dataset, items, base_url), encoding="utf-8")
        written["html"] = path
    if "pdf" in formats:
        document = render_print_html(deck, lang, dataset, items, base_url, on_progress)
        if on_progress:
            on_progress(t("present.progress_pdf", lang), 1, 1)
        path = out_dir / f"{stem}.pdf"
        printer.print(document, path)
        written["pdf"] = path
    return written


def steps(deck: Deck, formats: Iterable[str]) -> int:
    """How many progress steps :func:`export` reports (for a progress bar)."""
    formats = set(formats)
    charts = sum(1 for s in deck.slides if s.view.page not in ("title", "overview"))
    return len(deck) + ("html" in formats) + (charts + 1 if "pdf" in formats else 0)

