"""The PDF briefing: figures drawn by kaleido (one Chromium for all of them) as SVG, pages laid out by
Chromium's print-to-PDF through Playwright; every page names its sources and reference dates."""
from __future__ import annotations

import base64
import html as htmlmod
import queue
import threading
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path

from dash import dcc

from dashboard.briefing.layout import projector, slide_section
from dashboard.briefing.slides import Content, Progress
from dashboard.briefing.static_html import _head, _href_rewriter, _read_asset, to_html
from dashboard.decks import Deck
from dashboard.i18n import normalise_language, t
from dashboard.settings import settings

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--headless=new", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
PRINT_FONT = 15              # px, charts in the PDF (pages of 1280 × 720 px)
PRINT_CHART = (920, 500)     # px, the chart area of a PDF page


_kaleido_lock = threading.RLock()
_kaleido_users = 0


@contextmanager
def kaleido_session():
    """Keep one kaleido server (one Chromium) for every image drawn inside; nests, stops at the outermost exit."""
    global _kaleido_users
    import kaleido

    with _kaleido_lock:
        if _kaleido_users == 0 and not kaleido._global_server.is_running():
            kaleido.start_sync_server(mathjax=False, silence_warnings=True)
            started = True
            # Chromium starts and compiles plotly.js on the first image: let that happen while slides are built.
            threading.Thread(target=svg_image, args=({"data": [], "layout": {}}, 20, 20), daemon=True,
                             name="kaleido-warm-up").start()
        else:
            started = False
        _kaleido_users += 1
    try:
        yield
    finally:
        with _kaleido_lock:
            _kaleido_users -= 1
            if _kaleido_users == 0 and started:
                kaleido.stop_sync_server(silence_warnings=True)


def svg_image(fig, width: int, height: int) -> bytes:
    import kaleido

    with _kaleido_lock:
        return kaleido.calc_fig_sync(fig, opts={"format": "svg", "width": width, "height": height})



def render_print_html(deck: Deck, lang: str, dataset, items: list[Content], base_url: str | None = None,
                      on_progress: Progress | None = None) -> str:
    """The pages of the PDF as one HTML document: figures as SVG images drawn by kaleido."""
    lang = normalise_language(lang)
    charts = [c for c in items if c.figure is not None]
    images: dict[int, str] = {}
    with kaleido_session():
        for i, c in enumerate(charts, start=1):
            if on_progress:
                on_progress(t("present.progress_images", lang, n=i, total=len(charts)), i, len(charts))
            fig = projector(c.figure, PRINT_FONT)
            fig["layout"].update(width=PRINT_CHART[0], height=PRINT_CHART[1])
            if fig["layout"].get("xaxis", {}).get("rangeslider", {}).get("visible"):
                fig["layout"]["xaxis"]["rangeslider"]["visible"] = False  # a static page cannot slide
            svg = svg_image(fig, *PRINT_CHART)
            images[c.number] = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")

    def graph(component) -> str:
        number = int(component.id.split("-")[1])
        alt = htmlmod.escape(component.className or "", quote=True)
        return f'<img class="slide-chart" src="{images[number]}" alt="{alt}">'

    live = (base_url or "").rstrip("/")
    pages = []
    for c in items:
        graph_component = (dcc.Graph(id=f"chart-{c.number}", className=c.label or c.heading or c.title)
                           if c.figure is not None else None)
        section = slide_section(c, dataset, graph=graph_component, live_url=live + c.live_path if live else "")
        pages.append(to_html(section, graph=graph, href=_href_rewriter(base_url)))
    title = t("present.export.doc_title", lang, title=deck.title(lang))
    return (_head(lang, title, _read_asset("present.css"))
            + '<body class="present-print-body">\n<div class="present present-print">\n'
            + "\n".join(pages) + "\n</div>\n</body>\n</html>\n")


class PdfPrinter:
    """Chromium's print-to-PDF through Playwright (system Chromium); nothing may leave the machine.

    The browser starts in its own thread as soon as the printer is made, so that it is ready by the time
    the pages are laid out (and Playwright's sync API never runs inside another one, e.g. a test's)."""

    def __init__(self):
        self._job: queue.Queue = queue.Queue(maxsize=1)
        self._done: Future = Future()
        threading.Thread(target=self._run, daemon=True, name="pdf-printer").start()

    def _run(self) -> None:
        try:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=settings().chromium, args=CHROMIUM_ARGS)
                try:
                    page = browser.new_page(viewport={"width": 1280, "height": 720})
                    page.route("**/*", lambda route: route.continue_()
                               if route.request.url.startswith(("data:", "about:")) else route.abort())
                    job = self._job.get()
                    if job is None:
                        self._done.set_result(None)
                        return
                    document, out = job
                    page.set_content(document, wait_until="load")
                    page.evaluate("document.fonts.ready")
                    page.pdf(path=str(out), prefer_css_page_size=True, print_background=True)
                    self._done.set_result(out)
                finally:
                    browser.close()
        except BaseException as exc:  # handed to the caller of print()
            if not self._done.done():
                self._done.set_exception(exc)

    def print(self, document: str, out: Path) -> Path:
        self._job.put((document, out))
        return self._done.result(timeout=300)

    def cancel(self) -> None:
        try:
            self._job.put_nowait(None)
        except queue.Full:
            pass


def html_to_pdf(document: str, out: Path) -> Path:
    """One HTML document printed to PDF by Chromium (the fact sheet)."""
    return PdfPrinter().print(document, out)
