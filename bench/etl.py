"""ETL benchmark: the full run on the embedded data, and the pipeline on synthetic inputs of growing size.

    .venv/bin/python bench/etl.py [--runs 5] [--sizes 10,100,1000,3000,13000] [--years 30] [--indicators 50]
                                  [--timeout 300] [--max-rss-gb 10] [--skip-embedded] [--skip-synthetic]

(a) Embedded dataset: ``twincity etl run`` as a subprocess (interpreter start, imports, every step,
    publication into a fresh temporary folder each time; boundaries from ``data/raw``, as ``make etl``
    does). Median of ``--runs``;
    peak memory is each child's own ``ru_maxrss`` (``os.wait4``).
(b) Synthetic inputs: N municipalities × Y years × I indicators written as raw CSV files in the German
    format (UTF-8 with BOM, ``;``, ``593.489`` / ``23,8``, ``31.12.2022`` / ``12.2022`` / ``2022``,
    units such as ``Mio. EUR``, ``kW``, ``MWh``), one file per indicator with a ``source.yaml`` carrying
    their sha256, plus a catalogue of the N places and the I indicators. Each size runs in its own
    subprocess that calls the unchanged ``etl.pipeline.run`` with one extra source module (built like
    ``etl/sources/germany_energy.py``: ``read_table`` + ``long_facts``) in place of the real ones, so every
    step runs for real: checksums, reading, parsing, units, preferred values, derived figures
    (density, per capita, euros at market rate and PPP), pandera validation and the atomic
    publication of the parquet files. Time is the child's ``pipeline.run`` (generation excluded);
    peak memory is the child's ``ru_maxrss`` (interpreter included). A size is aborted cleanly
    (recorded, not fatal) past ``--timeout`` seconds or ``--max-rss-gb``.

Results go to ``bench/results/etl.json``; a table is printed (facts, wall s, CPU s, peak RSS, each
against its target). Targets (issue 19, on a 2-core machine): embedded data end to end < 3 s including
interpreter start; growth no worse than linear; 20 million facts < 60 s and < 2 GB.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# This file is called etl.py: keep its folder off the import path so that `import etl` is the package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results"
VENV_BIN = Path(sys.executable).parent
SOURCE_ID = "synthetic_municipal"
COLUMNS = ["Gebiet", "Merkmal", "Zeitraum", "Wert", "Einheit", "Bevorzugt", "Quelle", "Anmerkung"]
TEXT = [c for c in COLUMNS if c != "Wert"]                      # repeated texts, read as categoricals

TARGET_EMBEDDED_S = 3.0
TARGET_20M_S = 60.0
TARGET_20M_GB = 2.0

# (raw unit, base unit, catalogue maximum, value range in raw units, decimals, period style)
KINDS = [
    ("Personen", "persons", "1e9", (100, 500_000), 0, "day"),
    ("Anzahl", "count", "1e9", (0, 50_000), 0, "year"),
    ("%", "percent", "100", (0, 100), 1, "month"),
    ("Mio. EUR", "EUR", "1e16", (1, 90_000), 3, "year"),
    ("kW", "MW", "1e9", (0, 900_000), 0, "year"),
    ("MWh", "GWh", "1e9", (0, 9_000_000), 1, "year"),
    ("EUR", "EUR", "1e12", (10_000, 120_000), 0, "year"),
]


# --------------------------------------------------------------------------- child processes

def measure_child(command: list[str], *, env: dict | None = None, timeout: float, max_rss_bytes: float,
                  stdout=subprocess.PIPE) -> dict:
    """Run ``command``; return wall and CPU time, exit status, its own peak RSS (wait4) and its stdout.

    Killed (SIGKILL) and marked ``aborted`` past ``timeout`` seconds or ``max_rss_bytes`` resident.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT)
    aborted, peak_seen = None, 0
    out_chunks: list[bytes] = []
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        rss = _rss_bytes(proc.pid)
        peak_seen = max(peak_seen, rss)
        elapsed = time.perf_counter() - start
        if aborted is None and elapsed > timeout:
            aborted = f"aborted after {timeout:.0f} s (time limit)"
            proc.kill()
        elif aborted is None and rss > max_rss_bytes:
            aborted = f"aborted at {rss / 2**30:.1f} GB resident (memory limit {max_rss_bytes / 2**30:.0f} GB)"
            proc.kill()
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout_data = proc.stdout.read() if proc.stdout else b""
    stderr_data = proc.stderr.read() if proc.stderr else b""
    return {"seconds": seconds, "returncode": proc.returncode, "aborted": aborted,
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
            "peak_rss_mb": round(max(usage.ru_maxrss * 1024, peak_seen) / 2**20, 1),
            "stdout": stdout_data.decode("utf-8", "replace"), "stderr": stderr_data.decode("utf-8", "replace")}


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


