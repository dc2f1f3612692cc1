# Two commands: `make run` and `make test`. Everything they need is installed by them.
# Debian's own python3 when it can make a venv (python3-venv): Debian builds it with
# profile-guided and link-time optimisation, so the same suite takes noticeably less CPU than in
# a Python compiled without them, such as pyenv's default build when it comes first on the PATH
# (bench/RESULTS.md). Another Python 3.11+: make PYTHON=/path/to/python3 ...
PYTHON ?= $(shell /usr/bin/python3 -c 'import ensurepip, sys; assert sys.version_info >= (3, 11)' \
            2>/dev/null && echo /usr/bin/python3 || echo python3)
VENV   := .venv
BIN    := $(VENV)/bin
FLASK  := $(BIN)/flask --app voice
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: run test test-sqlite test-postgres install install-test secret clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files: reinstall only when setup.cfg changes.
$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# The Nu HTML checker (npm vnu-jar, run with the machine's Java) for tests/browser/test_html_valid.py,
# kept outside the repository; --ignore-scripts: its install script would fetch a Java runtime.
VNU := .cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU):
	npm install --silent --no-audit --no-fund --ignore-scripts --prefix .cache/vnu vnu-jar@26.9.27
	touch $@

# Translations: the .po files are the source (reviewed by people); the .mo files the app reads
# are built from them here and never committed, so the two cannot drift apart.
# --statistics shows how much is translated; a fuzzy (unchecked) entry is left out, not used.
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard translations/*/LC_MESSAGES/messages.po))
translations/%.mo: translations/%.po $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -i $< -o $@

install: $(VENV)/.installed $(CATALOGUES)
install-test: $(VENV)/.installed-test $(CATALOGUES)

# The first run writes random keys into instance/config.py; they are never in the repository.
secret: $(BIN)/python
	@mkdir -p instance && touch instance/config.py
	@for key in SECRET_KEY REFERENCE_CODE_KEY; do \
	  grep -q "^$$key" instance/config.py || { \
	    $(BIN)/python -c "import secrets; print('$$key = %r' % secrets.token_hex(32))" \
	      >> instance/config.py; echo "Wrote a new $$key to instance/config.py"; }; \
	done

# make run serves plain HTTP on loopback, so it runs in development mode (no Secure cookie).
run: install secret
	VOICE_ENV=development $(FLASK) db upgrade
	VOICE_ENV=development $(FLASK) demo
	@echo "Voice is at http://$(HOST):$(PORT)/  (staff sign in at /staff/login; Ctrl+C stops it)"
	@echo "A demo account's two-step code, without an authenticator app: $(FLASK) demo code EMAIL"
	VOICE_ENV=development $(BIN)/gunicorn --bind $(HOST):$(PORT) --workers 2 --access-logfile - wsgi:app

# The whole suite on SQLite (browser tests included), then the database tests (marked db or
# postgres) on a real PostgreSQL server that tests/postgres.sh starts on loopback and stops
# afterwards; each part on every core, timed (tests/suite.sh).
test: install-test $(VNU)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	tests/suite.sh $(BIN)/python

# Voice against a bare Flask hello world under the same gunicorn, on SQLite and PostgreSQL,
# plus the moderation queue at 10k and 1M rows, the disclosure check's cost per message and
# similar messages at 10k and 100k;
# several minutes (the board at 100,000 messages most of it), loopback only. Writes
# bench/RESULTS.md. Never part of make test.
bench: install secret
	@command -v wrk >/dev/null || { echo "bench needs wrk: apt-get install wrk"; exit 1; }
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  tests/postgres.sh $(BIN)/python bench/run.py; \
	else $(BIN)/python bench/run.py; fi
	$(BIN)/python bench/disclosure.py
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  tests/postgres.sh $(BIN)/python bench/similar.py; \
	else $(BIN)/python bench/similar.py; fi

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
