# Quick start:
#   make draft   set everything up and draft a speech from the example brief
#   make test    set everything up and run the tests
VENV ?= .venv
BRIEF ?= examples/brief-closing.toml
TEST_MODEL ?= qwen2.5-coder-0.5b

.PHONY: setup draft test lint bench

setup:
	scripts/setup.sh

draft: setup
	$(VENV)/bin/assistant draft --brief $(BRIEF)

test:
	scripts/setup.sh $(TEST_MODEL)
	ASSISTANT_REQUIRE_LOCAL_MODEL=1 $(VENV)/bin/python -m pytest -q

lint:
	$(VENV)/bin/ruff check assistant tests bench
	$(VENV)/bin/ruff format --check assistant tests bench

bench:
	$(VENV)/bin/python bench/bench_retrieval.py
	$(VENV)/bin/python bench/bench_scoring.py
	$(VENV)/bin/python bench/bench_drafting.py
