"""Where background export jobs (the briefing pack) keep their state and files: on the shared data volume.

Several replicas behind a load balancer serve one dashboard; the progress poll of a job started on one
replica may reach another. The job's ``status.json`` and its zip therefore live next to the published data
(``data/published/.jobs``, or ``$TWINCITY_JOBS``), which every replica mounts — no sticky sessions needed,
which nginx's open-source edition could only offer by client address (wrong behind a city's NAT).
"""
from __future__ import annotations

import os
from pathlib import Path

from etl import paths


def jobs_dir() -> Path:
    """The folder of job state: ``$TWINCITY_JOBS``, else ``.jobs`` in the published folder (never a version)."""
    configured = os.environ.get("TWINCITY_JOBS")
    return Path(configured) if configured else paths.published_dir() / ".jobs"
