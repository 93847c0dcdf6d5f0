"""Pure geometry for the maps page: distances, routes, local equal-area projection, areas, extents,
overlay translation and the common scale of the twin panels. No Dash, no I/O.

Lengths are in metres unless a name says ``_km``; geographic coordinates are (lon, lat) in WGS84.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely
from shapely import affinity
from pyproj import CRS, Geod, Transformer
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

GEOD = Geod(ellps="WGS84")


# --- the globe -------------------------------------------------------------------------------------

def distance_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle (geodesic, WGS84 ellipsoid) distance in km."""
    return GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000.0


def route(lon1: float, lat1: float, lon2: float, lat2: float, n: int = 128) -> tuple[list[float], list[float]]:
    """``n`` points along the geodesic from point 1 to point 2, both ends included: (lons, lats)."""
    inner = GEOD.npts(lon1, lat1, lon2, lat2, max(n - 2, 0))
    lons = [lon1, *(p[0] for p in inner), lon2]
    lats = [lat1, *(p[1] for p in inner), lat2]
    return lons, lats


# --- GeoJSON → shapely ----------------------------------------------------------------------------

def to_shape(geojson: dict | BaseGeometry) -> BaseGeometry:
    """One geometry from a GeoJSON FeatureCollection, Feature or geometry (features merged)."""
    if isinstance(geojson, BaseGeometry):
        return geojson
    kind = geojson.get("type")
    if kind == "FeatureCollection":
        parts = [shape(f["geometry"]) for f in geojson.get("features", []) if f.get("geometry")]
        if not parts:
            raise ValueError("FeatureCollection without geometries")
        return parts[0] if len(parts) == 1 else unary_union(parts)
    if kind == "Feature":
        return shape(geojson["geometry"])
    return shape(geojson)


def features(geojson: dict) -> list[tuple[dict, BaseGeometry]]:
    """(properties, geometry) of each feature of a FeatureCollection."""
    return [(f.get("properties") or {}, shape(f["geometry"]))
            for f in geojson.get("features", []) if f.get("geometry")]


# --- local projection in metres --------------------------------------------------------------------

def local_crs(lon: float, lat: float) -> CRS:
    """Lambert azimuthal equal-area projection centred on (lon, lat), in metres."""
    return CRS.from_proj4(f"+proj=laea +lat_0={lat:.6f} +lon_0={lon:.6f} +datum=WGS84 +units=m +no_defs")


def geographic_centre(geom: BaseGeometry) -> tuple[float, float]:
    """The centroid of a WGS84 geometry, computed in lon/lat (the centre of its local projection)."""
    c = geom.centroid
    return c.x, c.y


@lru_cache(maxsize=64)
def _to_local(lon: float, lat: float) -> Transformer:
    return Transformer.from_crs(CRS.from_epsg(4326), local_crs(lon, lat), always_xy=True)


def reproject(geom: BaseGeometry, transformer: Transformer) -> BaseGeometry:
    """``geom`` with every coordinate passed through a pyproj ``Transformer`` (always_xy)."""
    return shapely.transform(geom, lambda x, y: transformer.transform(x, y), interleaved=False)


def project(geom: BaseGeometry, centre: tuple[float, float]) -> BaseGeometry:
    """A WGS84 geometry in the equal-area projection centred on ``centre`` (metres)."""
    return reproject(geom, _to_local(float(centre[0]), float(centre[1])))


@dataclass(frozen=True)
class Local:
    """A geometry in metres in its own equal-area projection, moved so that its centroid is (0, 0)."""

    geometry: BaseGeometry
    centre: tuple[float, float]  # lon, lat of the projection centre

    @property
    def area_km2(self) -> float:
        return area_km2(self.geometry)

    @property
    def extent_km(self) -> tuple[float, float]:
        return extent_km(self.geometry)


def project_local(geojson: dict | BaseGeometry, centre: tuple[float, float] | None = None) -> Local:
    """Project to metres around the geometry's own centre (or ``centre``); planar centroid at (0, 0)."""
    geom = to_shape(geojson)
    centre = centre or geographic_centre(geom)
    metres = project(geom, centre)
    c = metres.centroid
    return Local(affinity.translate(metres, -c.x, -c.y), centre)


def project_like(geojson: dict | BaseGeometry, reference: Local, offset: tuple[float, float]) -> BaseGeometry:
    """Another layer (e.g. districts) in ``reference``'s projection, shifted by the same ``offset``."""
    metres = project(to_shape(geojson), reference.centre)
    return affinity.translate(metres, offset[0], offset[1])


