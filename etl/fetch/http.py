"""One HTTP client for every connector: requests + urllib3 Retry (back-off on failed connections and
429/5xx), a timeout, a clear User-Agent, and errors mapped to the fetch exit codes.

Credentials travel only in headers or in query parameters named in :data:`SECRET_PARAMS`; the URL
shown in messages and written to source.yaml never contains them.
"""
from __future__ import annotations

import socket
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from etl.fetch import settings
from etl.fetch.errors import HttpError, Unreachable

USER_AGENT = "twincity-etl/0.1 (Essen-Koriyama city partnership dashboard; data refresh)"
SECRET_PARAMS = {"appid", "username", "password", "token"}
CHUNK = 1 << 16

Progress = Callable[[str, int, int | None], None]


def redact(url: str) -> str:
    """``url`` without secret query parameters (the value becomes ``***``)."""
    parts = urlsplit(url)
    query = [(k, "***" if k.lower() in SECRET_PARAMS else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    return urlunsplit(parts._replace(query=urlencode(query, safe="*:;+,")))


def public_params(params: dict | None) -> dict:
    return {k: str(v) for k, v in (params or {}).items() if k.lower() not in SECRET_PARAMS}


@dataclass
class Download:
    method: str
    url: str                          # redacted, with the query
    status: int
    content_type: str
    body: bytes
    headers: dict = field(default_factory=dict)

    def record(self, parameters: dict | None = None) -> dict:
        """What source.yaml keeps of the request: never a credential."""
        rec = {"method": self.method, "url": self.url.split("?")[0], "parameters": public_params(parameters),
               "status": self.status, "content_type": self.content_type}
        for name in ("Content-Disposition", "Date", "Last-Modified"):
            if self.headers.get(name):
                rec[name.lower().replace("-", "_")] = self.headers[name]
        return rec


def _timed_out(exc: BaseException) -> bool:
    """requests reports a read timeout after the last retry as a ConnectionError: look inside."""
    seen = 0
    while exc is not None and seen < 8:
        if isinstance(exc, (urllib3.exceptions.NewConnectionError, ConnectionRefusedError)):
            return False     # a subclass of ConnectTimeoutError in urllib3, but refused, not slow
        if isinstance(exc, (requests.exceptions.Timeout, TimeoutError, socket.timeout,
                            urllib3.exceptions.TimeoutError)):
            return True
        inner = getattr(exc, "reason", None)
        if inner is None and exc.args and isinstance(exc.args[0], BaseException):
            inner = exc.args[0]
        exc, seen = inner or exc.__context__, seen + 1
    return False


def _is_html(content_type: str, body: bytes) -> bool:
    start = body[:512].lstrip().lower()
    return "text/html" in content_type.lower() or start.startswith((b"<!doctype html", b"<html"))


class Client:
    """``Client(service).get(url, …)``: the body of a successful answer, or a FetchError."""

    def __init__(self, service: str, progress: Progress | None = None):
        self.service = service
        self.progress = progress
        self.timeout = settings.timeout()
        retry = Retry(total=settings.retries(), connect=settings.retries(), read=settings.retries(),
                      status=settings.retries(), backoff_factor=settings.backoff(),
                      status_forcelist=(429, 500, 502, 503, 504), allowed_methods=None,
                      raise_on_status=False, respect_retry_after_header=True)
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.trust_env = True
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def get(self, url: str, params: dict | None = None, headers: dict | None = None,
            allow_html: bool = False) -> Download:
        return self.request("GET", url, params=params, headers=headers, allow_html=allow_html)

    def post(self, url: str, data: dict | None = None, headers: dict | None = None) -> Download:
        return self.request("POST", url, data=data, headers=headers)

    def request(self, method: str, url: str, params: dict | None = None, data: dict | None = None,
                headers: dict | None = None, allow_html: bool = False) -> Download:
        shown = redact(requests.Request(method, url, params=params).prepare().url)
        try:
            with self.session.request(method, url, params=params, data=data, headers=headers,
                                      timeout=self.timeout, stream=True) as response:
                body = self._read(response, shown)
                status, reason = response.status_code, response.reason
                content_type = response.headers.get("Content-Type", "")
                answer_headers = dict(response.headers)
        except (requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError,
                requests.exceptions.Timeout) as exc:
            if _timed_out(exc):
                raise Unreachable(self.service, shown, f"no answer within {self.timeout:g} s (timed out)") from None
            raise Unreachable(self.service, shown, "cannot connect, or the connection broke off") from None
        if status >= 400:
            raise HttpError(self.service, shown, f"HTTP {status} {reason}".strip())
        if not allow_html and _is_html(content_type, body):
            raise HttpError(self.service, shown, f"an HTML page instead of data (HTTP {status}; maintenance page?)")
        return Download(method, shown, status, content_type, body, answer_headers)

    def _read(self, response: requests.Response, shown: str) -> bytes:
        total = response.headers.get("Content-Length")
        total = int(total) if total and total.isdigit() else None
        chunks, done = [], 0
        for chunk in response.iter_content(CHUNK):
            chunks.append(chunk)
            done += len(chunk)
            if self.progress:
                self.progress(shown, done, total)
        return b"".join(chunks)
