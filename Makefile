# KAM Hiring — the two commands a new user needs: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := hiring

.PHONY: run test serve lint format install clean-db help audit

help:
	@echo "make run    - install, migrate, seed demo data, serve on http://127.0.0.1:5000"
	@echo "make test   - install and run the whole test suite"
	@echo "make serve  - production: gunicorn (WORKERS, DATABASE_URL, SECRET_KEY, TRUSTED_PROXIES from the environment)"
	@echo "make lint   - ruff check and format check"
	@echo "make audit  - known vulnerabilities in the installed dependencies (PyPI advisories)"
	@echo "make messages     - extract messages and update the ru and en catalogues"
	@echo "make translations - compile the catalogues (.mo files are committed)"

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/activate requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

run: install
	@test -n "$$SECRET_KEY" || $(BIN)/python -m hiring.secret_key instance >/dev/null  # a key of its own, made once
	$(BIN)/flask db upgrade
	$(BIN)/flask seed --demo
	@echo
	@echo "  KAM Hiring is starting on http://127.0.0.1:5000"
	@echo "  Log in as: hr / lead / interviewer1 (password demo-kam-2026), or admin (password printed by the first seed,"
	@echo "  or HIRING_ADMIN_PASSWORD if you set it)."
	@echo
	$(BIN)/flask run --host 127.0.0.1 --port 5000

test: install
	$(BIN)/pytest -q -n $${PYTEST_WORKERS:-2} $(PYTEST_ARGS)

serve: install
	$(BIN)/flask db upgrade
	$(BIN)/gunicorn --workers $${WORKERS:-$$(( 2 * $$(nproc) + 1 ))} --bind $${BIND:-127.0.0.1:8000} --graceful-timeout 30 \
		--access-logfile - wsgi:app

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

audit: install
	$(BIN)/python .ci/audit_dependencies.py

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Translations (issue 10): gettext catalogues under hiring/translations; the compiled .mo files are committed.
# tests/i18n reads BABEL_EXTRACT from here, so the test and `make messages` extract alike.
TRANSLATIONS := hiring/translations
BABEL_EXTRACT := -F babel.cfg -k _l -k lazy_gettext -k lazy_ngettext:1,2 -k N_ --add-location=file --project="KAM Hiring"
BABEL_UPDATE := -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) --ignore-pot-creation-date --ignore-obsolete

.PHONY: messages translations

messages: install
	$(BIN)/pybabel extract $(BABEL_EXTRACT) -o $(TRANSLATIONS)/messages.pot .
	$(BIN)/pybabel update $(BABEL_UPDATE) -l ru
	$(BIN)/pybabel update $(BABEL_UPDATE) -l en --no-fuzzy-matching

translations: install
	$(BIN)/pybabel compile -d $(TRANSLATIONS) --statistics
