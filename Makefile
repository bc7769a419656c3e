# Leernetwerk: the two commands of the README are `make start` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py

.PHONY: start test install install-test migrate demo index lint chromium lasttest bench bench-search bench-pages

$(VENV)/bin/activate:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Leernetwerk heeft Python 3.11 of nieuwer nodig.")'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/activate
	$(PIP) install -q .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PIP) install -q '.[test]'
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

migrate: install
	$(MANAGE) migrate --noinput -v0

demo: migrate
	@if $(MANAGE) demo_nodig; then $(MANAGE) demo_laden --geen-index; else echo "Database heeft al gegevens: demo-inhoud niet opnieuw geladen."; fi

index: demo
	$(MANAGE) update_index -v0

start: index
	@echo ""
	@echo "Leernetwerk draait op http://127.0.0.1:$(PORT)/  (stoppen: Ctrl+C)"
	@echo "Demo-accounts (wachtwoord: $${DEMO_WACHTWOORD:-leernetwerk-demo}):"
	@echo "  demo-consulent, demo-trainer, demo-teamchef, demo-kennisbeheerder, demo-beheerder"
	@echo ""
	@# The task worker (imports) runs beside runserver and stops with it (Ctrl+C or kill).
	$(MANAGE) db_worker --backend achtergrond --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; trap 'exit 130' INT; trap 'exit 143' TERM; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# Browser tests drive Debian's chromium. As root we install it; otherwise we say how.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "chromium kon niet worden geinstalleerd"; \
	  else \
	    echo "Let op: /usr/bin/chromium ontbreekt; browsertests worden overgeslagen. Installeer met: sudo apt-get install chromium"; \
	  fi; \
	fi

# The suite runs on every core (pytest-xdist), one test file per worker at a time so a file's
# shared demo fixture is built once; TESTWORKERS=0 runs it in one process.
TESTWORKERS ?= auto
test: install-test chromium
	$(PY) -m pytest -n $(TESTWORKERS) --dist loadfile $(PYTEST_ARGS)
	@# modelsearch's own BackendTests against our whoosh backend (own settings: no Wagtail).
	$(PY) -m pytest -q -p no:warnings --noconftest --ds=cms.settings.modelsearch_suite \
	  -o python_files=suite_backend.py tests/modelsearch_suite

# Search benchmark: whoosh against the database backend on the demo evaluation set
# (tests/search/evaluatie.json) and at 10,000 interventies. Prints figures.
bench-search: install-test
	$(PY) tests/bench/bench_zoeken.py $(BENCH_ARGS)

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Bounded load test on loopback (gunicorn, 2 workers; wrk, 32 connections, 60 s).
lasttest: install
	scripts/lasttest.sh $(DUUR)

# Benchmarks: print figures, assert nothing about time (run on demand, not in make test).
bench: install-test
	$(PY) -m pytest -q -s tests/bench/bench_*.py

# Page benchmark: our logged-in pages against a bare Wagtail page, gunicorn with the production
# settings, alternated (tests/bench/bench_paginas.py; BENCH_ARGS="--interventies 1000"). Figures.
bench-pages: install-test
	$(PY) tests/bench/bench_paginas.py $(BENCH_ARGS)
