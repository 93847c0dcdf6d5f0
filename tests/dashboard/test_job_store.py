"""Export jobs keep their state on the shared data volume: a job started by one replica is answered by another."""
import json
import subprocess
import sys
import time
from pathlib import Path

from dashboard import job_store
from dashboard.briefing import jobs as briefing

ROOT = Path(__file__).resolve().parents[2]


def test_jobs_live_beside_the_published_versions(tmp_path, monkeypatch):
    monkeypatch.delenv("TWINCITY_JOBS", raising=False)
    monkeypatch.setenv("TWINCITY_PUBLISHED", str(tmp_path / "published"))
    assert job_store.jobs_dir() == tmp_path / "published" / ".jobs"
    monkeypatch.setenv("TWINCITY_JOBS", str(tmp_path / "elsewhere"))
    assert job_store.jobs_dir() == tmp_path / "elsewhere"


def test_a_job_started_on_one_replica_is_polled_on_another(tmp_path, monkeypatch):
    shared = tmp_path / "published"
    monkeypatch.delenv("TWINCITY_JOBS", raising=False)
    monkeypatch.setenv("TWINCITY_PUBLISHED", str(shared))

    def pack(job, _deck, lang, _base):   # stands in for the real export (tested in test_briefing.py)
        out = job_store.jobs_dir() / job / f"briefing-test-{lang}.zip"
        out.write_bytes(b"PK")
        briefing._write_status(job, state="done", done=3, total=3, step="", file=str(out))

    monkeypatch.setattr(briefing, "_run_job", pack)
    job = briefing.start_job("webinar", "de")
    for _ in range(100):
        if (briefing.job_status(job) or {}).get("state") == "done":
            break
        time.sleep(0.02)
    other_replica = subprocess.run(
        [sys.executable, "-c", "import json, sys; from dashboard import briefing; "
                               "print(json.dumps(briefing.job_status(sys.argv[1])))", job],
        capture_output=True, text=True, cwd=ROOT, env={"TWINCITY_PUBLISHED": str(shared), "PATH": "/usr/bin"},
        check=True)
    status = json.loads(other_replica.stdout)
    assert status["state"] == "done" and Path(status["file"]).read_bytes() == b"PK"
    assert Path(status["file"]).is_relative_to(shared / ".jobs")
