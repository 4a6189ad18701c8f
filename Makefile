# The two set-up commands of the README:
#   make build   install techkg and build the graph from corpus/ into output/
#   make test    install techkg with its test tools (and Chromium) and run the tests
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: build test install install-test browser bench clean

build: install
	$(BIN)/techkg build corpus/

test: install-test
	$(BIN)/python -m pytest

install: $(VENV)/.installed

install-test: install $(VENV)/.installed-test browser

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# Browser tests drive Debian's Chromium (never a browser downloaded by Playwright).
browser:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && \
	  $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk; }

bench: install-test
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) output/store
