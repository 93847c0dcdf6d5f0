"""Two replicas behind nginx, one shared data folder: a new version and then a broken one published mid-run.

    .venv/bin/python bench/replicas.py [--viewers 100] [--workers 2] [--rate 150]   (or: make bench-replicas)

* Two gunicorn instances (``--workers`` sync workers each) on loopback ports serve the same
  ``data/published`` (a temporary copy of ``data/raw`` and ``data/reference`` is published first; the
  repository's data is never written). nginx (Debian's ``/usr/sbin/nginx``) balances them with the
  repository's own ``deploy/nginx/twincity-http.conf`` and ``twincity-locations.conf`` (plain HTTP on
  loopback instead of TLS).
* The load generator of ``bench/load.py`` drives ``--viewers`` viewers through nginx: each loads
  ``/en/overview`` (4 requests) and then changes the basis on ``/en/people`` with a think time.
* Mid-run: ``twincity etl run`` publishes a new good version; a few seconds later a *broken* version (a
  copy of it whose ``facts.parquet`` is cut in half, as an interrupted copy leaves it) becomes ``current``.
* Required: 0 failed requests; both replicas (every worker, asked through ``/readyz`` directly: its
  ``loaded_at``) on the new good version within the check interval (``dashboard.data.CHECK_SECONDS``) plus
  1 s to verify and read it, after the switch; after the broken one, both still serve the good version
  (``/readyz``: 200, degraded, the good version), and every page rendered through nginx shows it.

Results: ``bench/results/replicas.json`` and a table on stdout.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import VERSION, Client, Recorder, capture_payload, check_json, http, report, run_phase  # noqa: E402
from pages import ROOT, VENV_BIN, Gunicorn, free_port, machine, publish_dataset, write_results  # noqa: E402

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CHECK_SECONDS = 2.0   # dashboard.data.CHECK_SECONDS (not imported: the bench stays outside the app's process)
LOAD_MARGIN_S = 1.0   # on top of the check interval: verifying and reading the new version


class Nginx:
    """nginx in the foreground on a free loopback port, balancing ``upstreams``; ``with Nginx(...) as url:``."""

    def __init__(self, upstreams: list[int], work: Path):
        self.upstreams, self.work = upstreams, work
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        self.conf = work / "nginx.conf"
        self.access_log = work / "nginx-access.log"
        self.error_log = work / "nginx-error.log"

    def config(self) -> str:
        temp = self.work / "nginx-tmp"
        for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (temp / sub).mkdir(parents=True, exist_ok=True)
            os.chmod(temp / sub, 0o777)
        deploy = ROOT / "deploy" / "nginx"
        servers = "\n".join(f"        server 127.0.0.1:{port} max_fails=2 fail_timeout=10s;" for port in self.upstreams)
        return f"""worker_processes 1;
error_log {self.error_log} warn;
pid {self.work / 'nginx.pid'};
events {{ worker_connections 4096; }}
http {{
    log_format replicas '$msec $status $request_method $uri $upstream_addr $upstream_response_time';
    access_log {self.access_log} replicas buffer=64k flush=1s;
    client_body_temp_path {temp / 'body'};
    proxy_temp_path {temp / 'proxy'};
    fastcgi_temp_path {temp / 'fastcgi'};
    uwsgi_temp_path {temp / 'uwsgi'};
    scgi_temp_path {temp / 'scgi'};
    include {deploy / 'twincity-http.conf'};
    upstream twincity {{
        least_conn;
{servers}
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{self.port};
        include {deploy / 'twincity-locations.conf'};
    }}
}}
"""

    def __enter__(self) -> str:
        os.chmod(self.work, 0o755)
        self.conf.write_text(self.config(), encoding="utf-8")
        check = subprocess.run([NGINX, "-t", "-p", str(self.work), "-c", str(self.conf)], capture_output=True,
                               text=True)
        if check.returncode:
            raise RuntimeError(f"nginx -t failed: {check.stderr[-1500:]}")
        self.proc = subprocess.Popen([NGINX, "-p", str(self.work), "-c", str(self.conf), "-g", "daemon off;"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"nginx exited: {self.proc.stderr.read().decode(errors='replace')[-1500:]}")
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=5) as r:
                    if r.status == 200:
                        return url
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("nginx did not answer within 20 s")

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)   # graceful stop of the master we started (and its worker)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()

    def per_upstream(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        if self.access_log.exists():
            for line in self.access_log.read_text(errors="replace").splitlines():
                parts = line.split()
                if len(parts) >= 5:
                    counts[parts[4]] = counts.get(parts[4], 0) + 1
        return counts


class VersionClient(Client):
    """The load generator's viewer, noting which version each rendered page shows, and when."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.seen: list[tuple[float, str]] = []   # (time the page arrived, version in it)

    async def page_load(self) -> None:
        rec = self.rec

        def check_page(body: bytes) -> str | None:
            problem = check_json("kpi-card")(body)
            if problem is None:
                found = VERSION.search(body.decode("utf-8", "replace"))
                self.seen.append((time.perf_counter(), found.group(0) if found else "?"))
            return problem

        await rec.call("page: GET /en/overview", self._req("GET", "/en/overview"),
                       lambda b: None if b"_dash-config" in b else "not the dashboard HTML")
        await asyncio.gather(   # the layout carries the page its Referer names (dashboard/first_page.py)
            rec.call("page: GET /_dash-layout (with the overview)",
                     self._req("GET", "/_dash-layout", referer="/en/overview"), check_page),
            rec.call("page: GET /_dash-dependencies", self._req("GET", "/_dash-dependencies"),
                     check_json("people-population")))


