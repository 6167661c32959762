# relgraph - one Makefile, pkg-config for every dependency.
#
#   make            build/relgraph and build/librelgraph.a
#   make deps       install the Debian packages the build, tests and renderer need
#   make test       unit + CLI tests; prints "N passed, N failed"
#   make asan       the test suite under AddressSanitizer + UBSan (build-asan/)
#   make valgrind   the end-to-end tests under valgrind
#   make sample     the main job on the bundled sample corpus
#   make data-cldr  regenerate data/actors/countries.cldr.tsv from ICU's CLDR
#
# Library sources are every src/*.c except the command line (main.c, cli*.c,
# cmd_*.c), so adding a module needs no edit here.

BUILD   ?= build
CC      ?= cc
PKGS    := igraph icu-uc icu-i18n libcgraph libgvc jansson yajl
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN    := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wno-unused-parameter
CFLAGS  ?= -O2 -g
# The data folder the program uses when neither --data nor RELGRAPH_DATA is set.
DATADIR ?= $(CURDIR)/data
ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) \
           -DRG_DATADIR='"$(DATADIR)"' \
           $(CFLAGS) $(EXTRA_CFLAGS) -Iinclude -Isrc $(PKG_CFLAGS)
LDLIBS  := $(PKG_LIBS) -lpthread -lm
ifdef WERROR
ALL_CFLAGS += -Werror
endif
ifdef SANITIZE
ALL_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=$(SANITIZE)
endif

CLI_SRC := $(wildcard src/main.c src/cli*.c src/cmd_*.c)
LIB_SRC := $(filter-out $(CLI_SRC),$(wildcard src/*.c))
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
CLI_OBJ := $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
TEST_SRC := $(wildcard tests/unit/test_*.c)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

DEB_PACKAGES := build-essential pkg-config libigraph-dev libicu-dev \
	libgraphviz-dev graphviz libjansson-dev libyajl-dev fonts-noto-core \
	fonts-dejavu-core valgrind python3 python3-networkx \
	chromium tmux man-db clang time python3-distributed linux-perf
# Node.js and npm (for the browser test's playwright-core) come from Debian
# unless the machine already has an npm (a second one would conflict).
NODE_PACKAGES := nodejs npm

.PHONY: all deps print-deps test check asan valgrind sample clean data-cldr symbols

all: $(BUILD)/relgraph

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h) include/relgraph.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/librelgraph.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/relgraph: $(CLI_OBJ) $(BUILD)/librelgraph.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/librelgraph.a $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/tap.h $(BUILD)/librelgraph.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -Itests/unit -o $@ $< $(BUILD)/librelgraph.a $(LDLIBS)

# Every exported symbol of the library starts with rg_ (STYLE.md rule 3);
# the sanitizers' own bookkeeping symbols are not ours.
symbols: $(BUILD)/librelgraph.a
	@bad=$$(nm -g --defined-only $< | awk 'NF==3{print $$3}' | grep -v '^rg_' | grep -v '^__odr_asan\|^__asan' || true); \
	if [ -n "$$bad" ]; then echo "exported without rg_ prefix:"; echo "$$bad"; exit 1; fi

print-deps:
	@echo $(DEB_PACKAGES)

deps:
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	export DEBIAN_FRONTEND=noninteractive; \
	$$SUDO apt-get update && \
	$$SUDO apt-get install -y --no-install-recommends $(DEB_PACKAGES) && \
	{ command -v npm >/dev/null || $$SUDO apt-get install -y --no-install-recommends $(NODE_PACKAGES); } && \
	cd tests/browser && npm ci --no-audit --no-fund

test check: $(BUILD)/relgraph $(TEST_BIN) symbols
	@BUILD=$(BUILD) sh tests/run.sh

asan:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	UBSAN_OPTIONS=print_stacktrace=1 \
	$(MAKE) BUILD=build-asan SANITIZE=address,undefined CFLAGS="-O1 -g" test

valgrind: $(BUILD)/relgraph
	@BUILD=$(BUILD) VALGRIND=1 sh tests/run.sh cli

sample: $(BUILD)/relgraph
	$(BUILD)/relgraph rank --top 15 data/samples
	$(BUILD)/relgraph render -o sample.svg data/samples
	@echo "diagram written to sample.svg"

data-cldr: $(BUILD)/gen_cldr_countries
	$(BUILD)/gen_cldr_countries > data/actors/countries.cldr.tsv.tmp
	mv data/actors/countries.cldr.tsv.tmp data/actors/countries.cldr.tsv

$(BUILD)/gen_cldr_countries: src/tools/gen_cldr_countries.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LDLIBS)

clean:
	rm -rf $(BUILD) build-asan

# Larger groups of targets (install, benchmarks, fuzzing) live in mk/*.mk.
-include $(wildcard mk/*.mk)
