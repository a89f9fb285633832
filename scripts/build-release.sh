#!/usr/bin/env bash
# Builds the release binary the way it is meant to be installed and benchmarked, and prints its
# path: the Swift runtime linked statically (no shared Swift libraries to load) and a
# position-dependent executable (no relocation of its 100+ MB at every start). Together they
# cut start-up from ~15 ms to ~4 ms of CPU here (docs/design.md, "Start-up time").
#   usage: scripts/build-release.sh [PRODUCT]   (default: remotes)
set -euo pipefail
cd "$(dirname "$0")/.."
flags=(-c release --static-swift-stdlib -Xlinker -no-pie)
swift build "${flags[@]}" --product "${1:-remotes}" >&2
echo "$(swift build "${flags[@]}" --show-bin-path)/${1:-remotes}"
