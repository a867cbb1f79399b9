# Cluster Hub: everyday commands. `make help` lists them.
#
# Python tooling: uv (pinned) lives in its own venv under .tools/; the project's venv is
# .venv/, built by `uv sync --frozen` from uv.lock, so every machine gets the tested versions.
# uv must never fetch a Python build: only package registries are reachable here.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

# `make run`: settings and address can be overridden from the environment or the command line,
# e.g. `GUNICORN_BIND=0.0.0.0:8080 make run` or `make run RUN_SETTINGS=hub.settings.production`.
RUN_SETTINGS ?= $(or $(DJANGO_SETTINGS_MODULE),hub.settings.dev)
GUNICORN_BIND ?= 127.0.0.1:8000
export GUNICORN_BIND

# `make test`: always the test settings, even when the shell exports DJANGO_SETTINGS_MODULE
# (pytest-django would prefer that over pyproject.toml). Extra arguments: PYTEST_ARGS="-k health".
# The slowest tests are listed at the end, so that a test that got slow shows in CI's log.
TEST_SETTINGS ?= hub.settings.test
PYTEST_ARGS ?=

.PHONY: help venv run worker test lint format migrations-check contract contract-check contract-examples \
	browsers bench clean distclean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

venv: $(UV) ## Create or update .venv from uv.lock (fast when up to date)
	@case "$$($(UV) --version)" in "uv $(UV_VERSION)"*) ;; \
		*) $(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)" ;; esac
	$(UV) sync --frozen

# `make run` serves with gunicorn and runs `manage.py run_worker` (background tasks and
# scheduled publishing) beside it. Both start in their own process groups (`set -m`; turned
# off again before waiting, so that bash prints no job notices), so a Ctrl+C reaches only
# this shell, whose trap sends each of them one SIGTERM and waits for them to finish; when
# either of them ends, the other is stopped too.
run: venv ## Migrate, load the demo content, collect static files, serve on 127.0.0.1:8000 with the worker
	DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) $(MANAGE) load_demo
	DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) $(MANAGE) collectstatic --noinput --verbosity 0
	@set -m; export DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS); \
	$(MANAGE) run_worker & worker=$$!; \
	$(BIN)/gunicorn -c hub/gunicorn.conf.py hub.wsgi:application & server=$$!; \
	set +m; \
	trap 'status=$$?; trap - INT TERM EXIT; kill -TERM $$server $$worker 2>/dev/null || true; \
		wait $$server $$worker || true; exit $$status' INT TERM EXIT; \
	wait -n $$server $$worker

worker: venv ## Run only the background worker and scheduled publishing (manage.py run_worker)
	DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) $(MANAGE) run_worker

test: venv ## Run the test suite (SQLite unless DATABASE_URL is set; e2e tests need /usr/bin/chromium)
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(BIN)/pytest --durations=15 $(PYTEST_ARGS)

lint: venv ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: venv ## Sort imports and format the code
	$(BIN)/ruff check --select I --fix .
	$(BIN)/ruff format .

migrations-check: venv ## Fail when a model change has no migration
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(MANAGE) makemigrations --check --dry-run

# The frontend contract (frontend_contract/): openapi.json comes from the code, the TypeScript
# types from openapi.json (openapi-typescript, pinned in package-lock.json; needs Node >= 20).
# Generated under the test settings, as the drift test in tests/contract/ generates it.
CONTRACT := frontend_contract
CONTRACT_NODE_MODULES := $(CONTRACT)/node_modules/.package-lock.json
# `make contract-examples` loads the demo into this throwaway database and media folder.
EXAMPLES_VAR := var/contract-examples
EXAMPLES_ENV := DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) \
	DATABASE_URL=sqlite:///$(CURDIR)/$(EXAMPLES_VAR)/hub.sqlite3 MEDIA_ROOT=$(CURDIR)/$(EXAMPLES_VAR)/media

$(CONTRACT_NODE_MODULES): $(CONTRACT)/package.json $(CONTRACT)/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 or newer." >&2; exit 1; }
	cd $(CONTRACT) && npm ci --no-audit --no-fund

contract: venv $(CONTRACT_NODE_MODULES) ## Regenerate frontend_contract/openapi.json and types/api.d.ts from the code
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(MANAGE) export_contract
	cd $(CONTRACT) && npm run --silent generate

contract-check: venv $(CONTRACT_NODE_MODULES) ## Fail when openapi.json or the types drift from the code; type-check the client
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(MANAGE) export_contract --check
	cd $(CONTRACT) && npm run --silent check

contract-examples: venv ## Regenerate frontend_contract/examples/ from the demo (throwaway SQLite database)
	rm -rf $(EXAMPLES_VAR)
	$(EXAMPLES_ENV) $(MANAGE) migrate --noinput --verbosity 0
	$(EXAMPLES_ENV) $(MANAGE) load_demo > /dev/null
	$(EXAMPLES_ENV) $(MANAGE) export_contract --examples
	rm -rf $(EXAMPLES_VAR)

browsers: ## Install Debian's Chromium for the browser tests (root only)
	@if [ -x /usr/bin/chromium ]; then \
		/usr/bin/chromium --version 2>/dev/null; \
	elif [ "$$(id -u)" = 0 ]; then \
		DEBIAN_FRONTEND=noninteractive apt-get update && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; \
	else \
		echo "/usr/bin/chromium is missing: run 'sudo make browsers' or 'sudo apt-get install chromium'." >&2; \
		exit 1; \
	fi

bench: venv ## Run the benchmarks in tests/bench (not part of `make test`)
	@if [ ! -d tests/bench ]; then echo "No benchmarks yet (tests/bench does not exist)."; exit 0; fi; \
	rc=0; DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(BIN)/pytest tests/bench -s $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "No benchmarks collected in tests/bench."; exit 0; fi; \
	exit $$rc

clean: ## Remove caches and collected static files (keeps the database, uploads and venvs)
	find . -path ./$(VENV) -prune -o -path ./$(TOOLS) -prune -o -type d -name __pycache__ -print0 \
		| xargs -0 rm -rf
	rm -rf .pytest_cache .ruff_cache .coverage htmlcov var/static

distclean: clean ## Also remove .venv and .tools
	rm -rf $(VENV) $(TOOLS)
