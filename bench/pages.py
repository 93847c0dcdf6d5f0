"""Page-speed benchmark: every dashboard page against a bare Dash app, in headless Chromium, same run.

    .venv/bin/python bench/pages.py [--runs 5] [--workers 2] [--interactions 20] [--pages /en/people ...]

* Both apps are served by the production server (gunicorn, ``--workers 2``, loopback, a free port)
  from a dataset published into a temporary folder (the repository's data is only read).
* Every load uses a new browser context (empty cache, no cookies): a cold viewer. Before the measured
  loads each app/page is loaded once (not counted) so that the server side is warm.
* Times are taken inside the page (``performance.now()``, 0 = navigation start), checked every frame:
  ``glance`` — the at-a-glance element is visible (``.core-card`` — the first core figure — on the overview, the page heading
  elsewhere; on the overview it is drawn into the HTML itself, ``dashboard/first_paint.py``); ``drawn`` — the
  live app has replaced that drawing (no ``.first-paint`` left), every graph has drawn (each ``.dash-graph`` holds a
  ``.js-plotly-plot`` with ``_fullData`` and ``.main-svg``) and nothing is loading (no spinner, no pending
  graph, no callback).
* Bytes: the sum of ``encodedDataLength`` of ``Network.loadingFinished`` (Chrome DevTools Protocol),
  i.e. compressed bytes on the wire, headers included, until the page has drawn; ``plotly_js_bytes`` is
  the share of the plotly.js bundle actually served (Dash's ``plotly.min.js`` URL: the partial bundle in
  the app, the full one in the bare app).
* External requests: any request not to the app's own origin (nor ``data:``/``blob:``); must be 0.
* Interactions (warm page): every control of the people, economy, energy and maps pages, from the
  ``pointerdown`` of a real click (``keydown`` for the year sliders, ``change`` for a select) to the
  ``plotly_afterplot`` of every graph the control updates, after 4 warm-ups; the language switch (in
  place, no reload) from the click to the new page having drawn.
* The worst page ratio (drawn ÷ the bare-Dash floor loaded beside it) is reported as one figure.

Results: ``bench/results/pages.json`` and a table on stdout. ``bench/load.py`` reuses the helpers at
the top of this file (server start/stop, dataset publication, machine description).
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
VENV_BIN = Path(sys.executable).parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--headless=new", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]

# Targets from issue 19 (issue 8 had 1 s, 1.3 ×, 150 ms and 2 MiB).
TARGET_GLANCE_MS = 800
TARGET_DRAWN_RATIO = 1.0
TARGET_INTERACTION_P95_MS = 100
TARGET_LANGUAGE_P95_MS = 300
TARGET_FIRST_LOAD_BYTES = 800_000          # a chart page's first load, compressed
PLOTLY_JS = "plotly.min.js"                # Dash's URL of plotly.js (the app answers it with its bundle)


# --------------------------------------------------------------------------- shared helpers

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def publish_dataset(published: Path, data: Path | None = None) -> str:
    """``twincity etl run`` into ``published`` (reading ``data``'s raw/reference if given); returns the version."""
    env = dict(os.environ)
    if data is not None:
        env["TWINCITY_DATA"] = str(data)
    subprocess.run([str(VENV_BIN / "twincity"), "etl", "run", "--published", str(published)], env=env,
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return os.readlink(published / "current")


class Gunicorn:
    """A gunicorn master on a free loopback port; ``with Gunicorn(app, ...) as url:``."""

    def __init__(self, app: str, workers: int = 2, published: Path | None = None, pythonpath: Path | None = None,
                 extra: list[str] | None = None):
        self.app, self.workers, self.published, self.pythonpath = app, workers, published, pythonpath
        self.extra = extra or []
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.log = tempfile.NamedTemporaryFile(prefix="bench-gunicorn-", suffix=".log", delete=False)

    def __enter__(self) -> str:
        env = dict(os.environ)
        env.pop("TWINCITY_DEBUG", None)
        if self.published is not None:
            env["TWINCITY_PUBLISHED"] = str(self.published)
        cmd = [str(VENV_BIN / "gunicorn"), "--workers", str(self.workers), "--bind", f"127.0.0.1:{self.port}",
               "--no-control-socket", "--chdir", str(ROOT), *self.extra]
        if self.pythonpath:
            cmd += ["--pythonpath", str(self.pythonpath)]
        self.proc = subprocess.Popen([*cmd, self.app], env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn {self.app} exited: {Path(self.log.name).read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(self.url + "/_dash-layout", timeout=5) as r:
                    if r.status == 200:
                        return self.url
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn {self.app} did not answer within 60 s")

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # only the master we started; it stops its workers
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()

    def errors_in_log(self) -> list[str]:
        text = Path(self.log.name).read_text(errors="replace")
        return [line for line in text.splitlines() if "Traceback" in line or "[ERROR]" in line or " ERROR " in line]


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    mem = ""
    if Path("/proc/meminfo").exists():
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    import dash
    import plotly

    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem, "os": platform.platform(),
            "python": platform.python_version(), "dash": dash.__version__, "plotly": plotly.__version__,
            "load_average_at_start": list(os.getloadavg())}


def summary(values: list[float]) -> dict:
    values = sorted(v for v in values if v is not None)
    if not values:
        return {"n": 0}

    def pct(p: float) -> float:
        k = (len(values) - 1) * p
        lo, hi = int(k), min(int(k) + 1, len(values) - 1)
        return values[lo] + (values[hi] - values[lo]) * (k - lo)

    return {"n": len(values), "median": round(statistics.median(values), 1), "p50": round(pct(0.5), 1),
            "p95": round(pct(0.95), 1), "p99": round(pct(0.99), 1), "min": round(values[0], 1),
            "max": round(values[-1], 1)}


def write_results(name: str, data: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / name
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
    return path


# --------------------------------------------------------------------------- in-page probes

PROBE = """
(() => {
  const GLANCE = %s;
  const b = window.__bench = {glance: null, drawn: null};
  const visible = (el) => { const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  const busy = '._dash-loading, ._dash-loading-callback, .dash-spinner, .dash-graph--pending';
  function check() {
    const now = performance.now();
    if (b.glance === null) { const el = document.querySelector(GLANCE); if (el && visible(el)) b.glance = now; }
    // settled needs the live app: a page drawn into the HTML (dashboard/first_paint.py) is seen before it
    if (b.glance !== null && b.drawn === null && !document.querySelector('#react-entry-point > .first-paint')
        && !document.querySelector(busy)) {
      const holders = [...document.querySelectorAll('.dash-graph')];
      const ok = holders.every((h) => { const gd = h.querySelector('.js-plotly-plot');
        return gd && gd._fullData && gd._fullLayout && gd.querySelector('.main-svg'); });
      if (ok) b.drawn = now;
    }
    if (b.drawn === null) requestAnimationFrame(check);
  }
  requestAnimationFrame(check);
  // the wall-clock time of the last pointerdown, kept across a same-tab navigation (language switch)
  const start = () => {
    window.__t0 = performance.now();
    try { sessionStorage.setItem('__bench_click', String(performance.timeOrigin + performance.now())); } catch (e) {}
  };
  document.addEventListener('pointerdown', start, true);
  document.addEventListener('keydown', start, true);
  document.addEventListener('change', (ev) => { if (ev.target && ev.target.tagName === 'SELECT') start(); }, true);
})();
"""

ARM_AFTERPLOT = """
(ids) => {
  window.__after = ids.map((id) => {
    const h = document.getElementById(id);
    const gd = h && (h.classList.contains('js-plotly-plot') ? h : h.querySelector('.js-plotly-plot'));
    return new Promise((resolve) => {
      if (!gd || !gd.on) { resolve(null); return; }
      const f = () => { gd.removeListener('plotly_afterplot', f); resolve(performance.now()); };
      gd.on('plotly_afterplot', f);
    });
  });
  return true;
}
"""

WAIT_AFTERPLOT = """
async (timeout) => {
  const all = Promise.all(window.__after);
  const ends = await Promise.race([all, new Promise((r) => setTimeout(() => r(null), timeout))]);
  if (!ends || ends.some((e) => e === null) || window.__t0 === undefined) return null;
  return Math.max(...ends) - window.__t0;
}
"""


def glance_selector(path: str) -> str:
    return ".core-card" if path.rstrip("/").endswith("/overview") else "main h1, main h2"


def dashboard_paths(langs_extra: dict[str, list[str]]) -> list[str]:
    """Every page in dash.page_registry under /en/, plus the given pages in other languages."""
    os.environ.setdefault("TWINCITY_PUBLISHED", str(ROOT / "data" / "published"))
    sys.path.insert(0, str(ROOT))
    import dash

    from dashboard.app import create_app

    create_app()
    names = sorted(m.group(1) for p in dash.page_registry.values()
                   if (m := re.fullmatch(r"/<lang>/([\w-]+)", str(p.get("path_template") or ""))))
    order = ["overview", "people", "economy", "energy", "maps", "timeline", "present", "sources"]
    names.sort(key=lambda n: (order.index(n) if n in order else len(order), n))
    paths = [f"/en/{n}" for n in names]
    for lang, pages in langs_extra.items():
        paths += [f"/{lang}/{n}" for n in pages if n in names]
    return paths


class Loader:
    def __init__(self, browser, timeout_ms: int = 30000):
        self.browser = browser
        self.timeout_ms = timeout_ms

    def load(self, base: str, path: str, glance: str) -> dict:
        """One cold load: new context, probe, navigate, wait for 'drawn'; times in ms from navigation start."""
        ctx = self.browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = ctx.new_page()
            page.add_init_script(PROBE % json.dumps(glance))
            cdp = ctx.new_cdp_session(page)
            cdp.send("Network.enable")
            counters = {"bytes": 0, "requests": 0, "plotly_js_bytes": None}
            external: list[str] = []
            errors: list[str] = []
            urls: dict[str, str] = {}

            def finished(ev):
                counters["bytes"] += ev.get("encodedDataLength", 0)
                counters["requests"] += 1
                if PLOTLY_JS in urls.get(ev.get("requestId"), ""):
                    counters["plotly_js_bytes"] = ev.get("encodedDataLength", 0)

            cdp.on("Network.requestWillBeSent", lambda ev: urls.__setitem__(ev["requestId"], ev["request"]["url"]))
            cdp.on("Network.loadingFinished", finished)
            page.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:", "about:"))
                    else external.append(r.url))
            page.on("console", lambda m: m.type == "error" and errors.append(m.text[:200]))
            page.on("pageerror", lambda e: errors.append(str(e)[:200]))
            routed: list[bool] = []    # did the pages router fill the page (no Referer) or did it come with the layout?
            page.on("request", lambda r: "_dash-update-component" in r.url
                    and routed.append("_pages_content" in (r.post_data or "")))
            page.goto(base + path, wait_until="commit")
            try:
                page.wait_for_function("window.__bench && window.__bench.drawn !== null", timeout=self.timeout_ms,
                                       polling=50)
            except Exception:  # noqa: BLE001 — a page that never draws is a result, not a crash
                marks = page.evaluate("window.__bench || {}")
                return {"glance": marks.get("glance"), "drawn": None, "bytes": counters["bytes"],
                        "requests": counters["requests"], "external": external, "console_errors": errors,
                        "error": "not drawn within timeout"}
            page.wait_for_timeout(250)  # late requests (favicon, async chunks) still count as first-load bytes
            marks = page.evaluate("window.__bench")
            graphs = page.evaluate("document.querySelectorAll('.js-plotly-plot').length")
            # where the time goes: when the scripts, the layout, the page's own content (with the layout, or the
            # pages router's callback — then always the first one) and plotly.js had arrived
            phases = page.evaluate("""(routed) => {
                const r = performance.getEntriesByType('resource');
                const end = (f) => { const e = r.filter(f); return e.length ? Math.max(...e.map(x => x.responseEnd)) : null; };
                const first = (f) => { const e = r.find(f); return e ? e.responseEnd : null; };
                return {scripts: end(x => x.initiatorType === 'script' && !/async-|plotly/.test(x.name)),
                        layout: first(x => x.name.includes('_dash-layout')),
                        content: first(x => x.name.includes(routed ? '_dash-update-component' : '_dash-layout')),
                        plotly_js: first(x => x.name.includes('plotly.min.js'))};
            }""", bool(routed[:1] == [True]))
            return {"glance": marks["glance"], "drawn": marks["drawn"], "bytes": counters["bytes"],
                    "plotly_js_bytes": counters["plotly_js_bytes"], "requests": counters["requests"], "graphs": graphs, "external": external,
                    "console_errors": errors, "arrived": phases}
        finally:
            ctx.close()


# --------------------------------------------------------------------------- interactions

# name, page, set-up clicks (not measured), [steps, alternating], graphs that must redraw. A step is a CSS
# selector to click, ("key", selector, key) — focus and press (the year sliders) — or ("select", selector,
# value); the clock starts at the pointerdown, keydown or (for a select) change event.
PEOPLE, ENERGY, ECONOMY, MAPS = "/en/people", "/en/energy", "/en/economy", "/en/maps"
INTERACTIONS = [
    ("people: basis (census on/off)", PEOPLE, [],
     ['#people-basis input[value="census"]'], ["people-population", "people-density"]),
    ("people: view (absolute/index)", PEOPLE, [],
     ['#people-view input[value="index"]', '#people-view input[value="absolute"]'], ["people-population"]),
    ("people: base year (index, 2011/2020)", PEOPLE, ['#people-view input[value="index"]'],
     [("select", "#people-base", "2020"), ("select", "#people-base", "2011")], ["people-population"]),
    ("people: years (slider, one step)", PEOPLE, ['#people-view input[value="absolute"]'],
     [("key", "#people-years .dash-slider-thumb-1", "ArrowRight"),
      ("key", "#people-years .dash-slider-thumb-1", "ArrowLeft")], ["people-population", "people-density"]),
    ("people: milestones (on/off)", PEOPLE, [], ['#people-events input[value="on"]'], ["people-population"]),
    ("economy: currency (market/PPP)", ECONOMY, [],
     ['#economy-currency input[value="ppp"]', '#economy-currency input[value="market"]'], ["economy-gdp"]),
    ("economy: indicator (GDP/per capita)", ECONOMY, [],
     ['#economy-indicator input[value="gdp_per_capita"]', '#economy-indicator input[value="gdp"]'], ["economy-gdp"]),
    ("economy: years (slider, one step)", ECONOMY, [],
     [("key", "#economy-years .dash-slider-thumb-1", "ArrowRight"),
      ("key", "#economy-years .dash-slider-thumb-1", "ArrowLeft")], ["economy-gdp"]),
    ("energy: indicator (one share on/off)", ENERGY, [],
     ['#energy-indicator input[value="re_share_primary_energy"]'], ["energy-shares"]),
    ("energy: places (one on/off)", ENERGY, [], ['#energy-areas input[value="germany"]'], ["energy-shares"]),
    ("energy: years (slider, one step)", ENERGY, [],
     [("key", "#energy-years .dash-slider-thumb-2", "ArrowRight"),
      ("key", "#energy-years .dash-slider-thumb-2", "ArrowLeft")], ["energy-shares"]),
    ("energy: milestones (on/off)", ENERGY, [], ['#energy-events input[value="on"]'], ["energy-shares"]),
    ("maps: districts (on/off)", MAPS, [], ['#maps-districts input[value="1"]'], ["maps-twin"]),
    ("maps: overlay (which city on top)", MAPS, [],
     ['#maps-overlay-direction input[value="b-on-a"]', '#maps-overlay-direction input[value="a-on-b"]'],
     ["maps-overlay"]),
]


def _selector(step) -> str:
    return step if isinstance(step, str) else step[1]


def _act(page, step) -> None:
    if isinstance(step, str):
        page.click(step)
    elif step[0] == "key":
        page.focus(step[1])
        page.keyboard.press(step[2])
    else:
        page.select_option(step[1], step[2])


# Not counted: each of a control's two states asked twice, so that both gunicorn workers (each keeps its own
# figure cache) have drawn it once — the samples are warm pages, as the issue defines them.
WARM_UPS = 4


def measure_interactions(browser, base: str, repeats: int) -> dict:
    out = {}
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = ctx.new_page()
        page.add_init_script(PROBE % json.dumps("main h1, main h2"))
        current = None
        for name, path, setup, steps, graphs in INTERACTIONS:
            if current != path:
                page.goto(base + path)
                page.wait_for_function("window.__bench && window.__bench.drawn !== null", timeout=60000)
                current = path
            missing = [s for s in [*setup, *steps] if not page.locator(_selector(s)).count()]
            if missing:
                out[name] = {"n": 0, "error": f"control not found: {_selector(missing[0])}"}
                continue
            for step in setup:  # e.g. the index view before its base year: set, then let the charts settle
                if not page.is_checked(step):
                    page.evaluate(ARM_AFTERPLOT, graphs)
                    page.click(step)
                    page.evaluate(WAIT_AFTERPLOT, 10000)
            samples, misses = [], 0
            for i in range(repeats + WARM_UPS):
                page.evaluate(ARM_AFTERPLOT, graphs)
                _act(page, steps[i % len(steps)])
                ms = page.evaluate(WAIT_AFTERPLOT, 10000)
                if i >= WARM_UPS and ms is not None:
                    samples.append(ms)
                elif i >= WARM_UPS:
                    misses += 1
                page.wait_for_timeout(150)
            out[name] = {**summary(samples), "timeouts": misses}
        # language: switched in place (no reload) en → de → en …, from click to the new page's charts drawn
        page.goto(base + "/en/people")
        page.wait_for_function("window.__bench && window.__bench.drawn !== null", timeout=60000)
        samples = []
        for i in range(max(4, repeats // 2) + 1):
            target = "de" if i % 2 == 0 else "en"
            page.click(f'.lang-switch a[hreflang="{target}"]')
            page.wait_for_url(f"**/{target}/people**")
            page.wait_for_function("""(lang) => {
                const active = document.querySelector('.lang-link.active');
                const holders = [...document.querySelectorAll('.dash-graph')];
                return active && active.getAttribute('hreflang') === lang && holders.length > 0 &&
                    holders.every((h) => { const gd = h.querySelector('.js-plotly-plot');
                        return gd && gd._fullData && gd.querySelector('.main-svg'); });
            }""", arg=target, timeout=60000)
            ms = page.evaluate("performance.now() - window.__t0")
            if i >= 1:
                samples.append(ms)
        out["language switch (in place, people en/de)"] = summary(samples)
    finally:
        ctx.close()
    return out


# --------------------------------------------------------------------------- main

def fmt_ms(v) -> str:
    return "—" if v is None else f"{v:,.0f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="cold loads per page (median reported; ≥3)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--interactions", type=int, default=20, help="repeats per interaction")
    ap.add_argument("--pages", nargs="*", help="only these paths, e.g. /en/overview /ja/people")
    ap.add_argument("--published", type=Path, help="serve this published folder instead of a fresh one")
    args = ap.parse_args(argv)
    if args.runs < 3:
        ap.error("--runs must be at least 3")
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="twincity-bench-pages-"))
    try:
        published = args.published
        if published is None:
            published = work / "published"
            print("publishing the dataset into", published, file=sys.stderr)
            publish_dataset(published)
        os.environ["TWINCITY_PUBLISHED"] = str(published)
        paths = args.pages or dashboard_paths({"de": ["overview", "people"], "ja": ["overview", "economy"]})
        info = machine()
        results = {"created": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": info,
                   "method": {"runs_per_page": args.runs, "server": f"gunicorn --workers {args.workers} (sync)",
                              "browser": "headless Chromium, new context per load, viewport 1280x900",
                              "bytes": "CDP Network.loadingFinished encodedDataLength (compressed, with headers)",
                              "glance": ".kpi-card on overview, the page heading (main h1/h2) elsewhere",
                              "drawn": "all .dash-graph hold a drawn .js-plotly-plot, nothing loading"},
                   "dataset_version": os.readlink(published / "current"), "pages": {}, "bare": {}}
        with Gunicorn("dashboard.app:server()", args.workers, published) as app_url, \
                Gunicorn("bare_app:server()", args.workers, pythonpath=BENCH) as bare_url, \
                sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            results["machine"]["chromium"] = browser.version
            loader = Loader(browser)
            for path in paths:  # warm the servers (page imports, first compression), not counted
                loader.load(app_url, path, glance_selector(path))
            loader.load(bare_url, "/", "h1")
            bare_runs: list[dict] = []
            for path in paths:
                runs, beside = [], []
                for _ in range(args.runs):
                    runs.append(loader.load(app_url, path, glance_selector(path)))
                    beside.append(loader.load(bare_url, "/", "h1"))  # interleaved: same conditions
                bare_runs += beside
                results["pages"][path] = {"runs": runs, "bare_beside": beside}
                print(f"  {path}: drawn {[fmt_ms(r['drawn']) for r in runs]} ms, bare "
                      f"{[fmt_ms(r['drawn']) for r in beside]} ms", file=sys.stderr)
            results["bare"] = {"runs": bare_runs}
            bare = {k: statistics.median([r[k] for r in bare_runs if r.get(k) is not None] or [0]) for k in
                    ("glance", "drawn", "bytes", "plotly_js_bytes")}
            results["bare"].update({"glance_ms": round(bare["glance"], 1), "drawn_ms": round(bare["drawn"], 1),
                                    "bytes": int(bare["bytes"]), "plotly_js_bytes": int(bare["plotly_js_bytes"])})
            for path, entry in results["pages"].items():
                runs = entry["runs"]
                drawn = [r["drawn"] for r in runs if r["drawn"] is not None]
                glance = [r["glance"] for r in runs if r["glance"] is not None]
                entry.update({
                    "glance_ms": round(statistics.median(glance), 1) if glance else None,
                    "drawn_ms": round(statistics.median(drawn), 1) if len(drawn) == len(runs) else None,
                    "bytes": int(statistics.median(r["bytes"] for r in runs)),
                    "plotly_js_bytes": (int(statistics.median(js)) if (js := [r["plotly_js_bytes"] for r in runs
                                                                              if r.get("plotly_js_bytes")]) else None),
                    "requests": int(statistics.median(r["requests"] for r in runs)),
                    "external_requests": sorted({u for r in runs for u in r["external"]}),
                    "console_errors": sorted({e for r in runs for e in r["console_errors"]})[:5],
                    "failed_runs": sum(r["drawn"] is None for r in runs),
                })
                # the ratio to the bare loads made beside this page's loads (the machine's load drifts)
                beside = [r["drawn"] for r in entry["bare_beside"] if r["drawn"] is not None]
                entry["bare_drawn_ms"] = round(statistics.median(beside), 1) if beside else None
                entry["drawn_ratio_to_bare"] = (round(entry["drawn_ms"] / entry["bare_drawn_ms"], 2)
                                                if entry["drawn_ms"] and entry["bare_drawn_ms"] else None)
                arrived = [r.get("arrived") or {} for r in runs]
                entry["arrived_ms"] = {k: round(statistics.median(v), 1) for k in ("scripts", "layout", "content",
                                                                                     "plotly_js")
                                       if (v := [a[k] for a in arrived if a.get(k) is not None])}
            print("measuring interactions", file=sys.stderr)
            results["interactions"] = measure_interactions(browser, app_url, args.interactions)
            browser.close()
        results["machine"]["load_average_at_end"] = list(os.getloadavg())
        results["targets"] = evaluate(results)
        path = write_results("pages.json", results)
        print_table(results)
        print(f"\nresults: {path.relative_to(ROOT)}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _met(value, passed: bool) -> bool | None:
    """True or False against the target, None when this run did not measure it (e.g. ``--pages`` or
    ``--interactions 0``): a figure that was not taken is neither met nor missed."""
    return None if value is None else passed


def evaluate(results: dict) -> dict:
    pages = results["pages"]
    overview = [p for p in pages if p.endswith("/overview")]
    glance = max((pages[p]["glance_ms"] or 1e9) for p in overview) if overview else None
    ratios = {p: e["drawn_ratio_to_bare"] for p, e in pages.items()}
    worst = max((r if r is not None else float("inf")) for r in ratios.values())
    worst_page = max(ratios, key=lambda p: ratios[p] if ratios[p] is not None else float("inf"))
    measured = {k: v for k, v in results["interactions"].items() if v.get("n")}
    p95 = {k: v.get("p95") for k, v in measured.items() if not k.startswith("language")}
    language = next((v.get("p95") for k, v in measured.items() if k.startswith("language")), None)
    charts = {p: e for p, e in pages.items() if e.get("plotly_js_bytes")}   # pages that load plotly.js
    bytes_max = max((e["bytes"] for e in charts.values()), default=None)
    external = sum(len(e["external_requests"]) for e in pages.values())
    worst_p95 = max((v for v in p95.values() if v is not None), default=None)
    return {
        "worst_page_ratio": {"value": worst, "page": worst_page, "target": TARGET_DRAWN_RATIO,
                             "met": worst <= TARGET_DRAWN_RATIO,
                             "pages_over": sorted(p for p, r in ratios.items() if r is None or r > TARGET_DRAWN_RATIO)},
        "glance_under_800ms": {"value_ms": glance, "target_ms": TARGET_GLANCE_MS,
                               "met": _met(glance, glance is not None and glance < TARGET_GLANCE_MS)},
        "interaction_p95_under_100ms": {"worst_p95_ms": worst_p95, "target_ms": TARGET_INTERACTION_P95_MS,
                                        "measured": len(p95),
                                        "over": sorted(k for k, v in p95.items()
                                                       if v is None or v >= TARGET_INTERACTION_P95_MS),
                                        "met": _met(p95 or None, all(v is not None and v < TARGET_INTERACTION_P95_MS
                                                                     for v in p95.values()))},
        "language_switch_p95_under_300ms": {"p95_ms": language, "target_ms": TARGET_LANGUAGE_P95_MS,
                                            "met": _met(language, language is not None
                                                        and language < TARGET_LANGUAGE_P95_MS)},
        "chart_page_first_load_under_800KB": {"max_bytes": bytes_max, "target_bytes": TARGET_FIRST_LOAD_BYTES,
                                              "plotly_js_bytes": max((e["plotly_js_bytes"] for e in charts.values()),
                                                                     default=None),
                                              "met": _met(bytes_max, bytes_max is not None
                                                          and bytes_max < TARGET_FIRST_LOAD_BYTES)},
        "zero_external_requests": {"count": external, "met": external == 0},
    }


def print_table(results: dict) -> None:
    bare = results["bare"]
    print(f"\nPage speed — median of {results['method']['runs_per_page']} cold loads, gunicorn, headless Chromium"
          f" ({results['machine']['cores']} cores, load avg {results['machine']['load_average_at_start'][0]:.1f})")
    head = (f"{'page':<16}{'content':>9}{'glance':>8}{'drawn':>8}{'bare':>8}{'× bare':>8}{'bytes':>10}"
            f"{'plotly.js':>10}{'req':>5}{'ext':>5}{'fail':>5}")
    print(head + "\n" + "-" * len(head))
    for path, e in results["pages"].items():
        ratio = "—" if e["drawn_ratio_to_bare"] is None else f"{e['drawn_ratio_to_bare']:.2f}"
        print(f"{path:<16}{fmt_ms(e['arrived_ms'].get('content')):>9}{fmt_ms(e['glance_ms']):>8}"
              f"{fmt_ms(e['drawn_ms']):>8}{fmt_ms(e['bare_drawn_ms']):>8}{ratio:>8}{e['bytes']:>10,}"
              f"{fmt_ms(e.get('plotly_js_bytes')):>10}{e['requests']:>5}{len(e['external_requests']):>5}"
              f"{e['failed_runs']:>5}")
    print(f"{'bare Dash (all)':<16}{'':>9}{fmt_ms(bare['glance_ms']):>8}{fmt_ms(bare['drawn_ms']):>8}{'':>8}"
          f"{'1.00':>8}{bare['bytes']:>10,}{fmt_ms(bare.get('plotly_js_bytes')):>10}")
    worst = results["targets"]["worst_page_ratio"]
    print(f"worst page: {worst['value']:.2f} × the bare-Dash floor ({worst['page']}); bytes = compressed bytes on"
          " the wire of the first load, plotly.js = of the plotly.js bundle served")
    print("ms from navigation start: content = the page's own content arrived (with the layout, or by the pages"
          " router's callback);"
          " bare = median of the bare-Dash loads made beside that page's loads")
    print("\nInteraction latency (click → plotly_afterplot), ms")
    print(f"{'interaction':<48}{'n':>4}{'p50':>8}{'p95':>8}")
    for name, s in results["interactions"].items():
        print(f"{name:<48}{s.get('n', 0):>4}{fmt_ms(s.get('p50')):>8}{fmt_ms(s.get('p95')):>8}"
              + (f"  {s['error']}" if s.get("error") else ""))
    print("\nTargets")
    for name, t in results["targets"].items():
        verdict = "n/a " if t["met"] is None else "MET " if t["met"] else "MISS"
        print(f"  {verdict} {name}: " + ", ".join(f"{k}={v}" for k, v in t.items() if k != "met")
              + (" (not measured in this run)" if t["met"] is None else ""))


if __name__ == "__main__":
    sys.exit(main())
