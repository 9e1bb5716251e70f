# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PORT ?= 8866
# as root (CI, a fresh training-centre machine) apt-get runs directly; otherwise through sudo
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test system-packages exercises catalog clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

## run: install what is needed and serve the course as apps on http://localhost:$(PORT)/
run: $(STAMP)
	$(BIN)/ritorno serve --port $(PORT)

## test: install what is needed (Chromium included) and run the whole suite
test: $(STAMP) system-packages
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python -m pytest -n 2 --dist loadfile

# Chromium for the browser tests, PostgreSQL for the gradebook test: Debian's packages, when missing
system-packages:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing (Debian packages)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

## exercises: regenerate exercises/ from solutions/ with nbgrader
exercises: $(STAMP)
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/ritorno exercises generate

## catalog: extract the widgets' strings into the gettext catalogs
catalog: $(STAMP)
	$(BIN)/python -m ritorno.i18n update

clean:
	rm -rf $(VENV) workspace test-artifacts
