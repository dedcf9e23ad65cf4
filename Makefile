# Sorğu: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in e-mails (and Wagtail's) point at the server `make run` starts, unless set.
WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
FOI_SITE_URL ?= $(WAGTAILADMIN_BASE_URL)
PYTEST_ARGS ?=

.PHONY: run test venv dev-venv migrate demo lint format messages clean worker sweep assets

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

venv: $(VENV)/.runtime
dev-venv: $(VENV)/.dev

migrate: venv
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo_data

## The portal on the embedded defaults (SQLite, database search, immediate tasks, console
## e-mail) with the demo data, on http://127.0.0.1:8000/ (`make run PORT=8080 HOST=0.0.0.0`
## for another; the links in e-mails follow).
run: demo
	FOI_SITE_URL=$(FOI_SITE_URL) WAGTAILADMIN_BASE_URL=$(WAGTAILADMIN_BASE_URL) \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## The whole test suite. DATABASE_URL=postgres://postgres@127.0.0.1:5432/sorgu runs it on
## PostgreSQL instead of SQLite.
test: dev-venv node_modules/axe-core/axe.min.js
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

## axe-core (pinned in package.json) for the browser accessibility tests, from the npm registry.
## Without npm those tests are skipped.
node_modules/axe-core/axe.min.js: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent; \
	else echo "npm not found: the accessibility tests will be skipped"; fi

## The stylesheet and GOV.UK Frontend's script, rebuilt from assets/scss/ and node_modules (npm ci).
## The results are committed, so `make run` needs no Node; tests/config/test_assets.py fails when
## they differ from a fresh build.
SASS := node_modules/.bin/sass
GOVUK := node_modules/govuk-frontend/dist/govuk
assets: node_modules/axe-core/axe.min.js
	$(SASS) --load-path=node_modules --style=compressed --no-source-map assets/scss/site.scss assets/build/site.css
	cp $(GOVUK)/govuk-frontend.min.js $(GOVUK)/govuk-frontend.min.js.map assets/vendor/govuk-frontend/

lint: dev-venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: dev-venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Extract and compile translations (needs GNU gettext; the .mo files are committed).
messages: dev-venv
	$(BIN)/python manage.py makemessages -l az -l en -l ru --ignore=.venv --ignore=static
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 media static

## A background worker for Django's Tasks API on RQ (needs REDIS_URL and the production
## settings, which install django_rq); --with-scheduler runs deferred jobs such as e-mail retries.
worker: venv
	$(BIN)/python manage.py rqworker default --job-class django_tasks_rq.Job --with-scheduler

## The daily sweep (run it from cron): lapses, deadline notices, digests, e-mail retries, and
## the audit-trail check (a broken chain is e-mailed to ADMINS, else to the superusers).
sweep: venv
	$(BIN)/python manage.py foi_sweep
