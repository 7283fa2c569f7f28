# vertscript: `make demo` and `make test` each set up what they need on a
# Debian machine (as root they apt-get install the missing packages).

GO ?= go
BIN := bin/vertscript
# What building needs: cgo and libvirt's headers; libvirt-clients for virsh.
BUILD_PACKAGES := gcc libc6-dev pkg-config libvirt-dev libvirt-clients
# What the tests need beyond that: libvirtd, which tests start on loopback,
# and the reference interpreters that scripts are compared with: Lua 5.1,
# and python3 with python3-libvirt (tests/pydiff) and python3-libxml2 (the
# libxml2 module's differential test, bindings/starlark/pylibxml2).
TEST_PACKAGES := $(BUILD_PACKAGES) libvirt-daemon lua5.1 python3 python3-libvirt python3-libxml2

.PHONY: all deps test-deps build demo test fuzz-uri vet fmt bench compat clean

all: build

deps:
	@tools/deps.sh $(BUILD_PACKAGES)

test-deps:
	@tools/deps.sh $(TEST_PACKAGES)

build: deps
	$(GO) build -o $(BIN) ./cmd/vertscript

# The seed's ex6: suspend and resume every running domain of libvirt's
# built-in test node.
demo: build
	$(BIN) -c test:///default scripts/examples/ex6.star

test: test-deps
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...
	$(MAKE) fuzz-uri FUZZTIME=20s

# The differential fuzz of the URI check against libvirt's own parser
# (host/cgobackend/uri_fuzz_test.go), for a bounded time; its seed corpus
# is committed under host/cgobackend/testdata/fuzz/.
FUZZTIME ?= 2m
fuzz-uri: deps
	$(GO) test -run '^$$' -fuzz '^FuzzURIAgreement$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 200x ./host/cgobackend/

# Benchmarks report each layer's cost as a ratio (x-floor) to plain Go
# calling libvirt, measured in the same run.
# The fleet benchmarks (tests/bench/fleet) start 32 loopback libvirtds and
# run ex6 on 16 of them behind a 10ms link, in parallel and one after
# another: a few runs of each, not thousands.
# Then tests/bench/table times whole processes (the floor, Starlark, Lua,
# python3-libvirt) on the same workloads, prints one table with the fleet's
# figure read from its run above (which it fails on when that run failed),
# and regenerates the marked part of docs/benchmarks.md.
BENCH_FLEET_OUT := bin/bench-fleet.txt
bench: build
	@tools/deps.sh python3-libvirt || echo "bench: without python3-libvirt its column reads n/a"
	$(GO) test -run '^$$' -bench . -benchtime 20000x -count 3 ./tests/bench/
	$(GO) test -run '^$$' -bench . -benchtime 1x -count 3 ./tests/bench/fleet/ 2>&1 | tee $(BENCH_FLEET_OUT)
	$(GO) run ./tests/bench/table -fleet $(BENCH_FLEET_OUT) -out docs/benchmarks.md

# libvirt-python scripts run unchanged as .py against python3-libvirt, the
# reference: the ported examples, real-world scripts (tests/compat/wild)
# and the guide's examples (tests/compat/guide); each prints same,
# DIFFERENT, UNSUPPORTED or skipped, then a count per set (tools/compat.sh).
compat: build
	@tools/deps.sh python3-libvirt python3-libxml2
	@tools/compat.sh

vet:
	$(GO) vet ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf bin
