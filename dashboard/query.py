"""View state in the URL: parse query values against what is allowed, never trusting the input."""
from __future__ import annotations


def choice(value, allowed, default):
    """A single value from ``allowed``, else ``default``."""
    return value if isinstance(value, str) and value in allowed else default


def choices(value, allowed, default):
    """A comma-separated list filtered to ``allowed`` (order kept), else ``default``."""
    if not isinstance(value, str) or not value:
        return list(default)
    picked = [v for v in value.split(",") if v in allowed]
    return picked or list(default)


def year_range(value, lo: int, hi: int, default):
    """"2000-2024" → (2000, 2024) clipped to [lo, hi]; anything else → ``default``."""
    try:
        a, b = (int(x) for x in str(value).split("-", 1))
    except (TypeError, ValueError):
        return tuple(default)
    a, b = max(lo, min(a, hi)), max(lo, min(b, hi))
    return (a, b) if a <= b else tuple(default)


def flag(value, default: bool) -> bool:
    if value in ("1", "true", "on"):
        return True
    if value in ("0", "false", "off"):
        return False
    return default


def slider_range(value, lo: int, hi: int, default):
    """A RangeSlider's [a, b] value checked like a URL value: clipped to [lo, hi], else ``default``."""
    text = f"{value[0]}-{value[1]}" if isinstance(value, (list, tuple)) and len(value) == 2 else None
    return year_range(text, lo, hi, default)