async def readyz(port: int) -> tuple[int, dict]:
    status, body = await http("127.0.0.1", port, "GET", "/readyz")
    return status, json.loads(body)


async def wait_all_on(ports: list[int], version: str, since: float, timeout: float, per_port: int) -> dict | None:
    """Ask every replica's ``/readyz`` (``per_port`` questions at once, so that every worker is likely asked)
    until three rounds in a row name ``version`` only. Returns, in seconds after ``since`` (wall clock):
    ``loaded_after_switch_s`` — the latest ``loaded_at`` of the answers naming ``version`` (when the slowest
    worker seen switched), and ``last_old_answer_after_switch_s`` — the arrival of the last answer naming
    another version (an upper bound that includes the request's queueing behind the load)."""
    async def ask(port: int) -> tuple[float, dict]:
        _, body = await readyz(port)
        return time.time(), body

    last_old, loaded, streak = since, since, 0
    deadline = time.time() + timeout
    while time.time() < deadline:
        answers = await asyncio.gather(*[ask(port) for port in ports for _ in range(per_port)])
        old = [arrived for arrived, body in answers if body.get("version") != version]
        for _, body in answers:
            if body.get("version") == version and body.get("loaded_at"):
                loaded = max(loaded, datetime.fromisoformat(body["loaded_at"]).timestamp())
        last_old = max([last_old, *old])
        streak = 0 if old else streak + 1
        if streak >= 3:
            return {"loaded_after_switch_s": round(loaded - since, 2),
                    "last_old_answer_after_switch_s": round(last_old - since, 2)}
        await asyncio.sleep(0.05)
    return None