# --------------------------------------------------------------------------- (a) embedded data

def bench_embedded(runs: int, timeout: float, max_rss: float) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TWINCITY_")}
    results = []
    for n in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-etl-") as tmp:
            command = [str(VENV_BIN / "twincity"), "etl", "run", "--published", str(Path(tmp) / "published")]
            result = measure_child(command, env=env, timeout=timeout, max_rss_bytes=max_rss,
                                   stdout=subprocess.DEVNULL)
            if result["returncode"] != 0:
                raise SystemExit(f"twincity etl run failed:\n{result['stderr'][-3000:]}")
            results.append(result)
            print(f"  embedded run {n + 1}/{runs}: {result['seconds']:.2f} s (CPU {result['cpu_s']:.2f} s), "
                  f"peak {result['peak_rss_mb']:.0f} MB", flush=True)
    # the same without interpreter start: one in-process pipeline.run (imports excluded)
    inproc = measure_child([sys.executable, __file__, "--child-embedded"], env=env, timeout=timeout,
                           max_rss_bytes=max_rss)
    inproc_json = json.loads(inproc["stdout"].strip().splitlines()[-1]) if inproc["returncode"] == 0 else {}
    times = [r["seconds"] for r in results]
    return {"command": "twincity etl run --published <fresh temp folder>", "boundaries": "data/raw",
            "runs_s": [round(t, 3) for t in times], "median_s": round(statistics.median(times), 3),
            "cpu_s": [r["cpu_s"] for r in results], "median_cpu_s": round(statistics.median(r["cpu_s"] for r in results), 3),
            "peak_rss_mb": max(r["peak_rss_mb"] for r in results),
            "pipeline_only_s": inproc_json.get("seconds"), "imports_s": inproc_json.get("imports_s"),
            "facts": inproc_json.get("facts"), "target_s": TARGET_EMBEDDED_S,
            "meets_target": statistics.median(times) < TARGET_EMBEDDED_S}


def child_embedded() -> None:
    start = time.perf_counter()
    from etl import pipeline
    imported = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-etl-") as tmp:
        state = pipeline.run(published=Path(tmp) / "published")
    done = time.perf_counter()
    print(json.dumps({"seconds": round(done - imported, 3), "imports_s": round(imported - start, 3),
                      "facts": len(state.facts)}))


# --------------------------------------------------------------------------- (b) synthetic inputs

def indicator_specs(count: int) -> list[dict]:
    """``count`` indicators: population, area and GDP (so that every derived figure is computed) + generic ones."""
    specs = [{"id": "population", "raw_unit": "Personen", "range": (200, 4_000_000), "decimals": 0, "period": "day"},
             {"id": "area", "raw_unit": "km²", "range": (2, 900), "decimals": 2, "period": "year"},
             {"id": "gdp_nominal", "raw_unit": "Mio. EUR", "range": (20, 90_000), "decimals": 3, "period": "year"}]
    for n in range(count - len(specs)):
        raw_unit, base, maximum, value_range, decimals, period = KINDS[n % len(KINDS)]
        specs.append({"id": f"syn_{n + 1:02d}", "raw_unit": raw_unit, "base_unit": base, "max": maximum,
                      "range": value_range, "decimals": decimals, "period": period})
    return specs[:count]


