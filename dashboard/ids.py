"""Component ids used by more than one module live here."""
URL = "url"


def page_id(page: str, name: str) -> str:
    return f"{page}-{name}"
