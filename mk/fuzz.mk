# mk/fuzz.mk - libFuzzer targets (tests/fuzz/*.c) built with Debian's clang,
# AddressSanitizer and UBSan into build-fuzz/.
#
#   make fuzz                     run each target FUZZ_SECONDS (default 60) in turn
#   make fuzz FUZZ_SECONDS=600    the long run recorded in README "Reliability"
#   make fuzz-build               build the targets only
#   make fuzz-regress             replay tests/fuzz/regress/TARGET/* (past findings)
#
# Seeds come from data/samples (texts, and the same texts as JSONL) and
# data/actors (dictionary rows); the growing corpus stays in
# build-fuzz/corpus/TARGET, crashes land in build-fuzz/crash/.  A crash is
# fixed, then its input is copied to tests/fuzz/regress/TARGET/ so that
# fuzz-regress and tests/hostile.sh replay it for ever.

FUZZ_BUILD   ?= build-fuzz
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := extract jsonl dict edges
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
                -fno-omit-frame-pointer
FUZZ_CFLAGS  := $(filter-out -Wpedantic,$(ALL_CFLAGS)) $(FUZZ_SAN) -O1 -g
FUZZ_LIB_OBJ := $(LIB_SRC:src/%.c=$(FUZZ_BUILD)/obj/%.o)
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)
# libFuzzer's own options; max_len keeps inputs article-sized (extract runs
# ICU's sentence breaker over every input, so length dominates speed)
# (timeout 60 s: on a loaded shared machine 20 s fired on an input that runs
# in milliseconds alone)
FUZZ_OPTS    ?= -max_len=8192 -timeout=60 -rss_limit_mb=2048 -print_final_stats=1
FUZZ_ENV     := ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
                LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp

.PHONY: fuzz fuzz-build fuzz-regress fuzz-seeds
.SECONDARY: $(FUZZ_LIB_OBJ)

$(FUZZ_BUILD)/obj/%.o: src/%.c $(wildcard src/*.h) include/relgraph.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

# an archive, so a target links only the modules it reaches
$(FUZZ_BUILD)/librelgraph.a: $(FUZZ_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(FUZZ_BUILD)/librelgraph.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_BUILD)/librelgraph.a $(LDLIBS)

fuzz-build: $(FUZZ_BINS)

# Seed corpora, regenerated from the data each time (cheap).
fuzz-seeds:
	@rm -rf $(FUZZ_BUILD)/seed
	@mkdir -p $(FUZZ_BUILD)/seed/extract $(FUZZ_BUILD)/seed/jsonl $(FUZZ_BUILD)/seed/dict \
		$(FUZZ_BUILD)/seed/edges
	@for f in data/samples/*.txt; do cp "$$f" $(FUZZ_BUILD)/seed/extract/; done
	@cp tests/fixtures/edges/*.edges $(FUZZ_BUILD)/seed/edges/
	@python3 tests/fuzz/seeds.py data $(FUZZ_BUILD)/seed

fuzz: fuzz-build fuzz-seeds
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/crash tests/fuzz/regress/$$t; \
		echo "== fuzz_$$t for $(FUZZ_SECONDS) s"; \
		$(FUZZ_ENV) $(FUZZ_BUILD)/fuzz_$$t $(FUZZ_OPTS) \
			-max_total_time=$(FUZZ_SECONDS) \
			-artifact_prefix=$(FUZZ_BUILD)/crash/$$t- \
			$(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/seed/$$t \
			tests/fuzz/regress/$$t || exit 1; \
	done

fuzz-regress: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
		set -- tests/fuzz/regress/$$t/*; [ -e "$$1" ] || continue; \
		$(FUZZ_ENV) $(FUZZ_BUILD)/fuzz_$$t "$$@" >/dev/null 2>&1 || \
			{ echo "fuzz_$$t: a past finding fails again"; exit 1; }; \
		echo "fuzz_$$t: $$# past findings pass"; \
	done

# Peak memory on huge hostile inputs (a 200 MB line, 10^6 repeats): figures
# for README "Reliability", not a pass/fail test.
.PHONY: hostile-mem
hostile-mem: $(BUILD)/relgraph
	RG=$(BUILD)/relgraph sh tests/hostile_mem.sh
