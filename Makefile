# Developer entry points. Run from the repo root; "make" alone lists them.
# The real work is in scripts/ (see docs/development.md).

.DEFAULT_GOAL := help
SHELL := /bin/bash

.PHONY: help run test bench load stop clean-db

help: ## list the targets
	@echo "Targets:"
	@grep -E '^[a-z-]+:.*## ' $(firstword $(MAKEFILE_LIST)) \
		| sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 18

run: ## set up if needed, start the demo database (127.0.0.1:54329) and run the app on http://127.0.0.1:5080
	@bash scripts/run.sh

test: ## set up (with Chromium), start the test database (54339), build, run all test projects
	@bash scripts/test.sh

bench: ## start the test database (54339), seed national volume into a database of its own, time the main use cases (test-output/benchmarks)
	@bash scripts/bench.sh

load: ## circuits per node: the app (Release, Server GC) on 5193 and the load driver on every page (LOAD_FULL=1 the full run; LOAD_VOLUME=quick, LOAD_CIRCUITS, LOAD_CIRCUITS_INBOX...; scripts/load.sh)
	@bash scripts/load.sh

stop: ## stop the demo and test databases (data is kept)
	@bash scripts/pg.sh stop demo
	@bash scripts/pg.sh stop test

clean-db: ## stop both databases and DELETE their data (.local/pg); no questions asked
	@bash scripts/pg.sh clean
