# The two commands of the README: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test install lint format test-sqlite test-postgres serve schema clean browser-setup

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Not quiet: the first install takes a few minutes and should show that it is working.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	@echo "==> Installing the dependencies into $(VENV) (a few minutes the first time)"
	$(BIN)/pip install --progress-bar on --upgrade pip
	$(BIN)/pip install --progress-bar on -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo: install
	@echo "==> Database (var/db.sqlite3 unless DATABASE_URL is set)"
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	@echo "==> Demo catalogue (about a minute the first time)"
	DEBUG=1 $(BIN)/python manage.py load_demo --url http://$(HOST):$(PORT)
	@echo "==> Serving http://$(HOST):$(PORT)/ (Ctrl+C stops; HOST and PORT change it)"
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The browser tests (tests/browser, KCC console) drive Debian's chromium with Playwright;
# never `playwright install`: the system browser is used.
browser-setup:
	@test -x /usr/bin/chromium || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium; }

test-sqlite: install browser-setup
	$(BIN)/python -m pytest -q

# A throw-away PostgreSQL server (Debian's package is installed when missing).
test-postgres: install
	$(BIN)/python tests/pg_server.py -- $(BIN)/python -m pytest -q -m "not browser"

test: lint test-sqlite test-postgres

clean:
	rm -rf $(VENV) var .pytest_cache
