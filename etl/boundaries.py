"""Boundaries step: city, district, region, country and land outlines for the maps.

Boundary files are raw snapshots like every other source: each publisher has a folder in ``data/raw``
whose ``source.yaml`` says ``kind: boundaries`` and lists its ``layers`` (layer id, file, the place it
outlines, kind, whether its area is checked). Each file is verified against the sha256 recorded there,
must be WGS84 GeoJSON, and each city's area — computed in a Lambert azimuthal equal-area projection
centred on the city — must match the official area within 1 %. Geometries are simplified for the web
and published as WGS84 GeoJSON with the attribution each licence requires.

``mirror`` (``twincity etl run --mirror DIR``) is the one explicit way to take newer files from a
folder: a layer whose file name exists there is read from it instead, validated the same way, and the
run says which file it took from where.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
from pyproj import CRS

from etl.catalogues import read_source_meta
from etl.errors import EtlError
from etl.extract.checksums import verify

AREA_TOLERANCE = 0.01
SIMPLIFY_M = {"city": 25.0, "districts": 25.0, "region": 500.0, "country": 2000.0}
PRECISION_DEG = {"land": 1e-2}          # 1:110m land: about 1 km, far below its own accuracy
KEEP_PROPERTIES = ("geometry", "stadtbezirk", "stadtbezirk_roman", "name")
WGS84 = CRS.from_epsg(4326)


class BoundaryError(EtlError):
    exit_code = 6


@dataclass
class BoundaryResult:
    files: dict[str, str]
    meta: dict
    missing: bool
    warnings: list[str]
    sources: dict[str, dict] = field(default_factory=dict)     # source id → its source.yaml
    checksums: dict[str, dict] = field(default_factory=dict)   # source id → {file: sha256}


def local_equal_area(lon: float, lat: float) -> CRS:
    return CRS.from_proj4(f"+proj=laea +lat_0={lat:.6f} +lon_0={lon:.6f} +datum=WGS84 +units=m +no_defs")


def area_and_extent(frame: gpd.GeoDataFrame) -> dict:
    """Area (km²) and east–west / north–south extent (km) in a local equal-area projection."""
    shape = frame.to_crs(4326).union_all()
    centre = shape.centroid
    local = gpd.GeoSeries([shape], crs=4326).to_crs(local_equal_area(centre.x, centre.y))
    minx, miny, maxx, maxy = local.total_bounds
    return {"area_km2": float(local.area.iloc[0]) / 1e6, "extent_ew_km": (maxx - minx) / 1000,
            "extent_ns_km": (maxy - miny) / 1000, "centroid": [round(centre.x, 5), round(centre.y, 5)]}


def simplify(frame: gpd.GeoDataFrame, tolerance_m: float) -> gpd.GeoDataFrame:
    """Simplify in metres (local equal-area projection), return WGS84 with 5-decimal coordinates."""
    frame = frame.to_crs(4326)
    centre = frame.union_all().centroid
    local = frame.to_crs(local_equal_area(centre.x, centre.y))
    local["geometry"] = local.geometry.simplify(tolerance_m, preserve_topology=True)
    out = local.to_crs(4326)
    out["geometry"] = out.geometry.set_precision(1e-5)
    return out


def boundary_sources(raw: Path) -> list[tuple[Path, dict]]:
    """Every raw source folder whose ``source.yaml`` declares ``kind: boundaries``."""
    found = []
    for source_yaml in sorted(Path(raw).glob("*/source.yaml")):
        meta = read_source_meta(source_yaml.parent)
        if meta.get("kind") == "boundaries":
            if not isinstance(meta.get("layers"), list) or not meta["layers"]:
                raise BoundaryError(f"{source_yaml}: kind 'boundaries' needs a non-empty list 'layers'")
            found.append((source_yaml.parent, meta))
    return found


def read_geojson(path: Path) -> gpd.GeoDataFrame:
    """A GeoJSON file as WGS84 frame; any damage, another CRS or impossible coordinates name the file."""
    if not path.exists() or path.stat().st_size == 0:
        raise BoundaryError(f"{path}: boundary file is missing or empty")
    try:
        frame = gpd.read_file(path)
    except Exception as exc:  # pyogrio raises several types for a damaged file
        raise BoundaryError(f"{path}: cannot be read as GeoJSON: {exc}") from None
    if frame.empty or frame.geometry.isna().all():
        raise BoundaryError(f"{path}: has no geometries")
    if frame.crs is None:
        frame = frame.set_crs(4326)
    elif not CRS(frame.crs).equals(WGS84, ignore_axis_order=True):
        raise BoundaryError(f"{path}: coordinates are in {CRS(frame.crs).to_string()}, "
                            "expected WGS84 (EPSG:4326) as GeoJSON requires")
    minx, miny, maxx, maxy = frame.total_bounds
    eps = 1e-6   # world files reach ±180° with rounding noise
    if not (-180 - eps <= minx <= maxx <= 180 + eps and -90 - eps <= miny <= maxy <= 90 + eps):
        raise BoundaryError(f"{path}: coordinates outside longitude −180…180 / latitude −90…90 "
                            "(projected coordinates without a CRS?)")
    return frame


def _check_area(path: Path, layer: dict, measured: dict, official_area: dict, warnings: list) -> float | None:
    if not layer.get("check_area"):
        return None
    official = official_area.get(layer["area_id"])
    if official is None:
        warnings.append(f"boundary layer {layer['id']}: no official area to check against")
        return None
    diff = measured["area_km2"] / official - 1
    if abs(diff) > AREA_TOLERANCE:
        raise BoundaryError(f"{path}: computed area {measured['area_km2']:.2f} km² differs from the "
                            f"official {official:.2f} km² by {diff:+.1%} (more than 1 %)")
    return official


def _publishable(frame: gpd.GeoDataFrame, kind: str) -> gpd.GeoDataFrame:
    if kind in PRECISION_DEG:
        out = frame.to_crs(4326)
        out["geometry"] = out.geometry.set_precision(PRECISION_DEG[kind])
        out = out[~out.geometry.is_empty]
    else:
        out = simplify(frame, SIMPLIFY_M[kind])
    return out[[c for c in out.columns if c in KEEP_PROPERTIES]]


def build(raw: Path, official_area: dict[str, float], mirror: Path | None = None) -> BoundaryResult:
    sources = boundary_sources(raw)
    if not sources:
        return BoundaryResult({}, {"available": False, "layers": {}}, True,
                              [f"boundaries missing: no source in {raw} declares kind 'boundaries'; "
                               "the maps page shows the location map only"])
    if mirror is not None and not Path(mirror).is_dir():
        raise BoundaryError(f"{mirror}: --mirror must name an existing folder")
    result = BoundaryResult({}, {"available": True, "layers": {}}, False, [])
    for source_dir, meta in sources:
        from_mirror = {layer["file"] for layer in meta["layers"] if mirror and (Path(mirror) / layer["file"]).is_file()}
        result.checksums[meta["id"]] = verify(source_dir, [f for f in meta["files"] if f["name"] not in from_mirror])
        result.sources[meta["id"]] = meta
        for layer in meta["layers"]:
            if layer.get("kind") not in (*SIMPLIFY_M, *PRECISION_DEG):
                raise BoundaryError(f"{source_dir / 'source.yaml'}: layer {layer.get('id')!r} has unknown kind "
                                    f"{layer.get('kind')!r}")
            path = (Path(mirror) if layer["file"] in from_mirror else source_dir) / layer["file"]
            if layer["file"] in from_mirror:
                result.warnings.append(f"boundary layer {layer['id']}: taken from {path} (mirror), "
                                       f"not from {source_dir / layer['file']}")
            frame = read_geojson(path)
            measured = area_and_extent(frame) if layer["kind"] != "land" else {}
            official = _check_area(path, layer, measured, official_area, result.warnings)
            simple = _publishable(frame, layer["kind"])
            result.files[f"boundaries/{layer['id']}.geojson"] = simple.to_json(drop_id=True)
            result.meta["layers"][layer["id"]] = {
                "area_id": layer["area_id"], "kind": layer["kind"], "source_id": meta["id"],
                "file": (f"mirror:{layer['file']}" if layer["file"] in from_mirror else f"{source_dir.name}/{layer['file']}"),
                "publisher": meta["publisher"], "url": meta.get("url", ""), "licence": meta["licence"],
                "attribution": meta.get("attribution", ""), "area_km2_official": official,
                **({"area_km2_computed": round(measured["area_km2"], 2),
                    "extent_ew_km": round(measured["extent_ew_km"], 2),
                    "extent_ns_km": round(measured["extent_ns_km"], 2),
                    "centroid": measured["centroid"]} if measured else {}),
                "features": int(len(simple)),
            }
    result.files["boundaries/boundaries.json"] = json.dumps(result.meta, indent=2, ensure_ascii=False)
    return result