def break_version(published: Path, good: str) -> str:
    """A copy of ``good`` under a newer name with facts.parquet cut in half, switched in as ``current``."""
    broken = f"{datetime.now(timezone.utc):%Y%m%dT%H%M%S}Z-badc0ffe"
    shutil.copytree(published / good, published / broken)
    manifest = published / broken / "manifest.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(good, broken), encoding="utf-8")
    facts = published / broken / "facts.parquet"
    facts.write_bytes(facts.read_bytes()[: facts.stat().st_size // 2])
    temp = published / ".current-bench"
    os.symlink(broken, temp)
    os.replace(temp, published / "current")   # as etl.publish.switch_current does (bench/etl.py shadows etl)
    return broken


async def watch_switch(published: Path, before: str, proc) -> float:
    """The moment ``current`` changes (polled every 20 ms while the ETL runs)."""
    while proc.returncode is None:
        try:
            if os.readlink(published / "current") != before:
                return time.perf_counter()
        except OSError:
            pass
        await asyncio.sleep(0.02)
    return time.perf_counter()


async def main_async(args, url: str, payload: dict, data: Path, published: Path, ports: list[int]) -> dict:
    client = VersionClient(url, payload, Recorder())
    await run_phase(client, 8, 3.0, None, page_load=True)   # warm-up, not counted
    client.seen.clear()
    rec = client.rec = Recorder()
    done = asyncio.Event()
    think = args.viewers / args.rate
    start = time.perf_counter()

    async def viewer(i: int) -> None:
        rnd = random.Random(i)
        await asyncio.sleep(rnd.uniform(0, 2.0))   # the audience opens the link within 2 s
        await client.page_load()
        while not done.is_set():
            await asyncio.sleep(min(rnd.expovariate(1 / think), 5 * think))
            if not done.is_set():
                await client.callback()

    async def new_visitors() -> None:
        """Fresh page loads all along (one every 0.2 s): which version does a new visitor see?"""
        loads = []
        while not done.is_set():
            loads.append(asyncio.ensure_future(client.page_load()))
            await asyncio.sleep(0.2)
        await asyncio.gather(*loads)

    print(f"load: {args.viewers} viewers through nginx; a good version, then a broken one, published mid-run",
          file=sys.stderr)
    tasks = [asyncio.ensure_future(viewer(i)) for i in range(args.viewers)] + [asyncio.ensure_future(new_visitors())]
    await asyncio.sleep(args.before)
    before = os.readlink(published / "current")
    ref = data / "reference" / "bases.csv"
    ref.write_text(ref.read_text(encoding="utf-8") + "\n", encoding="utf-8")   # same content, new digest
    env = dict(os.environ, TWINCITY_DATA=str(data))
    t0 = time.perf_counter()
    proc = await asyncio.create_subprocess_exec(str(VENV_BIN / "twincity"), "etl", "run", "--published",
                                                str(published), env=env, cwd=str(ROOT),
                                                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    finished = asyncio.ensure_future(proc.communicate())
    t_good = await watch_switch(published, before, proc)   # returns at the switch, while the ETL prunes
    wall_good = time.time() - (time.perf_counter() - t_good)
    good = os.readlink(published / "current")
    within = await wait_all_on(ports, good, wall_good, 30, per_port=2 * args.workers)
    _, err = await finished
    events = {"good": {"before": before, "after": good, "exit_code": proc.returncode,
                       "etl_started_at_s": round(t0 - start, 1), "etl_took_s": round(time.perf_counter() - t0, 1),
                       "switched_at_s": round(t_good - start, 1), "replicas_on_it": within,
                       "stderr_tail": err.decode(errors="replace")[-300:] if proc.returncode else ""}}
    await asyncio.sleep(3.0)
    t_broken = time.perf_counter()
    broken = break_version(published, good)
    await asyncio.sleep(CHECK_SECONDS + 1.0)   # every worker has looked at `current` at least once
    answers = []
    while time.perf_counter() < t_broken + args.observe:
        for port in ports:
            answers.append((port, *(await readyz(port))))
        await asyncio.sleep(0.1)
    events["broken"] = {"version": broken, "switched_at_s": round(t_broken - start, 1),
                        "observed_s": args.observe, "readyz_answers": len(answers),
                        "readyz_all_200_degraded_on_good": bool(answers) and all(
                            code == 200 and body.get("status") == "degraded" and body.get("version") == good
                            for _, code, body in answers),
                        "readyz_example": answers[-1][2] if answers else None}
    seconds = time.perf_counter() - start
    done.set()
    await asyncio.gather(*tasks)
    phase = report(rec, time.perf_counter() - start, start, seconds)
    late_old = [t - t_good for t, v in client.seen if v != good and t > t_good]
    after_broken = [v for t, v in client.seen if t > t_broken]
    phase["pages_by_version"] = {v: sum(1 for _, x in client.seen if x == v) for v in sorted({x for _, x in client.seen})}
    phase["last_old_page_after_switch_s"] = round(max(late_old), 2) if late_old else 0.0
    phase["pages_after_broken"] = {v: after_broken.count(v) for v in sorted(set(after_broken))}
    final = {port: await readyz(port) for port in ports}
    return {"load": phase, **events, "readyz_at_end": {str(p): {"code": c, **b} for p, (c, b) in final.items()}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--viewers", type=int, default=100)
    ap.add_argument("--workers", type=int, default=2, help="gunicorn workers per replica")
    ap.add_argument("--before", type=float, default=5.0, help="seconds of load before the new version")
    ap.add_argument("--observe", type=float, default=10.0, help="seconds of load after the broken version")
    ap.add_argument("--rate", type=float, default=100.0, help="callbacks per second offered by all viewers")
    args = ap.parse_args(argv)
    if not Path(NGINX).exists():
        print("nginx not found: `make bench-replicas` installs it from Debian", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="twincity-bench-replicas-"))
    try:
        data = work / "data"
        for part in ("raw", "reference"):
            shutil.copytree(ROOT / "data" / part, data / part)
        published = data / "published"
        print("publishing the dataset into", published, file=sys.stderr)
        first = publish_dataset(published, data)
        info = machine()
        with Gunicorn("dashboard.app:server()", args.workers, published) as url_a, \
                Gunicorn("dashboard.app:server()", args.workers, published) as url_b:
            ports = [int(url_a.rsplit(":", 1)[1]), int(url_b.rsplit(":", 1)[1])]
            proxy = Nginx(ports, work)
            with proxy as url:
                payload, origin = capture_payload(url)
                run = asyncio.run(main_async(args, url, payload, data, published, ports))
                time.sleep(1.5)   # the access log is flushed every second
            per_upstream = proxy.per_upstream()
        info["load_average_at_end"] = list(os.getloadavg())
        results = {"created": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": info,
                   "method": {"replicas": f"2 × gunicorn --workers {args.workers} (sync), 127.0.0.1",
                              "proxy": f"nginx {_nginx_version()} with deploy/nginx/twincity-http.conf and "
                                       "twincity-locations.conf, least_conn, keep-alive upstream",
                              "viewers": args.viewers, "offered_callbacks_per_second": args.rate,
                              "callback_payload": origin, "first_version": first},
                   **run, "requests_per_replica": per_upstream}
        results["targets"] = evaluate(results)
        path = write_results("replicas.json", results)
        print_table(results)
        print(f"\nresults: {path.relative_to(ROOT)}")
        return 0 if all(t["met"] for t in results["targets"].values()) else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _nginx_version() -> str:
    out = subprocess.run([NGINX, "-v"], capture_output=True, text=True)
    return out.stderr.strip().split("/")[-1]


def evaluate(results: dict) -> dict:
    load, good, broken = results["load"], results["good"], results["broken"]
    within = (good["replicas_on_it"] or {}).get("loaded_after_switch_s")
    return {
        "zero_failed_requests": {"value": load["errors"], "requests": load["requests"], "met": load["errors"] == 0},
        "new_version_on_both_replicas_within_check_interval": {
            "value_s": within, "readyz": good["replicas_on_it"],
            "last_old_page_after_switch_s": load["last_old_page_after_switch_s"],
            "check_interval_s": CHECK_SECONDS, "margin_s": LOAD_MARGIN_S,
            "met": good["exit_code"] == 0 and good["after"] != good["before"] and within is not None
            and within <= CHECK_SECONDS + LOAD_MARGIN_S},
        "broken_version_keeps_the_good_one": {
            "pages_after_broken": load["pages_after_broken"],
            "readyz_all_degraded_on_good": broken["readyz_all_200_degraded_on_good"],
            "met": broken["readyz_all_200_degraded_on_good"] and list(load["pages_after_broken"]) == [good["after"]]
            and all(r["code"] == 200 and r.get("version") == good["after"] for r in results["readyz_at_end"].values())},
    }


def print_table(results: dict) -> None:
    load = results["load"]
    print(f"\nReplicas — {results['method']['replicas']}, behind {results['method']['proxy']}")
    print(f"{results['method']['viewers']} viewers, {load['seconds']} s (+{load['seconds_with_drain'] - load['seconds']:.1f} s "
          f"drain): {load['requests']} requests, {load['errors']} failed; per replica {results['requests_per_replica']}")
    head = f"{'request':<40}{'n':>6}{'err':>5}{'req/s':>8}{'p50':>8}{'p95':>8}{'p99':>8}"
    print(head + "\n" + "-" * len(head))
    for kind, s in load["by_kind"].items():
        print(f"{kind:<40}{s['count']:>6}{s['errors']:>5}{s['per_second']:>8}"
              f"{s.get('p50', 0):>8,.0f}{s.get('p95', 0):>8,.0f}{s.get('p99', 0):>8,.0f}")
    good, broken = results["good"], results["broken"]
    print(f"\ngood version {good['after']} published at {good['switched_at_s']} s (etl {good['etl_took_s']} s); "
          f"every worker seen had loaded it {(good['replicas_on_it'] or {}).get('loaded_after_switch_s')} s after "
          f"the switch (last old /readyz answer arrived {(good['replicas_on_it'] or {}).get('last_old_answer_after_switch_s')} s after); last page with the "
          f"old version {load['last_old_page_after_switch_s']} s after the switch")
    print(f"broken version {broken['version']} switched in at {broken['switched_at_s']} s; /readyz "
          f"({broken['readyz_answers']} answers) all 200 degraded on the good version: "
          f"{broken['readyz_all_200_degraded_on_good']}; pages after it by version: {load['pages_after_broken']}")
    print("\nTargets")
    for name, t in results["targets"].items():
        print(f"  {'MET ' if t['met'] else 'MISS'} {name}: " + ", ".join(f"{k}={v}" for k, v in t.items() if k != "met"))


if __name__ == "__main__":
    sys.exit(main())
