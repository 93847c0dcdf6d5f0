"""Boundaries step: city, district, region and country outlines for the maps.

Read from a local mirror folder (``--mirror DIR`` or ``TWINCITY_GEO_MIRROR``). Each city's area is
computed in a Lambert azimuthal equal-area projection centred on the city and must match the
official area within 1 %. Geometries are simplified for the web and written as WGS84 GeoJSON,
with the attribution each licence requires. Without a mirror the step reports the boundaries as
missing and the rest of the dataset publishes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import yaml
from pyproj import CRS

from etl.errors import EtlError

LAYERS_FILE = Path(__file__).with_name("boundaries.yaml")
AREA_TOLERANCE = 0.01
SIMPLIFY_M = {"city": 25.0, "districts": 25.0, "region": 500.0, "country": 2000.0}


class BoundaryError(EtlError):
    exit_code = 6


@dataclass
class BoundaryResult:
    files: dict[str, str]
    meta: dict
    missing: bool
    warnings: list[str]


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


def load_layers() -> dict:
    return yaml.safe_load(LAYERS_FILE.read_text(encoding="utf-8"))["layers"]


def build(mirror: Path | None, official_area: dict[str, float]) -> BoundaryResult:
    layers = load_layers()
    if mirror is None or not Path(mirror).is_dir():
        return BoundaryResult({}, {"available": False, "layers": {}}, True,
                              ["boundaries missing: no mirror folder given (use --mirror DIR or "
                               "TWINCITY_GEO_MIRROR); the maps page shows the location map only"])
    files, meta, warnings = {}, {"available": True, "layers": {}}, []
    for name, spec in layers.items():
        path = Path(mirror) / spec["file"]
        if not path.exists():
            warnings.append(f"boundary layer {name}: {path} not found; layer left out")
            continue
        try:
            frame = gpd.read_file(path)
        except Exception as exc:  # pyogrio raises several types for a damaged file
            raise BoundaryError(f"{path}: cannot be read as GeoJSON: {exc}") from None
        if frame.empty or frame.geometry.isna().all():
            raise BoundaryError(f"{path}: has no geometries")
        if frame.crs is None:
            frame = frame.set_crs(4326)
        measured = area_and_extent(frame)
        official = official_area.get(spec["area_id"]) if spec.get("check_area") else None
        if spec.get("check_area"):
            if official is None:
                warnings.append(f"boundary layer {name}: no official area to check against")
            else:
                diff = measured["area_km2"] / official - 1
                if abs(diff) > AREA_TOLERANCE:
                    raise BoundaryError(f"{path}: computed area {measured['area_km2']:.2f} km² differs from the "
                                        f"official {official:.2f} km² by {diff:+.1%} (more than 1 %)")
        simple = simplify(frame, SIMPLIFY_M[spec["kind"]])
        keep = [c for c in simple.columns if c in ("geometry", "stadtbezirk", "stadtbezirk_roman", "name")]
        files[f"boundaries/{name}.geojson"] = simple[keep].to_json(drop_id=True)
        meta["layers"][name] = {
            "area_id": spec["area_id"], "kind": spec["kind"], "publisher": spec["publisher"],
            "url": spec["url"], "licence": spec["licence"], "attribution": spec["attribution"],
            "area_km2_computed": round(measured["area_km2"], 2),
            "area_km2_official": official, "extent_ew_km": round(measured["extent_ew_km"], 2),
            "extent_ns_km": round(measured["extent_ns_km"], 2), "centroid": measured["centroid"],
            "features": int(len(simple)),
        }
    files["boundaries/boundaries.json"] = json.dumps(meta, indent=2, ensure_ascii=False)
    return BoundaryResult(files, meta, False, warnings)
