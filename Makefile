# cchc: `make demo` serves the demo on SQLite; `make test` runs everything (SQLite, PostgreSQL, Chromium).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=
WORKERS ?= 2
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# The pure domain core (no ORM), type-checked by `make lint`.
DOMAIN_CORE := org/names.py workdays/calendar.py workdays/deadlines.py frameworks/rules.py frameworks/metrics.py \
	surveys/index.py dossiers/stats.py imports/layout.py imports/tables.py imports/paragraphs.py imports/cells.py \
	imports/accuracy.py documents/layout.py

.PHONY: demo test test-sqlite test-postgres lint install sysdeps bench serve clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

# Debian packages the tests use: Chromium (browser tests), PostgreSQL (second database run),
# LibreOffice (PDF of Word exports), gettext. Installed only when missing; needs root.
sysdeps:
	@scripts/sysdeps.sh

demo: install
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_demo
	@echo "cchc: http://127.0.0.1:8000  (Ctrl+C to stop)"
	$(BIN)/python manage.py runserver 127.0.0.1:8000

serve: install
	$(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install
	mkdir -p var
	$(BIN)/ruff check .
	$(BIN)/mypy $(DOMAIN_CORE)
	$(BIN)/python manage.py makemigrations --check --dry-run -v0
	$(BIN)/python manage.py check

test-sqlite: install
	$(BIN)/pytest -q -n $(WORKERS) $(PYTEST_ARGS)

test-postgres: install
	scripts/with_postgres.sh $(BIN)/pytest -q -n $(WORKERS) $(PYTEST_ARGS)

test: install sysdeps lint test-sqlite test-postgres

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) var staticfiles
