#!/usr/bin/env bash
# Builds the release binary the way it is meant to be installed and benchmarked, prints the
# readelf proof of its hardening on stderr (scripts/check-hardening.sh, which fails the build
# when a property is missing) and its path on stdout. docs/startup.md says why:
#   - hardened as Debian's and Fedora's policies ask (issue 11 item 12): a position-independent
#     executable, full RELRO (`-z relro -z now`: relocated data read-only, every symbol bound
#     at start), a non-executable stack (`-z noexecstack`), the stack protector in Swift code
#     (the compiler's default, asked for explicitly) and in the C code built with it
#     (`-fstack-protector-strong`);
#   - the Swift runtime linked statically (no shared Swift libraries to load and bind);
#   - libstdc++ linked statically too: the dynamic loader no longer binds its ~4,300 symbol
#     references nor runs its locale set-up, a third of `list`'s instructions;
#   - no export of the executable's own symbols: the Swift runtime calls dladdr at start,
#     and glibc's dladdr walks every exported symbol (27,000 of them; ~550 without).
#   usage: scripts/build-release.sh [PRODUCT]   (default: remotes)
set -euo pipefail
cd "$(dirname "$0")/.."
flags=(-c release --static-swift-stdlib
    -Xlinker -pie -Xlinker -z -Xlinker relro -Xlinker -z -Xlinker now -Xlinker -z -Xlinker noexecstack
    -Xswiftc -Xfrontend -Xswiftc -enable-stack-protector -Xcc -fstack-protector-strong
    -Xlinker --no-export-dynamic)
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
bin="$(swift build "${flags[@]}" --show-bin-path)/${1:-remotes}"
scripts/check-hardening.sh "$bin" >&2
echo "$bin"
