"""Load benchmark: many concurrent viewers against the production server, with a publish mid-run.

    .venv/bin/python bench/load.py [--viewers 200] [--workers 2] [--seconds 10]

* Server: gunicorn (``--workers 2`` by default, sync workers, loopback, a free port) serving a dataset
  published from a temporary copy of ``data/raw`` and ``data/reference`` (the repository's data is
  never written).
* Client: the standard library only — one asyncio event loop, one TCP connection per request
  (gunicorn's sync workers close every connection), ``Accept-Encoding: gzip, deflate, br`` like a browser.
  Every response is checked: status 200, complete body, JSON decodes, expected content.
* Requests: a *page load* is what a browser sends for ``/en/overview`` — ``GET /en/overview``,
  ``GET /_dash-layout`` (its Referer names the overview, which comes inside the layout) and
  ``GET /_dash-dependencies``; a *callback* is the real payload of a currency change on ``/en/economy``
  (captured from Chromium at start; a built-in copy is used if Chromium is not available) — the chart
  control the server draws (people's and energy's controls are drawn in the browser).
* Phases: no new request after the phase's time; requests in flight are awaited (never cancelled), each
  for at most 30 s (a viewer who waited longer has given up: an error). Total: the phase times
  (8 + 12 + 20 s by default) plus, on a server slower than the load, up to 30 s of drain per phase.
  1. ``saturation`` — N viewers send callbacks back to back (no think time): the server's capacity.
  2. ``viewers`` — N viewers arrive within 2 s, each loads the page, then changes the currency every
     ``N / 300`` s on average (exponential think time): 300 callback req/s offered if the server keeps up.
  3. ``publish`` — phase 2 again while ``twincity etl run`` publishes a new dataset version into the
     served folder (a reference file of the temporary copy is changed so the input digest changes).
     Required: 0 failed requests, and the new version served before the end.

Results: ``bench/results/load.json`` and a table on stdout.
"""
from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
import zlib
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import (CHROMIUM, CHROMIUM_ARGS, ROOT, VENV_BIN, Gunicorn, machine, publish_dataset,  # noqa: E402
                   summary, write_results)

try:
    import brotli
except ImportError:  # pragma: no cover
    brotli = None

CALLBACK = "callback: economy currency"
TARGET_RPS = 300
TARGET_P95_MS = 300
SLOW_S = 30.0  # a response slower than this counts as an error (the viewer has given up)
HARD_TIMEOUT_S = 90.0  # the client keeps waiting this long (no abandoned work piling up on the server)
VERSION = re.compile(r"\d{8}T\d{6}Z-[0-9a-f]{8}")

# The currency change on /en/economy (market → PPP) as the browser sent it on 2026-11-30; replaced at start by the
# payload captured from Chromium when that works. (People's and energy's controls no longer call the server.)
FALLBACK_PAYLOAD = {
    "output": "..economy-gdp.figure...economy-rate-note.children..",
    "outputs": [
        {
            "id": "economy-gdp",
            "property": "figure"
        },
        {
            "id": "economy-rate-note",
            "property": "children"
        }
    ],
    "inputs": [
        {
            "id": "economy-indicator",
            "property": "value",
            "value": "gdp"
        },
        {
            "id": "economy-currency",
            "property": "value",
            "value": "ppp"
        },
        {
            "id": "economy-years",
            "property": "value",
            "value": [
                2000,
                2025
            ]
        }
    ],
    "changedPropIds": [
        "economy-currency.value"
    ],
    "parsedChangedPropsIds": [
        "economy-currency.value"
    ],
    "state": [
        {
            "id": "economy-lang",
            "property": "data",
            "value": "en"
        },
        {
            "id": "economy-pair",
            "property": "data",
            "value": "essen_koriyama"
        }
    ]
}


def capture_payload(base: str) -> tuple[dict, str]:
    """The POST body Chromium sends when the currency is switched to PPP on /en/economy."""
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(base + "/en/economy")
            page.wait_for_selector("#economy-gdp .main-svg", timeout=60000)
            with page.expect_request(lambda r: "_dash-update-component" in r.url
                                     and "economy-currency.value" in (r.post_data or "")
                                     and "economy-gdp" in (r.post_data or ""), timeout=30000) as info:
                page.click('#economy-currency input[value="ppp"]')
            body = json.loads(info.value.post_data)
            browser.close()
            return body, "captured from Chromium"
    except Exception as exc:  # noqa: BLE001
        return FALLBACK_PAYLOAD, f"built-in copy (capture failed: {str(exc)[:120]})"


