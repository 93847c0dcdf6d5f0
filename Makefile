# Two commands do all set-up on a fresh Debian machine with Python 3.11:
#   make run    — the dashboard on the embedded data (builds the dataset first if needed)
#   make test   — the whole test suite (installs Chromium and fonts from Debian if missing)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run serve test etl bench bench-etl bench-pages bench-load bench-replicas browser nginx clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@command -v npm >/dev/null 2>&1 || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	$(BIN)/python -m dashboard.plotly_bundle
	touch $(STAMP)

etl: $(STAMP)
	$(BIN)/twincity etl run

run: $(STAMP)
	@test -e data/published/current || $(BIN)/twincity etl run
	$(BIN)/twincity serve --host 127.0.0.1 --port 8050

serve: $(STAMP)
	$(BIN)/gunicorn --workers 3 --bind 0.0.0.0:8050 'dashboard.app:server()'

browser:
	@command -v chromium >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'noto.*cjk' || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk poppler-utils >/dev/null; }

test: $(STAMP) browser
	$(BIN)/python -m pytest -n 2 --dist loadfile -q

bench: bench-etl bench-pages bench-load

bench-etl: $(STAMP)
	$(BIN)/python bench/etl.py

bench-pages: $(STAMP) browser
	$(BIN)/python bench/pages.py

bench-load: $(STAMP)
	$(BIN)/python bench/load.py

# Two replicas sharing one data/published behind nginx, a good then a broken version published mid-run
# (not part of `make bench` or `make test`: it takes about a minute and needs nginx).
bench-replicas: $(STAMP) browser nginx
	$(BIN)/python bench/replicas.py

nginx:
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }

clean:
	rm -rf $(VENV) data/published
