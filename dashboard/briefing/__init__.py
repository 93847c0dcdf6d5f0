"""Slides of a deck, for the presenter and the offline briefing pack (standalone HTML and PDF).

One job per module:

* :mod:`.slides` — :func:`build` turns a slide of a deck into its :class:`Content` (figures, cards, notes);
* :mod:`.provenance` — the sources and reference dates a slide names;
* :mod:`.layout` — :func:`slide_section`: the content as Dash components (presenter and export alike);
* :mod:`.static_html` — the standalone HTML file (Dash components serialised, plotly.js inline once);
* :mod:`.pdf` — figures as SVG by kaleido, pages printed to PDF by Chromium;
* :mod:`.pack` — :func:`export`: a deck into ``briefing-<deck>-<lang>.html`` / ``.pdf``;
* :mod:`.jobs` — the presenter's briefing-pack button: a background job and its progress.
"""
from dashboard.briefing.jobs import job_status, start_job
from dashboard.briefing.layout import GRAPH_CONFIG, PROJECTOR_FONT, projector, qr_block, slide_section
from dashboard.briefing.pack import FORMATS, export, steps
from dashboard.briefing.pdf import html_to_pdf, kaleido_session
from dashboard.briefing.slides import Content, build
from dashboard.briefing.static_html import to_html

__all__ = ["FORMATS", "GRAPH_CONFIG", "PROJECTOR_FONT", "Content", "build", "export", "html_to_pdf",
           "job_status", "kaleido_session", "projector", "qr_block", "slide_section", "start_job", "steps", "to_html"]