# --------------------------------------------------------------------------- a minimal HTTP/1.1 client

class BadResponse(Exception):
    pass


async def http(host: str, port: int, method: str, path: str, body: bytes | None = None,
               referer: str | None = None) -> tuple[int, bytes]:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        head = (f"{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUser-Agent: twincity-bench\r\n"
                f"Accept: */*\r\nAccept-Encoding: gzip, deflate{', br' if brotli else ''}\r\nConnection: close\r\n")
        if body is not None:
            head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        if referer is not None:
            head += f"Referer: http://{host}:{port}{referer}\r\n"
        writer.write(head.encode() + b"\r\n" + (body or b""))
        await writer.drain()
        data = await reader.read()
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except (ConnectionError, OSError):
            pass
    header, sep, payload = data.partition(b"\r\n\r\n")
    if not sep:
        raise BadResponse("incomplete response headers")
    lines = header.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:])}
    if headers.get("transfer-encoding", "").lower() == "chunked":
        out, rest = bytearray(), payload
        while True:
            size_line, _, rest = rest.partition(b"\r\n")
            size = int(size_line.split(b";")[0] or b"0", 16)
            if size == 0:
                break
            out += rest[:size]
            rest = rest[size + 2:]
        payload = bytes(out)
    elif "content-length" in headers and len(payload) != int(headers["content-length"]):
        raise BadResponse(f"truncated body {len(payload)}/{headers['content-length']}")
    encoding = headers.get("content-encoding", "")
    if encoding == "gzip":
        payload = gzip.decompress(payload)
    elif encoding == "deflate":
        payload = zlib.decompress(payload)
    elif encoding == "br":
        payload = brotli.decompress(payload)
    return status, payload


class Recorder:
    def __init__(self):
        self.rows: list[tuple[str, float, float, bool, str]] = []  # kind, start, latency s, ok, error
        self.versions: dict[str, int] = {}

    async def call(self, kind: str, coro_factory, check) -> bool:
        t0 = time.perf_counter()
        try:
            status, body = await asyncio.wait_for(coro_factory(), HARD_TIMEOUT_S)
            err = "" if status == 200 else f"HTTP {status}"
            if not err:
                err = check(body) or ""
            if not err and time.perf_counter() - t0 > SLOW_S:
                err = f"slower than {SLOW_S:.0f} s"
        except asyncio.TimeoutError:
            err = f"no answer within {HARD_TIMEOUT_S:.0f} s"
        except Exception as exc:  # noqa: BLE001 — every failure is counted
            err = f"{type(exc).__name__}: {str(exc)[:80]}"
        self.rows.append((kind, t0, time.perf_counter() - t0, not err, err))
        return not err


def check_html(body: bytes) -> str | None:
    return None if b"_dash-config" in body and b"<html" in body else "not the dashboard HTML"


def check_json(key: str):
    def check(body: bytes) -> str | None:
        try:
            data = json.loads(body)
        except ValueError:
            return "invalid JSON"
        return None if key in json.dumps(data)[:200000] else f"'{key}' missing"
    return check


class Client:
    def __init__(self, url: str, payload: dict, recorder: Recorder):
        host, port = url.removeprefix("http://").split(":")
        self.host, self.port = host, int(port)
        self.payload = json.dumps(payload).encode()
        self.rec = recorder

    def _req(self, method, path, body=None, referer=None):
        return lambda: http(self.host, self.port, method, path, body, referer)

    async def page_load(self) -> None:
        """What a browser asks for when a viewer opens the overview: the HTML, then the layout (which carries the
        page named by its Referer, dashboard/first_page.py) and the callback list."""
        rec = self.rec

        def check_page(body: bytes) -> str | None:
            problem = check_json("kpi-card")(body)
            if problem is None:
                found = VERSION.search(body.decode("utf-8", "replace"))
                version = found.group(0) if found else "?"
                rec.versions[version] = rec.versions.get(version, 0) + 1
            return problem

        await rec.call("page: GET /en/overview", self._req("GET", "/en/overview"), check_html)
        await asyncio.gather(
            rec.call("page: GET /_dash-layout (with the overview)",
                     self._req("GET", "/_dash-layout", referer="/en/overview"), check_page),
            rec.call("page: GET /_dash-dependencies", self._req("GET", "/_dash-dependencies"),
                     check_json("people-population")))

    async def callback(self) -> None:
        await self.rec.call(CALLBACK, self._req("POST", "/_dash-update-component", self.payload),
                            check_json("economy-gdp"))


