# mk/install.mk - make install / uninstall / shared, honouring PREFIX and
# DESTDIR: the binary, librelgraph.a, librelgraph.so.0 (built from -fPIC
# objects in $(BUILD)/pic), include/relgraph.h, relgraph.pc, the data files
# in $(PREFIX)/share/relgraph (the binary finds them there by its own
# location), the man page and the bash completion.
#
#   make install PREFIX=/tmp/x           everything under /tmp/x
#   make install DESTDIR=/tmp/stage      staged, as a package build does
#   make uninstall PREFIX=/tmp/x         removes exactly what install put there

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
SHAREDIR   ?= $(PREFIX)/share/relgraph
MANDIR     ?= $(PREFIX)/share/man
DOCDIR     ?= $(PREFIX)/share/doc/relgraph
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
INSTALL    ?= install

RG_SOVERSION := 0
RG_VERSION_STR := $(shell sed -n 's/^\#define RG_VERSION "\(.*\)"/\1/p' include/relgraph.h)
RG_SONAME  := librelgraph.so.$(RG_SOVERSION)
RG_SOFILE  := librelgraph.so.$(RG_VERSION_STR)
PIC_OBJ    := $(LIB_SRC:src/%.c=$(BUILD)/pic/%.o)
# data/samples is our sample corpus, not dictionaries: it goes with the docs
DATA_FILES := $(shell find data -path data/samples -prune -o -type f -print 2>/dev/null | sort)
VIZ_FILES  := $(wildcard viz/*)
SAMPLE_FILES := $(wildcard data/samples/*)

.PHONY: shared install uninstall install-check

shared: $(BUILD)/$(RG_SOFILE)

$(BUILD)/pic/%.o: src/%.c $(wildcard src/*.h) include/relgraph.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fPIC -c $< -o $@

$(BUILD)/$(RG_SOFILE): $(PIC_OBJ)
	$(CC) $(LDFLAGS) -shared -Wl,-soname,$(RG_SONAME) -o $@ $^ $(LDLIBS)
	ln -sf $(RG_SOFILE) $(BUILD)/$(RG_SONAME)
	ln -sf $(RG_SONAME) $(BUILD)/librelgraph.so

$(BUILD)/relgraph.pc: mk/install.mk include/relgraph.h
	@mkdir -p $(dir $@)
	printf '%s\n' \
		'prefix=$(PREFIX)' \
		'libdir=$(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))' \
		'includedir=$(patsubst $(PREFIX)/%,$${prefix}/%,$(INCLUDEDIR))' \
		'datadir=$(patsubst $(PREFIX)/%,$${prefix}/%,$(SHAREDIR))' \
		'' \
		'Name: relgraph' \
		'Description: multilingual diplomatic news to a relationship graph (ICU, igraph, Graphviz)' \
		'Version: $(RG_VERSION_STR)' \
		'Requires.private: $(PKGS)' \
		'Libs: -L$${libdir} -lrelgraph' \
		'Libs.private: -lpthread -lm' \
		'Cflags: -I$${includedir}' >$@

# relgraph.pc records PREFIX, so it is remade whenever install runs.
install: $(BUILD)/relgraph $(BUILD)/librelgraph.a $(BUILD)/$(RG_SOFILE)
	@rm -f $(BUILD)/relgraph.pc
	$(MAKE) --no-print-directory $(BUILD)/relgraph.pc
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
		$(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) \
		$(DESTDIR)$(SHAREDIR)/viz $(DESTDIR)$(DOCDIR)/samples
	$(INSTALL) -m 755 $(BUILD)/relgraph $(DESTDIR)$(BINDIR)/relgraph
	$(INSTALL) -m 644 $(BUILD)/librelgraph.a $(DESTDIR)$(LIBDIR)/librelgraph.a
	$(INSTALL) -m 755 $(BUILD)/$(RG_SOFILE) $(DESTDIR)$(LIBDIR)/$(RG_SOFILE)
	ln -sf $(RG_SOFILE) $(DESTDIR)$(LIBDIR)/$(RG_SONAME)
	ln -sf $(RG_SONAME) $(DESTDIR)$(LIBDIR)/librelgraph.so
	$(INSTALL) -m 644 include/relgraph.h $(DESTDIR)$(INCLUDEDIR)/relgraph.h
	$(INSTALL) -m 644 $(BUILD)/relgraph.pc $(DESTDIR)$(PKGCONFIGDIR)/relgraph.pc
	$(INSTALL) -m 644 doc/relgraph.1 $(DESTDIR)$(MANDIR)/man1/relgraph.1
	$(INSTALL) -m 644 completion/relgraph.bash $(DESTDIR)$(BASHCOMPDIR)/relgraph
	for f in $(DATA_FILES:data/%=%); do \
		$(INSTALL) -D -m 644 data/$$f $(DESTDIR)$(SHAREDIR)/$$f || exit 1; done
	$(if $(VIZ_FILES),$(INSTALL) -m 644 $(VIZ_FILES) $(DESTDIR)$(SHAREDIR)/viz)
	$(if $(SAMPLE_FILES),$(INSTALL) -m 644 $(SAMPLE_FILES) $(DESTDIR)$(DOCDIR)/samples)
	$(INSTALL) -m 644 README.md $(DESTDIR)$(DOCDIR)/README.md

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/relgraph $(DESTDIR)$(LIBDIR)/librelgraph.a \
		$(DESTDIR)$(LIBDIR)/librelgraph.so $(DESTDIR)$(LIBDIR)/$(RG_SONAME) \
		$(DESTDIR)$(LIBDIR)/$(RG_SOFILE) $(DESTDIR)$(INCLUDEDIR)/relgraph.h \
		$(DESTDIR)$(PKGCONFIGDIR)/relgraph.pc $(DESTDIR)$(MANDIR)/man1/relgraph.1 \
		$(DESTDIR)$(BASHCOMPDIR)/relgraph
	rm -rf $(DESTDIR)$(SHAREDIR) $(DESTDIR)$(DOCDIR)

# The install test alone (it is also part of make test through tests/e2e.sh).
install-check: $(BUILD)/relgraph
	@BUILD=$(BUILD) sh -c '. tests/install.sh; echo "$$pass passed, $$fail failed"; [ "$$fail" = 0 ]'