def german_numbers(values, decimals: int) -> list[str]:
    if decimals == 0:
        return [f"{int(v):,}".replace(",", ".") for v in values]
    return [f"{v:,.{decimals}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".") for v in values]


def generate(target: Path, municipalities: int, years: int, indicators: int, seed: int = 1) -> dict:
    """Write the synthetic raw folder and catalogues; return what was written."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    raw, reference = target / "raw", target / "reference"
    source = raw / SOURCE_ID
    source.mkdir(parents=True)
    for real in ("climate_targets", "seed_documents"):       # the non-fact sources every run reads
        shutil.copytree(ROOT / "data" / "raw" / real, raw / real)
    shutil.copytree(ROOT / "data" / "reference", reference)

    areas = [f"m{n:05d}" for n in range(municipalities)]
    places = pd.read_csv(reference / "places.csv", dtype=str, keep_default_na=False)
    extra = pd.DataFrame({"id": areas, "kind": "city", "name_en": areas, "name_de": areas, "name_ja": areas,
                          "country": "DE", "parent_id": "nrw", "official_code": "", "lat": "", "lon": "",
                          "coordinates_source": "", "time_zone": "Europe/Berlin", "currency": "EUR",
                          "fiscal_year_start_month": "1", "colour": "#999999", "population_bases": "register"})
    pd.concat([places, extra[places.columns]]).to_csv(reference / "places.csv", index=False)
    publishers = pd.read_csv(reference / "publishers.csv", dtype=str, keep_default_na=False)
    synthetic = pd.DataFrame([{"id": "synthetic", "name_en": "Synthetic data", "name_de": "Synthetische Daten",
                               "name_ja": "合成データ", "quality": "secondary_copy", "match": "example.org"}])
    pd.concat([publishers, synthetic[publishers.columns]]).to_csv(reference / "publishers.csv", index=False)
    specs = indicator_specs(indicators)
    catalogue = pd.read_csv(reference / "indicators.csv", dtype=str, keep_default_na=False)
    generic = [s for s in specs if s["id"].startswith("syn_")]
    rows = pd.DataFrame({"id": [s["id"] for s in generic], "category": "economy",
                         "units": [s["base_unit"] for s in generic], "decimals": "1", "min": "0",
                         "max": [s["max"] for s in generic], "label_en": [s["id"] for s in generic],
                         "label_de": [s["id"] for s in generic], "label_ja": [s["id"] for s in generic]})
    pd.concat([catalogue, rows]).fillna("").to_csv(reference / "indicators.csv", index=False)

    first_year = 2024 - years + 1
    year_list = np.arange(first_year, 2025)
    gebiet = np.repeat(np.array(areas, dtype=object), years)
    jahr = np.tile(year_list, municipalities)
    files, rows_written = [], 0
    # Each municipality has its own size; yearly values vary by a few per cent around it, and the
    # population follows the area (density 50–4,000 per km²) so that derived figures stay plausible.
    area = rng.uniform(5, 900, size=municipalities)
    density = rng.uniform(50, 4000, size=municipalities)
    for spec in specs:
        low, high = spec["range"]
        noise = rng.uniform(0.97, 1.03, size=len(jahr))
        if spec["id"] == "area":
            values = np.repeat(area, years)
        elif spec["id"] == "population":
            values = np.repeat(area * density, years) * noise
        else:
            values = np.repeat(rng.uniform(low, high, size=municipalities), years) * noise
            values = np.clip(values, low, high)
        period = {"day": np.char.add("31.12.", jahr.astype(str)), "month": np.char.add("12.", jahr.astype(str)),
                  "year": jahr.astype(str)}[spec["period"]]
        frame = pd.DataFrame({"Gebiet": gebiet, "Merkmal": spec["id"], "Zeitraum": period,
                              "Wert": german_numbers(values, spec["decimals"]), "Einheit": spec["raw_unit"],
                              "Bevorzugt": "", "Quelle": "", "Anmerkung": ""})
        name = f"{spec['id']}.csv"
        frame.to_csv(source / name, sep=";", index=False, encoding="utf-8-sig", lineterminator="\n")
        files.append({"name": name, "sha256": hashlib.sha256((source / name).read_bytes()).hexdigest()})
        rows_written += len(frame)
    meta = {"id": SOURCE_ID, "publisher": "Synthetic benchmark data (not real)", "title": "Synthetic municipal table",
            "url": "https://example.org/synthetic", "licence": "none", "accessed": "2026-01-01",
            "obtained": "generated by bench/etl.py", "priority": 0, "source_quality": "secondary_copy",
            "update_cycle": "P1Y", "publisher_id": "synthetic", "files": files}
    import yaml
    (source / "source.yaml").write_text(yaml.safe_dump(meta, sort_keys=False), encoding="utf-8")
    return {"raw_rows": rows_written, "files": len(files),
            "raw_bytes": sum((source / f["name"]).stat().st_size for f in files)}


def child_synthetic(folder: Path) -> None:
    """Run the real pipeline on ``folder`` (raw/, reference/) with the synthetic source; print JSON."""
    import types

    from etl import frames, pipeline
    from etl.extract.longtable import long_facts
    from etl.extract.tables import read_table
    from etl.sources import climate_targets, seed_documents

    import pandas as pd

    def read(source_dir: Path):
        import yaml
        meta = yaml.safe_load((Path(source_dir) / "source.yaml").read_text(encoding="utf-8"))
        basis = {s["id"]: ("register" if s["id"] == "population" else "") for s in indicator_specs(999)}
        parts = []
        for entry in meta["files"]:
            path = Path(source_dir) / entry["name"]
            table = read_table(path, encoding="utf-8-sig", delimiter=";", columns=COLUMNS, categorical=TEXT)
            parts.append(long_facts(table, path, SOURCE_ID, numbers="de", periods="de", area="[Gebiet]",
                                     indicator="[Merkmal]", basis=("Merkmal", basis), value="Wert",
                                     unit="[Einheit]", period="Zeitraum", preferred="Bevorzugt", url="Quelle",
                                     note="Anmerkung", default_url=meta["url"]))
        return frames.concat(parts, consume=True)   # keeps the repeated texts categorical (etl.frames)

    source = types.SimpleNamespace(SOURCE_ID=SOURCE_ID, read=read)
    pipeline.FACT_SOURCES = [source]
    pipeline.ALL_SOURCES = [source, climate_targets, seed_documents]
    import resource

    def maxrss_mb() -> float:
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)

    stages, stages_cpu, peak_after, last = {}, {}, {}, [None, time.perf_counter(), time.process_time()]

    def on_step(name: str) -> None:
        now, cpu = time.perf_counter(), time.process_time()
        if last[0]:
            stages[last[0]] = round(now - last[1], 3)
            stages_cpu[last[0]] = round(cpu - last[2], 3)
            peak_after[last[0]] = maxrss_mb()
        last[:] = [name, now, cpu]

    start, start_cpu = time.perf_counter(), time.process_time()
    state = pipeline.run(raw=folder / "raw", reference=folder / "reference", published=folder / "published",
                         mirror=None, on_step=on_step)
    end, end_cpu = time.perf_counter(), time.process_time()
    stages[last[0]] = round(end - last[1], 3)
    stages_cpu[last[0]] = round(end_cpu - last[2], 3)
    peak_after[last[0]] = maxrss_mb()
    print(json.dumps({"seconds": round(end - start, 3), "cpu_s": round(end_cpu - start_cpu, 3), "stages": stages,
                      "stages_cpu": stages_cpu, "peak_rss_mb_after_step": peak_after, "facts": int(len(state.facts)),
                      "facts_frame_mb": round(state.facts.memory_usage(deep=True).sum() / 2**20, 1),
                      "raw_facts": int(state.per_source[SOURCE_ID]), "version": state.version,
                      "self_maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))


def bench_synthetic(sizes: list[int], years: int, indicators: int, timeout: float, max_rss: float,
                    keep: bool) -> list[dict]:
    rows = []
    stop = False
    for municipalities in sizes:
        entry = {"municipalities": municipalities, "years": years, "indicators": indicators,
                 "raw_facts_planned": municipalities * years * indicators}
        if stop:
            entry["status"] = "skipped (a smaller size was aborted)"
            rows.append(entry)
            continue
        tmp = Path(tempfile.mkdtemp(prefix=f"bench-etl-{municipalities}-"))
        try:
            t0 = time.perf_counter()
            entry.update(generate(tmp, municipalities, years, indicators))
            entry["generate_s"] = round(time.perf_counter() - t0, 1)
            print(f"  {municipalities:>6} municipalities: {entry['raw_rows']:,} raw rows generated "
                  f"({entry['raw_bytes'] / 2**20:.0f} MB, {entry['generate_s']} s); running the pipeline …", flush=True)
            env = {k: v for k, v in os.environ.items() if not k.startswith("TWINCITY_")}
            result = measure_child([sys.executable, __file__, "--child-synthetic", str(tmp)], env=env,
                                   timeout=timeout, max_rss_bytes=max_rss)
            entry["peak_rss_mb"] = result["peak_rss_mb"]
            if result["aborted"]:
                entry.update(status=result["aborted"], seconds=round(result["seconds"], 1))
                stop = True
            elif result["returncode"] != 0:
                entry.update(status=f"failed (exit {result['returncode']})", error=result["stderr"][-2000:])
                stop = True
            else:
                child = json.loads(result["stdout"].strip().splitlines()[-1])
                entry.update(status="ok", seconds=child["seconds"], cpu_s=child["cpu_s"], stages=child["stages"],
                             stages_cpu=child["stages_cpu"], peak_rss_mb_after_step=child["peak_rss_mb_after_step"],
                             facts_frame_mb=child["facts_frame_mb"], facts=child["facts"], raw_facts=child["raw_facts"],
                             us_per_fact=round(child["seconds"] / child["facts"] * 1e6, 2),
                             cpu_us_per_fact=round(child["cpu_s"] / child["facts"] * 1e6, 2))
            print(f"         → {entry['status']}: {entry.get('seconds', '?')} s (CPU {entry.get('cpu_s', '?')} s), "
                  f"{entry.get('facts', '?')} facts, "
                  f"peak {entry['peak_rss_mb']:.0f} MB", flush=True)
        finally:
            if not keep:
                shutil.rmtree(tmp, ignore_errors=True)
            else:
                entry["folder"] = str(tmp)
        rows.append(entry)
    return rows


def _growth(ok: list[dict], key: str) -> dict:
    xs, ys = [math.log(r["facts"]) for r in ok], [math.log(r[key]) for r in ok]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    big = [r for r in ok if r["facts"] >= 100_000] or ok
    n, t = [r["facts"] for r in big], [r[key] for r in big]
    if len(big) >= 2:
        mn, mt = statistics.fmean(n), statistics.fmean(t)
        b = sum((a - mn) * (c - mt) for a, c in zip(n, t)) / sum((a - mn) ** 2 for a in n)
        a = mt - b * mn
    else:
        a, b = 0.0, t[0] / n[0]
    return {"loglog_slope_all_sizes": round(slope, 3),
            "loglog_slope_two_largest": round(math.log(ok[-1][key] / ok[-2][key])
                                              / math.log(ok[-1]["facts"] / ok[-2]["facts"]), 3),
            "fixed_s": round(a, 2), "us_per_fact_marginal": round(b * 1e6, 3), "projected_20M_s": round(a + b * 20e6, 1)}


def fit(rows: list[dict]) -> dict:
    """Growth of wall and CPU time with the number of facts (log-log slope 1 = linear; time = a + b·facts
    over the sizes with ≥ 100,000 facts) and of peak memory; projections to 20 million facts."""
    ok = [r for r in rows if r.get("status") == "ok" and r["facts"] > 0]
    if len(ok) < 2:
        return {}
    big = [r for r in ok if r["facts"] >= 100_000] or ok
    rss = [(r["facts"], r["peak_rss_mb"]) for r in big]
    per_fact = ((rss[-1][1] - rss[0][1]) / (rss[-1][0] - rss[0][0]) if len(rss) >= 2 and rss[-1][0] != rss[0][0]
                else rss[-1][1] / rss[-1][0])
    return {"wall": _growth(ok, "seconds"), "cpu": _growth(ok, "cpu_s"),
            "mb_per_million_facts_marginal": round(per_fact * 1e6, 1),
            "projected_20M_gb": round((rss[-1][1] + per_fact * (20e6 - rss[-1][0])) / 1024, 2),
            "largest_measured_facts": ok[-1]["facts"]}


# --------------------------------------------------------------------------- report

def machine() -> dict:
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
            "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)}


def print_table(report: dict) -> None:
    emb = report.get("embedded")
    if emb:
        print("\n(a) embedded dataset, `twincity etl run` incl. interpreter start")
        print(f"    median {emb['median_s']:.2f} s wall, {emb['median_cpu_s']:.2f} s CPU, of runs {emb['runs_s']} "
              f"(target < {TARGET_EMBEDDED_S:.0f} s: {'met' if emb['meets_target'] else 'NOT met'}); "
              f"peak RSS {emb['peak_rss_mb']:.0f} MB")
        print(f"    in-process: pipeline {emb['pipeline_only_s']} s, imports {emb['imports_s']} s; {emb['facts']} facts")
    rows = report.get("synthetic") or []
    if rows:
        print("\n(b) synthetic inputs (municipalities × years × indicators, German-format CSV)")
        header = (f"{'munis':>6} {'raw facts':>11} {'facts out':>11} {'wall s':>8} {'CPU s':>8} {'CPU µs/fact':>11} "
                  f"{'peak MB':>8}  status")
        print(header)
        print("-" * len(header))
        nan = float("nan")
        for r in rows:
            print(f"{r['municipalities']:>6} {r.get('raw_facts', r['raw_facts_planned']):>11,} {r.get('facts', 0):>11,} "
                  f"{r.get('seconds', nan):>8.1f} {r.get('cpu_s', nan):>8.1f} {r.get('cpu_us_per_fact', nan):>11.2f} "
                  f"{r.get('peak_rss_mb', nan):>8.0f}  {r['status']}")
        for r in rows:
            if r.get("stages_cpu"):
                print(f"    {r['municipalities']:>6} CPU s by step: "
                      + ", ".join(f"{k} {v:.1f}" for k, v in r["stages_cpu"].items())
                      + "; peak MB after step: " + ", ".join(f"{v:.0f}" for v in r["peak_rss_mb_after_step"].values())
                      + f"; facts table {r['facts_frame_mb']:.0f} MB")
    largest = max((r for r in rows if r.get("status") == "ok"), key=lambda r: r["facts"], default=None)
    if largest:
        wall_ok, memory_ok = largest["seconds"] < TARGET_20M_S, largest["peak_rss_mb"] / 1024 < TARGET_20M_GB
        print(f"\n    largest size: {largest['facts']:,} facts in {largest['seconds']:.1f} s wall "
              f"({largest['cpu_s']:.1f} s CPU), peak RSS {largest['peak_rss_mb'] / 1024:.2f} GB — target for 20 M "
              f"facts < {TARGET_20M_S:.0f} s ({'met' if wall_ok else 'NOT met'}) and < {TARGET_20M_GB:.0f} GB "
              f"({'met' if memory_ok else 'NOT met'}); load average {report['machine'].get('load_average_at_start')} "
              f"→ {report['machine'].get('load_average_at_end')}")
    f = report.get("fit")
    if f:
        for kind in ("wall", "cpu"):
            g = f[kind]
            print(f"\n    {kind}: log-log slope {g['loglog_slope_all_sizes']} (all sizes), {g['loglog_slope_two_largest']} "
                  f"(two largest); marginal {g['us_per_fact_marginal']} µs/fact; projected 20 M facts "
                  f"{g['projected_20M_s']} s (target {TARGET_20M_S:.0f} s)")
        print(f"    memory: {f['mb_per_million_facts_marginal']} MB per million facts; projected 20 M facts "
              f"{f['projected_20M_gb']} GB (target {TARGET_20M_GB:.0f} GB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="10,100,1000,3000,13000")
    parser.add_argument("--years", type=int, default=30)
    parser.add_argument("--indicators", type=int, default=50)
    parser.add_argument("--timeout", type=float, default=300, help="seconds per synthetic size")
    parser.add_argument("--max-rss-gb", type=float, default=10.0, help="abort a size above this resident memory")
    parser.add_argument("--skip-embedded", action="store_true")
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the generated folders (for profiling)")
    parser.add_argument("--out", type=Path, default=RESULTS / "etl.json")
    parser.add_argument("--child-embedded", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-synthetic", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_embedded:
        return child_embedded()
    if args.child_synthetic:
        return child_synthetic(args.child_synthetic)

    report = {"created": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
              "targets": {"embedded_s": TARGET_EMBEDDED_S, "facts_20M_s": TARGET_20M_S, "facts_20M_gb": TARGET_20M_GB}}
    max_rss = args.max_rss_gb * 2**30
    if not args.skip_embedded:
        print("(a) embedded dataset …", flush=True)
        report["embedded"] = bench_embedded(args.runs, args.timeout, max_rss)
    if not args.skip_synthetic:
        sizes = [int(s) for s in args.sizes.split(",") if s]
        print("(b) synthetic inputs …", flush=True)
        report["synthetic"] = bench_synthetic(sizes, args.years, args.indicators, args.timeout, max_rss, args.keep)
        report["fit"] = fit(report["synthetic"])
    report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    temp = args.out.with_suffix(".json.tmp")
    temp.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temp, args.out)
    print_table(report)
    print(f"\nwritten {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")


if __name__ == "__main__":
    main()
