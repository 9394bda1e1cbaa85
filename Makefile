# Two commands for a fresh machine with Python 3.11:  make run  and  make test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15

export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: run test test-sqlite test-postgres lint install system-packages benchmark clean

$(STAMP): requirements.txt requirements-dev.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

# The project's own Danish for the admin (home/locale): one .mo for each .po (django.po
# for the server, djangojs.po for the admin's JavaScript), compiled, never committed.
# msgfmt is Debian's `gettext` package (system-packages, .ci/run install it).
LOCALE_MO := $(patsubst %.po,%.mo,$(wildcard home/locale/*/LC_MESSAGES/*.po))
home/locale/%.mo: home/locale/%.po | system-packages
	msgfmt --check -o $@ $<

# Debian packages the Python packages need: msgfmt for the translations, Pango for
# WeasyPrint's council PDF. Installed when missing (as root), else named and stopped.
SYSTEM_PACKAGES := gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
system-packages:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Mangler Debian-pakker; kør som root: apt-get install $$missing"; exit 1; fi; \
	fi

install: system-packages $(STAMP) $(LOCALE_MO)

# The portal on SQLite with demo content: web (gunicorn), task worker, clock, and the
# local stand-in for Facebook, Instagram, YouTube and the listing (the demo posts there).
# `release` and `standin` are Procfile entries production runs differently: release once
# per deploy, standin never.
run: install
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(BIN)/python manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(BIN)/python manage.py load_demo
	DJANGO_SETTINGS_MODULE=cms.settings.dev BIND_HOST=127.0.0.1 \
		$(BIN)/honcho start --port 8000 --procfile Procfile web worker clock standin

# The whole suite: lint, then SQLite. .ci/run adds the PostgreSQL pass.
test: install lint test-sqlite

# ruff (lint and format), and the import contracts: which app may import which (pyproject.toml).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test-sqlite: install
	env -u DATABASE_URL $(BIN)/pytest

test-postgres: install
	DATABASE_URL=$(POSTGRES_URL) REDIS_URL=$(REDIS_TEST_URL) $(BIN)/pytest

benchmark: install
	$(BIN)/python manage.py benchmark_pages --settings=benchmarks.settings
	$(BIN)/python manage.py bench_scale --settings=benchmarks.settings
	BENCHMARK_DB=var/bench-fediverse.sqlite3 $(BIN)/python manage.py bench_fediverse --settings=benchmarks.settings

clean:
	rm -rf $(VENV) var media static_collected
