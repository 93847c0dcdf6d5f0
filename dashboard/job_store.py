"""Where background export jobs (the briefing pack) keep their state and files: on the shared data volume.

Several replicas behind a load balancer serve one dashboard; the progress poll of a job started on one
replica may reach another. The job's ``status.json`` and its zip therefore live next to the published data
(``data/published/.jobs``, or ``$TWINCITY_JOBS``), which every replica mounts — no sticky sessions needed,
which nginx's open-source edition could only offer by client address (wrong behind a city's NAT).
"""
from __future__ import annotations

from pathlib import Path

from dashboard import settings


def jobs_dir() -> Path:
    """The folder of job state: ``$TWINCITY_JOBS``, else ``.jobs`` in the published folder (never a version)."""
    return settings.settings().jobs or settings.published_dir() / ".jobs"
