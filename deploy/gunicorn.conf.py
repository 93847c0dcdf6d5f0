"""gunicorn settings for a replica: ``gunicorn -c deploy/gunicorn.conf.py 'dashboard.app:server()'``.

TWINCITY_WORKERS  sync workers (default 3; about one per core, each holds the dataset in memory)
TWINCITY_BIND     address (default 0.0.0.0:8050)
"""
import os

workers = int(os.environ.get("TWINCITY_WORKERS", "3"))
bind = os.environ.get("TWINCITY_BIND", "0.0.0.0:8050")
worker_class = "sync"
timeout = 60
graceful_timeout = 20
forwarded_allow_ips = os.environ.get("TWINCITY_PROXY_IPS", "127.0.0.1")   # the reverse proxy's address(es)
worker_tmp_dir = "/dev/shm"   # the image's file system is read-only
accesslog = "-"
errorlog = "-"
