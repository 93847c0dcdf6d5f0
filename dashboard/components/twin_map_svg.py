"""The twin map thumbnail: both cities' outlines side by side at the same scale, as a small SVG with a scale
bar (fact sheet, presenter's title slide). Drawn on the server from the published boundaries."""
from __future__ import annotations

from html import escape

from dashboard.geometry import nice_length, outline_xy, project_local, simplify

GAP = 0.12  # of the total width, between the two outlines


def svg(dataset, pair, scale_label: str, width: int = 360, height: int = 130) -> str:
    """``scale_label`` formats the scale bar's length: ``scale_label(km) -> "10 km"``. "" without boundaries."""
    shapes = []
    for place in pair.places:
        geojson = dataset.boundaries.get(place.id)
        if geojson is None:
            return ""
        shapes.append((place, project_local(geojson).geometry))
    spans = [(g.bounds[2] - g.bounds[0], g.bounds[3] - g.bounds[1]) for _, g in shapes]
    bar_room = 22
    scale = min((width * (1 - GAP)) / sum(w for w, _ in spans), (height - bar_room) / max(h for _, h in spans))
    parts, x0 = [], 0.0
    for (place, geom), (w, h) in zip(shapes, spans):
        minx, miny, maxx, maxy = geom.bounds
        geom = simplify(geom, 1.0 / scale)   # one pixel
        xs, ys = outline_xy(geom, 0)
        rings, ring = [], []
        for x, y in zip(xs, ys):
            if x != x:       # NaN separates rings
                rings.append(ring)
                ring = []
                continue
            ring.append(f"{x0 + (x - minx) * scale:.1f},{(maxy - y) * scale + (height - bar_room - h * scale) / 2:.1f}")
        rings.append(ring)
        d = " ".join("M" + " L".join(r) + " Z" for r in rings if r)
        colour = escape(place.colour, quote=True)
        parts.append(f'<path d="{d}" fill="{colour}" fill-opacity="0.25" stroke="{colour}" stroke-width="1.2" '
                     'fill-rule="evenodd"/>')
        x0 += w * scale + width * GAP
    metres = nice_length(width / scale, 0.25)
    bar = metres * scale
    y = height - 6
    parts.append(f'<path d="M4,{y} H{4 + bar:.1f}" stroke="#1a1a1a" stroke-width="2"/>'
                 f'<path d="M4,{y - 4} V{y} M{4 + bar:.1f},{y - 4} V{y}" stroke="#1a1a1a" stroke-width="1"/>'
                 f'<text x="{8 + bar:.1f}" y="{y}" font-size="10" fill="#1a1a1a">'
                 f'{escape(scale_label(metres / 1000))}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}">{"".join(parts)}</svg>')
