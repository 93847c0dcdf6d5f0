"""A real `twincity etl run` killed (SIGKILL) at random moments leaves old or new, never a mix.

Bounded: a handful of iterations, each killed within the duration of one complete run. The seed
is printed so that a failure can be replayed (TWINCITY_KILL_SEED).
"""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from etl import publish

ITERATIONS = 5
BIN = Path(sys.executable).with_name("twincity")


def assert_complete(published: Path) -> str | None:
    """The invariant: `current` is absent or names a complete version (manifest, every table)."""
    link = published / "current"
    if not link.exists() and not link.is_symlink():
        return None
    target = os.readlink(link)
    assert not target.startswith("."), f"current points at a staging folder {target}"
    version = published / target
    manifest = json.loads((version / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["version"] == target
    for name, count in manifest["row_counts"].items():
        assert len(pd.read_parquet(version / f"{name}.parquet")) == count, name
    if manifest["boundaries_available"]:
        meta = json.loads((version / "boundaries" / "boundaries.json").read_text(encoding="utf-8"))
        for name in meta["layers"]:
            json.loads((version / "boundaries" / f"{name}.geojson").read_text(encoding="utf-8"))
    assert publish.current_version(published) == target
    return target


def test_killed_runs_leave_old_or_new(data_copy, rehash, tmp_path, capsys):
    if not BIN.exists():
        pytest.skip(f"{BIN} not installed")
    raw, reference = data_copy
    published = tmp_path / "published"
    env = {**os.environ, "TWINCITY_RAW": str(raw), "TWINCITY_REFERENCE": str(reference)}
    command = [str(BIN), "etl", "run", "--published", str(published)]
    hospitals = raw / "health_education" / "health_education.csv"
    text = hospitals.read_text(encoding="utf-8")

    def new_input(n: int) -> None:
        hospitals.write_text(text.replace("essen,hospitals,16,", f"essen,hospitals,{100 + n},"), encoding="utf-8")
        rehash(raw / "health_education")

    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
    full = time.perf_counter() - start
    old = assert_complete(published)
    assert old

    seed = int(os.environ.get("TWINCITY_KILL_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    outcomes = []
    for n in range(ITERATIONS):
        new_input(n)
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        began = time.perf_counter()
        if n % 2 == 0:
            # anywhere from interpreter start-up to after the end of the run
            when = "any"
            try:
                proc.wait(timeout=rng.uniform(0.1, 1.1) * full)
            except subprocess.TimeoutExpired:
                pass
        else:
            # inside the publish step: once this run's staging folder appears, 0–60 ms later
            when = "publish"
            while proc.poll() is None and not list(published.glob(f".staging-*-{proc.pid}")):
                if time.perf_counter() - began > 4 * full + 30:
                    break
                time.sleep(0.002)
            time.sleep(rng.uniform(0.0, 0.06))
        delay = time.perf_counter() - began
        killed = proc.poll() is None
        if killed:
            proc.kill()
        proc.wait(timeout=30)
        current = assert_complete(published)
        assert current in {old} | {p.name for p in published.iterdir() if not p.name.startswith(".")}
        outcomes.append(f"{when} {delay:.2f}s→{'old' if current == old else 'new'}{' (killed)' if killed else ''}")
        old = current
    # after all that, a run to completion publishes and cleans up what killed runs left behind
    new_input(ITERATIONS)
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
    assert_complete(published)
    assert not list(published.glob(".staging-*"))
    with capsys.disabled():
        print(f"\n[etl kill test] seed {seed}, full run {full:.2f} s: {', '.join(outcomes)}")