def local_offset(geojson: dict | BaseGeometry, centre: tuple[float, float]) -> tuple[float, float]:
    """The shift ``project_local`` applies: minus the planar centroid in the projection at ``centre``."""
    c = project(to_shape(geojson), centre).centroid
    return -c.x, -c.y


def area_km2(geom_m: BaseGeometry) -> float:
    return geom_m.area / 1e6


def extent_km(geom_m: BaseGeometry) -> tuple[float, float]:
    """(east–west, north–south) extent in km of a geometry in a local projection (north up)."""
    minx, miny, maxx, maxy = geom_m.bounds
    return (maxx - minx) / 1000.0, (maxy - miny) / 1000.0


# --- overlay ---------------------------------------------------------------------------------------

def translate_onto(moving: BaseGeometry, target: BaseGeometry) -> BaseGeometry:
    """``moving`` shifted (not rotated, not scaled) so that its centroid lies on ``target``'s centroid.

    Both must be in metres at the same scale (e.g. each in its own local equal-area projection)."""
    a, b = moving.centroid, target.centroid
    return affinity.translate(moving, b.x - a.x, b.y - a.y)


# --- same scale in two panels ----------------------------------------------------------------------

@dataclass(frozen=True)
class View:
    """Axis ranges (metres) shared by the twin panels: same span in x and in y for every panel."""

    x_range: tuple[float, float]
    y_range: tuple[float, float]

    @property
    def width_m(self) -> float:
        return self.x_range[1] - self.x_range[0]

    @property
    def height_m(self) -> float:
        return self.y_range[1] - self.y_range[0]

    @property
    def aspect(self) -> float:
        return self.width_m / self.height_m


def common_view(geoms: list[BaseGeometry], pad: float = 0.06, bottom_extra: float = 0.0) -> View:
    """One view centred on (0, 0) wide and tall enough for every geometry (each centred on its centroid).

    Using this view for every panel, with equal panel sizes and a 1:1 aspect, draws every city at the
    same number of metres per pixel. ``bottom_extra`` adds room below (fraction of the height) for a
    scale bar."""
    half_w = max(max(abs(g.bounds[0]), abs(g.bounds[2])) for g in geoms) * (1 + pad)
    half_h = max(max(abs(g.bounds[1]), abs(g.bounds[3])) for g in geoms) * (1 + pad)
    return View((-half_w, half_w), (-half_h * (1 + 2 * bottom_extra), half_h))


def fit_view(geoms: list[BaseGeometry], pad: float = 0.08, bottom_extra: float = 0.0) -> View:
    """The smallest view (with padding) around all ``geoms``, not necessarily centred on (0, 0)."""
    minx, miny, maxx, maxy = unary_union(geoms).bounds
    px, py = (maxx - minx) * pad, (maxy - miny) * pad
    return View((minx - px, maxx + px), (miny - py - (maxy - miny) * bottom_extra, maxy + py))


def nice_length(span_m: float, fraction: float = 0.25) -> float:
    """A round scale-bar length (1, 2 or 5 × 10ⁿ metres) no longer than ``fraction`` of ``span_m``."""
    target = span_m * fraction
    if target <= 0:
        raise ValueError("span must be positive")
    power = 10 ** math.floor(math.log10(target))
    return max(m * power for m in (1, 2, 5) if m * power <= target)


# --- drawing helpers -------------------------------------------------------------------------------

def outline_xy(geom: BaseGeometry, decimals: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """x and y of every ring, rings separated by NaN (Plotly draws/fills each part separately)."""
    xs, ys = [], []
    polygons = getattr(geom, "geoms", [geom])
    for poly in polygons:
        if poly.is_empty:
            continue
        rings = [poly.exterior, *poly.interiors] if hasattr(poly, "exterior") else [poly]
        for ring in rings:
            coords = np.asarray(ring.coords)
            if xs:
                xs.append(np.array([np.nan]))
                ys.append(np.array([np.nan]))
            xs.append(coords[:, 0])
            ys.append(coords[:, 1])
    if not xs:
        return np.array([]), np.array([])
    x, y = np.concatenate(xs), np.concatenate(ys)
    return np.round(x, decimals), np.round(y, decimals)


def simplify(geom: BaseGeometry, tolerance: float) -> BaseGeometry:
    """Fewer vertices for drawing (never for measuring)."""
    return geom.simplify(tolerance, preserve_topology=True) if tolerance > 0 else geom
