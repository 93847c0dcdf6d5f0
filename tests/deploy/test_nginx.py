"""deploy/nginx: the production configuration passes `nginx -t` (TLS included), and the proxy rules give every
kind of address the caching header a city IT department expects, in front of the live app."""
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy" / "nginx"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

pytestmark = pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx missing: `make bench-replicas` installs it")


def temp_dirs(work: Path) -> str:
    os.chmod(work, 0o755)
    lines = []
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (work / name).mkdir()
        os.chmod(work / name, 0o777)
        lines.append(f"{name}_temp_path {work / name};")
    return "\n    ".join(lines)


def test_production_config_with_tls_passes_nginx_t(tmp_path):
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=test",
                    "-keyout", str(tmp_path / "privkey.pem"), "-out", str(tmp_path / "fullchain.pem")],
                   check=True, capture_output=True)
    site = (DEPLOY / "twincity.conf").read_text(encoding="utf-8")
    site = site.replace("/etc/nginx/twincity/", f"{DEPLOY}/").replace("/etc/ssl/twincity/", f"{tmp_path}/")
    site = site.replace("/var/log/nginx/", f"{tmp_path}/").replace("root /var/www/acme", f"root {tmp_path}")
    assert "ssl_certificate" in site and "Strict-Transport-Security" in site and "listen 443 ssl" in site
    (tmp_path / "site.conf").write_text(site, encoding="utf-8")
    (tmp_path / "nginx.conf").write_text(f"""pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{}}
http {{
    {temp_dirs(tmp_path)}
    access_log off;
    include {DEPLOY}/twincity-http.conf;
    include {tmp_path}/site.conf;
}}
""", encoding="utf-8")
    result = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def proxied(app_url, tmp_path):
    port = free_port()
    upstream = app_url.rsplit(":", 1)[1]
    (tmp_path / "nginx.conf").write_text(f"""pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{}}
http {{
    {temp_dirs(tmp_path)}
    access_log off;
    include {DEPLOY}/twincity-http.conf;
    upstream twincity {{ server 127.0.0.1:{upstream}; }}
    server {{
        listen 127.0.0.1:{port};
        add_header X-Proxy-Test "kept" always;
        include {DEPLOY}/twincity-locations.conf;
    }}
}}
""", encoding="utf-8")
    proc = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.05)
        yield url
    finally:
        proc.send_signal(signal.SIGQUIT)
        proc.wait(timeout=10)


def get(url: str, method: str = "GET", body: bytes | None = None):
    request = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=20) as response:
        return response.status, response.headers, response.read()


def test_caching_headers_through_nginx(proxied):
    status, headers, body = get(proxied + "/en/overview")
    assert status == 200 and headers["Cache-Control"] == "no-cache"
    assert headers["X-Proxy-Test"] == "kept"                 # the server block's own headers still apply
    assert "default-src 'self'" in headers["Content-Security-Policy"]   # the app's security headers pass
    script = re.search(r'<script src="(/_dash-component-suites/[^"]+)"', body.decode()).group(1)
    status, headers, _ = get(proxied + script)
    assert status == 200 and headers["Cache-Control"] == "public, max-age=31536000, immutable"
    status, headers, _ = get(proxied + "/_dash-layout")
    assert status == 200 and headers["Cache-Control"] == "no-store"
    status, headers, body = get(proxied + "/readyz")
    assert status == 200 and headers["Cache-Control"] == "no-store" and b'"status"' in body
