# Migra Hub: the one entry point for setting up, running and testing.
#   make run    set everything up and serve the site with demo data on http://127.0.0.1:8000
#               (make run PORT=8080: on another port; links in mails and feeds follow it)
#   make test   set everything up and run linters, types, the migrations check and the whole suite
# Both use the PostgreSQL server DATABASE_URL names; without it the embedded one under var/postgres
# (migra_hub/embedded_db.py: started on demand, reused while it runs; make db-stop stops it).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
DEV_ENV := DEBUG=true
PYTEST_ARGS ?=
# Test runs use two workers; the machines have two cores.
PYTEST_WORKERS ?= 2
PORT ?= 8000
# Some machines set PYTHONDONTWRITEBYTECODE: every test worker would then compile the whole project
# and rewrite every test module again on each run. Bytecode caches are git-ignored.
unexport PYTHONDONTWRITEBYTECODE
# Links the site builds (mails, feeds, exports) point at the address actually served.
SITE_URL ?= http://127.0.0.1:$(PORT)
# The database every target uses: DATABASE_URL, else the embedded server's (see `make db`).
DB_URL = $${DATABASE_URL:-$$($(PY) -m migra_hub.embedded_db url)}

.PHONY: install install-test browser gettext run serve test lint typecheck db db-stop db-reset \
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

# The embedded PostgreSQL, unless DATABASE_URL names a server: started when it is not running.
db: $(STAMP)
	@[ -n "$$DATABASE_URL" ] || $(PY) -m migra_hub.embedded_db start

db-stop: $(STAMP)
	$(PY) -m migra_hub.embedded_db stop

# A fresh, empty embedded database (the next make run seeds the demo again).
db-reset: db-stop
	rm -rf var/postgres var/postgres.port

migrate: install db
	$(DEV_ENV) $(PY) manage.py migrate --noinput -v0
	$(DEV_ENV) $(PY) manage.py createcachetable

demo: migrate
	$(DEV_ENV) $(PY) manage.py seed_demo

# The mail worker runs beside the server, as in production, and prints each mail on the console
# a few seconds after the action that queued it.
run: demo
	export SITE_URL=$(SITE_URL); \
	  $(DEV_ENV) $(PY) manage.py send_queued_mail --loop 3 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production-like: gunicorn + whitenoise, DEBUG off. For load tests on this machine only.
serve: migrate
	DEBUG=false SECRET_KEY=serve-local-only-not-secret ALLOWED_HOSTS=127.0.0.1,localhost \
	  DATABASE_URL=$(DB_URL) SECURE_SSL_REDIRECT=false $(PY) manage.py collectstatic --noinput -v0
	DEBUG=false SECRET_KEY=serve-local-only-not-secret ALLOWED_HOSTS=127.0.0.1,localhost \
	  DATABASE_URL=$(DB_URL) SITE_URL=$(SITE_URL) \
	  SECURE_SSL_REDIRECT=false $(BIN)/gunicorn migra_hub.wsgi --bind 127.0.0.1:$(PORT) \
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

# One pass, on DATABASE_URL's server (a fresh test database) or on the embedded one (its test
# databases are kept while the migrations stay the same); the 20 slowest tests are listed.
test: install-test lint typecheck db
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist worksteal --durations=20 \
	  $${DATABASE_URL:+--create-db} $(PYTEST_ARGS)

bench: migrate
	DATABASE_URL=$(DB_URL) $(PY) bench/directory.py

# Main pages of each journey at 390 and 1280 px (de, en; some in ar) into var/screenshots/.
screenshots: install
	$(PY) tools/screenshots.py

# Dump the PostgreSQL database of DATABASE_URL, restore it into a fresh one, compare row counts.
backup-check: db
	DATABASE_URL=$(DB_URL) $(PY) tools/backup_restore_check.py

clean:
	-[ -x $(PY) ] && $(PY) -m migra_hub.embedded_db stop
	rm -rf $(VENV) var node_modules
