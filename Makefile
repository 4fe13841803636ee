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
	surveys/index.py dossiers/stats.py imports/layout.py imports/tables.py imports/paragraphs.py imports/cells.py imports/row_checks.py \
	imports/accuracy.py documents/layout.py accounts/grants.py plans/drafting.py plans/drafting_texts.py plans/richtext.py plans/targets.py \
	assessments/projection.py

# Days the date-sensitive tests also run under in `make test` (CCHC_TEST_TODAY; a bare day means 09:30 in Vietnam):
# New Year's Day at 06:00 (still the old year in UTC) and the last evening of a year; the PostgreSQL pass runs the
# whole suite as if today were PG_TODAY, a leap day. `make test-dates TEST_DATES="$(ALL_TEST_DATES)"` adds a Sunday
# and a Tết holiday (kept out of `make test` for its time budget).
TEST_DATES ?= 2027-01-01T06:00 2029-12-31T23:30
PG_TODAY ?= 2028-02-29
ALL_TEST_DATES := 2027-01-01T06:00 2028-02-29 2026-11-29 2029-12-31T23:30 2030-02-04

.PHONY: demo test test-sqlite test-sweep-sqlite test-dates test-postgres lint install sysdeps bench bench-postgres serve clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

# Debian packages the tests use: Chromium (browser tests), PostgreSQL (second database run),
# LibreOffice (PDF of Word exports), gettext. Installed only when missing; needs root.
sysdeps:
	@scripts/sysdeps.sh

# The web server and the background worker (imports, PDF, exports, reminders) side by side; Ctrl+C stops both.
demo: install
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_demo
	@echo "cchc: http://127.0.0.1:8000  (Ctrl+C to stop the web server and the worker)"
	@trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py worker & worker=$$!; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

serve: install
	$(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install
	mkdir -p var
	$(BIN)/ruff check .
	$(BIN)/mypy $(DOMAIN_CORE)
	$(BIN)/python scripts/bandit.py
	$(BIN)/python manage.py makemigrations --check --dry-run -v0
	$(BIN)/python manage.py check

# The junk walk of every page (-m sweep) runs in the PostgreSQL pass only: it takes minutes, and the stricter
# database is where junk breaks things (`make test-sweep-sqlite` runs it on SQLite too).
test-sqlite: install
	$(BIN)/pytest -q -n $(WORKERS) -m "not sweep" $(PYTEST_ARGS)

test-sweep-sqlite: install
	$(BIN)/pytest -q -n $(WORKERS) -m sweep $(PYTEST_ARGS)

test-dates: install
	@for day in $(TEST_DATES); do \
	  echo "== date-sensitive tests as if today were $$day"; \
	  CCHC_TEST_TODAY=$$day $(BIN)/pytest -q -n $(WORKERS) -m "dates and not browser" $(PYTEST_ARGS) || exit 1; \
	done

test-postgres: install
	@echo "== the whole suite on PostgreSQL, as if today were $(PG_TODAY)"
	CCHC_TEST_TODAY=$(PG_TODAY) scripts/with_postgres.sh $(BIN)/pytest -q -n $(WORKERS) $(PYTEST_ARGS)

test: install sysdeps lint test-sqlite test-dates test-postgres

# Benchmarks (not part of `make test`): a generated province (BENCH_SCALE, default 0.1; 1 = a whole province),
# each figure beside its floor; prints a table and writes bench/results.json. bench-postgres: the same on a
# throwaway PostgreSQL server.
BENCH_SCALE ?= 0.1
bench: install
	$(BIN)/python -m bench --scale $(BENCH_SCALE)

bench-postgres: install
	scripts/with_postgres.sh $(BIN)/python -m bench --scale $(BENCH_SCALE)

clean:
	rm -rf $(VENV) var staticfiles
