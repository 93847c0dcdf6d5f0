"""Response headers: a Content-Security-Policy Dash can live with, and the usual hardening headers."""
from __future__ import annotations

from dash.exceptions import DependencyException
from flask import Flask

from dashboard.settings import settings


def content_security_policy() -> str:
    ancestors = settings().frame_ancestors
    return "; ".join([
        "default-src 'self'",
        # Dash's renderer evaluates callback code and Plotly compiles with new Function():
        "script-src 'self' 'unsafe-eval' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        f"frame-ancestors {ancestors}",
    ])


def add_security_headers(server: Flask) -> None:
    @server.after_request
    def _headers(response):
        response.headers.setdefault("Content-Security-Policy", content_security_policy())
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response

    @server.errorhandler(DependencyException)
    def _unknown_script(_exc):
        # Dash raises this for any unknown path under /_dash-component-suites/: a 404, not a 500 with a
        # logged traceback that anyone can trigger in a loop
        return ("Not found.", 404, {"Content-Type": "text/plain; charset=utf-8"})

    @server.errorhandler(500)
    def _error(_exc):
        return ("Internal error. The incident has been logged.", 500, {"Content-Type": "text/plain; charset=utf-8"})
