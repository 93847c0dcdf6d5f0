"""Boundary downloads: the official files named in a boundary source's ``fetch:`` section.

::

    fetch:
      service: boundaries
      downloads:
        - url: https://…/verwaltungsgrenzen.geojson   # the publisher's download address
          file: essen_city.geojson                       # the name the boundaries step reads

Each file is downloaded as received and must read as a layer with geometries (GeoJSON, or a zipped
shapefile); simplification and the area check against the official area are done by the existing
boundaries step of ``etl run`` (:mod:`etl.boundaries`), which reads every ``kind: boundaries`` source
folder. Layers of the source that are not downloaded keep their current files.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from etl.fetch.errors import MalformedResponse
from etl.fetch.http import Client

SERVICE = "Boundary downloads"


def label(spec: dict) -> str:
    return SERVICE


def check_layer(path: Path, url: str) -> None:
    import geopandas as gpd

    try:
        frame = gpd.read_file(path)
    except Exception as exc:  # pyogrio raises several types for a file it cannot read
        raise MalformedResponse(SERVICE, url, f"not a readable boundary file ({type(exc).__name__}: {exc})") from None
    if frame.empty or frame.geometry.isna().all():
        raise MalformedResponse(SERVICE, url, "the file has no geometries")


def fetch(spec: dict, dest: Path, progress=None) -> dict:
    client = Client(SERVICE, progress)
    downloads = []
    for item in spec["downloads"]:
        download = client.get(item["url"])
        path = Path(dest) / item["file"]
        path.write_bytes(download.body)
        check_layer(path, download.url)
        downloads.append({"file": item["file"], **download.record()})
    names = [d["file"] for d in downloads]
    listed = yaml.safe_load((Path(dest) / "source.yaml").read_text(encoding="utf-8")).get("files") or []
    names += [f["name"] for f in listed if f["name"] not in names]     # layers not downloaded stay
    return {"method": "GET", "url": downloads[0]["url"] if downloads else "", "status": 200,
            "downloads": downloads, "files": names}
