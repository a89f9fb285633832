# Builds, installs and packages remotes (docs/packaging.md). The work is done by scripts/:
#   make                      build the release binary, man pages and completions (.build/stage)
#   make install              install them under $(DESTDIR)$(PREFIX) (default /usr/local)
#   make uninstall            remove exactly what `make install` put there (its manifest)
#   make deb                  build remotes_<version>_<arch>.deb here with debhelper
#   make check-package        build the .deb, lint it, install it, try it, remove it (needs root)
# `make && sudo make install` builds as you and only copies as root.
#
# A release binary already built (scripts/build-release.sh) may be given as
# REMOTES_BINARY=PATH; otherwise `make` runs scripts/build-release.sh, which is incremental.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(DATADIR)/man
DOCDIR ?= $(DATADIR)/doc/remotes
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR ?= $(DATADIR)/zsh/site-functions
FISHCOMPDIR ?= $(DATADIR)/fish/vendor_completions.d
# The list of what `make install` wrote, read by `make uninstall`; empty: none is written
# (the Debian package: dpkg keeps its own list).
INSTALL_MANIFEST ?= $(DOCDIR)/install-manifest.txt
REMOTES_BINARY ?=

# Given to the scripts on their command line, not exported: a `make` that dpkg-buildpackage
# runs inside `make deb` must not inherit this one's folders.
DIRS = DESTDIR='$(DESTDIR)' PREFIX='$(PREFIX)' BINDIR='$(BINDIR)' MANDIR='$(MANDIR)' DOCDIR='$(DOCDIR)' \
	BASHCOMPDIR='$(BASHCOMPDIR)' ZSHCOMPDIR='$(ZSHCOMPDIR)' FISHCOMPDIR='$(FISHCOMPDIR)' \
	INSTALL_MANIFEST='$(INSTALL_MANIFEST)'

STAGE := .build/stage
SOURCES := Package.swift README.md $(shell find Sources docs -type f 2>/dev/null)

.PHONY: all install uninstall deb check-package clean
.DELETE_ON_ERROR:

all: $(STAGE)/.complete

# Rebuilt when a source or a script changes, or when the binary is given; SwiftPM then decides
# what is really out of date.
$(STAGE)/.complete: $(SOURCES) scripts/stage.sh scripts/build-release.sh $(REMOTES_BINARY)
	./scripts/stage.sh $(REMOTES_BINARY)

install: all
	@$(DIRS) ./scripts/install.sh install

uninstall:
	@$(DIRS) ./scripts/install.sh uninstall

deb: all
	./scripts/make-deb.sh

check-package: deb
	./scripts/check-package.sh

clean:
	rm -rf $(STAGE) debian/remotes debian/.debhelper debian/files debian/*.substvars debian/debhelper-build-stamp
	rm -f remotes_*.deb remotes_*.buildinfo remotes_*.changes
