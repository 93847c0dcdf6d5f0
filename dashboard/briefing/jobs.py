"""The briefing-pack button in the presenter: a job in a thread, its progress in a status file on the shared
data volume (:mod:`dashboard.job_store`), so that any replica can answer the progress poll."""
from __future__ import annotations

import json
import logging
import re
import shutil
import threading
import time
import uuid
import zipfile
from pathlib import Path

from dashboard import decks
from dashboard.briefing.pack import FORMATS, export, steps
from dashboard.briefing.pdf import kaleido_session
from dashboard.i18n import t
from dashboard.job_store import jobs_dir

log = logging.getLogger(__name__)

JOB_ID = re.compile(r"^[0-9a-f]{32}$")
JOB_MAX_AGE = 3600
_job_lock = threading.Lock()
_finished: dict[tuple, Path] = {}


def _status_path(job: str) -> Path:
    return jobs_dir() / job / "status.json"


def _write_status(job: str, **status) -> None:
    path = _status_path(job)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(status), encoding="utf-8")
    tmp.replace(path)


def job_status(job) -> dict | None:
    """``{"state": running|done|failed, "done", "total", "step", "file"}`` of a job, or ``None``."""
    if not isinstance(job, str) or not JOB_ID.match(job):
        return None
    try:
        return json.loads(_status_path(job).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _clean_old_jobs() -> None:
    if not jobs_dir().is_dir():
        return
    for folder in jobs_dir().iterdir():
        try:
            if folder.is_dir() and time.time() - folder.stat().st_mtime > JOB_MAX_AGE:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue


def start_job(deck_name: str, lang: str, base_url: str | None = None, pair: str | None = None) -> str:
    """Start making the briefing pack (zip of HTML + PDF) in a thread; poll :func:`job_status`."""
    _clean_old_jobs()
    job = uuid.uuid4().hex
    (jobs_dir() / job).mkdir(parents=True, exist_ok=True)
    _write_status(job, state="running", done=0, total=1, step=t("present.progress_start", lang), file="")
    threading.Thread(target=_run_job, args=(job, deck_name, lang, base_url) + ((pair,) if pair else ()), daemon=True,
                     name=f"briefing-{job[:8]}").start()
    return job


def _run_job(job: str, deck_name: str, lang: str, base_url: str | None, pair: str | None = None) -> None:
    from dataclasses import replace

    from dashboard.data import current

    try:
        deck = decks.load(deck_name)
        deck = replace(deck, pair=pair) if pair else deck  # the presenter's ?pair= wins over the deck's own
        dataset = current()
        key = (deck.source, deck.pair, lang, dataset.version, base_url, decks.resolve(deck_name).stat().st_mtime)
        total = steps(deck, FORMATS) + 1
        done = [0]

        def progress(step: str, _n: int, _total: int) -> None:
            done[0] += 1
            _write_status(job, state="running", done=min(done[0], total - 1), total=total, step=step, file="")

        with _job_lock:  # one pack at a time per process; the same pack again comes from the cache
            cached = _finished.get(key)
            if cached is None or not cached.exists():
                folder = jobs_dir() / job
                with kaleido_session():
                    written = export(deck, lang, FORMATS, folder, dataset, base_url, progress)
                _write_status(job, state="running", done=total - 1, total=total,
                              step=t("present.progress_zip", lang), file="")
                cached = folder / f"briefing-{deck.name}-{lang}.zip"
                with zipfile.ZipFile(cached, "w", zipfile.ZIP_DEFLATED) as archive:
                    for path in written.values():
                        archive.write(path, path.name)
                _finished[key] = cached
        _write_status(job, state="done", done=total, total=total, step=t("present.progress_done", lang),
                      file=str(cached))
    except Exception:  # the user sees a message; the details go to the log
        log.exception("briefing pack %s failed", job)
        _write_status(job, state="failed", done=0, total=1, step=t("present.progress_failed", lang), file="")
