# The two commands a new user needs are `make demo` and `make test`; both set everything up first.
# Other targets: build, bench, fuzz, fmt, deps, clean.
PRESET      ?= release
BUILD_DIR   := build/$(PRESET)
BIN         := $(BUILD_DIR)/src/unwrapped
JOBS        ?= $(shell nproc)
DEMO_DIR    ?= demo
FUZZ_SECONDS ?= 600
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

fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build build/fuzz -j $(JOBS)
	@bash fuzz/run.sh build/fuzz $(FUZZ_SECONDS)

fmt:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	@rm -rf build
