"""Why a fetch failed, each with its own exit code. Messages name the service, the URL (never a
credential) and what to do; the raw and published data are untouched whenever one is raised."""
from __future__ import annotations

from etl.errors import EtlError


class FetchError(EtlError):
    exit_code = 1
    advice = ""

    def __init__(self, service: str, url: str, problem: str, advice: str | None = None):
        self.service, self.url, self.problem = service, url, problem
        advice = advice if advice is not None else self.advice
        super().__init__(f"{service}: {problem} — {url}" + (f" — {advice}" if advice else ""))


class Unreachable(FetchError):
    """No connection, or no answer within the timeout."""

    exit_code = 7
    advice = ("check the network and the service's status page, or the URL setting; "
              "the dashboard keeps running on the last published data")


class HttpError(FetchError):
    """An HTTP error status, or an HTML page (e.g. maintenance) where data was expected."""

    exit_code = 8
    advice = "try again later; if it persists, check the URL setting and the service's announcements"


class ServiceError(FetchError):
    """The service answered with its own error body (e.g. GENESIS status JSON, World Bank message)."""

    exit_code = 9
    advice = "read the service's message above; check the table or series named in source.yaml `fetch:`"


class MalformedResponse(FetchError):
    """The body cannot be read, or its structure changed (schema drift)."""

    exit_code = 10
    advice = ("the service may have changed its format: compare the response with the recorded one "
              "in tests/fixtures and adapt the connector; nothing was written")


class MissingCredentials(FetchError):
    """A service needs credentials that are not set in the environment."""

    exit_code = 11
    advice = ""
