#!/usr/bin/env bash
# The whole test suite, as CI runs it (see README, "Tests"). On a fresh Debian 12 machine with
# the Swift toolchain it first installs what the tests need (apt packages: the OCI registry,
# the keyserver, skopeo, tmux, …), then:
#   1. builds and runs every test with the real peers required;
#   2. runs each libFuzzer target for FUZZ_SECONDS (default 10) from its seed corpus;
#   3. builds the release binary (scripts/build-release.sh, which shows its hardening with
#      readelf) and runs ReleaseHardeningTests on it;
#   4. builds the Debian package from that binary and proves it installs and removes cleanly, as
#      `make install` does (scripts/check-package.sh; the release build is incremental by then);
#   5. runs the whole suite again under AddressSanitizer (scripts/sanitize.sh address).
# Set REMOTES_SKIP_SANITIZER=1 to leave out step 5 on a quick local run. Each phase prints its time.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
phase_started=$started
phase_name=
phase() {
    local now
    now=$(date +%s)
    [ -z "$phase_name" ] || echo "== $phase_name took $((now - phase_started)) s"
    phase_name=$1
    phase_started=$now
    echo "== $1 ($((now - started)) s so far)"
}

phase "test dependencies"
./scripts/install-test-deps.sh
phase "build"
swift build --build-tests
phase "tests"
REMOTES_REQUIRE_PEERS=1 swift test --skip-build --parallel 2>&1 | tee .build/test.log | grep -vE '^(◇|↳) '
phase "fuzzing, ${FUZZ_SECONDS:-10} s per target"
./scripts/fuzz.sh "${FUZZ_SECONDS:-10}"
phase "release build + hardening check"
release=$(./scripts/build-release.sh remotes)
REMOTES_RELEASE_BINARY=$release swift test --skip-build --filter ReleaseHardeningTests 2>&1 |
    tee .build/release-hardening.log | grep -vE '^(◇|↳) '
# The release binary's test must have run, not been skipped.
grep -q '✔ Test "the release binary is PIE' .build/release-hardening.log
phase "package: make deb, lintian, make install/uninstall, apt-get install/purge"
./scripts/check-package.sh
if [ -z "${REMOTES_SKIP_SANITIZER:-}" ]; then
    phase "AddressSanitizer"
    ./scripts/sanitize.sh address
fi
phase "all passed"