async def run_phase(client: Client, viewers: int, seconds: float, think: float | None, page_load: bool,
                    during=None) -> dict:
    """Start ``viewers`` coroutines; stop issuing requests after ``seconds``; await the ones in flight."""
    rec = client.rec = Recorder()
    start = time.perf_counter()
    stop_at = start + seconds
    extra = {}

    async def viewer(i: int) -> None:
        rnd = random.Random(i)
        if page_load:
            await asyncio.sleep(rnd.uniform(0, 2.0))  # the audience opens the link within 2 s
            if time.perf_counter() < stop_at:
                await client.page_load()
        while time.perf_counter() < stop_at:
            if think:
                await asyncio.sleep(min(rnd.expovariate(1 / think), 5 * think))
                if time.perf_counter() >= stop_at:
                    break
            await client.callback()

    tasks = [asyncio.create_task(viewer(i)) for i in range(viewers)]
    if during is not None:
        extra = await during(start, stop_at)
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - start
    return {**report(rec, elapsed, start, seconds), **extra}


def report(rec: Recorder, elapsed: float, start: float, seconds: float) -> dict:
    kinds = sorted({r[0] for r in rec.rows})
    out = {"seconds": round(seconds, 1), "seconds_with_drain": round(elapsed, 1), "requests": len(rec.rows), "errors": sum(not r[3] for r in rec.rows),
           "errors_slow": sum(r[4].startswith(("slower", "no answer")) for r in rec.rows),
           "error_examples": sorted({r[4] for r in rec.rows if not r[3]})[:5], "by_kind": {}}
    out["errors_other"] = out["errors"] - out["errors_slow"]
    for kind in kinds:
        rows = [r for r in rec.rows if r[0] == kind]
        lat = summary([r[2] * 1000 for r in rows])
        out["by_kind"][kind] = {"count": len(rows), "errors": sum(not r[3] for r in rows),
                                "per_second": round(len(rows) / elapsed, 1),
                                **{k: lat[k] for k in ("p50", "p95", "p99", "max") if k in lat}}
    cb = [r for r in rec.rows if r[0].startswith("callback")]
    if cb:
        # steady state: callbacks completed between 20 % of the phase and its end (arrivals settled,
        # the drain of the requests still in flight at the end not counted)
        t_from, t_to = start + 0.2 * seconds, start + seconds
        done = [r for r in cb if r[3] and t_from <= r[1] + r[2] <= t_to]
        out["callbacks_per_second_steady"] = round(len(done) / (t_to - t_from), 1)
    if rec.versions:
        out["versions_served_with_the_layout"] = rec.versions
    out["total_per_second"] = round(len(rec.rows) / elapsed, 1)
    return out


