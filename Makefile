# Two commands: `make run` and `make test`. Both work from a fresh clone.
PYTHON ?= $(shell command -v pyenv >/dev/null 2>&1 && pyenv which python3 2>/dev/null || command -v python3.13 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev chromium migrate demo messages bench lint lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Dependencies come from the lock files (requirements/*.txt, pinned with hashes, written by
# `make lock` from pyproject.toml); the project itself is then installed without resolving
# anything. A changed lock file reinstalls.
$(VENV)/.installed: requirements/base.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/base.txt
	$(BIN)/python -m pip install --quiet --no-deps .
	touch $@

$(VENV)/.installed-dev: requirements/dev.txt requirements/base.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --no-deps .
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## make run: install, migrate, load demo data, serve HTTP + websockets on 127.0.0.1:8000
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py demo
	$(BIN)/daphne -b $(HOST) -p $(PORT) mantelkring.asgi:application

## make test: install, Chromium from Debian if missing, the whole suite (browser tests too)
test: install-dev chromium
	$(BIN)/python manage.py makemigrations --check --dry-run > /dev/null
	$(BIN)/python -m pytest $(PYTEST_ARGS)

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Chromium from Debian (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py demo

## make messages: refresh the English translation catalogue and compile it
messages: install
	$(BIN)/python manage.py makemessages -l en --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=bench
	$(BIN)/python locale/fill_translations.py
	$(BIN)/python manage.py compilemessages --ignore=.venv

bench: install-dev
	$(BIN)/python bench/run.py

## make lint: ruff (rules and format), mypy with django-stubs, import-linter contracts
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

## make lock: rewrite requirements/*.txt after a dependency changed in pyproject.toml.
## Existing pins are kept where they still fit; `make lock LOCK_ARGS=--upgrade` moves every
## pin to the newest allowed version.
LOCK := $(BIN)/pip-compile --quiet --allow-unsafe --strip-extras --generate-hashes \
	--no-emit-index-url --no-emit-find-links $(LOCK_ARGS)
lock: install-dev
	$(LOCK) -o requirements/base.txt pyproject.toml
	$(LOCK) --extra dev -c requirements/base.txt -o requirements/dev.txt pyproject.toml

clean:
	rm -rf $(VENV) staticfiles db.sqlite3* test-db.sqlite3*
