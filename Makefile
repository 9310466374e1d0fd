# Two commands for a newcomer: `make run` (a seeded trial site) and `make test` (the whole suite).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
N ?= 10000
CONCURRENCY ?= 2

.PHONY: install run migrate seed test worker beat lint format bench assets clean

$(BIN)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(BIN)/.installed

# A trial site on the embedded default: SQLite file, tasks in-process, DEBUG on.
run: install
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py migrate --noinput
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py seed --demo-users
	@echo
	@echo "  Site:  http://127.0.0.1:$(PORT)/   demo logins: admin/admin, editor/editor, viewer/viewer"
	@echo
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/pytest

worker: install
	$(BIN)/celery -A config worker --loglevel=INFO --concurrency=$(CONCURRENCY)

beat: install
	$(BIN)/celery -A config beat --loglevel=INFO

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Figures as `bench: NAME = VALUE UNIT` lines. N sets the scale (cases) of the page benchmark.
BENCH_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/fi_bench
BENCH_BROKER_URL ?= redis://127.0.0.1:6379/12
# A fresh bench database each run (runs start alike); BENCH_ARGS= keeps the one there (a large N is slow to build).
BENCH_ARGS ?= --fresh
# Production-like: DEBUG off (no query log, compiled static manifest), PostgreSQL, Redis.
BENCH_ENV = DEBUG=0 SECRET_KEY=bench-only-not-a-secret ALLOWED_HOSTS=testserver,127.0.0.1 SECURE_SSL_REDIRECT=0 \
	DATABASE_URL=$(BENCH_DATABASE_URL) CELERY_BROKER_URL=$(BENCH_BROKER_URL) REDIS_URL=redis://127.0.0.1:6379/11
bench: install
	$(BENCH_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BENCH_ENV) $(BIN)/python manage.py bench --cases $(N) $(BENCH_ARGS)

assets:
	bash static/vendor/update.sh

clean:
	rm -rf $(VENV) var db.sqlite3 test-artifacts
