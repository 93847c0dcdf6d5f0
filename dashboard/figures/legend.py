"""A chart's legend drawn by the page instead of by plotly: a key of the lines shown (name, colour, dash, marker).

plotly.js draws its legend again on every update of a chart (measuring each entry's text): on the people page
that was a third of redrawing a chart. A chart the page keys itself has ``showlegend`` off and each line carries
its key picture (``meta.swatch``: an SVG as a data URI). The page lists under the chart every line it may draw
there (:func:`entries`), those not drawn hidden; when a control redraws the chart, the browser shows and hides
the listed lines (``window.twincity.showLegend``). Exports add plotly's legend back."""
from __future__ import annotations

import copy
import math
from urllib.parse import quote

# plotly.js's dash patterns, in line widths (its Drawing.dashStyle: at least 3 px per unit)
DASHES = {"solid": (), "dot": (1, 1), "dash": (3, 3), "longdash": (5, 5), "dashdot": (3, 1, 1, 1),
          "longdashdot": (5, 2, 1, 2)}
WIDTH, HEIGHT = 36, 14                  # px of a key picture


def keyed(figure: dict) -> dict:
    """``figure`` with plotly's legend off and a key picture on each line that plotly would list (a copy)."""
    out = {**figure, "layout": {**figure["layout"], "showlegend": False}, "data": []}
    for trace in figure["data"]:
        trace = copy.copy(trace)
        if trace.get("showlegend", True) is not False:
            trace["meta"] = {**(trace.get("meta") or {}), "swatch": swatch(trace)}
        out["data"].append(trace)
    return out


def entries(figure: dict, every: list[dict] | None = None) -> list[dict]:
    """The legend of a keyed figure: ``{"name", "swatch", "shown"}`` per line with a key picture, in order — of the
    lines of ``every`` keyed figure the page may draw in its place (each named once), shown when ``figure`` shows
    them."""
    shown = {tr.get("name", "") for tr in figure["data"]
             if (tr.get("meta") or {}).get("swatch") and tr.get("visible", True) is not False}
    out: dict[str, dict] = {}
    for drawn in [*(every or []), figure]:
        for tr in drawn["data"]:
            name = tr.get("name", "")
            if (tr.get("meta") or {}).get("swatch") and name not in out:
                out[name] = {"name": name, "swatch": tr["meta"]["swatch"], "shown": name in shown}
    return list(out.values())


def swatch(trace: dict) -> str:
    """The key picture of a line: a stretch of its line (colour, width, dash) with its marker in the middle."""
    line, marker = trace.get("line") or {}, trace.get("marker") or {}
    mode = trace.get("mode", "lines+markers")
    colour = marker.get("color") or line.get("color") or "#555"
    parts = []
    if "lines" in mode:
        width = line.get("width", 2)
        unit = max(width, 3)
        dashes = ",".join(str(d * unit) for d in DASHES.get(line.get("dash", "solid"), ()))
        parts.append(f'<line x1="0" y1="{HEIGHT / 2}" x2="{WIDTH}" y2="{HEIGHT / 2}" '
                     f'stroke="{line.get("color", colour)}" stroke-width="{width}"'
                     + (f' stroke-dasharray="{dashes}"' if dashes else "") + "/>")
    if "markers" in mode:
        parts.append(_marker(marker.get("symbol", "circle"), min(marker.get("size", 9), HEIGHT - 2), colour,
                             (marker.get("line") or {}).get("color")))
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
           f'viewBox="0 0 {WIDTH} {HEIGHT}">{"".join(parts)}</svg>')
    return "data:image/svg+xml," + quote(svg, safe=" =:/,.")


def _marker(symbol: str, size: float, colour: str, outline: str | None) -> str:
    x, y, r = WIDTH / 2, HEIGHT / 2, size / 2
    open_ = symbol.endswith("-open")
    paint = f'fill="none" stroke="{colour}" stroke-width="1.5"' if open_ else \
        f'fill="{colour}"' + (f' stroke="{outline}" stroke-width="1"' if outline else "")
    base = symbol.removesuffix("-open")
    shapes = {
        "circle": f'<circle cx="{x}" cy="{y}" r="{r}" {paint}/>',
        "square": f'<rect x="{x - r}" y="{y - r}" width="{size}" height="{size}" {paint}/>',
        "diamond": _polygon([(x, y - r), (x + r, y), (x, y + r), (x - r, y)], paint),
        "diamond-wide": _polygon([(x, y - r * 0.8), (x + r * 1.4, y), (x, y + r * 0.8), (x - r * 1.4, y)], paint),
        "triangle-up": _polygon([(x, y - r), (x + r, y + r), (x - r, y + r)], paint),
        "star": _polygon([(x + r * (1 if i % 2 == 0 else 0.45) * math.sin(math.radians(i * 36)),
                           y - r * (1 if i % 2 == 0 else 0.45) * math.cos(math.radians(i * 36))) for i in range(10)],
                         paint),
    }
    shapes["x"] = (f'<path d="M{x - r},{y - r}L{x + r},{y + r}M{x - r},{y + r}L{x + r},{y - r}" '
                   f'stroke="{colour}" stroke-width="2" fill="none"/>')
    return shapes.get(base, shapes["circle"])


def _polygon(points, paint: str) -> str:
    return f'<polygon points="{" ".join(f"{px:.1f},{py:.1f}" for px, py in points)}" {paint}/>'