def worker_cpu_seconds(master_pid: int) -> float:
    """utime + stime of the gunicorn master's children (the workers), from /proc."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master_pid:  # ppid
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


async def drain(client: Client) -> float:
    """Wait until the server has answered everything queued (its sync workers serve the queue in order)."""
    t0 = time.perf_counter()
    try:
        await asyncio.wait_for(http(client.host, client.port, "GET", "/_dash-layout"), 180)
    except Exception:  # noqa: BLE001
        pass
    return round(time.perf_counter() - t0, 1)


async def baseline(client: Client, master_pid: int, n: int = 20) -> dict:
    """One request at a time: the server's own time and CPU per request, without queueing."""
    out = {}
    for name, action in ((CALLBACK, client.callback), ("page load (3 requests)", client.page_load)):
        client.rec = Recorder()
        cpu0, t0 = worker_cpu_seconds(master_pid), time.perf_counter()
        for _ in range(n if name.startswith("callback") else max(3, n // 4)):
            await action()
        wall, cpu = time.perf_counter() - t0, worker_cpu_seconds(master_pid) - cpu0
        count = len(client.rec.rows) if name.startswith("callback") else len(client.rec.rows) // 4
        lat = summary([r[2] * 1000 for r in client.rec.rows]) if name.startswith("callback") else \
            summary([sum(r[2] for r in client.rec.rows[i:i + 4]) * 1000 for i in range(0, len(client.rec.rows), 4)])
        cpu_ms = 1000 * cpu / count
        out[name] = {"n": count, "errors": sum(not r[3] for r in client.rec.rows), "p50_ms": lat["p50"],
                     "p95_ms": lat["p95"], "server_cpu_ms_each": round(cpu_ms, 1),
                     "projected_per_second_on_2_cores": round(2000 / cpu_ms, 1) if cpu_ms else None,
                     "wall_s": round(wall, 1)}
    return out


async def load_main(args, url: str, payload: dict, data: Path, published: Path, master_pid: int) -> dict:
    client = Client(url, payload, Recorder())
    phases = {}
    # warm-up: every worker imports pages, compiles and caches its first responses (not counted)
    await run_phase(client, 8, 2.0, None, page_load=True)
    print("baseline: one request at a time", file=sys.stderr)
    phases["baseline"] = await baseline(client, master_pid)
    print(f"saturation: {args.viewers} viewers, callbacks back to back, {args.seconds:.0f} s", file=sys.stderr)
    cpu0 = worker_cpu_seconds(master_pid)
    phases["saturation"] = await run_phase(client, args.viewers, args.seconds, None, page_load=False)
    phases["saturation"]["server_cpu_s"] = round(worker_cpu_seconds(master_pid) - cpu0, 1)
    phases["saturation"]["drain_s"] = await drain(client)
    think = args.viewers / TARGET_RPS
    print(f"viewers: {args.viewers} viewers, page load + currency change every {think:.2f} s on average",
          file=sys.stderr)
    phases["viewers"] = await run_phase(client, args.viewers, args.seconds * 1.5, think, page_load=True)
    phases["viewers"]["drain_s"] = await drain(client)

    async def publish_during(start: float, stop_at: float) -> dict:
        await asyncio.sleep(min(3.0, (stop_at - start) / 4))
        before = os.readlink(published / "current")
        ref = data / "reference" / "bases.csv"
        ref.write_text(ref.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # same content, new digest
        env = dict(os.environ, TWINCITY_DATA=str(data))
        t0 = time.perf_counter()
        proc = await asyncio.create_subprocess_exec(str(VENV_BIN / "twincity"), "etl", "run", "--published",
                                                    str(published), env=env, cwd=str(ROOT),
                                                    stdout=asyncio.subprocess.DEVNULL,
                                                    stderr=asyncio.subprocess.PIPE)
        _, err = await proc.communicate()
        after = os.readlink(published / "current")
        return {"publish": {"before": before, "after": after, "exit_code": proc.returncode,
                            "started_at_s": round(t0 - start, 1), "took_s": round(time.perf_counter() - t0, 1),
                            "new_version": after != before,
                            "stderr_tail": err.decode(errors="replace")[-300:] if proc.returncode else ""}}

    print("publish: the same, while `twincity etl run` publishes a new version", file=sys.stderr)
    phases["publish"] = await run_phase(client, args.viewers, args.publish_seconds, think, page_load=True,
                                        during=publish_during)
    phases["publish"]["drain_s"] = await drain(client)
    # after the run, the new version must be what a viewer gets
    client.rec = Recorder()
    await asyncio.sleep(2.5)  # dashboard.data looks at `current` at most every 2 s
    for _ in range(4):
        await client.page_load()
    phases["publish"]["served_after_run"] = client.rec.versions
    return phases


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--viewers", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2, choices=range(1, 9), metavar="2..4")
    ap.add_argument("--seconds", type=float, default=8.0, help="length of the saturation phase "
                    "(viewers phase: 1.5×)")
    ap.add_argument("--publish-seconds", type=float, default=20.0, help="length of the publish phase")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="twincity-bench-load-"))
    try:
        data = work / "data"
        for part in ("raw", "reference"):
            shutil.copytree(ROOT / "data" / part, data / part)
        published = data / "published"
        print("publishing the dataset into", published, file=sys.stderr)
        publish_dataset(published, data)
        info = machine()
        server = Gunicorn("dashboard.app:server()", args.workers, published)
        with server as url:
            payload, origin = capture_payload(url)
            phases = asyncio.run(load_main(args, url, payload, data, published, server.proc.pid))
            server_errors = server.errors_in_log()
        info["load_average_at_end"] = list(os.getloadavg())
        results = {
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": info,
            "method": {"server": f"gunicorn --workers {args.workers} (sync), 127.0.0.1",
                       "client": "asyncio, one connection per request, same machine (shares the 2 cores)",
                       "viewers": args.viewers, "callback_payload": origin, "payload": payload,
                       "think_time_s": round(args.viewers / TARGET_RPS, 3),
                       "page_load": ["GET /en/overview", "GET /_dash-layout (Referer: /en/overview)",
                                     "GET /_dash-dependencies"]},
            "phases": phases, "server_log_errors": server_errors[:10],
        }
        results["targets"] = evaluate(results)
        path = write_results("load.json", results)
        print_table(results)
        print(f"\nresults: {path.relative_to(ROOT)}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def evaluate(results: dict) -> dict:
    ph = results["phases"]
    sat, viewers, pub = ph["saturation"], ph["viewers"], ph["publish"]
    cb = viewers["by_kind"].get(CALLBACK, {})
    served_after = pub.get("served_after_run", {})
    base = ph["baseline"][CALLBACK]
    errors = sat["errors"] + viewers["errors"] + pub["errors"]
    return {
        "callbacks_per_second_at_saturation": {
            "value": sat.get("callbacks_per_second_steady"), "target": TARGET_RPS,
            "projected_from_server_cpu_on_2_dedicated_cores": base["projected_per_second_on_2_cores"],
            "met": (sat.get("callbacks_per_second_steady") or 0) >= TARGET_RPS},
        "callback_p95_at_200_viewers": {"value_ms": cb.get("p95"), "target_ms": TARGET_P95_MS,
                                        "baseline_p95_ms_one_at_a_time": base["p95_ms"],
                                        "met": cb.get("p95") is not None and cb["p95"] < TARGET_P95_MS},
        "zero_errors": {"value": errors, "of_which_too_slow": sat["errors_slow"] + viewers["errors_slow"]
                        + pub["errors_slow"], "met": errors == 0},
        "publish_mid_run_without_failures": {
            "errors": pub["errors"], "errors_other_than_too_slow": pub["errors_other"],
            "new_version": pub["publish"]["new_version"], "served_after_run": served_after,
            "met": pub["errors"] == 0 and pub["publish"]["new_version"]
            and list(served_after) == [pub["publish"]["after"]]},
    }


def print_table(results: dict) -> None:
    m = results["machine"]
    print(f"\nLoad — {results['method']['viewers']} viewers, {results['method']['server']}"
          f" ({m['cores']} cores, load avg {m['load_average_at_start'][0]:.1f} at start)")
    print("\nbaseline, one request at a time")
    for kind, b in results["phases"]["baseline"].items():
        print(f"  {kind:<28} p50 {b['p50_ms']:>8,.0f} ms  p95 {b['p95_ms']:>8,.0f} ms  server CPU "
              f"{b['server_cpu_ms_each']:>6,.0f} ms each → ≤ {b['projected_per_second_on_2_cores']} /s on 2 cores")
    head = f"{'phase / request':<42}{'n':>6}{'err':>5}{'req/s':>8}{'p50':>8}{'p95':>8}{'p99':>8}"
    print("\n" + head)
    print("-" * len(head))
    for name, ph in results["phases"].items():
        if name == "baseline":
            continue
        print(f"{name} ({ph['seconds']} s + {ph.get('drain_s', 0)} s drain; steady callbacks "
              f"{ph.get('callbacks_per_second_steady')} /s; errors {ph['errors']}, of which too slow "
              f"{ph['errors_slow']})")
        for kind, s in ph["by_kind"].items():
            print(f"  {kind:<40}{s['count']:>6}{s['errors']:>5}{s['per_second']:>8}"
                  f"{s.get('p50', 0):>8,.0f}{s.get('p95', 0):>8,.0f}{s.get('p99', 0):>8,.0f}")
        if ph.get("error_examples"):
            print("  errors:", "; ".join(ph["error_examples"]))
    pub = results["phases"]["publish"]["publish"]
    print(f"\npublish mid-run: {pub['before']} → {pub['after']} (exit {pub['exit_code']}, started at "
          f"{pub['started_at_s']} s, took {pub['took_s']} s); pages by version: "
          f"{results['phases']['publish'].get('versions_served_with_the_layout')}")
    print("\nTargets")
    for name, t in results["targets"].items():
        print(f"  {'MET ' if t['met'] else 'MISS'} {name}: " + ", ".join(f"{k}={v}" for k, v in t.items() if k != "met"))


if __name__ == "__main__":
    sys.exit(main())
