#!/usr/bin/env bash
# `make deb`: builds remotes_<version>_<arch>.deb in the top folder with Debian's own tools
# (dpkg-buildpackage and debhelper over debian/rules, which calls `make` and `make install`),
# and prints its path. The .buildinfo and .changes files land beside it, not in the parent
# folder. No pre-clean (-nc): the SwiftPM build in .build is reused.
#   usage: scripts/make-deb.sh   (see docs/packaging.md)
set -euo pipefail
cd "$(dirname "$0")/.."

top=$PWD
version=$(dpkg-parsechangelog -S Version)
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
name=remotes_${version}_$arch
rm -f "$name.deb" "$name.buildinfo" "$name.changes"

# The package's make starts afresh: no variables of a calling `make deb PREFIX=…`.
unset MAKEFLAGS MFLAGS MAKELEVEL
DEB_OUTPUT_DIR=$top dpkg-buildpackage --build=binary --no-sign --no-pre-clean \
    --buildinfo-option="-u$top" --buildinfo-file="$top/$name.buildinfo" \
    --changes-option="-u$top" --changes-file="$top/$name.changes" >&2

[ -f "$name.deb" ] || { echo "make-deb: dpkg-buildpackage made no $name.deb" >&2; exit 1; }
echo "$top/$name.deb"
