"""Measuring tools of the tests (not of the app): what a drawn map's axes mean on screen."""
from __future__ import annotations


def metres_per_pixel(axis_range, domain, length_px: float) -> float:
    """Ground metres per screen pixel of an axis: its span over its drawn length."""
    return (axis_range[1] - axis_range[0]) / ((domain[1] - domain[0]) * length_px)
