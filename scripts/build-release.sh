#!/usr/bin/env bash
# Builds the release binary the way it is meant to be installed and benchmarked, and prints its
# path. Everything here is about start-up time (docs/design.md, "Start-up time"):
#   - the Swift runtime linked statically (no shared Swift libraries to load);
#   - a position-dependent executable (no relocation of its 100+ MB at every start);
#   - libstdc++ linked statically too: the dynamic loader no longer binds its ~4,300 symbol
#     references nor runs its locale set-up, a third of `list`'s instructions;
#   - no export of the executable's own symbols: the Swift runtime calls dladdr at start,
#     and glibc's dladdr walks every exported symbol (27,000 of them; ~550 without).
#   usage: scripts/build-release.sh [PRODUCT]   (default: remotes)
set -euo pipefail
cd "$(dirname "$0")/.."
flags=(-c release --static-swift-stdlib -Xlinker -no-pie -Xlinker --no-export-dynamic)
# `-lstdc++` (which the Swift driver adds) finds this linker script first, and the script names
# the static archive. The toolchain's clang knows where the archive is.
clang=$(dirname "$(readlink -f "$(command -v swift)")")/clang
archive=$("$clang" -print-file-name=libstdc++.a)
if [ -f "$archive" ]; then
    mkdir -p .build/static-libstdcxx
    echo "INPUT($archive)" > .build/static-libstdcxx/libstdc++.so
    flags+=(-Xswiftc -Xclang-linker -Xswiftc -L"$PWD/.build/static-libstdcxx")
else
    echo "note: no libstdc++.a ($archive); linking libstdc++ dynamically" >&2
fi
swift build "${flags[@]}" --product "${1:-remotes}" >&2
echo "$(swift build "${flags[@]}" --show-bin-path)/${1:-remotes}"
