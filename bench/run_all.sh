#!/usr/bin/env bash
# Run every benchmark once and leave the JSON results in bench/results/.
#   bench/run_all.sh            (from the repository root; uses .venv)
# Page speed takes ~5–15 min on 2 cores (12 pages × 5 cold loads, each beside a bare-Dash load),
# load ~1–3 min. Run on an otherwise idle machine: the figures are only as good as the quiet.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
test -x "$PY" || { echo "no .venv: run 'make test' or 'make run' once first" >&2; exit 1; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -f bench/etl.py ]; then "$PY" bench/etl.py; fi
"$PY" bench/pages.py "$@"
"$PY" bench/load.py
ls -l bench/results/
