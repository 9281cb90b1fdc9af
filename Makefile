# folio: build the sample publication, test, benchmark.
GO ?= go

.PHONY: build serve test fuzz bench audit pdf vet clean

## build: build the sample publication into public/
build:
	$(GO) run ./cmd/folio build

## serve: preview the sample at http://127.0.0.1:1313/, reloading on every save
serve:
	$(GO) run ./cmd/folio serve

## test: vet and run every test (RACE=1: under the race detector, as CI does); the last
##       line names each test skipped for a missing tool (internal/testtools), or none
test: vet
	@skips=$$(mktemp) && trap 'rm -f "$$skips"' EXIT && \
	echo '$(GO) test $(if $(RACE),-race) ./...' && \
	$(GO) run ./tools/testsum -skips "$$skips" $(GO) test -json $(if $(RACE),-race) ./... && \
	echo "folio check on the labelled corpora (recall and precision per rule):" && \
	$(GO) test -count=1 -run '^TestScore(CopyCorpus|CopyExtra)$$' -v ./internal/check | grep -E '^ {8}[^ ]'; \
	status=$$?; cat "$$skips"; exit $$status

vet:
	$(GO) vet ./...

## fuzz: each fuzz target for FUZZTIME (default 1m, or a count of inputs such as 100000x);
##       seeds and any crasher stay in testdata/fuzz
FUZZTIME ?= 1m
FUZZ_TARGETS = frontmatter:FuzzSplitDecode markdown:FuzzReferences indicator:FuzzParsePeriod \
	chart:FuzzRender search:FuzzTokens markdown:FuzzConvert imageproc:FuzzProcess \
	check:FuzzCheck site:FuzzDecodeBulk wechat:FuzzConvert
fuzz:
	for t in $(FUZZ_TARGETS); do \
		$(GO) test -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10s ./internal/$${t%%:*} || exit 1; \
	done

## bench: Go benchmarks of each stage, then the table of builds, rebuilds, edits and checks at
##        BENCH_SIZES chapters beside Hugo and the table of issue 22's targets (tools/benchtable),
##        then search beside Pagefind (SEARCH_BENCH=0 skips it) and a 10,000-chapter series
##        (tools/seriesbench.sh; SERIES_BENCH=0 skips it)
BENCH_SIZES ?= 100,1000,10000

bench:
	$(GO) test -run '^$$' -bench 'Convert100|CheckPage100|Figures100|Global100|Sections100|Layout100|Minify100|XHTML100|EPUB100' -benchmem -count 5 \
		./internal/markdown ./internal/check ./internal/search ./internal/render ./internal/output ./internal/edition
	$(GO) test -run '^$$' -bench 'BenchmarkBuildSample|BenchmarkIndicators' -benchmem -count 5 ./internal/site
	$(GO) test -run '^$$' -bench 'BenchmarkProcess' -count 5 ./cmd/folio
	$(GO) test -run '^$$' -bench 'BenchmarkBuild1000|BenchmarkCheck1000' -count 3 ./internal/site
	$(GO) test -run '^$$' -bench 'BenchmarkRebuild1000' -count 5 ./internal/site
	$(GO) test -run '^$$' -bench 'BenchmarkSaveToReload$$' -benchtime 50x ./internal/server
	$(GO) test -run '^$$' -bench 'BenchmarkSaveToReload1000' -benchtime 20x ./internal/server
	$(GO) test -run '^$$' -bench 'BenchmarkIndex10000' -benchtime 1x ./internal/search
	$(GO) test -run '^$$' -bench 'BenchmarkDeploy' -count 3 ./internal/upload
	$(GO) run ./tools/benchtable -sizes $(BENCH_SIZES) -runs 5
	if [ "$(SEARCH_BENCH)" != 0 ]; then bash tools/searchbench.sh; fi
	if [ "$(SERIES_BENCH)" != 0 ]; then bash tools/seriesbench.sh; fi

## pdf: the print page rendered to PDF by Chromium (optional; needs Chromium)
pdf:
	bash tools/pdf.sh

## audit: Lighthouse scores of the cover and a chapter (needs Chromium and Node)
audit:
	bash tools/audit.sh

clean:
	rm -rf public
