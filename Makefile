# shipcheck — developer tasks. `make demo` scans the bundled examples,
# `make test` runs every check CI runs.

GO        ?= go
BIN       := bin/shipcheck
PKGS      := ./...
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
FUZZTIME  ?= 10s
# Go minimizes every new interesting input for up to 60 s by default, and
# the exec counter shows 0/sec meanwhile: a 10 s run spent most of its time
# minimizing, not fuzzing. Crashers are still minimized, for this long.
FUZZMINIMIZETIME ?= 2s
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -s -w -X main.version=$(VERSION)

.PHONY: all build demo test lint unit fuzz bench readme clean

all: build

build:
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/shipcheck

# A real scan of examples/: findings are expected, so exit code 1 is fine.
demo: build
	@./$(BIN) scan examples; code=$$?; [ $$code -le 1 ] || exit $$code

# Formatting, vet, staticcheck, Go and Rego unit tests, rule fixtures,
# golden outputs and schema validation.
test: lint unit

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet $(PKGS)
	$(GO) run $(STATICCHECK) $(PKGS)

unit:
	$(GO) test -count=1 $(PKGS)

# Runs every fuzz target briefly; FUZZTIME=5m for a real campaign.
fuzz:
	@GO=$(GO) FUZZTIME=$(FUZZTIME) FUZZMINIMIZETIME=$(FUZZMINIMIZETIME) .ci/fuzz

# Throughput and allocations over a generated corpus, then end-to-end
# timings of one-file scans with the real binary.
bench: build
	@echo "library, default GC:"
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./analyzer/scan/
	@echo "library, with the GC settings the CLI uses (cmd/shipcheck tuneGC):"
	GOGC=400 GOMEMLIMIT=512MiB $(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./analyzer/scan/
	@echo "one-file scan, whole process (10 runs each):"
	@for f in examples/ecs/fargate-web.taskdef.json examples/kubernetes/legacy-api.yaml examples/docker/node-api.Dockerfile examples/terraform/ecs.tf; do \
	  start=$$(date +%s%N); \
	  for i in 1 2 3 4 5 6 7 8 9 10; do ./$(BIN) scan --format json $$f >/dev/null || true; done; \
	  end=$$(date +%s%N); echo "  $$f: $$(( (end - start) / 10000000 )) ms per scan"; \
	done

# Regenerates the README's rule table from the rules' metadata.
readme: build
	@./$(BIN) rules --format markdown > .rules.md
	@awk 'BEGIN{t=0} /<!-- rules:begin -->/{print; while((getline l < ".rules.md")>0) print l; t=1; next} /<!-- rules:end -->/{t=0} !t{print}' README.md > README.md.new
	@mv README.md.new README.md; rm -f .rules.md

clean:
	rm -rf bin
