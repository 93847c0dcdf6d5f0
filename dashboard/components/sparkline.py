"""A sparkline: a figure's yearly history as a small SVG drawn on the server, shown as an image (data URI),
so the card is plain HTML and visible before any chart library loads. Each figure is a dot; consecutive years
are joined by a line, years without a figure by a faint dotted line (nothing is drawn for them)."""
from __future__ import annotations

from base64 import b64encode
from html import escape

from dash import html

WIDTH, HEIGHT, PAD = 120, 30, 3
MIN_RELATIVE_SPAN = 0.1   # the height stands for at least 10 % of the value


def svg(points: list[tuple[int, float]], colour: str, width: int = WIDTH, height: int = HEIGHT) -> str:
    """The SVG text: one polyline per run of consecutive years, a dot on the latest value; "" for < 2 points."""
    if len(points) < 2:
        return ""
    years = [y for y, _ in points]
    values = [v for _, v in points]
    y0, y1 = min(years), max(years)
    lo, hi = min(values), max(values)
    floor = MIN_RELATIVE_SPAN * max(abs(lo), abs(hi))   # a change of 0.1 % must not fill the height
    if hi - lo < floor:
        middle = (hi + lo) / 2
        lo, hi = middle - floor / 2, middle + floor / 2
    span_x, span_y = (y1 - y0) or 1, (hi - lo) or 1

    def xy(year: int, value: float) -> tuple[float, float]:
        x = PAD + (year - y0) / span_x * (width - 2 * PAD)
        y = height - PAD - (value - lo) / span_y * (height - 2 * PAD) if hi != lo else height / 2
        return round(x, 1), round(y, 1)

    colour = escape(colour, quote=True)
    shapes = []
    for prev, cur in zip(points, points[1:]):
        (x0, y0_), (x1, y1_) = xy(*prev), xy(*cur)
        gap = cur[0] - prev[0] > 1   # years without a figure: a faint dotted line, no value drawn
        style = ('stroke-width="1" stroke-dasharray="1.5 2.5" stroke-opacity="0.6"' if gap
                 else 'stroke-width="1.8" stroke-linecap="round"')
        shapes.append(f'<line x1="{x0}" y1="{y0_}" x2="{x1}" y2="{y1_}" stroke="{colour}" {style}/>')
    for year, value in points[:-1]:
        x, y = xy(year, value)
        shapes.append(f'<circle cx="{x}" cy="{y}" r="1.1" fill="{colour}"/>')
    lx, ly = xy(*points[-1])
    shapes.append(f'<circle cx="{lx}" cy="{ly}" r="2.4" fill="{colour}"/>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}">{"".join(shapes)}</svg>')


def data_uri(text: str) -> str:
    return "data:image/svg+xml;base64," + b64encode(text.encode("utf-8")).decode("ascii")


def image(points: list[tuple[int, float]], colour: str, alt: str) -> html.Img | html.Span:
    """The sparkline as an image with ``alt`` (what it shows, in words); an empty span when there is no trend."""
    text = svg(points, colour)
    if not text:
        return html.Span(className="sparkline sparkline-none", **{"aria-hidden": "true"})
    return html.Img(src=data_uri(text), alt=alt, className="sparkline", width=WIDTH, height=HEIGHT)
