# The two commands a new user needs are `make demo` and `make test`; both set everything up first.
# Other targets: build, bench, fuzz, fmt, deps, clean.
PRESET      ?= release
BUILD_DIR   := build/$(PRESET)
BIN         := $(BUILD_DIR)/src/unwrapped
JOBS        ?= $(shell nproc)
DEMO_DIR    ?= demo
FUZZ_SECONDS ?= 600
# Scales of bench/silver_vs_peers.sh inside `make bench`; 5m only on request: make bench SILVER_SCALES="1m 5m"
SILVER_SCALES ?= 1m
export UNWRAPPED_NPM_DIR ?= $(HOME)/.cache/unwrapped-npm

.PHONY: all deps npm-tools configure build test demo bench fuzz fmt clean

all: build

deps:
	@bash scripts/install-deps.sh

npm-tools: deps
	@bash scripts/install-npm-tools.sh >/dev/null

configure: deps
	@cmake --preset $(PRESET) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

test: build npm-tools
	@ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS) --timeout 900

demo: build
	@$(BIN) demo --out $(DEMO_DIR)

bench: build npm-tools
	@bash bench/run.sh $(BIN)
	@bash bench/warehouse_load.sh $(BIN)
	@if [ -f "$${PEERS_SRC:-../shared/peers}/gen_export.py" ]; then \
	  bash bench/silver_vs_peers.sh $(BIN) $(SILVER_SCALES); \
	else echo "bench: peers (../shared/peers) absent, silver_vs_peers skipped"; fi

fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build build/fuzz -j $(JOBS)
	@bash fuzz/run.sh build/fuzz $(FUZZ_SECONDS)

fmt:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	@rm -rf build
