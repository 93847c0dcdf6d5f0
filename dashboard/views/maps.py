"""Maps: where the pair's places lie, both at the same scale, one laid over the other."""
from __future__ import annotations

from typing import Mapping

from dashboard import query
from dashboard.cache import keyed
from dashboard.figures import maps as figures
from dashboard.selection import latest
from dashboard.views.base import PageView, one
from dashboard.views.pair import Pair

OVERLAYS = figures.OVERLAYS   # "a-on-b", "b-on-a": relative to the pair
CHARTS = ("location", "twin", "overlay")


def overlay_direction(raw, pair: Pair) -> str:
    """``a-on-b`` / ``b-on-a``; ``<place id>-on-<place id>`` of the pair's places is read as the same."""
    raw = one(raw)
    if raw in OVERLAYS:
        return raw
    if isinstance(raw, str) and "-on-" in raw:
        moving, _, base = raw.partition("-on-")
        sides = (pair.side(moving), pair.side(base))
        if sides in (("a", "b"), ("b", "a")):
            return f"{sides[0]}-on-{sides[1]}"
    return OVERLAYS[0]


# Figures depend only on (dataset version, pair, language, option): build each once per version.
_memo = keyed(48)


class MapsView(PageView):
    overlay: str = OVERLAYS[0]
    districts: bool = False

    @classmethod
    def from_query(cls, dataset, q: Mapping | None = None) -> "MapsView":
        q = q or {}
        pair = cls.pair_from(dataset, q)
        return cls(pair=pair, overlay=overlay_direction(q.get("overlay"), pair),
                   districts=query.flag(q.get("districts"), False))

    @classmethod
    def from_controls(cls, dataset, pair_id, overlay, districts) -> "MapsView":
        pair = cls.pair_from(dataset, {"pair": pair_id})
        return cls(pair=pair, overlay=overlay_direction(overlay, pair), districts=bool(districts))

    def params(self) -> dict[str, str]:
        return {"overlay": self.overlay if self.overlay != OVERLAYS[0] else "", "districts": "1" if self.districts else ""}

    # --- what the catalogue and the boundaries hold for the pair ---
    def rows(self) -> tuple[dict, dict]:
        return self.pair.a.row(), self.pair.b.row()

    @staticmethod
    def catalogue(dataset) -> dict[str, dict]:
        return {row["id"]: row for row in dataset.places.to_dict("records")}

    def has_coordinates(self) -> bool:
        return all(p.has_coordinates and p.time_zone for p in self.pair.places)

    def has_boundaries(self, dataset) -> bool:
        return all(pid in dataset.boundaries for pid in self.pair.ids)

    def official_areas(self, dataset) -> dict[str, float | None]:
        layers = dataset.boundary_meta.get("layers", {})
        return {pid: layers.get(pid, {}).get("area_km2_official") for pid in self.pair.ids}

    @staticmethod
    def stated_extent(dataset, place_id: str) -> tuple[dict, dict] | None:
        """The east-west and north-south extent as the partnership's documents state them (latest of each),
        shown with their caveat and source beside the computed ones; None unless both are stated."""
        ew, ns = (latest(dataset.facts, place_id, i) for i in ("extent_ew_km", "extent_ns_km"))
        return None if ew is None or ns is None else (ew, ns)

    def context_layers(self, dataset) -> list[str]:
        """Region and country layers drawn on the location map (the places' parents in the catalogue)."""
        catalogue, out = self.catalogue(dataset), []
        for pid in self.pair.ids:
            parent = catalogue.get(pid, {}).get("parent_id")
            while parent and parent in catalogue:
                if parent in dataset.boundaries:
                    out.append(parent)
                parent = catalogue[parent].get("parent_id")
        return out

    @staticmethod
    def land_layers(dataset) -> list[str]:
        """The world's land masses (boundary layers of kind 'land'), if published."""
        layers = dataset.boundary_meta.get("layers", {})
        return [n for n, m in layers.items() if m.get("kind") == "land" and n in dataset.boundaries]

    def land(self, dataset) -> dict | None:
        return next((dataset.boundaries[n] for n in self.land_layers(dataset)), None)

    def district_layer(self, dataset) -> tuple[dict, int] | None:
        """(place, number of districts) of the first place of the pair with a districts layer."""
        for place in self.rows():
            layer = dataset.boundaries.get(f"{place['id']}_districts")
            if layer:
                return place, len(layer.get("features", []))
        return None

    def moving_base(self) -> tuple[dict, dict]:
        return figures.overlay_pair(self.overlay, *self.rows())

    # --- figures ---
    def _key(self, dataset, *parts) -> tuple:
        return (dataset.version, id(dataset), self.pair.id, *parts)

    def location_figure(self, dataset, lang: str):
        return _memo(self._key(dataset, "location", lang), lambda: figures.location_map(
            *self.rows(), self.catalogue(dataset), dataset.boundaries, lang, land=self.land(dataset)))

    def twin_figure(self, dataset, lang: str):
        return _memo(self._key(dataset, "twin", lang, self.districts), lambda: figures.twin_map(
            *self.rows(), dataset.boundaries, lang, districts=self.districts, official_km2=self.official_areas(dataset),
            carry_districts=True))

    def overlay_figure(self, dataset, lang: str):
        return _memo(self._key(dataset, "overlay", lang, self.overlay), lambda: figures.overlay_map(
            *self.rows(), dataset.boundaries, lang, direction=self.overlay, official_km2=self.official_areas(dataset)))

    def outline(self, dataset, place_id: str):
        return _memo((dataset.version, id(dataset), "outline", place_id),
                     lambda: figures.city_outline(dataset.boundaries, place_id))

    def areas_km2(self, dataset) -> tuple[float, float]:
        official = self.official_areas(dataset)
        return tuple(official[p] or self.outline(dataset, p).area_km2 for p in self.pair.ids)
