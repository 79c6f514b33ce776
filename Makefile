# Migra Hub: the one entry point for setting up, running and testing.
#   make run    set everything up and serve the site on http://127.0.0.1:8000 (SQLite, demo data)
#   make test   set everything up and run linters and the whole test suite
#               (again on PostgreSQL when DATABASE_URL names one)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
DEV_ENV := DEBUG=true
PYTEST_ARGS ?=
# Test runs use two workers; the machines have two cores.
PYTEST_WORKERS ?= 2

.PHONY: install install-test browser gettext run serve test test-sqlite test-postgres lint typecheck \
        migrate messages makemessages demo bench screenshots backup-check clean ci

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP) messages

gettext:
	@command -v msgfmt >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq gettext; \
	  else echo "Please install GNU gettext (e.g. apt-get install gettext)"; exit 1; fi; }

messages: $(STAMP) gettext
	$(DEV_ENV) $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

makemessages: $(STAMP)
	$(DEV_ENV) $(PY) manage.py makemessages -l de -l en -l ar -l fa -l tr -l uk -l ru --no-obsolete --add-location=file \
	  --ignore=.venv --ignore=node_modules --ignore=var --ignore=bench --ignore=tests

migrate: install
	@mkdir -p var
	$(DEV_ENV) $(PY) manage.py migrate --noinput -v0
	$(DEV_ENV) $(PY) manage.py createcachetable

demo: migrate
	$(DEV_ENV) $(PY) manage.py seed_demo

# The mail worker runs beside the server, as in production, and prints each mail on the console
# a few seconds after the action that queued it.
run: demo
	$(DEV_ENV) $(PY) manage.py send_queued_mail --loop 3 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:8000

# Production-like: gunicorn + whitenoise, DEBUG off. For load tests on this machine only.
serve: migrate
	DEBUG=false SECRET_KEY=serve-local-only-not-secret ALLOWED_HOSTS=127.0.0.1,localhost \
	  SECURE_SSL_REDIRECT=false $(PY) manage.py collectstatic --noinput -v0
	DEBUG=false SECRET_KEY=serve-local-only-not-secret ALLOWED_HOSTS=127.0.0.1,localhost \
	  SECURE_SSL_REDIRECT=false $(BIN)/gunicorn migra_hub.wsgi --bind 127.0.0.1:8000 \
	  --workers $${WORKERS:-4} --access-logfile - --log-level warning

# Test tools outside PyPI: Debian's Chromium for the browser tests, the Nu HTML checker (npm).
browser:
	@if ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  elif [ "$$CI" = "true" ]; then \
	    echo "chromium is missing and cannot be installed: the browser tests must run in CI"; exit 1; \
	  else \
	    echo "Browser tests need Debian's chromium: sudo apt-get install chromium"; \
	  fi; fi
	@command -v java >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq default-jre-headless; \
	  else echo "HTML validity tests need Java 11+"; fi; }
	@[ -f node_modules/vnu-jar/build/dist/vnu.jar ] || npm install --no-audit --no-fund --silent

install-test: install browser

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(DEV_ENV) $(BIN)/mypy .

test-sqlite: install-test
	env -u DATABASE_URL $(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# Runs only when DATABASE_URL names a PostgreSQL database; refuses to pass silently otherwise.
test-postgres: install-test
	@case "$$DATABASE_URL" in postgres*) ;; *) echo "DATABASE_URL is not a PostgreSQL URL"; exit 1;; esac
	$(PY) -c "import os, psycopg; psycopg.connect(os.environ['DATABASE_URL'].replace('postgres://', 'postgresql://', 1), connect_timeout=5).close()" \
	  || { echo "PostgreSQL at $$DATABASE_URL is not reachable"; exit 1; }
	$(BIN)/pytest -n $(PYTEST_WORKERS) --create-db $(PYTEST_ARGS)

test: install-test lint typecheck
	$(DEV_ENV) env -u DATABASE_URL $(PY) manage.py makemigrations --check --dry-run
	$(MAKE) --no-print-directory test-sqlite
	@case "$$DATABASE_URL" in postgres*) $(MAKE) --no-print-directory test-postgres;; \
	  *) echo "DATABASE_URL names no PostgreSQL database: the PostgreSQL run is skipped.";; esac

bench: migrate
	$(PY) bench/directory.py

# Main pages of each journey at 390 and 1280 px (de, en; some in ar) into var/screenshots/.
screenshots: install
	$(PY) tools/screenshots.py

# Dump the PostgreSQL database of DATABASE_URL, restore it into a fresh one, compare row counts.
backup-check: $(STAMP)
	$(PY) tools/backup_restore_check.py

clean:
	rm -rf $(VENV) var node_modules
