# folio: build the sample publication, test, benchmark.
GO ?= go

.PHONY: build test bench vet clean

## build: build the sample publication into public/
build:
	$(GO) run ./cmd/folio build

## test: vet and run every test (browser-free; HTML validation when node_modules has html-validate)
test: vet
	$(GO) test ./...

vet:
	$(GO) vet ./...

## bench: time a whole build of the sample publication (Go benchmark, 5 runs)
bench:
	$(GO) test -run '^$$' -bench 'BenchmarkBuildSample|BenchmarkIndicators' -benchmem -count 5 ./internal/site

clean:
	rm -rf public
