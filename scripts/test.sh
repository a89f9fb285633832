#!/usr/bin/env bash
# The whole test suite, as CI runs it (see README, "Tests"). On a fresh Debian 12 machine with
# the Swift toolchain it first installs what the tests need (apt packages: the OCI registry,
# the keyserver, skopeo, tmux, …), then builds and runs every test with the real peers required.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-test-deps.sh
swift build --build-tests
REMOTES_REQUIRE_PEERS=1 swift test --skip-build --parallel 2>&1 | tee .build/test.log | grep -vE '^(◇|↳) '
