"""Walk a Dash component tree in tests: find components by class, collect visible strings."""
from __future__ import annotations


def _children(component):
    kids = getattr(component, "children", None)
    if kids is None:
        return []
    return kids if isinstance(kids, (list, tuple)) else [kids]


def walk(component):
    yield component
    for kid in _children(component):
        if kid is not None and not isinstance(kid, (str, int, float)):
            yield from walk(kid)


def find_all(component, class_name: str) -> list[dict]:
    found = []
    for node in walk(component):
        classes = (getattr(node, "className", None) or "").split()
        if class_name in classes:
            props = {k.replace("_", "-"): v for k, v in node.to_plotly_json()["props"].items()}
            props["component"] = node
            found.append(props)
    return found


def texts(component) -> list[str]:
    out = []
    for node in walk(component):
        for kid in _children(node):
            if isinstance(kid, (str, int, float)) and str(kid).strip():
                out.append(str(kid))
    return out
